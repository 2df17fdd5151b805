/**
 * Fills schema `imported` (created by views.sql, empty) with the local dataset. Called by BrowserDuck.open
 * after the views exist, and by the import page after every change. Rows go in as Arrow tables built with
 * explicit column types (no JSON or Parquet extension needed offline), into staging tables, then are cast
 * into the real ones — all inside one transaction, so a failure leaves the previous contents.
 */
import * as arrow from 'apache-arrow';
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { TABLE_COLUMNS, type DuckType, type TableName } from './columns.ts';
import type { LocalDataset } from './dataset.ts';
import { hasDataset, loadIpcAt, loadRev } from './store.ts';
import { onOtherTabSaved } from './sync.ts';
import { EngineFailedError, reportEngineError } from '../db/engine-health.ts';

/** `rev`: the stored revision schema `imported` of this tab's DuckDB holds (store.ts). */
export const importState = { facts: 0, reports: 0, ms: 0, error: '', rev: 0 };

// Columns are assembled with makeData from typed arrays, not with Arrow's builders: the builders compile
// their null checks with `new Function`, which the site's Content-Security-Policy (no 'unsafe-eval') forbids.
function validity(values: readonly unknown[]): { nullBitmap: Uint8Array; nullCount: number } {
  const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nullCount = 0;
  values.forEach((v, i) => {
    if (v === null || v === undefined) nullCount++;
    else nullBitmap[i >> 3]! |= 1 << (i & 7);
  });
  return { nullBitmap, nullCount };
}

function utf8Data(values: readonly unknown[]): arrow.Data<arrow.Utf8> {
  const enc = new TextEncoder();
  const parts = values.map((v) => (v === null || v === undefined ? null : enc.encode(String(v))));
  const valueOffsets = new Int32Array(values.length + 1);
  let total = 0;
  parts.forEach((b, i) => {
    total += b ? b.length : 0;
    valueOffsets[i + 1] = total;
  });
  const data = new Uint8Array(total);
  parts.forEach((b, i) => b && data.set(b, valueOffsets[i]!));
  return arrow.makeData({ type: new arrow.Utf8(), length: values.length, ...validity(values), valueOffsets, data });
}

function columnData(t: DuckType, values: readonly unknown[]): arrow.Data {
  const n = values.length;
  switch (t) {
    case 'SMALLINT':
    case 'INTEGER':
      return arrow.makeData({ type: new arrow.Int32(), length: n, ...validity(values), data: Int32Array.from(values, (v) => Number(v ?? 0)) });
    case 'DOUBLE':
      return arrow.makeData({ type: new arrow.Float64(), length: n, ...validity(values), data: Float64Array.from(values, (v) => Number(v ?? 0)) });
    case 'BOOLEAN': {
      const data = new Uint8Array(Math.ceil(n / 8));
      values.forEach((v, i) => v === true && (data[i >> 3]! |= 1 << (i & 7)));
      return arrow.makeData({ type: new arrow.Bool(), length: n, ...validity(values), data });
    }
    case 'VARCHAR[]': {
      const lists = values.map((v) => (Array.isArray(v) ? (v as unknown[]) : null));
      const valueOffsets = new Int32Array(n + 1);
      lists.forEach((l, i) => (valueOffsets[i + 1] = valueOffsets[i]! + (l ? l.length : 0)));
      const child = utf8Data(lists.flatMap((l) => l ?? []));
      const type = new arrow.List(new arrow.Field('item', new arrow.Utf8(), true));
      return arrow.makeData({ type, length: n, ...validity(lists), valueOffsets, child });
    }
    default:
      return utf8Data(values);
  }
}

export function toArrow(name: TableName, rows: readonly object[]): arrow.Table {
  const cols = TABLE_COLUMNS[name] as Record<string, DuckType>;
  const vectors: Record<string, arrow.Vector> = {};
  for (const [c, t] of Object.entries(cols))
    vectors[c] = arrow.makeVector(columnData(t, rows.map((r) => (r as Record<string, unknown>)[c] ?? null)));
  return new arrow.Table(vectors);
}

