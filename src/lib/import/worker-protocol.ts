/**
 * Messages between the import page and its worker. The worker owns the local dataset (the facts, read from
 * and written to IndexedDB there) and every table it parses: the page gets counts, problems and Arrow IPC
 * bytes (transferred, not copied), never arrays of fact objects, so a 50 MB file never freezes it.
 */
import type { ExtractionResult } from '../extract/index.ts';
import type { Town } from '../catalog/schemas.ts';
import type { KnownTown, LocalDataset, LocalSummary } from './dataset.ts';
import type { ImportProblem } from './problems.ts';
import type { TableIpc } from './load-imported.ts';

/** A change of the local dataset, applied by the worker once DuckDB holds it (see `save`). */
export type LocalChange =
  /** Add the table parsed by request `of`. */
  | { kind: 'parsed'; of: number }
  /** Add a reviewed report's records (small). */
  | { kind: 'dataset'; dataset: LocalDataset }
  | { kind: 'remove'; reportId: string }
  /** A reopened report saved again: its old records out, the reviewed ones in. */
  | { kind: 'replace'; reportId: string; dataset: LocalDataset }
  | { kind: 'clear' };

export type WorkerRequest =
  | { id: number; type: 'report'; name: string; bytes: ArrayBuffer }
  | { id: number; type: 'table'; name: string; bytes: ArrayBuffer; knownTowns: KnownTown[]; importedAt: string }
  /** Checks the table parsed by request `of` against the local dataset and `existing` (Arrow IPC of existingValues). */
  | { id: number; type: 'check'; of: number; existing: Uint8Array | null }
  /** Checks a reviewed report against the local dataset; answers problems or its Arrow IPC (new towns only). */
  | { id: number; type: 'check-report'; dataset: LocalDataset; replaces?: string }
  /** The Arrow IPC tables of the table parsed by request `of` (kept in the worker until saved or dropped). */
  | { id: number; type: 'table-ipc'; of: number }
  /** Forget the table parsed by request `of` (cancelled or refused). */
  | { id: number; type: 'drop'; of: number }
  /** Applies `change` (already made in schema `imported`) and writes the result to IndexedDB with its Arrow snapshot. */
  | { id: number; type: 'save'; change: LocalChange }
  /** The summary of the local dataset (read from IndexedDB on first use). */
  | { id: number; type: 'summary' }
  /** The share export of the local dataset; `towns`: records of bundled towns its reports refer to. */
  | { id: number; type: 'export'; format: 'parquet' | 'csv'; towns: Town[] }
  /** The Arrow IPC tables of the dataset saved in IndexedDB (start-up). */
  | { id: number; type: 'stored-ipc' };

export type WorkerResponse =
  | { id: number; type: 'progress'; stage: 'read' | 'parse' | 'validate'; share: number }
  | { id: number; type: 'report'; result: ExtractionResult }
  | {
      id: number;
      type: 'table';
      kind: 'csv' | 'xlsx' | 'parquet';
      layout: 'long' | 'wide';
      rowsRead: number;
      counts: { facts: number; reports: number; towns: number };
      /** Towns the table's reports refer to, for the page to look up existing values. */
      townIds: string[];
    }
  /** Answer to `check`: no problems means the table can be taken. */
  | { id: number; type: 'checked'; problems: ImportProblem[] }
  | { id: number; type: 'ipc'; ipc: TableIpc }
  /** `saved` (answer to `save`): the stored revision the change was applied to, and the one it made. */
  | { id: number; type: 'summary'; summary: LocalSummary; saved?: { base: number; rev: number } }
  | { id: number; type: 'export'; bytes: Uint8Array }
  | { id: number; type: 'done' }
  | { id: number; type: 'problems'; problems: ImportProblem[] }
  | { id: number; type: 'failed'; message: string };
