/**
 * One queued file through the import worker: a report comes back extracted; a table comes back parsed and
 * checked against the values DuckDB already holds for its towns (sent to the worker as Arrow bytes) and
 * against the local dataset — ready to confirm, or refused with its problems. The worker keeps the table.
 */
import { getDb } from '../db/client.svelte.ts';
import type { ExtractionResult } from '../extract/index.ts';
import type { KnownTown } from './dataset.ts';
import { existingValuesIpc } from './db-bridge.ts';
import type { ImportProblem } from './problems.ts';
import { runInWorker } from './worker-client.ts';

export const TABLE_EXT = /\.(csv|tsv|xlsx|parquet)$/i;

export interface ParsedTable {
  id: number;
  layout: 'long' | 'wide';
  rowsRead: number;
  counts: { facts: number; reports: number; towns: number };
}

export type FileOutcome =
  | { kind: 'report'; result: ExtractionResult }
  | { kind: 'table'; table: ParsedTable }
  | { kind: 'problems'; list: ImportProblem[] };

type Progress = (p: { stage: 'read' | 'parse' | 'validate'; share: number }) => void;

export async function readInWorker(name: string, bytes: ArrayBuffer, known: KnownTown[], onProgress: Progress, lap: (what: string, t0: number) => void): Promise<FileOutcome> {
  if (!TABLE_EXT.test(name)) {
    const r = await runInWorker({ type: 'report', name, bytes }, onProgress);
    if (r.type === 'report') return { kind: 'report', result: r.result };
    if (r.type === 'problems') return { kind: 'problems', list: r.problems };
    throw new Error(r.type === 'failed' ? r.message : 'the report could not be read');
  }
  const t0 = performance.now();
  const r = await runInWorker({ type: 'table', name, bytes, knownTowns: known, importedAt: new Date().toISOString() }, onProgress);
  lap('worker_ms', t0);
  if (r.type === 'problems') return { kind: 'problems', list: r.problems };
  if (r.type !== 'table') throw new Error(r.type === 'failed' ? r.message : 'the table could not be read');
  onProgress({ stage: 'validate', share: 1 });
  const db = await getDb();
  const t1 = performance.now();
  // Values already held for these towns go to the worker as Arrow bytes; it checks them with the local dataset.
  const existing = await existingValuesIpc(db.conn, r.townIds);
  const c = await runInWorker({ type: 'check', of: r.id, existing }, undefined, existing ? [existing.buffer as ArrayBuffer] : []);
  lap('conflicts_ms', t1);
  if (c.type !== 'checked') throw new Error(c.type === 'failed' ? c.message : 'the table could not be checked');
  if (c.problems.length) return { kind: 'problems', list: c.problems };
  return { kind: 'table', table: { id: r.id, layout: r.layout, rowsRead: r.rowsRead, counts: r.counts } };
}