export type TableIpc = Partial<Record<TableName, Uint8Array>>;

/** The dataset's tables as Arrow IPC streams (built in the import worker for big files: no main-thread work). */
export function toIpc(ds: Pick<LocalDataset, 'towns' | 'reports' | 'facts' | 'violations'>): TableIpc {
  const out: TableIpc = {};
  for (const name of ['towns', 'reports', 'facts', 'violations'] as const)
    if (ds[name].length) out[name] = arrow.tableToIPC(toArrow(name, ds[name]), 'stream');
  return out;
}

/** Appends Arrow IPC tables to schema `imported`, through staging tables cast to the declared types. */
export async function insertTables(conn: AsyncDuckDBConnection, ipc: TableIpc): Promise<void> {
  for (const name of ['towns', 'reports', 'facts', 'violations'] as const) {
    const bytes = ipc[name];
    if (!bytes?.length) continue;
    const stage = `stage_${name}`;
    await conn.query(`DROP TABLE IF EXISTS imported.${stage}`);
    await conn.insertArrowFromIPCStream(bytes, { name: stage, schema: 'imported', create: true });
    const cols = Object.entries(TABLE_COLUMNS[name] as Record<string, DuckType>);
    await conn.query(
      `INSERT INTO imported.${name} (${cols.map(([c]) => c).join(', ')}) SELECT ${cols.map(([c, t]) => `CAST("${c}" AS ${t})`).join(', ')} FROM imported.${stage}`,
    );
    await conn.query(`DROP TABLE imported.${stage}`);
  }
}

/** Schema `imported` as Arrow IPC, read back from DuckDB (buffers copied, no per-row work) for IndexedDB. */
export async function snapshotTables(conn: AsyncDuckDBConnection): Promise<TableIpc> {
  const out: TableIpc = {};
  for (const name of ['towns', 'reports', 'facts', 'violations'] as const) {
    const t = await conn.query(`SELECT * FROM imported.${name}`);
    if (t.numRows) out[name] = arrow.tableToIPC(t as unknown as arrow.Table, 'stream');
  }
  return out;
}

export async function clearTables(conn: AsyncDuckDBConnection): Promise<void> {
  for (const name of ['violations', 'facts', 'reports', 'towns']) await conn.query(`DELETE FROM imported.${name}`);
}

/** Removes one report with its facts and violations, and its town when no other imported report uses it. */
export async function deleteReportRows(conn: AsyncDuckDBConnection, reportId: string): Promise<void> {
  for (const name of ['violations', 'facts', 'reports']) {
    const st = await conn.prepare(`DELETE FROM imported.${name} WHERE report_id = ?`);
    try {
      await st.query(reportId);
    } finally {
      await st.close();
    }
  }
  await conn.query('DELETE FROM imported.towns WHERE town_id NOT IN (SELECT town_id FROM imported.reports)');
}

/**
 * One change of the local dataset: `change` on schema `imported` inside a transaction, then `persist` (the
 * IndexedDB write); if either fails the transaction is rolled back, so DuckDB and IndexedDB never disagree.
 */
export function transact(conn: AsyncDuckDBConnection, change: () => Promise<void>, persist: () => Promise<void>): Promise<void> {
  // One change of schema `imported` at a time in this tab (a reload for another tab's save waits its turn).
  const run = changes.then(() => transactNow(conn, change, persist));
  changes = run.catch(() => undefined);
  return run;
}
let changes: Promise<unknown> = Promise.resolve();

