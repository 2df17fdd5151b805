/**
 * The SQL workbench's side of the tab's one DuckDB engine (the dashboard's, src/lib/db/client.svelte.ts):
 * a DEDICATED connection on it, so the workbench's session settings (search_path, SETs) stay its own, and
 * user statements run with send() — executed in small steps inside the worker, so cancelSent() can stop them
 * between steps (conn.query() cannot be cancelled). One engine per tab: a visit to /sql adds a connection,
 * not a 34 MB wasm instance, and what the import page loads into schema `imported` is here at once.
 *
 * The engine hands BIGINT and DECIMAL over exactly (worker-client.ts); the bundled tables are ATTACHed
 * READ_ONLY as `rol`; the semantic views live in `main`; the connection's search_path is `scratch,main`, so
 * an unqualified CREATE TABLE lands in the scratch schema. Reset drops that schema (and restores the views)
 * instead of making a new engine. External access is off for the whole engine: typed SQL reads no file or URL.
 */
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { SchemaInfo, Relation, IndicatorMeta } from '../sql/completion.ts';
import { ResultSet, type BatchLike } from '../sql/result.ts';
import { fillMissingDictionaries } from '../sql/dictionaries.ts';
import type { ArrowFieldLike } from '../sql/cells.ts';
import type { BrowserDuck } from './worker-client.ts';
import viewsSql from './sql/views.sql?raw';
import { reportEngineError } from './engine-health.ts';

export interface RunOptions {
  /** Cancel automatically after this many ms (0/undefined: no limit). */
  timeoutMs?: number;
  /** Stop fetching after this many rows (the rest of the result is dropped, `truncated` is set). */
  maxRows?: number;
  /** Called as batches arrive (rows so far). */
  onRows?: (rows: number) => void;
}

export interface RunResult {
  result: ResultSet;
  /** ms until DuckDB finished executing (the first batch was ready). */
  execMs: number;
  /** ms until every row was fetched into the page. */
  totalMs: number;
  truncated: boolean;
}

export class CancelledError extends Error {
  constructor(readonly reason: 'user' | 'timeout') {
    super(reason === 'timeout' ? 'INTERRUPT: time limit reached' : 'INTERRUPT: cancelled by user');
    this.name = 'CancelledError';
  }
}

export const SCRATCH = 'scratch';
export const DEFAULT_MAX_ROWS = 2_000_000;

const qid = (s: string) => `"${s.replaceAll('"', '""')}"`;

export class Workbench {
  private running: { cancelled: 'user' | 'timeout' | null } | null = null;

  private constructor(
    readonly duck: BrowserDuck,
    private conn: AsyncDuckDBConnection,
  ) {}

  /** Opens the workbench's connection on the tab's engine (the scratch schema is created once and kept). */
  static async open(duck: BrowserDuck): Promise<Workbench> {
    return new Workbench(duck, await Workbench.connect(duck));
  }

  private static async connect(duck: BrowserDuck): Promise<AsyncDuckDBConnection> {
    const conn = await duck.db.connect();
    try {
      await conn.query(`CREATE SCHEMA IF NOT EXISTS ${SCRATCH}`);
      await conn.query(`SET search_path = '${SCRATCH},main'`);
    } catch (e) {
      await conn.close().catch(() => undefined);
      throw e;
    }
    return conn;
  }

  /** Leaves the engine to the dashboard: the connection goes, the scratch tables stay for the next visit. */
  async close(): Promise<void> {
    this.running = null;
    await this.conn.close().catch(() => undefined);
  }

  get busy(): boolean {
    return this.running !== null;
  }

  /** Runs one statement; rejects with DuckDB's error, or CancelledError after cancel()/the time limit. */
  async run(sql: string, opts: RunOptions = {}): Promise<RunResult> {
    if (this.running) throw new Error('another query is still running');
    const state: { cancelled: 'user' | 'timeout' | null } = { cancelled: null };
    this.running = state;
    const t0 = performance.now();
    const timer = opts.timeoutMs ? setTimeout(() => void this.cancel('timeout'), opts.timeoutMs) : undefined;
    try {
      let reader;
      try {
        reader = await this.conn.send(sql);
      } catch (e) {
        if (state.cancelled) throw new CancelledError(state.cancelled);
        reportEngineError(e); // a wasm trap: the tab's engine is replaced (Workbench.svelte reconnects)
        throw e;
      }
      if (state.cancelled) throw new CancelledError(state.cancelled);
      const execMs = performance.now() - t0;
      let result: ResultSet | null = null;
      let truncated = false;
      const max = opts.maxRows ?? DEFAULT_MAX_ROWS;
      for await (const batch of reader as AsyncIterable<BatchLike>) {
        result ??= new ResultSet(batch.schema.fields);
        result.push(batch);
        opts.onRows?.(result.length);
        if (state.cancelled) throw new CancelledError(state.cancelled);
        if (result.length >= max) {
          truncated = true;
          break;
        }
      }
      // ENUM columns stream without their values (duckdb-wasm issue 1548): ask DuckDB for them.
      if (result) await fillMissingDictionaries(result, sql, async (q) => (await this.conn.query(q)).toArray().map((r) => (r as { toJSON(): Record<string, unknown> }).toJSON()));
      result ??= new ResultSet(((reader as unknown as { schema?: { fields: ArrowFieldLike[] } }).schema?.fields ?? []) as ArrowFieldLike[]);
      return { result, execMs, totalMs: performance.now() - t0, truncated };
    } finally {
      clearTimeout(timer);
      this.running = null;
    }
  }

