/**
 * npm run bench:ingest [-- --reports 2000 --seed 1 --workers 1,2 --out FILE]
 *
 * The ingest rate: a seeded synthetic tree of report files (示例数据; .txt UTF-8 / GBK, .html, .docx) in a
 * temporary folder, ingested end to end (read, extract in worker threads, validate, write Parquet +
 * rol.duckdb + texts + review files) once per worker count. Prints reports/s, with extraction and writing
 * apart; the tree and outputs are deleted afterwards.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeReportTree } from './lib/report-tree.ts';
import { ingest } from './lib/ingest.ts';

const { values } = parseArgs({
  options: { reports: { type: 'string', default: '2000' }, seed: { type: 'string', default: '1' }, workers: { type: 'string', default: '1,2' }, out: { type: 'string' } },
});
const n = Number(values.reports);
const dir = mkdtempSync(join(tmpdir(), 'rol-bench-ingest-'));
try {
  const t0 = performance.now();
  const labels = writeReportTree(join(dir, 'tree'), { n, seed: Number(values.seed) });
  const chars = Math.round(labels.reduce((a, l) => a + l.chars, 0) / labels.length);
  console.log(`generated ${n} synthetic report files (示例数据; ${chars} characters each on average) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const runs = [];
  for (const w of values.workers!.split(',').map(Number)) {
    const s = await ingest({ dir: join(dir, 'tree'), out: join(dir, `out-${w}`), workers: w, synthetic: true });
    const r = {
      workers: w, files: s.files, reports: s.reports, facts: s.facts, review: s.review, failed: s.failed.length,
      seconds: +(s.ms / 1000).toFixed(2), extract_s: +(s.extract_ms / 1000).toFixed(2), write_s: +(s.write_ms / 1000).toFixed(2),
      reports_per_s: +(s.reports / (s.ms / 1000)).toFixed(1), extract_reports_per_s: +(s.reports / (s.extract_ms / 1000)).toFixed(1),
    };
    runs.push(r);
    console.log(
      `workers ${w}: ${r.reports} reports, ${r.facts} facts in ${r.seconds} s — ${r.reports_per_s} reports/s end to end (extraction ${r.extract_s} s = ${r.extract_reports_per_s} reports/s, writing ${r.write_s} s)`,
    );
  }
  if (values.out) writeFileSync(values.out, JSON.stringify({ reports: n, seed: Number(values.seed), chars_per_report: chars, runs }, null, 1));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
