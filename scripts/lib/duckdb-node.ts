/** DuckDB in Node (build, tests, benchmarks) behind the same SqlRunner interface the browser uses. */
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainRow, type SqlParam, type SqlRunner } from '../../src/lib/db/query.ts';

export class NodeDuck implements SqlRunner {
  private constructor(
    readonly instance: DuckDBInstance,
    readonly conn: DuckDBConnection,
  ) {}

  static async open(path = ':memory:', options: Record<string, string> = {}): Promise<NodeDuck> {
    const instance = await DuckDBInstance.create(path, options);
    return new NodeDuck(instance, await instance.connect());
  }

  async exec(sql: string): Promise<void> {
    await this.conn.run(sql);
  }

  async rows(sql: string, params: readonly SqlParam[] = []): Promise<Record<string, unknown>[]> {
    const r = await this.conn.runAndReadAll(sql, params.length ? (params as DuckDBValue[]) : undefined);
    // Same normalisation as the browser: BigInt → number when safe, dates → ISO strings, lists → arrays.
    return (r.getRowObjectsJS() as Record<string, unknown>[]).map(plainRow);
  }

  close(): void {
    this.conn.closeSync();
    this.instance.closeSync();
  }
}

export const SQL_DIR = join(import.meta.dirname, '../../src/lib/db/sql');
export const readSql = (name: string): string => readFileSync(join(SQL_DIR, name), 'utf8');

/** How the tests read the published data: the Parquet extracts, or rol.duckdb as the browser does. */
export type ExtractFormat = 'parquet' | 'duckdb';
export const EXTRACT_FORMATS: readonly ExtractFormat[] = ['parquet', 'duckdb'];
/** The format of this test run: the db suites run once per format (vite.config.ts, ROL_EXTRACTS). */
export const extractFormat = (): ExtractFormat => (process.env.ROL_EXTRACTS === 'duckdb' ? 'duckdb' : 'parquet');

/**
 * Open the published data the way tests and benchmarks see them: schema `rol` holds either a view per
 * Parquet file or the attached rol.duckdb (read-only, as the browser attaches it: facts.indicator_id is an
 * ENUM there), then the shared semantic views are created on top — the same views.sql the browser runs.
 */
export async function openExtracts(dataDir: string, format: ExtractFormat = extractFormat()): Promise<NodeDuck> {
  const db = await NodeDuck.open();
  if (format === 'duckdb') {
    await db.exec(`ATTACH '${join(dataDir, 'rol.duckdb').replaceAll("'", "''")}' AS rol (READ_ONLY)`);
    await db.exec(readSql('views.sql'));
    return db;
  }
  await db.exec('CREATE SCHEMA rol');
  for (const t of ['categories', 'indicators', 'rules', 'towns', 'reports', 'facts', 'violations'])
    await db.exec(`CREATE VIEW rol.${t} AS SELECT * FROM read_parquet('${join(dataDir, t + '.parquet').replaceAll("'", "''")}')`);
  // The build-time pre-aggregates, read by the overview at national and provincial scale as rol.agg_*,
  // and the gazetteer (every township and county of the 2023 list) with the old town ids' aliases.
  for (const t of ['agg_province', 'agg_prefecture', 'agg_county', 'gazetteer', 'gazetteer_counties', 'town_aliases'])
    if (existsSync(join(dataDir, t + '.parquet')))
      await db.exec(`CREATE VIEW rol.${t} AS SELECT * FROM read_parquet('${join(dataDir, t + '.parquet').replaceAll("'", "''")}')`);
  await db.exec(readSql('views.sql'));
  return db;
}
