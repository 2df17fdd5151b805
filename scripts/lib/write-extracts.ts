/**
 * Writes a validated dataset as the published extracts:
 *   <out>/<table>.parquet  (zstd) — the format users download, upload and point other engines at;
 *                          at scale, facts are hive-partitioned: <out>/facts/province=…/*.parquet;
 *   <out>/agg_*.parquet    — build-time pre-aggregates (province / prefecture / county × year × indicator);
 *   <out>/rol.duckdb       — the same tables as one DuckDB file the browser ATTACHes over HTTP range reads;
 *   <out>/texts/<id>.txt   — bundled report texts, for highlighting evidence;
 *   <out>/manifest.json    — row counts, sizes and hashes, read by the app at start-up.
 */
import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NodeDuck, readSql } from './duckdb-node.ts';
import { checkTownCodes, loadGazetteerCached } from './gazetteer.ts';
import { LEGACY_TOWN_IDS } from '../../src/lib/catalog/town-aliases.ts';
import { ValidationError } from '../../src/lib/catalog/validate.ts';

export const TABLES = [
  'categories', 'indicators', 'rules', 'towns', 'reports', 'facts', 'violations', 'gazetteer', 'gazetteer_counties', 'town_aliases',
] as const;
export type TableName = (typeof TABLES)[number];

export const sqlString = (p: string) => `'${p.replaceAll("'", "''")}'`;

