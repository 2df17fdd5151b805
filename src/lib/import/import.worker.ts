/// <reference lib="webworker" />
/**
 * The import's Web Worker: decoding, extraction, parsing, validation, the checks against what the browser
 * holds, the Arrow build and the IndexedDB save all run here, off the page's thread. The worker owns the
 * local dataset and the parsed table: the page sees counts, problems and Arrow bytes (transferred), so a
 * 50 MB file never freezes the UI; progress messages tell the page how far along it is.
 */
import { readReport, withoutReport } from './report-import.ts';
import { readTable } from './read-table.ts';
import { checkAgainstExisting, importTable, type TableImport } from './table-import.ts';
import { ImportProblemError } from './problems.ts';
import { toIpc, type TableIpc } from './load-imported.ts';
import { clearDataset, loadDatasetAt, loadRev, saveDataset } from './store.ts';
import { clashingIds, emptyDataset, mergeDatasets, removeReport, summarize, toExportTable, type LocalDataset } from './dataset.ts';
import { withDatasetLock } from './sync.ts';
import { existingFromIpc } from './db-bridge.ts';
import { allReviews, putReview } from './review-store.ts';
import type { LocalChange, WorkerRequest, WorkerResponse } from './worker-protocol.ts';

/** The last parsed table, kept here so that its rows never have to cross to the page. */
const parsed = new Map<number, TableImport>();
/**
 * The local dataset as saved in IndexedDB, with its revision: read on first use, and again whenever another
 * tab saved since (a small read of the revision tells).
 */
let local: Promise<{ dataset: LocalDataset; rev: number }> | null = null;
async function getLocalAt(): Promise<{ dataset: LocalDataset; rev: number }> {
  const rev = await loadRev();
  const have = local && (await local.catch(() => null));
  if (!have || have.rev !== rev) {
    local = loadDatasetAt();
    local.catch(() => (local = null));
  }
  return local!;
}
const getLocal = async () => (await getLocalAt()).dataset;

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

function apply(base: LocalDataset, change: LocalChange): LocalDataset {
  if (change.kind === 'parsed' || change.kind === 'dataset') {
    const incoming = change.kind === 'parsed' ? parsedOf(change.of).dataset : change.dataset;
    // Another tab may have saved the same report since this one checked: refuse rather than store it twice.
    const clash = clashingIds(base, incoming).reports;
    // (a plain message, zh / en: the page shows a failed save's message as it is)
    if (clash.length)
      throw new Error(
        `报告 ${clash.slice(0, 3).join('、')} 已在另一个标签页中导入,本次未保存 / report ${clash.slice(0, 3).join(', ')} was imported in another tab meanwhile; nothing was saved`,
      );
    return mergeDatasets(base, incoming);
  }
  if (change.kind === 'remove') return removeReport(base, change.reportId);
  if (change.kind === 'replace') return mergeDatasets(withoutReport(base, change.reportId, change.dataset).rest, change.dataset);
  return emptyDataset();
}

/**
 * One change of the stored dataset, safe across tabs: under the dataset's Web Lock, applied to the newest
 * revision (merged into what another tab saved meanwhile), written with the next revision. `base` tells the
 * page which revision the change was applied to: when it is not the one its DuckDB holds, it reloads.
 */
function save(change: LocalChange): Promise<{ next: LocalDataset; base: number; rev: number }> {
  return withDatasetLock(async () => {
    const cur = await getLocalAt();
    const next = apply(cur.dataset, change);
    const rev = cur.rev + 1;
    if (change.kind === 'clear') await clearDataset(rev);
    // The Arrow snapshot start-up inserts, built here from the same records schema `imported` now holds
    // (the loader casts to the declared types, so these load exactly as DuckDB's own would).
    else await saveDataset(next, toIpc(next), rev);
    // Only once IndexedDB holds it: a failed save leaves the worker's dataset as it was.
    local = Promise.resolve({ dataset: next, rev });
    return { next, base: cur.rev, rev };
  });
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
      // A reopened report replaces its saved version: checked against the rest; the towns it keeps go back into
      // schema `imported` with it (deleting the old rows there drops a town no other report uses).
      const { rest: base, kept } = req.replaces ? withoutReport(await getLocal(), req.replaces, req.dataset) : { rest: await getLocal(), kept: [] };
      const clash = checkAgainstExisting(req.dataset, base, [], () => undefined);
      if (clash.length) return post({ id: req.id, type: 'problems', problems: clash });
      const have = new Set(base.towns.map((x) => x.town_id));
      const ipc = toIpc({ ...req.dataset, towns: [...req.dataset.towns.filter((x) => !have.has(x.town_id)), ...kept] });
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
      const reviews = req.change.kind === 'parsed' ? parsedOf(req.change.of).reviews : [];
      const { next, base, rev } = await save(req.change);
      // the full texts a share export brought back, with their reports' reviews (table-texts.ts)
      for (const r of reviews) await putReview(r);
      if (req.change.kind === 'parsed') parsed.delete(req.change.of);
      return post({ id: req.id, type: 'summary', summary: summarize(next), saved: { base, rev } });
    }
    case 'summary':
      return post({ id: req.id, type: 'summary', summary: summarize(await getLocal()) });
    case 'export': {
      const { encodeTable } = await import('../export/table.ts');
      // the reports' full texts go with their facts (kept with the reviews, review-store.ts)
      const texts = new Map((await allReviews()).map((r) => [r.report_id, r.text] as const));
      const table = toExportTable(await getLocal(), new Map(req.towns.map((t) => [t.town_id, t])), texts);
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
