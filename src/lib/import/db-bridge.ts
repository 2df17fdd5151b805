/**
 * What the import page asks the database: the towns it knows (to match names and ids), values already held
 * for some towns (to find conflicts), reports of a town-year (duplicates), and bundled towns' records for the
 * share export. Parameters are bound, never spliced.
 */
import * as arrow from 'apache-arrow';
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { SqlRunner } from '../db/query.ts';
import { listParam } from '../db/query.ts';
import type { Town } from '../catalog/schemas.ts';
import type { ExistingValue, KnownTown } from './dataset.ts';
import { EngineFailedError, reportEngineError } from '../db/engine-health.ts';

export async function knownTowns(db: SqlRunner): Promise<KnownTown[]> {
  return (await db.rows('SELECT town_id, name_zh, unit_type, county, province FROM towns ORDER BY town_id')) as unknown as KnownTown[];
}

const EXISTING_SQL = `SELECT f.town_id, f.year, f.indicator_id, f.sub_kind, f.value, f.report_id, r.source, f.evidence
     FROM facts_actual f JOIN reports r USING (report_id)
     WHERE f.town_id IN (SELECT unnest(string_split($1, chr(31))))`;

export async function existingValues(db: SqlRunner, townIds: string[]): Promise<ExistingValue[]> {
  if (!townIds.length) return [];
  const rows = await db.rows(EXISTING_SQL, [listParam(townIds)]);
  return rows as unknown as ExistingValue[];
}

/** Town ids per query of the existing-values check: one bounded parameter and result at a time. */
export const EXISTING_CHUNK = 2000;

/**
 * The same values as Arrow IPC bytes, for the import worker: a table of many towns can meet many existing
 * values, and bytes cross to the worker without the page building an object per row. The towns are looked
 * up `EXISTING_CHUNK` at a time (a 100,000-town file never becomes one multi-megabyte IN list), and the
 * batches are streamed into one IPC stream.
 */
export async function existingValuesIpc(conn: AsyncDuckDBConnection, townIds: string[]): Promise<Uint8Array | null> {
  if (!townIds.length) return null;
  try {
    return await existingIpcChunks(conn, townIds);
  } catch (e) {
    if (reportEngineError(e)) throw new EngineFailedError(e);
    throw e;
  }
}

async function existingIpcChunks(conn: AsyncDuckDBConnection, townIds: string[]): Promise<Uint8Array | null> {
  const st = await conn.prepare(EXISTING_SQL);
  try {
    const batches: arrow.RecordBatch[] = [];
    let schema: arrow.Schema | null = null;
    for (let i = 0; i < townIds.length; i += EXISTING_CHUNK) {
      const t = (await st.query(listParam(townIds.slice(i, i + EXISTING_CHUNK)))) as unknown as arrow.Table;
      schema ??= t.schema;
      if (t.numRows) batches.push(...t.batches);
    }
    return batches.length ? arrow.tableToIPC(new arrow.Table(schema!, batches), 'stream') : null;
  } finally {
    await st.close();
  }
}

/** Arrow IPC of `existingValuesIpc` → the values (in the worker). */
export function existingFromIpc(bytes: Uint8Array | null): ExistingValue[] {
  if (!bytes) return [];
  const t = arrow.tableFromIPC(bytes);
  const col = (n: string) => t.getChild(n)!;
  const [town, year, ind, sub, value, report, source, evidence] = ['town_id', 'year', 'indicator_id', 'sub_kind', 'value', 'report_id', 'source', 'evidence'].map(col);
  const out: ExistingValue[] = [];
  for (let i = 0; i < t.numRows; i++)
    out.push({
      town_id: String(town!.get(i)),
      year: Number(year!.get(i)),
      indicator_id: String(ind!.get(i)),
      sub_kind: (sub!.get(i) as string | null) ?? null,
      value: Number(value!.get(i)),
      report_id: String(report!.get(i)),
      source: String(source!.get(i)),
      evidence: String(evidence!.get(i) ?? ''),
    });
  return out;
}

export async function reportsOf(db: SqlRunner, townId: string, year: number) {
  return (await db.rows('SELECT report_id, source, title FROM reports WHERE town_id = $1 AND year = $2 ORDER BY report_id', [townId, year])) as {
    report_id: string;
    source: string;
    title: string | null;
  }[];
}

export async function townRecords(db: SqlRunner, townIds: string[]): Promise<Map<string, Town>> {
  if (!townIds.length) return new Map();
  const rows = await db.rows('SELECT * FROM towns WHERE town_id IN (SELECT unnest(string_split($1, chr(31))))', [listParam(townIds)]);
  return new Map(rows.map((r) => [r.town_id as string, r as unknown as Town]));
}
