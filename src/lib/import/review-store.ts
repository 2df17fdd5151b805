/**
 * Reviewed reports (text + review, see review-record.ts) in IndexedDB, one record per report, beside the
 * local dataset (store.ts). Written after the dataset's save; removed with the report. Stored as plain JSON
 * values (a Svelte state proxy cannot be cloned into IndexedDB).
 */
import type { ReviewRecord } from './review-record.ts';

const DB_NAME = 'rol-import-reviews';
const STORE = 'reviews';

function open(): Promise<IDBDatabase> {
  return new Promise((ok, fail) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'report_id' });
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error ?? new Error('IndexedDB could not be opened'));
  });
}

async function run<T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T> | void): Promise<T> {
  const db = await open();
  return new Promise<T>((ok, fail) => {
    const tx = db.transaction(STORE, mode);
    const req = f(tx.objectStore(STORE));
    tx.oncomplete = () => {
      db.close();
      ok(req ? req.result : (undefined as T));
    };
    tx.onabort = tx.onerror = () => {
      db.close();
      fail(tx.error ?? new Error('IndexedDB transaction failed'));
    };
  });
}

export const putReview = (r: ReviewRecord): Promise<void> => run('readwrite', (s) => void s.put(JSON.parse(JSON.stringify(r)))).then(() => undefined);
export const getReview = (reportId: string): Promise<ReviewRecord | undefined> => run('readonly', (s) => s.get(reportId) as IDBRequest<ReviewRecord | undefined>);
export const allReviews = (): Promise<ReviewRecord[]> => run('readonly', (s) => s.getAll() as IDBRequest<ReviewRecord[]>);
export const reviewIds = (): Promise<string[]> => run('readonly', (s) => s.getAllKeys() as IDBRequest<string[]>).then((k) => k.map(String));
export const deleteReview = (reportId: string): Promise<void> => run('readwrite', (s) => void s.delete(reportId)).then(() => undefined);
export const clearReviews = (): Promise<void> => run('readwrite', (s) => void s.clear()).then(() => undefined);

/** The full text of an imported report (the town page's provenance), or null. */
export const reviewText = async (reportId: string): Promise<string | null> => (await getReview(reportId))?.text ?? null;
