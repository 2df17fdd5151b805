/**
 * npm run synth -- --towns 38000 --years 10 --seed 1 [--out DIR] [--first-year 2015]
 *
 * Generates a SYNTHETIC dataset in the project's schema, for scale tests and benchmarks only — never
 * bundled as the default. Deterministic for a given seed: every value is a hash of (seed, town, year,
 * indicator), computed inside DuckDB, so 15 M facts take seconds and the same seed gives the same bytes.
 *
 * Realism: the towns are real townships of the national gazetteer (2023 list, 41,352 units; whole counties
 * drawn in a seeded order until --towns are reached, so counties have their real fan-out — up to 52 towns),
 * with their codes, hierarchy and village counts; heavy-tailed (log-normal) counts with a
 * per-town size factor and a mild trend; "余" lower bounds rounded down to round numbers; gaps (missing
 * indicators, missing town-years); a few partial-year reports. Consistency rules hold by construction:
 * oral + written = total (M1), success ≤ total (M2), confirmation ≤ success and ≤ written (M3, M4),
 * instances sum to the suits total (L1), lost ≤ concluded ≤ total (L2, L3), rates = numerator/denominator.
 *
 * Everything is labelled: towns and reports carry is_synthetic = true, names start with 示例 (示例蒲场镇: a real
 * place, made-up figures), reports have
 * source = 'synthetic', evidence reads "示例数据(合成,seed=N)".
 */
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { NodeDuck, readSql } from './lib/duckdb-node.ts';
import { insertRecords, publish } from './lib/write-extracts.ts';
import { loadGazetteerCached } from './lib/gazetteer.ts';
import { loadDataset } from './lib/sources.ts';

const { values } = parseArgs({
  options: {
    towns: { type: 'string', default: '38000' },
    years: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    'first-year': { type: 'string', default: '2015' },
    out: { type: 'string' },
  },
});
const N = Number(values.towns);
const Y = Number(values.years);
const SEED = Number(values.seed);
const Y0 = Number(values['first-year']);
if (![N, Y, SEED, Y0].every(Number.isInteger) || N < 1 || Y < 1)
  throw new Error('synth: --towns, --years, --seed and --first-year must be positive integers');

/** The site root for this dataset: a static/ folder (favicon + data/) for `STATIC_DIR=… npm run build`. */
export const synthName = (towns: number, years: number, seed: number) => `synthetic-${towns}x${years}-s${seed}`;
const root = values.out ?? join('.bench', synthName(N, Y, SEED));
const out = join(root, 'data');

/**
 * Independent indicators: median, log-sd, share missing, share stated as "N余" (lower bound).
 * Dependent ones (parts, rates, outcomes) are derived below so the rules hold.
 */
const INDEPENDENT: [id: string, median: number, sigma: number, pMissing: number, pLower: number][] = [

  ['ls_law_study_sessions', 8, 0.5, 0.15, 0.1],
  ['ls_rol_meetings', 3, 0.5, 0.15, 0],
  ['ls_training_sessions', 5, 0.6, 0.2, 0.1],
  ['ls_training_attendance', 300, 0.8, 0.3, 0.5],
  ['dm_legality_reviews', 40, 0.9, 0.25, 0.1],
  ['dm_major_decisions', 6, 0.7, 0.4, 0],
  ['dm_legal_opinions', 12, 0.8, 0.3, 0.1],
  ['dm_legal_advisers', 2, 0.4, 0.3, 0],
  ['enf_certified_officers', 20, 0.5, 0.3, 0],
  ['enf_inspections', 30, 0.8, 0.3, 0.2],
  ['tr_proactive_disclosures', 150, 0.8, 0.5, 0.1],
  ['tr_disclosure_requests', 2, 1, 0.6, 0],
  ['out_events', 20, 0.7, 0.05, 0.2],
  ['out_materials', 5000, 1, 0.1, 0.5],
  ['out_reach', 8000, 1, 0.2, 0.6],
  ['out_banners', 30, 0.7, 0.3, 0.5],
  ['out_posters', 40, 0.8, 0.4, 0.5],
  ['out_law_savvy_persons', 40, 0.6, 0.3, 0],
  ['svc_legal_consultations', 200, 0.8, 0.2, 0.4],
  ['svc_legal_aid_cases', 5, 0.8, 0.5, 0],
  ['pet_petitions_received', 40, 1, 0.3, 0],
  ['pet_hotline_tickets', 300, 1, 0.3, 0.2],
  // extension indicators, reported by fewer towns
  ['dm_normative_docs', 1, 0.8, 0.6, 0],
  ['dm_review_issues_found', 20, 0.9, 0.6, 0.2],
  ['dm_adviser_engagements', 30, 0.8, 0.5, 0.2],
  ['enf_case_file_reviews', 4, 0.6, 0.6, 0],
  ['out_online_posts', 60, 0.9, 0.4, 0.3],
  ['out_culture_sites', 5, 0.6, 0.5, 0],
  ['med_mediators', 30, 0.5, 0.4, 0],
  ['med_case_files_reviewed', 100, 0.9, 0.6, 0],
  ['svc_service_center_visits', 500, 0.9, 0.5, 0.3],
];

