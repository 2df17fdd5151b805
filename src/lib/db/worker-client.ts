/**
 * DuckDB-wasm in a Web Worker, browser only (import dynamically from onMount, never during SSR).
 *
 * Load strategy (README "Architecture"): the build compiles the Parquet extracts into one DuckDB file,
 * which is ATTACHed read-only over HTTP range reads — no Parquet reader needed in the browser, and
 * duckdb-wasm never downloads an extension: autoload/autoinstall are switched off, so nothing leaves
 * the page's origin. The wasm bundles and workers are self-hosted (imported with ?url).
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import viewsSql from './sql/views.sql?raw';
import { plainRow, type SqlParam, type SqlRunner } from './query.ts';
import { columnInfo, decimalString, type ArrowFieldLike } from '../sql/cells.ts';
import { reportEngineError } from './engine-health.ts';

export interface Manifest {
  db_file: string;
  db_hash: string;
  built_at: string;
  synthetic?: boolean;
  tables: Record<string, { rows: number; bytes: number }>;
}

export class BrowserDuck implements SqlRunner {
  private constructor(
    readonly db: duckdb.AsyncDuckDB,
    readonly conn: duckdb.AsyncDuckDBConnection,
    readonly manifest: Manifest,
    readonly timings: Record<string, number>,
  ) {}

  /**
   * One engine per tab, shared by the dashboard and the SQL workbench (which opens its own connection on it,
   * db/workbench.ts). BIGINT and DECIMAL come to JS exactly, as BigInt and 128-bit decimals (the workbench
   * shows them to the last digit); `rows()` turns them into plain numbers for the dashboard's zod rows.
   */
  static async open(dataBase: string): Promise<BrowserDuck> {
    const t0 = performance.now();
    const manifestRes = await fetch(`${dataBase}/manifest.json`, { cache: 'no-cache' });
    if (!manifestRes.ok) throw new Error(`data manifest missing at ${dataBase}/manifest.json (HTTP ${manifestRes.status}) — run \`npm run data\``);
    const manifest = (await manifestRes.json()) as Manifest;
    const bundle = await duckdb.selectBundle({
      mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
      eh: { mainModule: ehWasm, mainWorker: ehWorker },
    });
    const worker = new Worker(bundle.mainWorker!);
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
    const t1 = performance.now();
    await db.open({
      path: ':memory:',
      query: { castBigIntToDouble: false, castDecimalToDouble: false },
      filesystem: { reliableHeadRequests: true, allowFullHTTPReads: true, forceFullHTTPReads: false },
    });
    const conn = await db.connect();
    // Never reach for extensions.duckdb.org: fail loudly instead of making an outside request.
    await conn.query(`SET autoinstall_known_extensions = false; SET autoload_known_extensions = false`);
    const url = new URL(`${dataBase}/${manifest.db_file}?v=${manifest.db_hash}`, location.href).href;
    await db.registerFileURL(manifest.db_file, url, duckdb.DuckDBDataProtocol.HTTP, false);
    await conn.query(`ATTACH '${manifest.db_file}' AS rol (READ_ONLY)`);
    // The semantic views in one round trip to the worker (19 statements one by one cost ~20 ms each in messaging).
    await conn.query(viewsSql);
    // The user's own imported data (IndexedDB) into schema `imported`; never fails the open.
    // Kept current when another tab of the site saves (import/sync.ts).
    const imported = await import('../import/load-imported.ts');
    await imported.loadImported(conn);
    imported.followOtherTabs(conn);
    // From here on no SQL may reach a file or URL of its own (read_csv('http://…') from the workbench):
    // the attached database keeps working, everything else is refused, and it cannot be switched back.
    await conn.query(`SET enable_external_access = false`);
    const t2 = performance.now();
    return new BrowserDuck(db, conn, manifest, { instantiate_ms: t1 - t0, attach_ms: t2 - t1, ready_ms: t2 - t0 });
  }

  /**
   * The page's queries are a fixed set of SQL texts run with changing parameters: each is prepared once and
   * kept, so a filter change does not bind the semantic views again (≈35% of a county query natively).
   */
  private statements = new Map<string, Promise<duckdb.AsyncPreparedStatement>>();
  private prepared(sql: string): Promise<duckdb.AsyncPreparedStatement> {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.conn.prepare(sql);
      this.statements.set(sql, stmt);
      stmt.catch(() => this.statements.delete(sql)); // a failed prepare is reported by the caller, not cached
    }
    return stmt;
  }

  /** Queries sent and not yet answered (the benchmark waits for 0 before timing raw SQL). */
  pending = 0;

  async rows(sql: string, params: readonly SqlParam[] = []): Promise<Record<string, unknown>[]> {
    this.pending++;
    try {
      return await this.run(sql, params);
    } catch (e) {
      reportEngineError(e);
      throw e;
    } finally {
      this.pending--;
    }
  }

  private async run(sql: string, params: readonly SqlParam[]): Promise<Record<string, unknown>[]> {
    let table;
    if (params.length === 0) table = await this.conn.query(sql);
    else table = await (await this.prepared(sql)).query(...params);
    // duckdb-wasm bundles its own Arrow: read rows through toArray()/toJSON(), never instanceof.
    const decimals = decimalColumns(table.schema.fields as unknown as ArrowFieldLike[]);
    return table.toArray().map((r: { toJSON(): Record<string, unknown> }) => {
      const o = r.toJSON();
      for (const [name, scale] of decimals) if (ArrayBuffer.isView(o[name])) o[name] = Number(decimalString(o[name] as unknown as Uint32Array, scale));
      return plainRow(o);
    });
  }

  /** Stops the engine's worker (its wasm memory goes with it); every later call on this instance fails. */
  async terminate(): Promise<void> {
    this.statements.clear();
    await this.db.terminate();
  }
}

/**
 * DECIMAL (and HUGEINT, which DuckDB hands to Arrow as DECIMAL(38,0)) columns arrive as 128-bit words: the
 * dashboard's rows want numbers, as the engine gave them before it was opened exact for the workbench.
 */
function decimalColumns(fields: readonly ArrowFieldLike[]): (readonly [string, number])[] {
  return fields.map(columnInfo).filter((c) => c.kind === 'decimal').map((c) => [c.name, c.scale ?? 0] as const);
}