  /** Asks DuckDB to stop the running query; resolves once the request reached the worker. */
  async cancel(reason: 'user' | 'timeout' = 'user'): Promise<boolean> {
    if (!this.running) return false;
    this.running.cancelled ??= reason;
    return this.conn.cancelSent();
  }

  /** Tables and views with columns and row counts, plus the indicator catalog (the data dictionary). */
  async schema(): Promise<SchemaInfo> {
    const rels = (await this.duck.rows(`
      SELECT database_name, schema_name, table_name AS name, 'table' AS kind, comment FROM duckdb_tables() WHERE NOT internal AND NOT temporary
      UNION ALL
      SELECT database_name, schema_name, view_name, 'view', comment FROM duckdb_views() WHERE NOT internal AND NOT temporary
      ORDER BY 1 DESC, 2, 3`)) as { database_name: string; schema_name: string; name: string; kind: 'table' | 'view'; comment: string | null }[];
    const cols = (await this.duck.rows(`
      SELECT database_name, schema_name, table_name, column_name, data_type FROM duckdb_columns()
      WHERE NOT internal ORDER BY database_name, schema_name, table_name, column_index`)) as {
      database_name: string;
      schema_name: string;
      table_name: string;
      column_name: string;
      data_type: string;
    }[];
    const mainDb = (await this.duck.rows(`SELECT current_database() AS db`))[0]!.db as string;
    const relations: Relation[] = [];
    for (const r of rels) {
      const inMain = r.database_name === mainDb && r.schema_name === 'main';
      const ref = inMain ? r.name : r.database_name === mainDb ? `${r.schema_name}.${r.name}` : `${r.database_name}.${r.name}`;
      const full = `${qid(r.database_name)}.${qid(r.schema_name)}.${qid(r.name)}`;
      let rows: number | null = null;
      try {
        rows = Number((await this.duck.rows(`SELECT count(*) AS n FROM ${full}`))[0]!.n);
      } catch {
        rows = null; // a user view that no longer binds: listed, not counted
      }
      relations.push({
        database: r.database_name,
        schema: r.schema_name,
        name: r.name,
        kind: r.kind,
        ref,
        rows,
        comment: r.comment ?? undefined,
        columns: cols
          .filter((c) => c.database_name === r.database_name && c.schema_name === r.schema_name && c.table_name === r.name)
          // An ENUM lists every value in its type name (facts.indicator_id: 71 ids); show how many instead.
          .map((c) => ({ name: c.column_name, type: c.data_type.startsWith('ENUM(') ? `ENUM(${c.data_type.split("', '").length} values)` : c.data_type })),
      });
    }
    const indicators = (await this.duck.rows(
      `SELECT id, label_zh, label_en, unit, category, kind FROM indicators ORDER BY category, id`,
    )) as unknown as IndicatorMeta[];
    return { relations, indicators };
  }

  /**
   * Scratch tables, session settings and any semantic view a statement replaced are gone: the scratch schema
   * is dropped and made again, the views are created again from views.sql, and a fresh connection replaces
   * this one (a statement still running on it is cancelled first). The engine, the bundled data and the
   * imported data stay.
   */
  async reset(): Promise<Workbench> {
    if (this.running) {
      this.running.cancelled ??= 'user';
      await this.conn.cancelSent().catch(() => false);
    }
    await this.close();
    const conn = await this.duck.db.connect();
    try {
      await conn.query(`DROP SCHEMA IF EXISTS ${SCRATCH} CASCADE`);
      await conn.query(viewsSql);
    } finally {
      await conn.close().catch(() => undefined);
    }
    return Workbench.open(this.duck);
  }
}
