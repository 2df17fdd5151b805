/**
 * `npm run ingest` at scale: a folder tree of report files → the project's published layout (Parquet
 * extracts, rol.duckdb, texts, manifest: scripts/lib/write-extracts.ts) plus what a person still has to do:
 * review.jsonl / review.csv (numbers the extractor left: unclaimed or low-confidence, with their clause and
 * suggested indicators), failed.csv (files that could not be read, with why), facts.csv and units.csv (each
 * report's unit against the 2023 list: a unique match is keyed by its official code; a name several units
 * share, one the list lacks, or a match whose county / province is not the one the report or its folders
 * give is kept under an id of its own, "not in the 2023 list", with the candidates for a person to choose
 * from). Files are read
 * and extracted in worker threads; records are assembled and validated with zod here, with the same ids the
 * browser's import gives the same report (src/lib/import/report-import.ts).
 */
import { availableParallelism } from 'node:os';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Fact, Report, Town, UnitType, levelOf, type Violation } from '../../src/lib/catalog/schemas.ts';
import type { Candidate, LocalFact, RuleViolation } from '../../src/lib/extract/types.ts';
import { newTownId, reportIdOf } from '../../src/lib/import/report-import.ts';
import { clauseBefore } from '../../src/lib/import/candidates.ts';
import { shortHash } from '../../src/lib/import/hash.ts';
import { EXTRACTOR_VERSION, loadDataset } from './sources.ts';
import { writeExtracts } from './write-extracts.ts';
import { gazetteerIndex } from './gazetteer.ts';
import { matchUnit, type GazetteerIndex } from '../../src/lib/gazetteer/match.ts';
import { candidateLabel, matchQueryOf, placeMismatches } from '../../src/lib/import/unit-match.ts';

export type IngestResult =
  | {
      ok: true;
      file: string;
      text: string;
      meta: {
        title: string | null; unit_name: string | null; unit_type: string | null; county: string | null;
        prefecture: string | null; province: string | null; year: number | null; publication_date: string | null;
      };
      facts: LocalFact[];
      candidates: Candidate[];
      violations: RuleViolation[];
    }
  | { ok: false; file: string; why_zh: string; why_en: string };

export interface IngestOptions {
  dir: string;
  out: string;
  workers?: number;
  /** The files are synthetic (generated): every record says so. */
  synthetic?: boolean;
  /** Where the catalog and rules come from. */
  dataDir?: string;
  onProgress?: (done: number, total: number, ms: number) => void;
}

export interface IngestSummary {
  files: number;
  reports: number;
  towns: number;
  facts: number;
  review: number;
  /** reports by how their unit matched the 2023 list */
  units: { matched: number; ambiguous: number; unknown: number; place_differs: number };
  failed: { file: string; why_zh: string; why_en: string }[];
  ms: number;
  extract_ms: number;
  write_ms: number;
}

const WORKER_URL = new URL('./ingest-worker.ts', import.meta.url).href;
const REPORT_EXT = /\.(txt|text|htm|html|docx)$/i;

