/**
 * npm run data — builds static/data/ (Parquet extracts, the DuckDB file, texts, manifest) from data/.
 * Every record is validated; the first problem list stops the build with file, record, field, expectation.
 *
 *   npm run data [-- --data DIR --out DIR --from INGESTED_DIR ...]
 *
 * --from adds the output of `npm run ingest` (a province's own reports) to what data/ holds.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ValidationError } from '../src/lib/catalog/validate.ts';
import { EXTRACTOR_VERSION, loadDataset } from './lib/sources.ts';
import { writeExtracts } from './lib/write-extracts.ts';
import { loadIngested, mergeIngested } from './lib/ingested.ts';

const { values } = parseArgs({
  options: { data: { type: 'string', default: 'data' }, out: { type: 'string', default: 'static/data' }, from: { type: 'string', multiple: true } },
});
const t0 = performance.now();
try {
  const d = loadDataset(values.data!);
  for (const dir of values.from ?? []) mergeIngested(d, await loadIngested(dir), dir);
  const stats = await writeExtracts(
    values.out!,
    {
      categories: d.catalog.categories,
      indicators: d.catalog.indicators,
      rules: d.rules,
      towns: d.towns,
      reports: d.reports,
      facts: d.facts,
      violations: d.violations,
    },
    d.texts,
    { catalog_version: d.catalog.version, extractor_version: EXTRACTOR_VERSION, synthetic: d.reports.some((r) => r.is_synthetic) },
  );
  for (const [t, s] of Object.entries(stats))
    console.log(`${t.padEnd(12)} ${String(s.rows).padStart(8)} rows ${(s.bytes / 1024).toFixed(1).padStart(9)} KB`);
  const errors = d.violations.filter((v) => v.severity === 'error').length;
  console.log(
    `built ${join(values.out!)} in ${((performance.now() - t0) / 1000).toFixed(2)} s — ${d.facts.length} facts, ${d.violations.length} rule findings (${errors} errors)`,
  );
} catch (e) {
  if (e instanceof ValidationError) {
    console.error(`npm run data: ${e.problems.length} problem(s) in the sources — nothing was written:`);
    for (const line of e.message.split('\n').slice(0, 50)) console.error(`  ${line}`);
    process.exit(1);
  }
  throw e;
}
