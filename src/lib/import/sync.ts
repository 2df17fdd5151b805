/**
 * The local dataset across the tabs of one browser. IndexedDB is shared; what each tab shows (its import
 * worker's copy, schema `imported` in its DuckDB) is not. So:
 * - changes are made under one Web Lock, against the newest stored revision (the worker merges its change
 *   into what another tab saved, never writes an old copy over it);
 * - after a save the tab tells the others on a BroadcastChannel; each one loads the new revision into its
 *   DuckDB and tells its pages (the import list, the SQL workbench's schema), which refresh.
 * Works in the page and in the import worker.
 */

export const LOCK_NAME = 'rol-import-dataset';
export const CHANNEL_NAME = 'rol-import';

export interface ChangedMessage {
  type: 'changed';
  rev: number;
}

/** Runs `f` while no other tab (or worker) changes the local dataset. */
export async function withDatasetLock<T>(f: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  // Without Web Locks (old browsers) the revision check in the worker still refuses to write an old copy.
  if (!locks) return f();
  return locks.request(LOCK_NAME, () => f()) as Promise<T>;
}

let channel: BroadcastChannel | null = null;
const listeners = new Set<(rev: number) => void>();

function getChannel(): BroadcastChannel | null {
  if (channel || typeof BroadcastChannel === 'undefined') return channel;
  channel = new BroadcastChannel(CHANNEL_NAME);
  // A channel object does not hear its own messages: these come from other tabs.
  channel.onmessage = (ev: MessageEvent<ChangedMessage>) => {
    if (ev.data?.type !== 'changed') return;
    for (const l of listeners) l(ev.data.rev);
  };
  return channel;
}

/** Tells the other tabs that the stored dataset is now at `rev`. */
export function announce(rev: number): void {
  getChannel()?.postMessage({ type: 'changed', rev } satisfies ChangedMessage);
}

/** Calls `f` when another tab saved; returns the unsubscribe. */
export function onOtherTabSaved(f: (rev: number) => void): () => void {
  getChannel();
  listeners.add(f);
  return () => listeners.delete(f);
}
