import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unflatten } from 'devalue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeDuck, type NodeDuck as Db } from '../../scripts/lib/duckdb-node.ts';
import { listParam, runQuery } from '../../src/lib/db/query.ts';
import {
  aggKpi, aggValues, mediationByTownYear, overviewPlaces, overviewUnits, ranking, scopeAggregate, scopeValues, unitValues,
} from '../../src/lib/db/queries.ts';
import { mediationFromAgg, resolveView, runOverview, viewKey } from '../../src/lib/db/overview.ts';
import { firstView } from '../../src/lib/db/first-view.ts';
import { parseOverview } from '../../src/lib/url-state.ts';
import { openFixture, TEST_COUNTY } from './fixture.ts';

// The overview at scale: scope by place, pre-aggregates, and the build-time first view.
let db: Db;
let cleanup: () => void;
beforeAll(async () => {
  ({ db, cleanup } = await openFixture());
});
afterAll(() => cleanup());

describe('scope by place (province, county, chosen towns)', () => {
  it('scope_values gives exactly unit_values for the same towns', async () => {
    const ids = listParam(['med_cases_total', 'lit_loss_rate', 'out_events']);
    for (const partial of [0, 1] as const) {
      const byList = await runQuery(db, unitValues, listParam(['t-a', 't-b', 't-c', 't-d']), 'township', ids, 2023, 2024, partial);
      expect(await runQuery(db, scopeValues, '', TEST_COUNTY, '', '', '', ids, 2023, 2024, partial)).toEqual(byList);
      expect(await runQuery(db, scopeValues, '测试省', TEST_COUNTY, '', 't-a', 't-d', ids, 2023, 2024, partial)).toEqual(byList);
    }
  });
  it('narrows a county to chosen towns, and never takes county-level units', async () => {
    const rows = await runQuery(db, mediationByTownYear, '', TEST_COUNTY, listParam(['t-a', 'c-test']), '', '', 2024, 2024);
    expect(rows.map((r) => [r.town_name, r.total])).toEqual([['甲镇', 100]]);
  });
  it('refuses a town list longer than the cap, before touching the database', async () => {
    const many = listParam(Array.from({ length: 201 }, (_, i) => `t-${i}`));
    await expect(runQuery(db, mediationByTownYear, '', '', many, '', '', 2024, 2024)).rejects.toThrow(/at most 200 towns/);
  });
  it('ranks with a LIMIT and still counts the whole scope', async () => {
    const rows = await runQuery(db, ranking, '测试省', '', '', '', '', 'med_cases_total', 2024, 0, 2, 0);
    expect(rows.map((r) => [r.rank, r.town_name, r.n_scope, r.n_ranked])).toEqual([[1, '甲镇', 5, 4], [2, '戊镇', 5, 4]]);
  });
  it('lists places per county for small data, per province when asked for less', async () => {
    expect(await runQuery(db, overviewPlaces, '', 100)).toEqual([
      expect.objectContaining({ province: '测试省', county: '另一县', county_code: '990102', n_towns: 1, n_county_units: 0, n_county_towns: 1 }),
      expect.objectContaining({ province: '测试省', county: '测试县', county_code: '990101', n_towns: 4, n_county_units: 1, n_county_towns: 4, years: [2023, 2024] }),
    ]);
    expect(await runQuery(db, overviewPlaces, '', 3)).toEqual([
      expect.objectContaining({ province: '测试省', prefecture: null, county: null, county_code: null, n_towns: 5, n_county_units: 1, n_county_towns: null }),
    ]);
    const units = await runQuery(db, overviewUnits, '', TEST_COUNTY, 10);
    expect(units[0]).toMatchObject({ town_id: 'c-test', level: 'county' });
    expect(units.slice(1).map((u) => u.town_id).sort()).toEqual(['t-a', 't-b', 't-c', 't-d']); // county-level first, then the towns
  });
});