/** Load plain records into the schema.sql tables of an open database (typed by the DDL, not guessed). */
export async function insertRecords(db: NodeDuck, tables: Partial<Record<TableName, object[]>>, tmp: string): Promise<void> {
  mkdirSync(tmp, { recursive: true });
  for (const [t, rows] of Object.entries(tables)) {
    if (!rows || rows.length === 0) continue;
    const f = join(tmp, `${t}.ndjson`);
    writeFileSync(f, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    await db.exec(
      `INSERT INTO ${t} BY NAME SELECT * FROM read_json(${sqlString(f)}, format = 'newline_delimited', maximum_object_size = 104857600, sample_size = -1)`,
    );
  }
}

export interface PublishOptions {
  texts?: Map<string, string>;
  meta?: Record<string, unknown>;
  /**
   * Hive-partition facts by province (national-scale data); small data stays one file. The key is
   * the province code (first two digits of towns.adcode): ASCII, so every engine reads the paths as-is.
   */
  partitionFacts?: boolean;
}

const FACT_ORDER = 'ORDER BY town_id, year, indicator_id';

/** Publish the tables of `db` (schema.sql + pre-aggregates) into `out`. */
export async function publish(db: NodeDuck, out: string, opts: PublishOptions = {}): Promise<Record<string, { rows: number; bytes: number }>> {
  mkdirSync(out, { recursive: true });
  const dbFile = join(out, 'rol.duckdb');
  for (const f of [dbFile, dbFile + '.wal']) rmSync(f, { force: true });
  rmSync(join(out, 'facts'), { recursive: true, force: true });
  await db.exec(readSql('aggregates.sql'));
  const tables = [...TABLES, 'agg_province', 'agg_prefecture', 'agg_county'];
  const stats: Record<string, { rows: number; bytes: number }> = {};
  for (const t of tables) {
    const [{ n }] = (await db.rows(`SELECT count(*)::BIGINT AS n FROM ${t}`)) as [{ n: number }];
    if (t === 'facts' && opts.partitionFacts) {
      const dir = join(out, 'facts');
      rmSync(join(out, 'facts.parquet'), { force: true });
      await db.exec(
        `COPY (SELECT f.*, substr(t.adcode, 1, 2) AS province_code FROM facts f JOIN towns t USING (town_id) ${FACT_ORDER})
         TO ${sqlString(dir)} (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (province_code), ROW_GROUP_SIZE 122880)`,
      );
      stats[t] = { rows: n, bytes: dirSize(dir) };
    } else {
      const file = join(out, `${t}.parquet`);
      await db.exec(
        `COPY (SELECT * FROM ${t} ${t === 'facts' ? FACT_ORDER : ''}) TO ${sqlString(file)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`,
      );
      stats[t] = { rows: n, bytes: statSync(file).size };
    }
  }
  // The browser's database file: same tables. Facts sorted by place so one county's rows sit in few blocks.
  await db.exec(`ATTACH ${sqlString(dbFile)} AS out (STORAGE_VERSION 'v1.4.0')`);
  // facts.indicator_id is an ENUM of the catalog's ids in the database file (VARCHAR in the Parquet and
  // in schema.sql): grouping 15 M facts by indicator hashes small integers instead of strings — 3–4× faster
  // in DuckDB-wasm, 2.6× natively, and the file is smaller. Anonymous (inline) so that the browser's
  // `imported.facts` (CREATE TABLE … AS SELECT * FROM rol.facts LIMIT 0) gets the same type.
  const ids = (await db.rows(`SELECT id FROM indicators ORDER BY id`)).map((r) => sqlString(String(r.id)));
  const indicatorEnum = `ENUM(${ids.join(', ')})`;
  for (const t of tables) {
    // Pre-aggregates sorted by place and year too: a province's or a year's rows sit together (zone maps).
    const order = t === 'agg_province' ? 'ORDER BY year, province' : t === 'agg_prefecture' ? 'ORDER BY province, year, prefecture'
      : t === 'agg_county' ? 'ORDER BY province, prefecture, county, year' : '';
    const src =
      t === 'facts'
        ? `(SELECT f.* REPLACE (f.indicator_id::${ids.length ? indicatorEnum : 'VARCHAR'} AS indicator_id) FROM facts f JOIN towns t USING (town_id)
            ORDER BY t.province, t.prefecture, t.county, f.town_id, f.year, f.indicator_id)`
        : order ? `(SELECT * FROM ${t} ${order})` : t;
    await db.exec(`CREATE TABLE out.${t} AS SELECT * FROM ${src}`);
  }
  await db.exec('DETACH out');
  stats['rol.duckdb'] = { rows: 0, bytes: statSync(dbFile).size };

  if (opts.texts?.size) {
    mkdirSync(join(out, 'texts'), { recursive: true });
    for (const [id, text] of opts.texts) writeFileSync(join(out, 'texts', `${id}.txt`), text);
  }
  writeFileSync(
    join(out, 'manifest.json'),
    JSON.stringify(
      {
        ...opts.meta,
        built_at: new Date().toISOString(),
        db_file: 'rol.duckdb',
        db_hash: await fileHash(dbFile),
        facts_layout: opts.partitionFacts ? 'facts/province_code=*/*.parquet' : 'facts.parquet',
        tables: stats,
      },
      null,
      1,
    ),
  );
  return stats;
}

/** Small datasets: records in, extracts out. */
export async function writeExtracts(
  out: string,
  tables: Record<Exclude<TableName, 'gazetteer' | 'gazetteer_counties' | 'town_aliases'>, object[]>,
  texts: Map<string, string>,
  meta: Record<string, unknown>,
  /** checkCodes: false only for hand-made test fixtures, whose codes are not the list's */
  opts: { checkCodes?: boolean } = {},
): Promise<Record<string, { rows: number; bytes: number }>> {
  const tmp = join(out, '.tmp');
  rmSync(tmp, { recursive: true, force: true });
  const db = await NodeDuck.open(':memory:');
  try {
    await db.exec(readSql('schema.sql'));
    await insertRecords(db, { ...tables, town_aliases: Object.entries(LEGACY_TOWN_IDS).map(([old_id, town_id]) => ({ old_id, town_id })) }, tmp);
    const gazetteer = await loadGazetteerCached(db);
    const problems = opts.checkCodes === false ? [] : await checkTownCodes(db);
    if (problems.length) throw new ValidationError(problems);
    await fillFromGazetteer(db);
    return await publish(db, out, { texts, meta: { ...meta, gazetteer } });
  } finally {
    db.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Village counts of listed towns come from the gazetteer (the sources need not repeat them). */
export async function fillFromGazetteer(db: NodeDuck): Promise<void> {
  await db.exec(`UPDATE towns SET n_villages = g.n_villages FROM gazetteer g WHERE g.code = towns.adcode AND towns.n_villages IS NULL`);
}

function dirSize(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) n += statSync(join(e.parentPath, e.name)).size;
  return n;
}

function fileHash(file: string): Promise<string> {
  return new Promise((ok, fail) => {
    const h = createHash('sha256');
    createReadStream(file)
      .on('data', (b) => h.update(b))
      .on('end', () => ok(h.digest('hex').slice(0, 16)))
      .on('error', fail);
  });
}
