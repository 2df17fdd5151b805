/**
 * Run history (the last 200 runs) and named saved queries, in IndexedDB so they outlive reloads and stay
 * on this machine. Both export to one JSON file and import back (validated with zod; bad files are
 * refused with the reason, nothing already stored is lost).
 */
import { z } from 'zod';

export const HISTORY_LIMIT = 200;

export const HistoryEntry = z.object({
  id: z.number().int().optional(),
  sql: z.string(),
  /** Epoch ms when the run started. */
  at: z.number(),
  durationMs: z.number(),
  rows: z.number().nullable(),
  status: z.enum(['ok', 'error', 'cancelled']),
  error: z.string().optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const SavedQuery = z.object({ name: z.string().min(1), sql: z.string(), savedAt: z.number() });
export type SavedQuery = z.infer<typeof SavedQuery>;

export const WorkbenchExport = z.object({
  kind: z.literal('rol-sql-workbench'),
  version: z.literal(1),
  history: z.array(HistoryEntry),
  saved: z.array(SavedQuery),
});
export type WorkbenchExport = z.infer<typeof WorkbenchExport>;

const DB_NAME = 'rol-sql';
const HISTORY = 'history';
const SAVED = 'saved';

let dbp: Promise<IDBDatabase> | null = null;

function openDb(): Promise<IDBDatabase> {
  dbp ??= new Promise((ok, fail) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(HISTORY)) db.createObjectStore(HISTORY, { keyPath: 'id', autoIncrement: true });
      if (!db.objectStoreNames.contains(SAVED)) db.createObjectStore(SAVED, { keyPath: 'name' });
    };
    req.onsuccess = () => ok(req.result);
    req.onerror = () => {
      dbp = null;
      fail(req.error ?? new Error('IndexedDB unavailable'));
    };
  });
  return dbp;
}

const done = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((ok, fail) => {
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
  });

const finished = (tx: IDBTransaction): Promise<void> =>
  new Promise((ok, fail) => {
    tx.oncomplete = () => ok();
    tx.onerror = () => fail(tx.error);
    tx.onabort = () => fail(tx.error ?? new Error('transaction aborted'));
  });

/** Newest first. */
export async function listHistory(): Promise<HistoryEntry[]> {
  const db = await openDb();
  const all = (await done(db.transaction(HISTORY).objectStore(HISTORY).getAll())) as HistoryEntry[];
  return all.sort((a, b) => b.at - a.at || (b.id ?? 0) - (a.id ?? 0));
}

/** Adds a run and drops the oldest beyond HISTORY_LIMIT. */
export async function addHistory(e: Omit<HistoryEntry, 'id'>): Promise<void> {
  const db = await openDb();
  const tx = db.transaction(HISTORY, 'readwrite');
  const store = tx.objectStore(HISTORY);
  store.add(e);
  const keys = (await done(store.getAllKeys())) as number[];
  if (keys.length > HISTORY_LIMIT) for (const k of keys.sort((a, b) => a - b).slice(0, keys.length - HISTORY_LIMIT)) store.delete(k);
  await finished(tx);
}

export async function clearHistory(): Promise<void> {
  const db = await openDb();
  const tx = db.transaction(HISTORY, 'readwrite');
  tx.objectStore(HISTORY).clear();
  await finished(tx);
}

export async function listSaved(): Promise<SavedQuery[]> {
  const db = await openDb();
  const all = (await done(db.transaction(SAVED).objectStore(SAVED).getAll())) as SavedQuery[];
  return all.sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}

/** Saves under a name, replacing a query already saved under it. */
export async function saveQuery(q: SavedQuery): Promise<void> {
  const db = await openDb();
  const tx = db.transaction(SAVED, 'readwrite');
  tx.objectStore(SAVED).put(SavedQuery.parse(q));
  await finished(tx);
}

export async function deleteSaved(name: string): Promise<void> {
  const db = await openDb();
  const tx = db.transaction(SAVED, 'readwrite');
  tx.objectStore(SAVED).delete(name);
  await finished(tx);
}

export async function exportAll(): Promise<WorkbenchExport> {
  return { kind: 'rol-sql-workbench', version: 1, history: await listHistory(), saved: await listSaved() };
}

/** Reads an export file's text; throws a specific message when it is not one. */
export function parseExport(text: string): WorkbenchExport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const r = WorkbenchExport.safeParse(json);
  if (!r.success) throw new Error(z.prettifyError(r.error));
  return r.data;
}

/** Merges an export into the store: saved queries by name (imported wins), history appended then trimmed. */
export async function importAll(data: WorkbenchExport): Promise<{ history: number; saved: number }> {
  const db = await openDb();
  const tx = db.transaction([HISTORY, SAVED], 'readwrite');
  const h = tx.objectStore(HISTORY);
  const existing = new Set(((await done(h.getAll())) as HistoryEntry[]).map((e) => `${e.at}\u0000${e.sql}`));
  let nh = 0;
  for (const e of [...data.history].sort((a, b) => a.at - b.at)) {
    if (existing.has(`${e.at}\u0000${e.sql}`)) continue;
    const { id: _drop, ...rest } = e;
    h.add(rest);
    nh++;
  }
  for (const s of data.saved) tx.objectStore(SAVED).put(s);
  await finished(tx);
  // Trim after the import so the newest 200 runs remain.
  const tx2 = db.transaction(HISTORY, 'readwrite');
  const all = ((await done(tx2.objectStore(HISTORY).getAll())) as HistoryEntry[]).sort((a, b) => a.at - b.at);
  for (const e of all.slice(0, Math.max(0, all.length - HISTORY_LIMIT))) tx2.objectStore(HISTORY).delete(e.id!);
  await finished(tx2);
  return { history: nh, saved: data.saved.length };
}

/** Case-insensitive search over the SQL text and error message. */
export const searchHistory = (entries: HistoryEntry[], q: string): HistoryEntry[] => {
  const needle = q.trim().toLowerCase();
  return needle ? entries.filter((e) => e.sql.toLowerCase().includes(needle) || (e.error ?? '').toLowerCase().includes(needle)) : entries;
};
