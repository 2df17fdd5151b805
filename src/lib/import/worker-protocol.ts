/** Messages between the import page and its worker. */
import type { ExtractionResult } from '../extract/index.ts';
import type { KnownTown, LocalDataset } from './dataset.ts';
import type { ImportProblem } from './problems.ts';
import type { TableIpc } from './load-imported.ts';

export type WorkerRequest =
  | { id: number; type: 'report'; name: string; bytes: ArrayBuffer }
  | { id: number; type: 'table'; name: string; bytes: ArrayBuffer; knownTowns: KnownTown[]; importedAt: string }
  /** The Arrow IPC tables of the table parsed by request `of` (kept in the worker until then). */
  | { id: number; type: 'table-ipc'; of: number }
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
      dataset: LocalDataset;
      cells: [string, { row: number; column: string }][];
    }
  | { id: number; type: 'ipc'; ipc: TableIpc }
  | { id: number; type: 'problems'; problems: ImportProblem[] }
  | { id: number; type: 'failed'; message: string };
