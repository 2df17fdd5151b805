import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeDuck as Db } from '../../scripts/lib/duckdb-node.ts';
import { listParam, runQuery } from '../../src/lib/db/query.ts';
import { scopeEvidence, scopeFacts, scopeTowns } from '../../src/lib/db/queries.ts';
import { openFixture, TEST_COUNTY } from './fixture.ts';

// The queries behind complete exports and briefings (issue 14), over the hand-made fixture.
let db: Db;
let cleanup: () => void;
beforeAll(async () => {
  ({ db, cleanup } = await openFixture());
});
afterAll(() => cleanup());

describe('scope_towns', () => {
  it("lists a county's township-level units (never the county's own report) and counts them", async () => {
    const rows = await runQuery(db, scopeTowns, '', TEST_COUNTY, '', 100);
    expect(rows.map((r) => r.name_zh).sort()).toEqual(['丁镇', '丙街道', '乙乡', '甲镇'].sort());
    expect(rows.every((r) => r.n_scope === 4)).toBe(true);
    const two = await runQuery(db, scopeTowns, '', TEST_COUNTY, '', 2);
    expect([two.length, two[0]!.n_scope]).toEqual([2, 4]);
    expect((await runQuery(db, scopeTowns, '', '', listParam(['t-a', 't-e', 'c-test']), 10)).map((r) => r.town_id).sort()).toEqual(['t-a', 't-e']);
  });
});

describe('scope_evidence', () => {
  it('gives the statement, qualifier and report behind each value of the scope', async () => {
    const rows = await runQuery(db, scopeEvidence, '', TEST_COUNTY, '', '', '', listParam(['med_cases_total']), 2024, 2024, 0);
    expect(rows.map((r) => [r.town_name, r.value, r.qualifier, r.report_id, r.evidence])).toEqual([
      ['丁镇', 0, 'exact', 't-d-2024', 'med_cases_total 0'],
      ['乙乡', 50, 'lower_bound', 't-b-2024', 'med_cases_total 50'],
      ['甲镇', 100, 'exact', 't-a-2024', 'med_cases_total 100'],
    ]);
    expect(rows.every((r) => r.report_reviewed && !r.report_imported && r.report_title === `${r.town_id} 2024`)).toBe(true);
  });
  it('leaves out partial-year values unless asked for, and targets always', async () => {
    const q = (p: 0 | 1) => runQuery(db, scopeEvidence, '', TEST_COUNTY, '', '', '', listParam(['out_events']), 2024, 2024, p);
    expect((await q(0)).map((r) => [r.town_name, r.value])).toEqual([['乙乡', 10]]);
    expect((await q(1)).map((r) => [r.town_name, r.value])).toEqual([['乙乡', 10], ['甲镇', 20]]);
  });
});

describe('scope_facts', () => {
  it("gives a tile's statements over the scope's towns, with provenance, targets and other counties left out", async () => {
    const rows = await runQuery(db, scopeFacts, '', TEST_COUNTY, '', '', '', listParam(['med_cases_total']), 2024, 2024, 100);
    expect(rows.map((r) => [r.town_name, r.value, r.qualifier])).toEqual([['丁镇', 0, 'exact'], ['乙乡', 50, 'lower_bound'], ['甲镇', 100, 'exact']]);
    expect(rows.every((r) => r.is_actual && r.source_url?.startsWith('https://example.gov.cn/'))).toBe(true);
    expect((await runQuery(db, scopeFacts, '', TEST_COUNTY, '', '', '', listParam(['out_events']), 2024, 2024, 100)).map((r) => r.value).sort()).toEqual([10, 20]);
  });
});