export function listReportFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && REPORT_EXT.test(e.name) && !/^(?:\.|~\$)/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Extracts every file in worker threads, in batches; results in file order. */
async function extractAll(files: string[], dir: string, workers: number, onDone: (n: number) => void): Promise<IngestResult[]> {
  const out: IngestResult[] = new Array(files.length);
  const BATCH = 16;
  let next = 0;
  let done = 0;
  const pool = Array.from({ length: Math.max(1, Math.min(workers, Math.ceil(files.length / BATCH))) }, () =>
    // a TypeScript worker: tsx's loader is registered in the thread first (execArgv loaders do not reach it)
    new Worker(`import('tsx/esm/api').then((m) => m.register()).then(() => import(${JSON.stringify(WORKER_URL)}))`, { eval: true }),
  );
  try {
    await Promise.all(
      pool.map(
        (w) =>
          new Promise<void>((ok, fail) => {
            const send = () => {
              if (next >= files.length) return ok();
              const from = next;
              next = Math.min(files.length, next + BATCH);
              w.postMessage({ id: from, files: files.slice(from, next).map((f) => [f, relative(dir, f)]) });
            };
            w.on('message', (m: { id: number; results: IngestResult[] }) => {
              m.results.forEach((r, i) => (out[m.id + i] = r));
              done += m.results.length;
              onDone(done);
              send();
            });
            w.on('error', fail);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return out;
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const toCsv = (cols: string[], rows: Record<string, unknown>[]) => '\ufeff' + [cols.join(','), ...rows.map((r) => cols.map((c) => csvCell(r[c])).join(','))].join('\n') + '\n';

export async function ingest(opts: IngestOptions): Promise<IngestSummary> {
  const t0 = performance.now();
  const files = listReportFiles(opts.dir);
  const results = await extractAll(files, opts.dir, opts.workers ?? availableParallelism(), (n) => opts.onProgress?.(n, files.length, performance.now() - t0));
  const t1 = performance.now();

  const failed: IngestSummary['failed'] = [];
  const towns = new Map<string, Town>();
  const reports: Report[] = [];
  const facts: Fact[] = [];
  const violations: Violation[] = [];
  const texts = new Map<string, string>();
  const review: Record<string, unknown>[] = [];
  const synthetic = !!opts.synthetic;
  const index: GazetteerIndex = (await gazetteerIndex()).index;
  const units: Record<string, unknown>[] = [];
  const unitCounts = { matched: 0, ambiguous: 0, unknown: 0, place_differs: 0 };
  for (const r of results) {
    if (!r.ok) {
      failed.push({ file: r.file, why_zh: r.why_zh, why_en: r.why_en });
      continue;
    }
    const m = r.meta;
    const type = UnitType.safeParse(m.unit_type);
    if (!m.unit_name || !type.success || m.year === null) {
      const miss = [!m.unit_name && ['单位名称', 'the unit name'], !type.success && ['单位类型', 'the unit type'], m.year === null && ['报告年度', 'the report year']].filter(Boolean) as [string, string][];
      failed.push({
        file: r.file,
        why_zh: `标题、文件名和文件夹都没有给出${miss.map((x) => x[0]).join('、')}——在标题或文件名中写明,如“海城镇2024年法治政府建设工作报告”`,
        why_en: `neither the title, the file name nor the folders give ${miss.map((x) => x[1]).join(', ')} — name it in the title or file name, e.g. 海城镇2024年法治政府建设工作报告`,
      });
      continue;
    }
    const meta = { name_zh: m.unit_name, county: m.county ?? '', prefecture: m.prefecture ?? '', province: m.province ?? '' };
    // The unit in the 2023 list: the same query the review screen makes (src/lib/import/unit-match.ts).
    const match = matchUnit(matchQueryOf({ ...meta, unit_type: type.data, title: m.title ?? '' }, r.file), index);
    const unit = match.status === 'matched' ? match.candidates[0]! : null;
    const differs = unit ? placeMismatches(meta, unit) : [];
    const official = unit && !differs.length ? unit : null;
    const unitStatus = official ? 'matched' : differs.length ? 'place_differs' : match.status;
    unitCounts[unitStatus]++;
    const town_id = official?.code ?? newTownId(meta);
    const report_id = reportIdOf(town_id, m.year, r.text);
    if (texts.has(report_id)) {
      failed.push({ file: r.file, why_zh: '与另一个文件内容相同(同一乡镇、年度、全文),未重复导入', why_en: 'the same report (town, year and text) as another file; not ingested twice' });
      continue;
    }
    if (!towns.has(town_id)) {
      const place = official
        ? { name_zh: official.name, county: official.level === 'county' ? official.name : official.county, prefecture: official.prefecture, province: official.province, adcode: official.code }
        : { name_zh: m.unit_name, county: m.county, prefecture: m.prefecture, province: m.province, adcode: null };
      towns.set(town_id, Town.parse({ town_id, ...place, unit_type: type.data, level: levelOf(type.data), population: null, n_villages: null, is_synthetic: synthetic }));
    }
    units.push({
      file: r.file, report_id, town_id, unit: m.unit_name, county: m.county, prefecture: m.prefecture, province: m.province, status: unitStatus,
      code: official?.code ?? null,
      why: differs.map((d) => `${d.field} ${d.given} ≠ ${d.official}`).join('; ') || null,
      candidates: match.candidates.map(candidateLabel).join('; '),
    });
    const rep = Report.safeParse({
      report_id, town_id, year: m.year, title: m.title ?? r.file, publisher: null, publication_date: m.publication_date, url: null,
      text_path: `data/texts/${report_id}.txt`, full_text_hash: shortHash(r.text), genre: 'report', source: 'import', is_synthetic: synthetic,
    });
    if (!rep.success) {
      failed.push({ file: r.file, why_zh: `报告信息不完整:${rep.error.issues[0]!.message}`, why_en: `report metadata: ${rep.error.issues[0]!.message}` });
      continue;
    }
    reports.push(rep.data);
    texts.set(report_id, r.text);
    const idOf = (local: string) => `${report_id}#${local}`;
    for (const f of r.facts) {
      const { local_id, confidence: _c, ...rest } = f;
      const fact = Fact.safeParse({ ...rest, fact_id: idOf(local_id), report_id, town_id, year: m.year, review_status: 'extracted', source_url: null, is_synthetic: synthetic });
      if (fact.success) facts.push(fact.data);
    }
    for (const v of r.violations) violations.push({ report_id, rule_id: v.rule_id, severity: v.severity, fact_ids: v.fact_ids.map(idOf), message_zh: v.message_zh, message_en: v.message_en });
    for (const c of r.candidates)
      review.push({
        report_id, file: r.file, unit: m.unit_name, county: m.county, year: m.year, candidate_id: c.id, number: r.text.slice(c.start, c.end),
        context: r.text.slice(clauseBefore(r.text, c.start), c.end), start: c.start, end: c.end, value: c.value, unit_raw: c.unit,
        qualifier: c.qualifier, status: c.status, reason: c.reason ?? null,
        suggestions: c.suggestions.map((s) => `${s.indicator_id}:${s.score}`).join(' '),
      });
  }

  const catalog = loadDataset(opts.dataDir ?? 'data');
  mkdirSync(opts.out, { recursive: true });
  await writeExtracts(
    opts.out,
    {
      categories: catalog.catalog.categories, indicators: catalog.catalog.indicators, rules: catalog.rules,
      towns: [...towns.values()], reports, facts, violations,
    },
    texts,
    { catalog_version: catalog.catalog.version, extractor_version: EXTRACTOR_VERSION, synthetic, ingested_from: opts.dir, files: files.length, failed: failed.length },
  );
  writeFileSync(join(opts.out, 'review.jsonl'), review.map((x) => JSON.stringify(x)).join('\n') + (review.length ? '\n' : ''));
  const REVIEW_COLS = ['report_id', 'file', 'unit', 'county', 'year', 'candidate_id', 'number', 'context', 'value', 'unit_raw', 'qualifier', 'status', 'reason', 'suggestions'];
  writeFileSync(join(opts.out, 'review.csv'), toCsv(REVIEW_COLS, review));
  writeFileSync(join(opts.out, 'failed.csv'), toCsv(['file', 'why_zh', 'why_en'], failed));
  writeFileSync(join(opts.out, 'units.csv'), toCsv(['file', 'report_id', 'town_id', 'unit', 'county', 'prefecture', 'province', 'status', 'code', 'why', 'candidates'], units));
  const FACT_COLS = ['fact_id', 'report_id', 'town_id', 'year', 'indicator_id', 'sub_kind', 'value', 'value_high', 'qualifier', 'unit', 'evidence', 'evidence_start', 'evidence_end', 'section', 'period_basis', 'rule_id'];
  writeFileSync(join(opts.out, 'facts.csv'), toCsv(FACT_COLS, facts as unknown as Record<string, unknown>[]));
  const t2 = performance.now();
  return {
    files: files.length, reports: reports.length, towns: towns.size, facts: facts.length, review: review.length, units: unitCounts, failed,
    ms: t2 - t0, extract_ms: t1 - t0, write_ms: t2 - t1,
  };
}
