/** The page's side of the import worker: one worker, requests answered in turn, progress to a callback. */
import type { WorkerRequest, WorkerResponse } from './worker-protocol.ts';
import { announce } from './sync.ts';

type Final = Exclude<WorkerResponse, { type: 'progress' }>;
type Progress = Extract<WorkerResponse, { type: 'progress' }>;
type Req = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

let worker: Worker | null = null;
let seq = 0;
const pending = new Map<number, { done: (r: Final) => void; progress?: (p: Progress) => void }>();

function get(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (ev: MessageEvent<WorkerResponse>) => {
      const m = ev.data;
      const p = pending.get(m.id);
      if (!p) return;
      if (m.type === 'progress') p.progress?.(m);
      else {
        pending.delete(m.id);
        if (m.type === 'summary' && m.saved) afterSave(m.saved);
        p.done(m);
      }
    };
    worker.onerror = (ev) => {
      for (const [id, p] of pending) p.done({ id, type: 'failed', message: ev.message || 'the import worker stopped' });
      pending.clear();
      worker?.terminate();
      worker = null;
    };
  }
  return worker;
}

/**
 * A save landed in IndexedDB: tell the other tabs, and when it was applied to a newer revision than this tab's
 * DuckDB holds (another tab saved in between), load the stored dataset into it again.
 */
function afterSave(saved: { base: number; rev: number }): void {
  announce(saved.rev);
  void import('./load-imported.ts').then((m) => m.afterOwnSave(saved));
}

/**
 * Sends a request (its file bytes, and any buffers in `transfer`, transferred, not copied); resolves with the
 * answer, `id` included.
 */
export function runInWorker(req: Req, progress?: (p: Progress) => void, transfer: Transferable[] = []): Promise<Final> {
  const id = ++seq;
  return new Promise((done) => {
    pending.set(id, { done, progress });
    get().postMessage({ ...req, id } as WorkerRequest, 'bytes' in req ? [req.bytes, ...transfer] : transfer);
  });
}

/** The buffers of Arrow IPC tables, to transfer them with a request. */
export const ipcBuffers = (ipc: Partial<Record<string, Uint8Array>> | null): Transferable[] =>
  ipc ? [...new Set(Object.values(ipc).map((b) => b!.buffer as ArrayBuffer))] : [];
