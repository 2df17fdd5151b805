/**
 * npm run ingest -- DIR [--out DIR] [--workers N] [--synthetic]
 *
 * Reads a folder tree of report files (.txt / .html / .docx, UTF-8 or GBK; thousands), extracts them in
 * parallel worker threads and writes the facts, reports and towns as the project's published extracts
 * (Parquet + rol.duckdb + texts + manifest) in --out (default ingest-out/), with review.jsonl / review.csv
 * (the numbers left for a person), failed.csv, facts.csv and units.csv (each report's unit against the 2023 list). Prints progress and every failed file with why.
 * `npm run data -- --from DIR` then builds the site's data from it (beside the bundled reports).
 */
import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ingest } from './lib/ingest.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string', default: 'ingest-out' }, workers: { type: 'string' }, synthetic: { type: 'boolean', default: false } },
});
const dir = positionals[0];
if (!dir) {
  console.error('usage: npm run ingest -- DIR [--out DIR] [--workers N] [--synthetic]');
  process.exit(2);
}
if (!existsSync(dir) || !statSync(dir).isDirectory()) {
  console.error(`ingest: ${dir}: no such folder — give the folder that holds the report files`);
  process.exit(2);
}
let last = 0;
const s = await ingest({
  dir,
  out: values.out!,
  workers: values.workers ? Number(values.workers) : undefined,
  synthetic: values.synthetic,
  onProgress: (done, total, ms) => {
    if (done === total || ms - last > 1000) {
      last = ms;
      process.stderr.write(`ingest: ${done} / ${total} files · ${(done / (ms / 1000)).toFixed(0)} files/s\n`);
    }
  },
});
for (const f of s.failed) process.stderr.write(`ingest: failed ${f.file}: ${f.why_zh} / ${f.why_en}\n`);
const rate = s.reports / (s.ms / 1000);
console.log(
  `ingested ${s.reports} reports (${s.towns} towns, ${s.facts} facts) from ${s.files} files into ${values.out} in ${(s.ms / 1000).toFixed(2)} s — ${rate.toFixed(1)} reports/s (extract ${(s.extract_ms / 1000).toFixed(2)} s, write ${(s.write_ms / 1000).toFixed(2)} s); units in the 2023 list: ${s.units.matched} matched, ${s.units.ambiguous} ambiguous, ${s.units.unknown} not in the list, ${s.units.place_differs} in another place than given (units.csv); ${s.review} numbers left for review (review.csv); ${s.failed.length} failed (failed.csv)`,
);
process.exitCode = s.failed.length && !s.reports ? 1 : 0;
