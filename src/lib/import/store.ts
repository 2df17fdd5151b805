/**
 * The local dataset in IndexedDB: one record, written in one transaction, so a save either lands whole or
 * not at all and a reload finds exactly what was saved. Nothing leaves the browser.
 *
 * Every tab of the site shares it. Each write stores a revision number with the data (same transaction);
 * the import worker makes its changes under a Web Lock against the newest revision (see sync.ts), so a tab
 * holding an old copy never writes it over another tab's save.
 */
import { emptyDataset, type LocalDataset } from './dataset.ts';

const DB_NAME = 'rol-import';
const STORE = 'dataset';
const KEY = 'current';
const IPC_KEY = 'current-ipc';
/** The revision of what is stored: 0 before the first save, +1 with every save or clear. */
const REV_KEY = 'rev';

function open(): Promise<IDBDatabase> {
  return new Promise((ok, fail) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error ?? new Error('IndexedDB could not be opened'));
  });
}

function run<T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((ok, fail) => {
        const tx = db.transaction(STORE, mode);
        const req = f(tx.objectStore(STORE));
        tx.oncomplete = () => {
          db.close();
          ok(req.result);
        };
        tx.onabort = tx.onerror = () => {
          db.close();
          fail(tx.error ?? req.error ?? new Error('IndexedDB transaction failed'));
        };
      }),
  );
}

export const hasIndexedDb = (): boolean => typeof indexedDB !== 'undefined';

export async function loadDataset(): Promise<LocalDataset> {
  return (await loadDatasetAt()).dataset;
}

/** The dataset with the revision it was saved as (one read transaction: the two always match). */
export async function loadDatasetAt(): Promise<{ dataset: LocalDataset; rev: number }> {
  if (!hasIndexedDb()) return { dataset: emptyDataset(), rev: 0 };
  const [v, rev] = await readTwo(KEY);
  return { dataset: v ? { ...emptyDataset(), ...(v as LocalDataset) } : emptyDataset(), rev };
}

/** The stored revision (a small read: tells a tab whether its copy is still the newest). */
export async function loadRev(): Promise<number> {
  if (!hasIndexedDb()) return 0;
  return Number((await run('readonly', (s) => s.get(REV_KEY))) ?? 0);
}

function readTwo(key: string): Promise<[unknown, number]> {
  return open().then(
    (db) =>
      new Promise((ok, fail) => {
        const tx = db.transaction(STORE, 'readonly');
        const a = tx.objectStore(STORE).get(key);
        const r = tx.objectStore(STORE).get(REV_KEY);
        tx.oncomplete = () => {
          db.close();
          ok([a.result, Number(r.result ?? 0)]);
        };
        tx.onabort = tx.onerror = () => {
          db.close();
          fail(tx.error ?? new Error('IndexedDB transaction failed'));
        };
      }),
  );
}

/** Whether anything is stored, without reading (deserialising) it. */
export async function hasDataset(): Promise<boolean> {
  if (!hasIndexedDb()) return false;
  return (await run('readonly', (s) => s.count(KEY))) > 0;
}

/**
 * Saves the dataset, and with it the same rows as Arrow IPC snapshots of schema `imported` (what start-up
 * loads: bytes go into DuckDB as they are, with no objects to rebuild). One transaction: both or neither.
 */
export async function saveDataset(ds: LocalDataset, ipc?: Partial<Record<string, Uint8Array>>, rev?: number): Promise<void> {
  const db = await open();
  await new Promise<void>((ok, fail) => {
    const tx = db.transaction(STORE, 'readwrite');
    const s = tx.objectStore(STORE);
    s.put(ds, KEY);
    if (ipc) s.put(ipc, IPC_KEY);
    else s.delete(IPC_KEY);
    if (rev !== undefined) s.put(rev, REV_KEY);
    tx.oncomplete = () => ok();
    tx.onabort = tx.onerror = () => fail(tx.error ?? new Error('IndexedDB transaction failed'));
  }).finally(() => db.close());
}

/** The Arrow snapshots saved with the dataset, or null (then start-up builds them from the dataset). */
export async function loadIpc(): Promise<Partial<Record<string, Uint8Array>> | null> {
  return (await loadIpcAt()).ipc;
}

/** The snapshots with the revision they belong to. */
export async function loadIpcAt(): Promise<{ ipc: Partial<Record<string, Uint8Array>> | null; rev: number }> {
  if (!hasIndexedDb()) return { ipc: null, rev: 0 };
  const [v, rev] = await readTwo(IPC_KEY);
  return { ipc: (v as Partial<Record<string, Uint8Array>> | undefined) ?? null, rev };
}

export async function clearDataset(rev?: number): Promise<void> {
  // 'current' and 'current-ipc' in one transaction: the range holds just these two keys.
  await run('readwrite', (s) => {
    if (rev !== undefined) s.put(rev, REV_KEY);
    return s.delete(IDBKeyRange.bound(KEY, IPC_KEY));
  });
}
