/**
 * One-off import of the hand-labelled real facts of ../shared/eval/dev.jsonl into data/real/.
 * Bundles metadata, source URLs, gold facts and their short evidence phrases — never the report texts
 * (those stay in shared/ for measuring the extractor).
 *
 * Each unit is placed on the national gazetteer (2023 list) by src/lib/gazetteer/match.ts: a unique match
 * makes its official code the key (town_id = 9-digit code for a township, 6-digit for a county-level unit);
 * anything else keeps its slug, adcode null ("not in the 2023 list"). The slugs of the earlier import are
 * written to src/lib/catalog/town-aliases.ts, so saved links and browser data keep finding their town.
 *
 *   npx tsx scripts/import-eval.ts [../shared/eval/dev.jsonl]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { CatalogFile, UnitType, levelOf } from '../src/lib/catalog/schemas.ts';
import { percentUnderCount } from '../src/lib/catalog/validate.ts';
import { matchUnit } from '../src/lib/gazetteer/match.ts';
import { gazetteerIndex } from './lib/gazetteer.ts';
import { LEGACY_TOWN_IDS } from '../src/lib/catalog/town-aliases.ts';

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

// --rekey: place the towns already in data/real/eval-dev.json on the gazetteer (new keys), facts untouched.
const rekey = process.argv.includes('--rekey');
const src = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '../shared/eval/dev.jsonl';
const catalog = new Map(CatalogFile.parse(JSON.parse(readFileSync('data/indicators.json', 'utf8'))).indicators.map((i) => [i.id, i]));
const lines = rekey ? [] : readFileSync(src, 'utf8').split('\n').filter(Boolean);
const towns = new Map<string, object>();
const reports: object[] = [];
const facts: object[] = [];
const skipped: string[] = [];
const { index } = await gazetteerIndex();
const aliases: Record<string, string> = { ...LEGACY_TOWN_IDS };
const tally = { named: 0, matched: 0, ambiguous: 0, unknown: 0 };
/** The town record of a unit: its official code as key when the list has it uniquely, else its slug. */
function place(
  slug: string,
  u: { unit_name: string | null; unit_type: UnitType; county: string | null; prefecture?: string | null; province: string | null },
  title: string | null,
) {
  const level = levelOf(u.unit_type);
  const m = matchUnit({ name: u.unit_name, county: u.county, prefecture: u.prefecture, province: u.province, title, level }, index);
  tally.named++;
  tally[m.status]++;
  const hit = m.status === 'matched' ? m.candidates[0]! : null;
  if (hit) aliases[slug] = hit.code;
  else skipped.push(`${slug}: "${u.unit_name}" ${m.status} in the 2023 list (${m.candidates.length} candidates) — kept as ${slug}, not in the list`);
  return {
    town_id: hit?.code ?? slug,
    // the list's name where matched (延吉市司法局 → 延吉市); the report's own otherwise
    name_zh: hit?.name ?? u.unit_name!,
    unit_type: u.unit_type,
    level,
    county: hit ? hit.county : level === 'county' ? u.unit_name : u.county,
    prefecture: hit ? hit.prefecture : (u.prefecture ?? null),
    province: hit ? hit.province : u.province,
    adcode: hit?.code ?? null,
    population: null,
    n_villages: null,
    is_synthetic: false,
  };
}

if (rekey) {
  // The bundled file keeps its reports and facts; only the towns' keys (and the reports' town_id) change.
  const file = JSON.parse(readFileSync('data/real/eval-dev.json', 'utf8')) as {
    towns: { town_id: string; name_zh: string; unit_type: UnitType; county: string | null; prefecture: string | null; province: string | null }[];
    reports: { town_id: string; title: string | null }[];
  };
  const ids = new Map<string, string>();
  for (const t of file.towns) {
    const old = Object.entries(LEGACY_TOWN_IDS).find(([, v]) => v === t.town_id)?.[0] ?? t.town_id;
    const title = file.reports.find((r) => r.town_id === t.town_id)?.title ?? null;
    const n = place(old, { ...t, unit_name: t.name_zh, county: t.unit_type === '县' || t.unit_type === '区' || t.unit_type === '县级市' ? null : t.county }, title);
    ids.set(t.town_id, n.town_id);
    towns.set(n.town_id, n);
  }
  for (const r of file.reports) r.town_id = ids.get(r.town_id) ?? r.town_id;
  Object.assign(file, { towns: [...towns.values()] });
  writeFileSync('data/real/eval-dev.json', JSON.stringify(file, null, 1) + '\n');
} else for (const [i, line] of lines.entries()) {
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
  // The slug the first import used: still the report id's stem, and the alias of the town's code.
  const slug = r.id.replace(/-(\d{4}(q\d)?|201x)$/, '');
  const report_id = `${slug}-${r.id.slice(slug.length + 1)}`;
  const town = place(slug, r, r.title);
  const town_id = town.town_id;
  towns.set(town_id, town);
  // Only full annual reports are calendar-year figures; news items and summaries have no stated period.
  const annual = (r.genre === undefined || r.genre === 'report') && /^\d{4}$/.test(r.id.slice(slug.length + 1));
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
if (!rekey) writeFileSync(
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
const sorted = Object.fromEntries(Object.entries(aliases).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(
  'src/lib/catalog/town-aliases.ts',
  `/**
 * Town ids before the move to official codes (issue 13) → today's town_id. Saved links (?towns=…,
 * /town/<id>) and data imported in a browser before the move are mapped through it; the build also writes
 * it as the table town_aliases. Written by scripts/import-eval.ts; add an entry when a town's key changes.
 */
export const LEGACY_TOWN_IDS: Readonly<Record<string, string>> = ${JSON.stringify(sorted, null, 2).replace(/"([^"]+)":/g, "'$1':").replaceAll('"', "'")};

/** Today's id of a town: the code an old slug maps to, else the id itself. */
export const currentTownId = (id: string): string => LEGACY_TOWN_IDS[id] ?? id;
`,
);
if (!rekey) console.log(`towns ${towns.size}, reports ${reports.length}, facts ${facts.length}`);
console.log(
  `gazetteer: ${tally.named} unit names, ${tally.matched} matched uniquely (${((100 * tally.matched) / tally.named).toFixed(1)}%), ${tally.ambiguous} ambiguous, ${tally.unknown} unknown`,
);
for (const s of skipped) console.log(`skipped ${s}`);
