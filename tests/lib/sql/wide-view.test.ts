// The `wide` view: its column list is the catalog's ids, and each cell equals town_year's value.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExtracts, readSql, type NodeDuck } from '../../../scripts/lib/duckdb-node.ts';
import { resultChartModel, resultChartOption } from '../../../src/lib/charts/result-chart.ts';

const catalog = JSON.parse(readFileSync('data/indicators.json', 'utf8')) as { indicators: { id: string }[] };
const ids = catalog.indicators.map((i) => i.id);

describe('wide view', () => {
  it('lists exactly the catalog’s indicator ids, in catalog order', () => {
    const sql = readSql('views.sql');
    const block = /CREATE OR REPLACE VIEW wide[\s\S]*?IN \(([\s\S]*?)\)\s*GROUP BY/.exec(sql)?.[1] ?? '';
    expect([...block.matchAll(/'([a-z0-9_]+)'/g)].map((m) => m[1])).toEqual(ids);
  });

  let db: NodeDuck;
  beforeAll(async () => {
    db = await openExtracts('static/data');
  });
  afterAll(() => db?.close());

  it('has one row per town and year, town name, and town_year’s value in each indicator column', async () => {
    const cols = (await db.rows(`SELECT column_name FROM (DESCRIBE wide)`)).map((r) => r.column_name);
    expect(cols).toEqual(['town_id', 'town_name', 'year', ...ids]);
    const [{ n, k }] = (await db.rows(`SELECT count(*)::INT AS n, count(DISTINCT (town_id, year))::INT AS k FROM wide`)) as [{ n: number; k: number }];
    const [{ m }] = (await db.rows(`SELECT count(DISTINCT (town_id, year))::INT AS m FROM town_year`)) as [{ m: number }];
    expect(n).toBe(k);
    expect(n).toBe(m);
    const mismatches = await db.rows(`
      SELECT ty.town_id, ty.year, ty.indicator_id
      FROM town_year ty JOIN (UNPIVOT wide ON COLUMNS(* EXCLUDE (town_id, town_name, year)) INTO NAME indicator_id VALUE v) w
        USING (town_id, year, indicator_id)
      WHERE ty.value IS DISTINCT FROM w.v`);
    expect(mismatches).toEqual([]);
  });
});

describe('chart from a result', () => {
  const input = {
    columns: [{ name: 'town', numeric: false }, { name: 'year', numeric: true }, { name: 'cases', numeric: true }],
    rows: [['甲镇', 2023, 10], ['乙镇', 2023, 5], ['甲镇', 2024, 12], ['乙镇', 2024, null], ['甲镇', 2024, 3]],
  };
  it('makes one series per distinct series value over the x categories, summing repeats and keeping gaps', () => {
    const m = resultChartModel(input, { type: 'bar', x: 1, y: 2, series: 0 });
    expect(m.categories).toEqual(['2023', '2024']);
    expect(m.series).toEqual([{ name: '甲镇', data: [10, 15] }, { name: '乙镇', data: [5, null] }]);
  });
  it('builds an ECharts option from baseOption with the chosen type and axis names', () => {
    const o = resultChartOption(input, { type: 'line', x: 0, y: 2, series: null }) as { series: { type: string; name: string }[]; xAxis: { name: string }; color: unknown };
    expect(o.series).toHaveLength(1);
    expect(o.series[0]).toMatchObject({ type: 'line', name: 'cases' });
    expect(o.xAxis.name).toBe('town');
    expect(Array.isArray(o.color)).toBe(true);
    const sc = resultChartModel(input, { type: 'scatter', x: 1, y: 2, series: null });
    expect(sc.series[0]!.data).toEqual([[2023, 10], [2023, 5], [2024, 12], [2024, 3]]);
  });
});