const t0 = performance.now();
const db = await NodeDuck.open(':memory:', { threads: '2', preserve_insertion_order: 'false' });
await db.exec(readSql('schema.sql'));

// Catalog tables come from the real catalog (same ids, same rules).
const base = loadDataset('data');
await insertRecords(db, { categories: base.catalog.categories, indicators: base.catalog.indicators, rules: base.rules }, join(root, '.tmp'));

await db.exec(`
  CREATE MACRO u(a, b, c, d) AS ((hash(${SEED}, a, b, c, d) >> 11)::DOUBLE / 9007199254740992.0);
  CREATE MACRO gauss(a, b, c) AS sqrt(-2 * ln(greatest(u(a, b, c, 'g1'), 1e-12))) * cos(2 * pi() * u(a, b, c, 'g2'));
  CREATE MACRO roundish(v) AS CASE WHEN v >= 10000 THEN floor(v / 1000) * 1000 WHEN v >= 1000 THEN floor(v / 100) * 100
                                  WHEN v >= 100 THEN floor(v / 10) * 10 WHEN v >= 20 THEN floor(v / 10) * 10 ELSE v END;
`);

// Geography: the real townships (镇 / 乡 / 民族乡 / 街道; the list's other units — farms, development zones —
// are left out), whole counties in a seeded order until N towns. Size grows with the township's villages.
const gaz = await loadGazetteerCached(db);
if (N > gaz.towns) throw new Error(`synth: --towns ${N} is more than the ${gaz.towns} townships of the ${gaz.as_of.slice(0, 4)} list`);
await db.exec(`
  CREATE TABLE geo AS
  WITH g AS (
    SELECT g.*, hash(${SEED}, g.county_code) AS h FROM gazetteer g WHERE g.unit_type <> '其他'
  )
  SELECT (row_number() OVER (ORDER BY h, code) - 1)::INTEGER AS i, code, name_zh, unit_type, county, prefecture, province, n_villages
  FROM g QUALIFY i < ${N};
  ALTER TABLE geo ADD COLUMN size DOUBLE;
  UPDATE geo SET size = exp(0.6 * gauss(i, 0, 'size')) * sqrt(greatest(n_villages, 1) / 14.0);
  INSERT INTO towns
  SELECT code, '示例' || name_zh, unit_type, 'township', county, prefecture, province, code,
         (8000 + 40000 * size)::INTEGER, n_villages, true
  FROM geo;
`);

// Town-years: 4% missing entirely (no report that year); 3% partial-year reports.
await db.exec(`
  CREATE TABLE ty AS
  SELECT g.i, g.size, y AS year, g.code AS town_id, printf('syn-%s-%d', g.code, y) AS report_id,
         (1 + 0.04 * (y - ${Y0})) * exp(0.15 * gauss(g.i, y, 'year')) AS k,
         u(g.i, y, 'partial', 0) < 0.03 AS partial
  FROM geo g, range(${Y0}, ${Y0 + Y}) r(y)
  WHERE u(g.i, y, 'report', 0) >= 0.04;
  INSERT INTO reports
  SELECT report_id, town_id, year, printf('示例数据:示例%s%d年法治政府建设工作报告(合成)', g.name_zh, year), NULL,
         CASE WHEN partial THEN make_date(year, 7, 15) ELSE make_date(year + 1, 2, 1) + (u(i, year, 'pub', 0) * 60)::INTEGER END,
         NULL, NULL, NULL, 'report', 'synthetic', true
  FROM ty JOIN (SELECT i AS gi, name_zh FROM geo) g ON g.gi = ty.i;
`);

