/// <reference lib="webworker" />
/**
 * The import's Web Worker: decoding, extraction, parsing, validation, the checks against what the browser
 * holds, the Arrow build and the IndexedDB save all run here, off the page's thread. The worker owns the
 * local dataset and the parsed table: the page sees counts, problems and Arrow bytes (transferred), so a
 * 50 MB file never freezes the UI; progress messages tell the page how far along it is.
 */
import { readReport } from './report-import.ts';
import { readTable } from './read-table.ts';
import { checkAgainstExisting, importTable, type TableImport } from './table-import.ts';
import { ImportProblemError } from './problems.ts';
import { toIpc, type TableIpc } from './load-imported.ts';
import { clearDataset, loadDataset, saveDataset } from './store.ts';
import { emptyDataset, mergeDatasets, removeReport, summarize, toExportTable, type LocalDataset } from './dataset.ts';
import { existingFromIpc } from './db-bridge.ts';
import type { LocalChange, WorkerRequest, WorkerResponse } from './worker-protocol.ts';

/** The last parsed table, kept here so that its rows never have to cross to the page. */
const parsed = new Map<number, TableImport>();
/** The local dataset as saved in IndexedDB (read on first use). */
let local: Promise<LocalDataset> | null = null;
const getLocal = () => (local ??= loadDataset());

const transferables = (ipc: TableIpc) => Object.values(ipc).map((b) => b.buffer as ArrayBuffer);
const post = (m: WorkerResponse, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

function knownTownIds(ds: LocalDataset): string[] {
  const created = new Set(ds.towns.map((x) => x.town_id));
  return [...new Set(ds.reports.map((x) => x.town_id))].filter((id) => !created.has(id));
}

function parsedOf(of: number): TableImport {
  const t = parsed.get(of);
  if (!t) throw new Error('the parsed table is no longer in the worker: import the file again');
  return t;
}

async function apply(change: LocalChange): Promise<LocalDataset> {
  const base = await getLocal();
  if (change.kind === 'parsed') return mergeDatasets(base, parsedOf(change.of).dataset);
  if (change.kind === 'dataset') return mergeDatasets(base, change.dataset);
  if (change.kind === 'remove') return removeReport(base, change.reportId);
  return emptyDataset();
}

async function handle(req: WorkerRequest): Promise<void> {
  const progress = (stage: 'read' | 'parse' | 'validate', share: number) => post({ id: req.id, type: 'progress', stage, share });
  switch (req.type) {
    case 'report': {
      progress('parse', 0);
      return post({ id: req.id, type: 'report', result: readReport(new Uint8Array(req.bytes), req.name) });
    }
    case 'table': {
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
      parsed.set(req.id, t);
      const ds = t.dataset;
      return post({
        id: req.id,
        type: 'table',
        kind,
        layout: t.layout,
        rowsRead: t.rowsRead,
        counts: { facts: ds.facts.length, reports: ds.reports.length, towns: ds.towns.length },
        // Towns this file creates are not in the database yet: only known towns can hold values it contradicts.
        townIds: knownTownIds(ds),
      });
    }
    case 'check': {
      const t = parsedOf(req.of);
      const problems = checkAgainstExisting(t.dataset, await getLocal(), existingFromIpc(req.existing), (id) => t.cells.get(id));
      if (problems.length) parsed.delete(req.of);
      return post({ id: req.id, type: 'checked', problems });
    }
    case 'check-report': {
      const base = await getLocal();
      const clash = checkAgainstExisting(req.dataset, base, [], () => undefined);
      if (clash.length) return post({ id: req.id, type: 'problems', problems: clash });
      const have = new Set(base.towns.map((x) => x.town_id));
      const ipc = toIpc({ ...req.dataset, towns: req.dataset.towns.filter((x) => !have.has(x.town_id)) });
      return post({ id: req.id, type: 'ipc', ipc }, transferables(ipc));
    }
    case 'table-ipc': {
      const ipc = toIpc(parsedOf(req.of).dataset);
      return post({ id: req.id, type: 'ipc', ipc }, transferables(ipc));
    }
    case 'drop': {
      parsed.delete(req.of);
      return post({ id: req.id, type: 'done' });
    }
    case 'save': {
      const next = await apply(req.change);
      if (req.change.kind === 'clear') await clearDataset();
      // The Arrow snapshot start-up inserts, built here from the same records schema `imported` now holds
      // (the loader casts to the declared types, so these load exactly as DuckDB's own would).
      else await saveDataset(next, toIpc(next));
      // Only once IndexedDB holds it: a failed save leaves the worker's dataset as it was.
      local = Promise.resolve(next);
      if (req.change.kind === 'parsed') parsed.delete(req.change.of);
      return post({ id: req.id, type: 'summary', summary: summarize(next) });
    }
    case 'summary':
      return post({ id: req.id, type: 'summary', summary: summarize(await getLocal()) });
    case 'export': {
      const { encodeTable } = await import('../export/table.ts');
      const table = toExportTable(await getLocal(), new Map(req.towns.map((t) => [t.town_id, t])));
      const bytes = await encodeTable(table, req.format);
      return post({ id: req.id, type: 'export', bytes }, [bytes.buffer as ArrayBuffer]);
    }
    case 'stored-ipc': {
      const ipc = toIpc(await getLocal());
      return post({ id: req.id, type: 'ipc', ipc }, transferables(ipc));
    }
  }
}

// One request at a time, in order: a save never interleaves with a check of the dataset it changes.
let queue: Promise<void> = Promise.resolve();
self.onmessage = (ev: MessageEvent<WorkerRequest>) => {
  const req = ev.data;
  queue = queue.then(() =>
    handle(req).catch((e) => {
      if (e instanceof ImportProblemError) post({ id: req.id, type: 'problems', problems: e.problems });
      else post({ id: req.id, type: 'failed', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
    }),
  );
};
