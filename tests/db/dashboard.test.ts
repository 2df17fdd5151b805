import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeDuck } from '../../scripts/lib/duckdb-node.ts';
import { listParam, runQuery } from '../../src/lib/db/query.ts';
import { ranking, scopeAggregate, scopeUnits, unitFacts, unitValues, unitViolations } from '../../src/lib/db/queries.ts';
import { openFixture, TEST_COUNTY } from './fixture.ts';

// Real DuckDB over Parquet written by the real store code from the fixture in ./fixture.ts.
let db: NodeDuck;
let cleanup: () => void;
beforeAll(async () => {
  ({ db, cleanup } = await openFixture());
});
afterAll(() => cleanup());

// The scope travels as (province, county, chosen towns): 测试县 is t-a … t-d; '' = any.
const COUNTY = ['', TEST_COUNTY, '', '', ''] as const;
const TOWNS = (...ids: string[]) => ['', '', listParam(ids), '', ''] as const;
type Scope = readonly [string, string, string, string, string];
const agg = async (ind: string, y0 = 2024, y1 = 2024, partial: 0 | 1 = 0, matched: 0 | 1 = 0, scope: Scope = COUNTY) =>
  (await runQuery(db, scopeAggregate, ...scope, ind, y0, y1, partial, matched)).map((r) => ({ ...r }));

describe('scope_aggregate (rule G3)', () => {
  it('sums flows over the units that report; a lower-bound term makes the sum a lower bound', async () => {
    const [r] = await agg('med_cases_total');
    expect(r).toMatchObject({ year: 2024, value: 150, is_lower_bound: true, status: 'sum', n_reporting: 3, n_scope: 4 });
  });
  it('counts an explicit zero as reporting and a missing unit as not reporting (missing ≠ zero)', async () => {
    const [r] = await agg('med_cases_total', 2024, 2024, 0, 0, TOWNS('t-c', 't-d'));
    expect(r).toMatchObject({ value: 0, n_reporting: 1, n_scope: 2, is_lower_bound: false });
    expect(await agg('med_cases_total', 2024, 2024, 0, 0, TOWNS('t-c'))).toEqual([]);
  });
  it('never counts the county-level report as a town, even when asked for it by id', async () => {
    const all = await agg('med_cases_total', 2024, 2024, 0, 0, ['', '', '', '', '']);
    expect(all[0]).toMatchObject({ value: 220, n_reporting: 4, n_scope: 5 }); // 100 + 50 + 0 + 70, not + 1000
    expect(await agg('med_cases_total', 2024, 2024, 0, 0, TOWNS('c-test'))).toEqual([]);
  });
  it('recomputes a rate from summed numerator and denominator, never averaging the reported rates', async () => {
    const [r] = await agg('lit_loss_rate');
    expect(r).toMatchObject({ status: 'recomputed', value: 20, numerator: 4, denominator: 20, n_reporting: 3 });
  });
  it('calls a rate not computable when a count is a lower bound or only several reported rates exist', async () => {
    const [m] = await agg('med_success_rate'); // 乙's 50余 cases: no exact denominator
    expect(m).toMatchObject({ status: 'not_computable', value: null });
    const [h] = await agg('lit_head_appearance_rate'); // 100 % and 50 %: no counts, and never averaged to 75
    expect(h).toMatchObject({ status: 'not_computable', value: null, n_reporting: 2 });
  });
  it("shows one unit's own reported rate as it is", async () => {
    const [h] = await agg('lit_head_appearance_rate', 2024, 2024, 0, 0, TOWNS('t-c'));
    expect(h).toMatchObject({ status: 'single', value: 100 });
    const [m] = await agg('med_success_rate', 2024, 2024, 0, 0, TOWNS('t-a'));
    expect(m).toMatchObject({ status: 'recomputed', value: 90, numerator: 90, denominator: 100 });
  });
  it('adds stocks only when they refer to the same date', async () => {
    expect((await agg('dm_legal_advisers'))[0]).toMatchObject({ status: 'sum', value: 5, n_reporting: 2 });
    expect((await agg('enf_certified_officers'))[0]).toMatchObject({ status: 'mixed_dates', value: null, n_reporting: 2 });
  });
  it('leaves partial-year figures out by default and marks them when included', async () => {
    expect((await agg('out_events'))[0]).toMatchObject({ value: 10, n_reporting: 1, any_partial: false });
    expect((await agg('out_events', 2024, 2024, 1))[0]).toMatchObject({ value: 30, n_reporting: 2, any_partial: true });
  });
  it('ignores targets (plans are not achievements)', async () => {
    expect((await agg('out_events', 2024, 2024, 1, 0, TOWNS('t-c')))).toEqual([]);
  });
  it('compares years on a matched panel: only units reporting both years', async () => {
    const rows = await agg('med_cases_total', 2023, 2024, 0, 1);
    expect(rows.map((r) => [r.year, r.value, r.is_lower_bound, r.n_reporting])).toEqual([
      [2023, 140, false, 2],
      [2024, 150, true, 2], // 甲 100 + 乙 ≥50; 丁's zero has no 2023 to compare with
    ]);
  });
});