describe('pre-aggregates (national and provincial views)', () => {
  it('sum flows over towns (never the county report) and keep lower bounds', async () => {
    const rows = await runQuery(db, aggValues, 'province', '', 'med_cases_total', 2024, 2024, 0);
    expect(rows).toEqual([expect.objectContaining({ town_name: '测试省', value: 220, is_lower_bound: true, n_towns: 4 })]);
  });
  it('recompute rates from summed numerators and denominators, as scope_aggregate does', async () => {
    const ids = listParam(['lit_loss_rate', 'med_success_rate', 'med_cases_total', 'out_events']);
    for (const partial of [0, 1] as const) {
      const fromAgg = await runQuery(db, aggKpi, '', ids, 2024, 2024, partial);
      const fromDetail = await runQuery(db, scopeAggregate, '', '', '', '', '', ids, 2024, 2024, partial, 0);
      const pick = (rs: typeof fromAgg) => rs.map((r) => [r.indicator_id, r.value, r.status === 'sum' ? 'sum' : r.status, r.is_lower_bound, r.n_reporting, r.n_scope, r.any_partial]);
      expect(pick(fromAgg)).toEqual(pick(fromDetail));
    }
    const [loss] = await runQuery(db, aggValues, 'prefecture', '测试省', 'lit_loss_rate', 2024, 2024, 0);
    expect(loss).toMatchObject({ town_name: '测试市', value: null, derived_value: 20, numerator: 4, denominator: 20 });
  });
  it('give the mediation chart its rows, and a trend per year', async () => {
    const rows = await runQuery(db, aggValues, 'year', '', '', 2023, 2024, 0);
    expect(mediationFromAgg(rows).map((r) => [r.year, r.total, r.total_lower_bound, r.success, r.success_rate_derived])).toEqual([
      [2023, 140, false, 53, 66.25], // 甲 53 / 80; 乙's successes cover half the year and are left out
      [2024, 220, true, 130, null], // 乙's "50余" makes the success rate not computable
    ]);
  });
  it('switch the overview to aggregates above DETAIL_MAX towns, to the latest year', () => {
    const code = (county: string | null) => (county === null ? null : county === '一县' ? '990001' : '990002');
    const place = (province: string, county: string | null, n: number) =>
      ({ province, prefecture: null, county, county_code: code(county), n_towns: n, n_county_units: 0, n_county_towns: county ? n + 2 : null, years: [2023, 2024], is_synthetic: true, first_town: null, last_town: null });
    const big = [place('甲省', null, 150), place('乙省', null, 150)];
    const st = parseOverview(new URLSearchParams());
    expect(resolveView(st, big, null)).toMatchObject({ by: 'province', y0: 2024, y1: 2024, nScope: 300 });
    expect(resolveView(parseOverview(new URLSearchParams('from=2023')), big, null)).toMatchObject({ by: 'year', y0: 2023 });
    expect(resolveView(parseOverview(new URLSearchParams('province=甲省')), big, null)).toMatchObject({ by: 'towns', nScope: 150, y0: 2024 });
    expect(resolveView(parseOverview(new URLSearchParams('province=甲省&county=一县')), big, null)).toBeNull(); // needs the county rows
    const counties = [place('甲省', '一县', 13), place('甲省', '二县', 137)];
    expect(resolveView(parseOverview(new URLSearchParams('province=甲省')), big, counties)).toMatchObject({ by: 'towns', y0: 2024, nScope: 150 });
    // a county is its code, and counts every township of the gazetteer (n_county_towns), not only those with data
    expect(resolveView(parseOverview(new URLSearchParams('province=甲省&county=990001')), big, counties)).toMatchObject({ by: 'towns', county: '990001', nScope: 15 });
    // an old link's county name resolves to the code
    expect(resolveView(parseOverview(new URLSearchParams('province=甲省&county=一县')), big, counties)).toMatchObject({ by: 'towns', county: '990001', nScope: 15 });
    expect(resolveView(st, [place('甲省', '一县', 13)], null)).toMatchObject({ by: 'towns', y0: 2023, y1: 2024 });
  });
});

describe('first view computed at build time', () => {
  const dbFile = 'static/data/rol.duckdb';
  it('equals the same queries run one by one over the published database', async () => {
    const node = await NodeDuck.open(':memory:');
    try {
      const fv = await firstView(node, dbFile);
      const view = resolveView(parseOverview(new URLSearchParams()), fv.national, null)!;
      expect(fv.first!.key).toBe(viewKey(view));
      expect(view.by).toBe('towns'); // the bundled data is small: one bar per town, every year
      const s = ['', '', '', '', ''] as const;
      expect(fv.first!.med).toEqual(await runQuery(node, mediationByTownYear, ...s, view.y0, view.y1));
      expect(fv.first!.med.find((r) => r.town_id === '520323103' && r.year === 2024)).toMatchObject({ total: 289, oral: 188, written: 101 });
      expect(fv.first!.rank).toEqual(await runQuery(node, ranking, ...s, 'med_cases_total', view.y1, 0, 100_000, 0));
    } finally {
      node.close();
    }
  });
  it('is what the built page embeds', async () => {
    const file = join(process.env.BUILD_DIR ?? 'build', '__data.json');
    // npm test builds the site before the tests run; a missing build is a failure, not a pass.
    expect(existsSync(file), `${file} is missing: run \`npm run data && npm run build\` first`).toBe(true);
    const json = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ({ type: string; data: unknown[] } | null)[] };
    const node = json.nodes.find((n) => n?.type === 'data' && Array.isArray(n.data) && n.data.length > 0)!;
    const embedded = unflatten(node.data) as Awaited<ReturnType<typeof firstView>>;
    const fresh = await NodeDuck.open(':memory:');
    try {
      const fv = await firstView(fresh, dbFile);
      expect(embedded.first).toEqual(fv.first);
      expect(embedded.national).toEqual(fv.national);
      // and what DuckDB computes for that view when asked again (as the page does once it is ready)
      const view = resolveView(parseOverview(new URLSearchParams()), fv.national, null)!;
      expect(await runOverview(fresh, view, '')).toEqual(embedded.first);
    } finally {
      fresh.close();
    }
  });
});
