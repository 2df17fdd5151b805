/**
 * A small hand-made dataset for the dashboard's SQL semantics, written with the real store code
 * (scripts/lib/write-extracts.ts) into a temp dir, so expected values are exact and independent of the
 * bundled data. One test county 测试县 with four township-level units, one unit of another county, and
 * the county's own report (level 'county', never a town). Codes are shaped like official ones under a
 * province 99 that does not exist (测试县 = 990101), so the gazetteer adds no township of its own to them;
 * the code checks against the 2023 list are off for this fixture (checkCodes: false).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogFile, RulesFile, type Fact, type Report, type Town, type Violation } from '../../src/lib/catalog/schemas.ts';
import { writeExtracts } from '../../scripts/lib/write-extracts.ts';
import { openExtracts, type NodeDuck } from '../../scripts/lib/duckdb-node.ts';

const town = (town_id: string, name_zh: string, unit_type: Town['unit_type'], county: string, adcode: string, level: Town['level'] = 'township'): Town => ({
  town_id, name_zh, unit_type, level, county, prefecture: '测试市', province: '测试省', adcode, population: null, n_villages: null, is_synthetic: false,
});
/** the test county's 6-digit code (the county key of every scope) */
export const TEST_COUNTY = '990101';

export const TOWNS: Town[] = [
  town('t-a', '甲镇', '镇', '测试县', '990101101'),
  town('t-b', '乙乡', '乡', '测试县', '990101201'),
  town('t-c', '丙街道', '街道', '测试县', '990101001'),
  town('t-d', '丁镇', '镇', '测试县', '990101102'),
  town('t-e', '戊镇', '镇', '另一县', '990102101'),
  town('c-test', '测试县', '县', '测试县', '990101', 'county'),
];

const report = (town_id: string, year: number): Report => ({
  report_id: `${town_id}-${year}`, town_id, year, title: `${town_id} ${year}`, publisher: null, publication_date: null,
  url: `https://example.gov.cn/${town_id}/${year}.html`, text_path: null, full_text_hash: null, genre: 'report', source: 'real', is_synthetic: false,
});
export const REPORTS: Report[] = [
  report('t-a', 2023), report('t-b', 2023),
  report('t-a', 2024), report('t-b', 2024), report('t-c', 2024), report('t-d', 2024), report('t-e', 2024), report('c-test', 2024),
];

const UNITS: Record<string, string> = { med: '件', lit: '件', dm_legal_advisers: '名', enf_certified_officers: '名', out_events: '场' };
let seq = 0;
const fact = (town_id: string, year: number, indicator_id: string, value: number, o: Partial<Fact> = {}): Fact => ({
  fact_id: `${town_id}-${year}#${++seq}`, report_id: `${town_id}-${year}`, town_id, year, indicator_id, sub_kind: null, measure: 'level',
  value, value_high: null, qualifier: 'exact', unit_raw: null,
  unit: indicator_id.endsWith('_rate') ? '%' : (UNITS[indicator_id] ?? UNITS[indicator_id.split('_')[0]!] ?? '件'),
  scale: 1, numeral_type: 'arabic', is_zero_statement: value === 0, is_target: false, is_derived: false,
  period_start: null, period_end: null, period_basis: 'calendar_year', scope: null, section: '成效',
  evidence: `${indicator_id} ${value}`, evidence_start: null, evidence_end: null, rule_id: 'fixture', extractor_version: 'fixture',
  review_status: 'accepted', source_url: null, is_synthetic: false, ...o,
});
const lb = { qualifier: 'lower_bound' as const };