describe('unit_values', () => {
  it('gives each unit its own value, lower bound, zero statement, and derived rate', async () => {
    const rows = await runQuery(db, unitValues, listParam(['t-a', 't-b', 't-c', 't-d']), 'township', listParam(['med_cases_total', 'lit_loss_rate']), 2024, 2024, 0);
    const pick = rows.map((r) => [r.town_name, r.indicator_id, r.value, r.is_lower_bound, r.is_zero_statement, r.derived_value]);
    expect(pick).toEqual([
      ['丁镇', 'lit_loss_rate', null, false, false, 60],
      ['乙乡', 'lit_loss_rate', null, false, false, 0],
      ['甲镇', 'lit_loss_rate', 10, false, false, 10],
      ['丁镇', 'med_cases_total', 0, false, true, null],
      ['乙乡', 'med_cases_total', 50, true, false, null],
      ['甲镇', 'med_cases_total', 100, false, false, null],
    ]);
  });
  it('keeps county-level units apart by level', async () => {
    const county = await runQuery(db, unitValues, '', 'county', 'med_cases_total', 2024, 2024, 0);
    expect(county.map((r) => [r.town_name, r.value])).toEqual([['测试县', 1000]]);
  });
  it('marks partial-year values and drops them unless asked', async () => {
    expect(await runQuery(db, unitValues, listParam(['t-a']), '', 'out_events', 2024, 2024, 0)).toEqual([]);
    const [r] = await runQuery(db, unitValues, listParam(['t-a']), '', 'out_events', 2024, 2024, 1);
    expect(r).toMatchObject({ value: 20, full_year: false });
  });
});

describe('ranking', () => {
  it('ranks the reporting units and lists the others last, unranked', async () => {
    const rows = await runQuery(db, ranking, ...COUNTY, 'med_cases_total', 2024, 0, 100, 0);
    expect(rows.map((r) => [r.rank, r.town_name, r.value, r.is_lower_bound])).toEqual([
      [1, '甲镇', 100, false],
      [2, '乙乡', 50, true],
      [3, '丁镇', 0, false],
      [null, '丙街道', null, false],
    ]);
  });
  it('ranks rates on the reported value, else the recomputed one', async () => {
    const rows = await runQuery(db, ranking, ...COUNTY, 'lit_loss_rate', 2024, 0, 100, 0);
    expect(rows.map((r) => [r.rank, r.town_name, r.value, r.reported_value, r.derived_value])).toEqual([
      [1, '丁镇', 60, null, 60],
      [2, '甲镇', 10, 10, 10],
      [3, '乙乡', 0, null, 0],
      [null, '丙街道', null, null, null],
    ]);
  });
});

describe('scope_units, unit_facts, unit_violations', () => {
  it('lists units with level and years', async () => {
    const units = await runQuery(db, scopeUnits);
    expect(units.find((u) => u.town_id === 't-a')).toMatchObject({ level: 'township', years: [2023, 2024], county: '测试县' });
    expect(units.find((u) => u.town_id === 'c-test')).toMatchObject({ level: 'county', years: [2024] });
  });
  it("returns a unit's statements with provenance, flagging targets as not actual", async () => {
    const facts = await runQuery(db, unitFacts, 't-c');
    expect(facts.map((f) => [f.indicator_id, f.value, f.is_actual, f.source_url])).toEqual([
      ['lit_head_appearance_rate', 100, true, 'https://example.gov.cn/t-c/2024.html'],
      ['out_events', 99, false, 'https://example.gov.cn/t-c/2024.html'],
    ]);
  });
  it("returns the consistency findings on a unit's reports", async () => {
    const v = await runQuery(db, unitViolations, 't-a');
    expect(v).toEqual([expect.objectContaining({ rule_id: 'M2', severity: 'error', year: 2024, rule_statement: 'med_success ≤ med_cases_total' })]);
    expect(await runQuery(db, unitViolations, 't-b')).toEqual([]);
  });
});