const lnv = (id: string, median: number, sigma: number) =>
  `${median} * size * k * exp(${sigma} * gauss(i, year, '${id}'))`;

// One row per (town-year, indicator) as (indicator_id, sub_kind, value, lower) — then expanded into facts.
const parts: string[] = [];
for (const [id, median, sigma, pMiss, pLower] of INDEPENDENT) {
  parts.push(`SELECT report_id, town_id, year, partial, '${id}' AS indicator_id, NULL AS sub_kind,
      CASE WHEN lower THEN roundish(v) ELSE v END AS value, lower AND roundish(v) < v AS lower
    FROM (SELECT *, round(${lnv(id, median, sigma)}) AS v, u(i, year, '${id}', 'lb') < ${pLower} AS lower FROM ty
          WHERE u(i, year, '${id}', 'miss') >= ${pMiss})`);
}
await db.exec(`
  CREATE TABLE dep AS
  SELECT *,
    -- mediation: total, parts, outcomes
    round(150 * size * k * exp(0.9 * gauss(i, year, 'med'))) AS med_total,
    u(i, year, 'med', 'miss') >= 0.05 AS has_med,
    u(i, year, 'med', 'split') >= 0.4 AS has_split,
    0.4 + 0.4 * u(i, year, 'med', 'oral') AS oral_share,
    0.9 + 0.1 * u(i, year, 'med', 'succ') AS succ_share,
    u(i, year, 'med', 'rate') < 0.6 AS has_rate,
    0.2 * u(i, year, 'med', 'jc') AS jc_share,
    1 + 0.3 * u(i, year, 'med', 'screen') AS screen_factor,
    0.1 * u(i, year, 'med', 'joint') AS joint_share,
    -- litigation: small counts
    floor(3 * size * exp(1.0 * gauss(i, year, 'lit'))) AS lit_total,
    u(i, year, 'lit', 'miss') >= 0.3 AS has_lit,
    0.6 + 0.4 * u(i, year, 'lit', 'first') AS first_share,
    0.6 + 0.4 * u(i, year, 'lit', 'concl') AS concl_share,
    0.15 * u(i, year, 'lit', 'lost') AS lost_share,
    floor(1.5 * size * exp(0.8 * gauss(i, year, 'recon'))) AS recon,
    u(i, year, 'recon', 'miss') >= 0.5 AS has_recon,
    -- enforcement
    floor(15 * size * exp(1.0 * gauss(i, year, 'pen'))) AS pen_cases,
    u(i, year, 'pen', 'miss') >= 0.4 AS has_pen,
    -- petitions closure, exam pass
    u(i, year, 'pet', 'close') AS close_u,
    u(i, year, 'exam', 'x') AS exam_u
  FROM ty;
`);
const dep = (id: string, expr: string, cond: string, sub = 'NULL') =>
  `SELECT report_id, town_id, year, partial, '${id}', ${sub}, (${expr})::DOUBLE, false FROM dep WHERE ${cond}`;
// Theory study is reported in parts (study, seminar, party lecture), like the seed report.
for (const [sub, median] of [['study', 4], ['seminar', 2], ['party_lecture', 2]] as const)
  parts.push(`SELECT report_id, town_id, year, partial, 'ls_theory_study_sessions', '${sub}',
      round(${lnv(`ls_theory_${sub}`, median, 0.5)}), false FROM ty WHERE u(i, year, 'ls_theory_${sub}', 'miss') >= 0.15`);