async function transactNow(conn: AsyncDuckDBConnection, change: () => Promise<void>, persist: () => Promise<void>): Promise<void> {
  try {
    await conn.query('BEGIN TRANSACTION');
    try {
      await change();
      await persist();
      await conn.query('COMMIT');
    } catch (e) {
      await conn.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
  } catch (e) {
    // A wasm trap: the engine is thrown away (the next getDb() opens a fresh one that loads the stored
    // dataset, which this change never reached), and the user is told so.
    if (reportEngineError(e)) throw new EngineFailedError(e);
    throw e;
  }
}

/** Replaces the contents of schema `imported` with `ds` (small datasets; big ones go through the worker). */
export async function replaceImported(conn: AsyncDuckDBConnection, ds: LocalDataset): Promise<void> {
  await transact(conn, async () => {
    await clearTables(conn);
    await insertTables(conn, toIpc(ds));
  }, async () => undefined);
  importState.facts = ds.facts.length;
  importState.reports = ds.reports.length;
}

/**
 * Data saved in this browser before towns were keyed by their official codes (issue 13) names towns by their
 * old slugs (gz-suiyang-puchang): each is moved to today's id (rol.town_aliases), so nothing imported is
 * lost; a copied town record that now duplicates a bundled one is dropped (the bundled record stands).
 */
export async function remapLegacyTownIds(conn: Pick<AsyncDuckDBConnection, 'query'>): Promise<void> {
  for (const t of ['facts', 'reports', 'towns'])
    await conn.query(
      `UPDATE imported.${t} SET town_id = a.town_id FROM rol.town_aliases a WHERE imported.${t}.town_id = a.old_id`,
    );
  await conn.query('DELETE FROM imported.towns WHERE town_id IN (SELECT town_id FROM rol.towns)');
}

/**
 * At start-up: the saved dataset into schema `imported`. The import worker reads IndexedDB and builds the
 * Arrow tables, so a big local dataset costs the page no main-thread time. Never fails the dashboard: errors
 * are recorded and shown on the import page.
 */
export async function loadImported(conn: AsyncDuckDBConnection): Promise<number> {
  const t0 = performance.now();
  try {
    if (await hasDataset()) {
      let { ipc, rev } = (await loadIpcAt()) as { ipc: TableIpc | null; rev: number };
      if (!ipc) {
        rev = await loadRev();
        const { runInWorker } = await import('./worker-client.ts');
        const r = await runInWorker({ type: 'stored-ipc' });
        if (r.type !== 'ipc') throw new Error(r.type === 'failed' ? r.message : 'the local dataset could not be read');
        ipc = r.ipc;
      }
      const tables = ipc;
      await transact(conn, async () => {
        await clearTables(conn);
        await insertTables(conn, tables);
        await remapLegacyTownIds(conn);
      }, async () => undefined);
      importState.rev = rev;
    } else {
      // Nothing stored (never, or cleared in another tab): schema `imported` is empty.
      const rev = await loadRev();
      if (rev !== importState.rev) await transact(conn, () => clearTables(conn), async () => undefined);
      importState.rev = rev;
    }
    importState.error = '';
  } catch (e) {
    importState.error = e instanceof Error ? e.message : String(e);
    console.warn('local dataset not loaded:', importState.error);
  }
  importState.ms = performance.now() - t0;
  return importState.ms;
}

let followed: AsyncDuckDBConnection | null = null;
const changeListeners = new Set<() => void>();

/**
 * Keeps schema `imported` of this tab's engine at the newest stored revision: when another tab saves, the
 * stored dataset is loaded again and the pages that show it are told (onImportedChange). BrowserDuck.open
 * calls it once per engine.
 */
export function followOtherTabs(conn: AsyncDuckDBConnection): void {
  const first = !followed;
  followed = conn;
  if (first) onOtherTabSaved((rev) => rev !== importState.rev && void reloadImported());
}

/** Loads the stored dataset into the followed engine again, then tells the listeners. */
export async function reloadImported(): Promise<void> {
  if (!followed) return;
  await loadImported(followed);
  for (const l of changeListeners) l();
}

/**
 * This tab's save landed at `rev`, applied to revision `base`: when that is what its DuckDB held, DuckDB now
 * holds `rev` (the page changed schema `imported` the same way); otherwise another tab saved in between, and
 * its rows are loaded too.
 */
export function afterOwnSave(saved: { base: number; rev: number }): void {
  if (saved.base === importState.rev) importState.rev = saved.rev;
  else void reloadImported();
}

/** Calls `f` after schema `imported` changed because of another tab; returns the unsubscribe. */
export function onImportedChange(f: () => void): () => void {
  changeListeners.add(f);
  return () => changeListeners.delete(f);
}
