/**
 * One-off import of the hand-labelled real facts of ../shared/eval/dev.jsonl into data/real/.
 * Bundles metadata, source URLs, gold facts and their short evidence phrases — never the report texts
 * (those stay in shared/ for measuring the extractor).
 *
 *   npx tsx scripts/import-eval.ts [../shared/eval/dev.jsonl]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { CatalogFile, UnitType, levelOf } from '../src/lib/catalog/schemas.ts';
import { percentUnderCount } from '../src/lib/catalog/validate.ts';

const EvalRecord = z.object({
  id: z.string(),
  url: z.string().nullable(),
  title: z.string().nullable(),
  unit_name: z.string().nullable(),
  unit_type: UnitType,
  county: z.string().nullable(),
  prefecture: z.string().nullable().optional(),
  province: z.string().nullable(),
  report_year: z.number().int().nullable(),
  publish_date: z.string().nullable().optional(),
  genre: z.string().optional(),
  text: z.string(),
  facts: z.array(
    z.object({
      indicator: z.string(),
      value: z.number(),
      qualifier: z.string(),
      value_high: z.number().optional(),
      sub_kind: z.string().optional(),
      evidence: z.string(),
    }),
  ),
});

const src = process.argv[2] ?? '../shared/eval/dev.jsonl';
const catalog = new Map(CatalogFile.parse(JSON.parse(readFileSync('data/indicators.json', 'utf8'))).indicators.map((i) => [i.id, i]));
const lines = readFileSync(src, 'utf8').split('\n').filter(Boolean);
const towns = new Map<string, object>();
const reports: object[] = [];
const facts: object[] = [];
const skipped: string[] = [];
for (const [i, line] of lines.entries()) {
  const parsed = EvalRecord.safeParse(JSON.parse(line));
  if (!parsed.success) throw new Error(`${src} line ${i + 1}: ${z.prettifyError(parsed.error)}`);
  const r = parsed.data;
  // The seed report is bundled with its full text under data/reports/ and extracted from it.
  if (r.id.startsWith('seed-')) continue;
  if (r.unit_name === null) {
    skipped.push(`${r.id}: no unit name, cannot be placed on the map of towns`);
    continue;
  }
  if (r.report_year === null) {
    skipped.push(`${r.id}: no report year, cannot be placed on a year axis`);
    continue;
  }
  const town_id = r.id.replace(/-(\d{4}(q\d)?|201x)$/, '');
  const report_id = `${town_id}-${r.id.slice(town_id.length + 1)}`;
  towns.set(town_id, {
    town_id,
    name_zh: r.unit_name,
    unit_type: r.unit_type,
    level: levelOf(r.unit_type),
    county: levelOf(r.unit_type) === 'county' ? r.unit_name : r.county,
    prefecture: r.prefecture ?? null,
    province: r.province,
    adcode: null,
    population: null,
    n_villages: null,
    is_synthetic: false,
  });
  // Only full annual reports are calendar-year figures; news items and summaries have no stated period.
  const annual = (r.genre === undefined || r.genre === 'report') && /^\d{4}$/.test(r.id.slice(town_id.length + 1));
  reports.push({
    report_id,
    town_id,
    year: r.report_year,
    title: r.title,
    publisher: null,
    publication_date: r.publish_date ?? null,
    url: r.url,
    text_path: null,
    full_text_hash: null,
    genre: r.genre ?? 'report',
    source: 'real',
    is_synthetic: false,
  });
  r.facts.forEach((f, k) => {
    // A percentage labelled under a counting indicator (履行率100% as med_agreements_fulfilled, 件) would be
    // drawn as "100 件" and summed: the catalog has no rate for it, so it is left out (npm run data refuses it).
    const ind = catalog.get(f.indicator);
    if (ind && percentUnderCount({ value: f.value, unit: ind.unit, unit_raw: null, evidence: f.evidence }, ind)) {
      skipped.push(`${r.id} fact ${k}: "${f.evidence}" is a percentage, but ${f.indicator} counts ${ind.unit}`);
      return;
    }
    facts.push({
      report_id,
      seq: k,
      indicator_id: f.indicator,
      value: f.value,
      value_high: f.value_high ?? null,
      qualifier: f.qualifier,
      sub_kind: f.sub_kind ?? null,
      evidence: f.evidence,
      period_basis: annual ? 'calendar_year' : 'unknown',
    });
  });
}
writeFileSync(
  'data/real/eval-dev.json',
  JSON.stringify(
    {
      about:
        'Hand-labelled facts of real public reports (shared/eval/dev.jsonl): metadata, source URL, evidence phrase. Texts are not bundled.',
      towns: [...towns.values()],
      reports,
      facts,
    },
    null,
    1,
  ) + '\n',
);
console.log(`towns ${towns.size}, reports ${reports.length}, facts ${facts.length}`);
for (const s of skipped) console.log(`skipped ${s}`);
