import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExtracts, type NodeDuck } from '../../scripts/lib/duckdb-node.ts';
import { runQuery, listParam } from '../../src/lib/db/query.ts';
import { mediationByTownYear } from '../../src/lib/db/queries.ts';

// Real DuckDB over the real built Parquet (npm test runs `npm run data` first).
let db: NodeDuck;
beforeAll(async () => {
  db = await openExtracts('static/data');
});
afterAll(() => db.close());

describe('mediation_by_town_year over the built extracts', () => {
  it('gives 蒲场镇 2024: 289 = 188 oral + 101 written', async () => {
    const rows = await runQuery(db, mediationByTownYear, '', '', listParam(['gz-suiyang-puchang']), '', '', 2024, 2024);
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
  it('keeps reported and derived success rates apart', async () => {
    const rows = await runQuery(db, mediationByTownYear, '', '', '', '', '', 1990, 2100);
    for (const r of rows) {
      if (r.success !== null && r.total) expect(r.success_rate_derived).toBeCloseTo((100 * r.success) / r.total, 1);
      else expect(r.success_rate_derived).toBeNull();
    }
  });
  it('rejects parameters of the wrong type before touching the database', async () => {
    await expect(runQuery(db, mediationByTownYear, '', '', '', '', '', '2024' as never, 2024)).rejects.toThrow(/mediation_by_town_year: bad parameters/);
  });
});