export const FACTS: Fact[] = [
  // Mediation: flows. 2024: 甲 100, 乙 "50余" (lower bound), 丙 nothing (missing), 丁 explicit zero. 戊 is another county.
  fact('t-a', 2024, 'med_cases_total', 100),
  fact('t-b', 2024, 'med_cases_total', 50, lb),
  fact('t-d', 2024, 'med_cases_total', 0),
  fact('t-e', 2024, 'med_cases_total', 70),
  fact('c-test', 2024, 'med_cases_total', 1000), // the county's own report: never a town
  fact('t-a', 2023, 'med_cases_total', 80),
  fact('t-b', 2023, 'med_cases_total', 60),
  fact('t-a', 2024, 'med_success', 90),
  fact('t-b', 2024, 'med_success', 40),
  fact('t-a', 2024, 'med_success_rate', 90),
  fact('t-b', 2024, 'med_success_rate', 80),
  // Litigation: loss rate = Σlost / Σconcluded = (1 + 0 + 3) / (10 + 5 + 5) = 20 %; the mean of the town rates would be 23.33.
  fact('t-a', 2024, 'lit_admin_suits_lost', 1),
  fact('t-a', 2024, 'lit_admin_suits_concluded', 10),
  fact('t-a', 2024, 'lit_loss_rate', 10),
  fact('t-b', 2024, 'lit_admin_suits_lost', 0),
  fact('t-b', 2024, 'lit_admin_suits_concluded', 5),
  fact('t-d', 2024, 'lit_admin_suits_lost', 3),
  fact('t-d', 2024, 'lit_admin_suits_concluded', 5),
  // 乙 reports a rate of its own with no counts; 丙 and 丁 each report a head-appearance rate: never averaged.
  fact('t-c', 2024, 'lit_head_appearance_rate', 100),
  fact('t-d', 2024, 'lit_head_appearance_rate', 50),
  // Stocks: same date for 甲 and 丁 (sum 5); 甲 and 乙 at different dates (not summed).
  fact('t-a', 2024, 'dm_legal_advisers', 3, { period_end: '2024-12-31' }),
  fact('t-d', 2024, 'dm_legal_advisers', 2, { period_end: '2024-12-31' }),
  fact('t-a', 2024, 'enf_certified_officers', 12, { period_end: '2024-12-31' }),
  fact('t-b', 2024, 'enf_certified_officers', 4, { period_end: '2024-06-30' }),
  // Partial year: 甲's events are year-to-date (to 30 Sept), 乙's a calendar year.
  fact('t-a', 2024, 'out_events', 20, { period_basis: 'ytd_as_of', period_start: '2024-01-01', period_end: '2024-09-30' }),
  fact('t-b', 2024, 'out_events', 10),
  // A target is not an achievement.
  fact('t-c', 2024, 'out_events', 99, { is_target: true, section: '计划' }),
  // Mediation success in 2023 (appended: the fact ids above keep their numbers). 甲: 53 of 80 = 66.25 %
  // (two decimals; one decimal would say 66.3). 乙: 40 successes to 30 June, of 60 cases: 66.67 %, partial year.
  fact('t-a', 2023, 'med_success', 53),
  fact('t-b', 2023, 'med_success', 40, { period_basis: 'ytd_as_of', period_start: '2023-01-01', period_end: '2023-06-30' }),
];

export const VIOLATIONS: Violation[] = [
  { report_id: 't-a-2024', rule_id: 'M2', severity: 'error', fact_ids: ['t-a-2024#8'], message_zh: '调解成功件数大于调处总数', message_en: 'more successes than cases' },
];

/** Builds the fixture extracts into a fresh temp dir and opens them like the app does. */
export async function openFixture(): Promise<{ db: NodeDuck; dir: string; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'rol-fixture-'));
  const catalog = CatalogFile.parse(JSON.parse(readFileSync('data/indicators.json', 'utf8')));
  const rules = RulesFile.parse(JSON.parse(readFileSync('data/rules.json', 'utf8'))).rules;
  await writeExtracts(
    dir,
    { categories: catalog.categories, indicators: catalog.indicators, rules, towns: TOWNS, reports: REPORTS, facts: FACTS, violations: VIOLATIONS },
    new Map(),
    { fixture: true },
    { checkCodes: false },
  );
  const db = await openExtracts(dir);
  return { db, dir, cleanup: () => { db.close(); rmSync(dir, { recursive: true, force: true }); } };
}