parts.push(
  dep('med_cases_total', 'med_total', 'has_med'),
  dep('med_oral', 'round(med_total * oral_share)', 'has_med AND has_split', "'oral'"),
  dep('med_written', 'med_total - round(med_total * oral_share)', 'has_med AND has_split', "'written'"),
  dep('med_success', 'floor(med_total * succ_share)', 'has_med'),
  dep('med_success_rate', 'floor(1000 * floor(med_total * succ_share) / med_total) / 10', 'has_med AND has_rate AND med_total > 0'),
  dep('med_judicial_confirmation', 'floor((med_total - round(med_total * oral_share)) * jc_share)', 'has_med AND has_split'),
  dep('med_disputes_screened', 'round(med_total * screen_factor)', 'has_med AND screen_factor > 1.1'),
  dep('med_joint', 'floor(med_total * joint_share)', 'has_med AND joint_share > 0.03'),
  dep('lit_admin_suits_total', 'lit_total', 'has_lit'),
  dep('lit_first_instance', 'round(lit_total * first_share)', 'has_lit'),
  dep('lit_second_instance', 'lit_total - round(lit_total * first_share)', 'has_lit'),
  dep('lit_retrial', '0', 'has_lit AND lit_total > 0'),
  dep('lit_admin_suits_concluded', 'round(lit_total * concl_share)', 'has_lit'),
  dep('lit_admin_suits_lost', 'floor(round(lit_total * concl_share) * lost_share)', 'has_lit'),
  dep('lit_loss_rate', 'round(1000 * floor(round(lit_total * concl_share) * lost_share) / round(lit_total * concl_share)) / 10', 'has_lit AND round(lit_total * concl_share) > 0'),
  dep('lit_reconsideration_cases', 'recon', 'has_recon'),
  dep('lit_reconsideration_corrected', 'floor(recon * 0.1 * close_u)', 'has_recon'),
  dep('enf_penalty_cases', 'pen_cases', 'has_pen'),
  dep('enf_penalty_amount', 'CASE WHEN pen_cases = 0 THEN 0 ELSE round(pen_cases * 3000 * exp(0.8 * gauss(i, year, \'amt\'))) END', 'has_pen'),
  dep('enf_certification_rate', 'CASE WHEN exam_u < 0.9 THEN 100 ELSE 90 + round(100 * exam_u) / 10 END', 'exam_u > 0.3'),
  dep('ls_exam_pass_rate', 'CASE WHEN exam_u < 0.8 THEN 100 ELSE 95 + round(50 * exam_u) / 10 END', 'exam_u > 0.4'),
  dep('pet_closure_rate', 'CASE WHEN close_u < 0.7 THEN 100 ELSE 90 + round(100 * close_u) / 10 END', 'close_u > 0.2'),
);
await db.exec(`CREATE TABLE obs AS ${parts.join('\nUNION ALL\n')}`);
await db.exec(`
  INSERT INTO facts
  SELECT report_id || '#' || indicator_id || coalesce('-' || sub_kind, ''), report_id, town_id, year, indicator_id, sub_kind,
         'level', value, NULL, CASE WHEN lower THEN 'lower_bound' ELSE 'exact' END,
         i.unit, i.unit, 1, 'arabic', value = 0, false, false,
         make_date(year, 1, 1), CASE WHEN partial THEN make_date(year, 6, 30) ELSE make_date(year, 12, 31) END,
         CASE WHEN partial THEN 'ytd_as_of' ELSE 'calendar_year' END, NULL, '成效',
         '示例数据(合成,seed=${SEED})', NULL, NULL, 'synth', 'synth-1', 'extracted', NULL, true
  FROM obs JOIN indicators i ON i.id = obs.indicator_id;
  DROP TABLE obs; DROP TABLE dep; DROP TABLE ty; DROP TABLE geo;
`);
const t1 = performance.now();

rmSync(root, { recursive: true, force: true });
mkdirSync(root, { recursive: true });
if (existsSync('static/favicon.svg')) cpSync('static/favicon.svg', join(root, 'favicon.svg'));
const stats = await publish(db, out, {
  partitionFacts: true,
  meta: { catalog_version: base.catalog.version, synthetic: true, synth: { towns: N, years: Y, seed: SEED, first_year: Y0 } },
});
db.close();
for (const [t, s] of Object.entries(stats))
  console.log(`${t.padEnd(15)} ${String(s.rows).padStart(10)} rows ${(s.bytes / 1e6).toFixed(2).padStart(9)} MB`);
console.log(
  `synthetic ${N} towns × ${Y} years (seed ${SEED}) → ${root}: generated in ${((t1 - t0) / 1000).toFixed(1)} s, published in ${((performance.now() - t1) / 1000).toFixed(1)} s`,
);
