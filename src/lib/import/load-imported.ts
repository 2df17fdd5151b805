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
import { loadDataset } from './store.ts';

export const importState = { facts: 0, reports: 0, ms: 0, error: '' };

const arrowType = (t: DuckType): arrow.DataType => {
  switch (t) {
    case 'SMALLINT':
    case 'INTEGER':
      return new arrow.Int32();
    case 'DOUBLE':
      return new arrow.Float64();
    case 'BOOLEAN':
      return new arrow.Bool();
    case 'VARCHAR[]':
      return new arrow.List(new arrow.Field('item', new arrow.Utf8(), true));
    default:
      return new arrow.Utf8();
  }
};

function toArrow(name: TableName, rows: readonly object[]): arrow.Table {
  const cols = TABLE_COLUMNS[name] as Record<string, DuckType>;
  const vectors: Record<string, arrow.Vector> = {};
  for (const [c, t] of Object.entries(cols))
    vectors[c] = arrow.vectorFromArray(
      rows.map((r) => (r as Record<string, unknown>)[c] ?? null),
      arrowType(t),
    );
  return new arrow.Table(vectors);
}

/** Replaces the contents of schema `imported` with `ds`. */
export async function replaceImported(conn: AsyncDuckDBConnection, ds: LocalDataset): Promise<void> {
  const tables: [TableName, readonly object[]][] = [
    ['towns', ds.towns],
    ['reports', ds.reports],
    ['facts', ds.facts],
    ['violations', ds.violations],
  ];
  await conn.query('BEGIN TRANSACTION');
  try {
    for (const [name, rows] of tables) {
      await conn.query(`DELETE FROM imported.${name}`);
      if (!rows.length) continue;
      const stage = `stage_${name}`;
      await conn.query(`DROP TABLE IF EXISTS imported.${stage}`);
      await conn.insertArrowTable(toArrow(name, rows), { name: stage, schema: 'imported', create: true });
      const cols = Object.entries(TABLE_COLUMNS[name] as Record<string, DuckType>);
      await conn.query(
        `INSERT INTO imported.${name} (${cols.map(([c]) => c).join(', ')}) SELECT ${cols.map(([c, t]) => `CAST("${c}" AS ${t})`).join(', ')} FROM imported.${stage}`,
      );
      await conn.query(`DROP TABLE imported.${stage}`);
    }
    await conn.query('COMMIT');
  } catch (e) {
    await conn.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
  importState.facts = ds.facts.length;
  importState.reports = ds.reports.length;
}

/** At start-up: the saved dataset into schema `imported`. Never fails the dashboard: errors are recorded. */
export async function loadImported(conn: AsyncDuckDBConnection): Promise<number> {
  const t0 = performance.now();
  try {
    await replaceImported(conn, await loadDataset());
    importState.error = '';
  } catch (e) {
    importState.error = e instanceof Error ? e.message : String(e);
    console.warn('local dataset not loaded:', importState.error);
  }
  importState.ms = performance.now() - t0;
  return importState.ms;
}
