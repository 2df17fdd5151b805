/**
 * The local dataset in IndexedDB: one record, written in one transaction, so a save either lands whole or
 * not at all and a reload finds exactly what was saved. Nothing leaves the browser.
 */
import { emptyDataset, type LocalDataset } from './dataset.ts';

const DB_NAME = 'rol-import';
const STORE = 'dataset';
const KEY = 'current';

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

export async function saveDataset(ds: LocalDataset): Promise<void> {
  await run('readwrite', (s) => s.put(ds, KEY));
}

export async function clearDataset(): Promise<void> {
  await run('readwrite', (s) => s.delete(KEY));
}
