/**
 * The local dataset in IndexedDB: one record, written in one transaction, so a save either lands whole or
 * not at all and a reload finds exactly what was saved. Nothing leaves the browser.
 */
import { emptyDataset, type LocalDataset } from './dataset.ts';

const DB_NAME = 'rol-import';
const STORE = 'dataset';
const KEY = 'current';
const IPC_KEY = 'current-ipc';

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
  if (!hasIndexedDb()) return emptyDataset();
  const v = (await run('readonly', (s) => s.get(KEY))) as LocalDataset | undefined;
  return v ? { ...emptyDataset(), ...v } : emptyDataset();
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
export async function saveDataset(ds: LocalDataset, ipc?: Partial<Record<string, Uint8Array>>): Promise<void> {
  const db = await open();
  await new Promise<void>((ok, fail) => {
    const tx = db.transaction(STORE, 'readwrite');
    const s = tx.objectStore(STORE);
    s.put(ds, KEY);
    if (ipc) s.put(ipc, IPC_KEY);
    else s.delete(IPC_KEY);
    tx.oncomplete = () => ok();
    tx.onabort = tx.onerror = () => fail(tx.error ?? new Error('IndexedDB transaction failed'));
  }).finally(() => db.close());
}

/** The Arrow snapshots saved with the dataset, or null (then start-up builds them from the dataset). */
export async function loadIpc(): Promise<Partial<Record<string, Uint8Array>> | null> {
  if (!hasIndexedDb()) return null;
  return ((await run('readonly', (s) => s.get(IPC_KEY))) as Partial<Record<string, Uint8Array>> | undefined) ?? null;
}

export async function clearDataset(): Promise<void> {
  // 'current' and 'current-ipc' in one transaction: the range holds just these two keys.
  await run('readwrite', (s) => s.delete(IDBKeyRange.bound(KEY, IPC_KEY)));
}
