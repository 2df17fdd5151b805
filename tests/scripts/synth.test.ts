import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeDuck } from '../../scripts/lib/duckdb-node.ts';

// A small synthetic dataset generated twice with the same seed, once with another.
let dir: string;
let db: NodeDuck;
const synth = (out: string, seed: number) =>
  execFileSync('npx', ['tsx', 'scripts/synth.ts', '--towns', '60', '--years', '3', '--seed', String(seed), '--out', out], { encoding: 'utf8' });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rol-synth-'));
  synth(join(dir, 'a'), 1);
  synth(join(dir, 'b'), 1);
  synth(join(dir, 'c'), 2);
  db = await NodeDuck.open();
}, 120_000);
afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const facts = (d: string) => `read_parquet('${join(dir, d, 'data/facts/**/*.parquet')}', hive_partitioning = true)`;
const digest = async (d: string) =>
  (await db.rows(`SELECT count(*) AS n, sum(hash(fact_id, value, qualifier))::VARCHAR AS h FROM ${facts(d)}`))[0];

describe('npm run synth', () => {
  it('is deterministic for a seed and differs across seeds', async () => {
    const [a, b, c] = [await digest('a'), await digest('b'), await digest('c')];
    expect(a).toEqual(b);
    expect(a!.h).not.toEqual(c!.h);
    expect(a!.n).toBeGreaterThan(60 * 3 * 20);
  });

  it('labels everything synthetic', async () => {
    const [r] = await db.rows(`SELECT bool_and(is_synthetic) AS s, count(DISTINCT source) AS n, min(source) AS src FROM read_parquet('${join(dir, 'a/data/reports.parquet')}')`);
    expect(r).toEqual({ s: true, n: 1, src: 'synthetic' });
    const [t] = await db.rows(`SELECT bool_and(is_synthetic AND name_zh LIKE '示例%') AS s FROM read_parquet('${join(dir, 'a/data/towns.parquet')}')`);
    expect(t).toEqual({ s: true });
    const m = JSON.parse(readFileSync(join(dir, 'a/data/manifest.json'), 'utf8'));
    expect(m.synthetic).toBe(true);
  });

  it('partitions facts hive-style by province and ships pre-aggregates', async () => {
    // the partition key is the real province code (first two digits of the towns' official codes)
    const [p] = await db.rows(`SELECT min(substr(adcode, 1, 2)) AS p FROM read_parquet('${join(dir, 'a/data/towns.parquet')}')`);
    expect(existsSync(join(dir, `a/data/facts/province_code=${String(p!.p)}`))).toBe(true);
    for (const t of ['agg_province', 'agg_prefecture', 'agg_county']) expect(existsSync(join(dir, `a/data/${t}.parquet`))).toBe(true);
  });

  it('keeps the consistency rules: M1, M2, M3, L1, L2, rates from their parts', async () => {
    const [v] = await db.rows(`
      WITH w AS (PIVOT (SELECT report_id, indicator_id || coalesce('_' || sub_kind, '') AS k, value FROM ${facts('a')}) ON k USING max(value))
      SELECT
        count(*) FILTER (WHERE med_oral_oral + med_written_written <> med_cases_total) AS m1,
        count(*) FILTER (WHERE med_success > med_cases_total) AS m2,
        count(*) FILTER (WHERE med_judicial_confirmation > med_success) AS m3,
        count(*) FILTER (WHERE lit_first_instance + lit_second_instance + lit_retrial <> lit_admin_suits_total) AS l1,
        count(*) FILTER (WHERE lit_admin_suits_lost > lit_admin_suits_concluded) AS l2,
        count(*) FILTER (WHERE abs(med_success_rate - 100 * med_success / med_cases_total) >= 0.1) AS m5,
        count(*) FILTER (WHERE med_cases_total IS NOT NULL) AS n
      FROM w`);
    expect(v).toMatchObject({ m1: 0, m2: 0, m3: 0, l1: 0, l2: 0, m5: 0 });
    expect(v!.n).toBeGreaterThan(100);
  });

  it('draws its towns from the real townships, whole counties at a time', async () => {
    const towns = `read_parquet('${join(dir, 'a/data/towns.parquet')}')`;
    const gaz = `read_parquet('${join(dir, 'a/data/gazetteer.parquet')}')`;
    const [v] = await db.rows(`SELECT count(*) AS n, count(g.code) AS listed,
        count(*) FILTER (WHERE t.name_zh = '示例' || g.name_zh AND t.county = g.county AND t.n_villages = g.n_villages) AS same
      FROM ${towns} t LEFT JOIN ${gaz} g ON g.code = t.town_id`);
    expect(v).toEqual({ n: 60, listed: 60, same: 60 });
    // every county drawn but the last is whole: its towns in the data = its townships in the list (less 其他 units)
    const [c] = await db.rows(`WITH d AS (SELECT substr(town_id, 1, 6) AS c, count(*) AS n FROM ${towns} GROUP BY 1),
        l AS (SELECT county_code AS c, count(*) AS n FROM ${gaz} WHERE unit_type <> '其他' GROUP BY 1)
      SELECT count(*) AS counties, count(*) FILTER (WHERE d.n = l.n) AS whole FROM d JOIN l USING (c)`);
    expect(Number(c!.whole)).toBeGreaterThanOrEqual(Number(c!.counties) - 1);
  });

  it('has lower bounds, gaps and partial years', async () => {
    const [v] = await db.rows(`SELECT count(*) FILTER (WHERE qualifier = 'lower_bound') AS lb,
      count(*) FILTER (WHERE period_basis <> 'calendar_year') AS partial FROM ${facts('a')}`);
    expect(v!.lb).toBeGreaterThan(0);
    expect(v!.partial).toBeGreaterThan(0);
    const [g] = await db.rows(`SELECT count(*) AS n FROM read_parquet('${join(dir, 'a/data/reports.parquet')}')`);
    expect(g!.n).toBeLessThan(60 * 3); // some town-years have no report
  });
});
