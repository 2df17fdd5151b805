import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFormat, openExtracts, type NodeDuck } from '../../scripts/lib/duckdb-node.ts';
import { runQuery, listParam } from '../../src/lib/db/query.ts';
import { mediationByTownYear, unitValues } from '../../src/lib/db/queries.ts';
import { openFixture, TEST_COUNTY } from './fixture.ts';

// Real DuckDB over the real built Parquet (npm test runs `npm run data` first).
let db: NodeDuck;
beforeAll(async () => {
  db = await openExtracts('static/data');
});
afterAll(() => db.close());

describe('mediation_by_town_year over the built extracts', () => {
  it(`reads the data as this run asks (${extractFormat()}): rol.duckdb keeps indicator_id an ENUM`, async () => {
    const [c] = await db.rows(`SELECT data_type FROM duckdb_columns() WHERE (database_name = 'rol' OR schema_name = 'rol') AND table_name = 'facts' AND column_name = 'indicator_id'`);
    expect(String(c!.data_type).startsWith('ENUM(')).toBe(extractFormat() === 'duckdb');
  });
  it('gives 蒲场镇 2024: 289 = 188 oral + 101 written', async () => {
    const rows = await runQuery(db, mediationByTownYear, '', '', listParam(['520323103']), '', '', 2024, 2024);
    expect(rows).toEqual([
      expect.objectContaining({ town_name: '蒲场镇', year: 2024, total: 289, oral: 188, written: 101, total_lower_bound: false, full_year: true, is_synthetic: false }),
    ]);
  });
  it('never lists a county-level report as a town', async () => {
    const rows = await runQuery(db, mediationByTownYear, '', '', '', '', '', 1990, 2100);
    const levels = await db.rows(`SELECT DISTINCT level FROM towns WHERE town_id IN (SELECT unnest(string_split($1, chr(31))))`, [
      listParam(rows.map((r) => r.town_id)),
    ]);
    expect(levels).toEqual([{ level: 'township' }]);
  });
  it('rejects parameters of the wrong type before touching the database', async () => {
    await expect(runQuery(db, mediationByTownYear, '', '', '', '', '', '2024' as never, 2024)).rejects.toThrow(/mediation_by_town_year: bad parameters/);
  });
});

// The success rate has one definition, views.sql's (unit_values_of): derived only from exact counts, two
// decimals, the partial-year flag kept. Expected values are worked out by hand from tests/db/fixture.ts.
describe('mediation success rate over the hand-made fixture', () => {
  let fx: Awaited<ReturnType<typeof openFixture>>;
  beforeAll(async () => {
    fx = await openFixture();
  });
  afterAll(() => fx.cleanup());

  it('gives each town-year its reported and derived rate', async () => {
    const rows = await runQuery(fx.db, mediationByTownYear, '', TEST_COUNTY, '', '', '', 2023, 2024);
    expect(rows.map((r) => [r.town_name, r.year, r.total, r.total_lower_bound, r.success, r.success_rate_reported, r.success_rate_derived, r.full_year])).toEqual([
      ['甲镇', 2023, 80, false, 53, null, 66.25, true], // 53 / 80
      ['乙乡', 2023, 60, false, 40, null, 66.67, false], // 40 / 60, successes counted to 30 June only
      ['甲镇', 2024, 100, false, 90, 90, 90, true], // 90 / 100; the report also says 90 %
      ['乙乡', 2024, 50, true, 40, 80, null, true], // "50余" cases: a lower bound, so no derived rate
      ['丁镇', 2024, 0, false, null, null, null, true], // an explicit zero, no successes stated
    ]);
  });

  it('agrees with unit_values (the semantic layer) for every town-year', async () => {
    const med = await runQuery(fx.db, mediationByTownYear, '', TEST_COUNTY, '', '', '', 2023, 2024);
    const ids = listParam(med.map((r) => r.town_id).filter((x, i, a) => a.indexOf(x) === i));
    const uvs = await runQuery(fx.db, unitValues, ids, 'township', listParam(['med_success_rate']), 2023, 2024, 1);
    for (const r of med) {
      const u = uvs.find((x) => x.town_id === r.town_id && x.year === r.year);
      expect([r.town_name, r.year, r.success_rate_derived, r.success_rate_reported]).toEqual([r.town_name, r.year, u?.derived_value ?? null, u?.value ?? null]);
    }
  });
});
