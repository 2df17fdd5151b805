/// <reference lib="webworker" />
/**
 * The import's Web Worker: decoding, extraction, parsing and validation run here, off the page's thread, so a
 * 50 MB file never freezes the UI; progress messages tell the page how far along it is.
 */
import { readReport } from './report-import.ts';
import { readTable } from './read-table.ts';
import { importTable } from './table-import.ts';
import { ImportProblemError } from './problems.ts';
import { toIpc, type TableIpc } from './load-imported.ts';
import { loadDataset } from './store.ts';
import type { LocalDataset } from './dataset.ts';
import type { WorkerRequest, WorkerResponse } from './worker-protocol.ts';

/** The last parsed table, kept here so that its rows never have to cross back to be inserted. */
const parsed = new Map<number, LocalDataset>();
const transferables = (ipc: TableIpc) => Object.values(ipc).map((b) => b.buffer as ArrayBuffer);

const post = (m: WorkerResponse, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

self.onmessage = async (ev: MessageEvent<WorkerRequest>) => {
  const req = ev.data;
  const progress = (stage: 'read' | 'parse' | 'validate', share: number) => post({ id: req.id, type: 'progress', stage, share });
  try {
    if (req.type === 'table-ipc' || req.type === 'stored-ipc') {
      const ds = req.type === 'table-ipc' ? parsed.get(req.of) : await loadDataset();
      if (!ds) throw new Error('the parsed table is no longer in the worker: import the file again');
      const ipc = toIpc(ds);
      if (req.type === 'table-ipc') parsed.delete(req.of);
      post({ id: req.id, type: 'ipc', ipc }, transferables(ipc));
    } else if (req.type === 'report') {
      progress('parse', 0);
      const result = readReport(new Uint8Array(req.bytes), req.name);
      post({ id: req.id, type: 'report', result });
    } else {
      progress('parse', 0);
      const { kind, rows } = await readTable(new Uint8Array(req.bytes), req.name, (s) => progress('parse', s));
      progress('validate', 0);
      const t = importTable(rows, {
        fileName: req.name,
        knownTowns: req.knownTowns,
        importedAt: req.importedAt,
        onProgress: (s) => progress('validate', s),
      });
      parsed.clear();
      parsed.set(req.id, t.dataset);
      post({ id: req.id, type: 'table', kind, layout: t.layout, rowsRead: t.rowsRead, dataset: t.dataset, cells: [...t.cells] });
    }
  } catch (e) {
    if (e instanceof ImportProblemError) post({ id: req.id, type: 'problems', problems: e.problems });
    else post({ id: req.id, type: 'failed', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
};
