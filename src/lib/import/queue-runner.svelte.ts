/**
 * The import page's queue as state: the files picked or dropped (a folder's included, its junk left out),
 * each one's status, and the loop that reads and extracts the waiting ones in order — a failure is marked
 * on its file with why and the loop goes on. The page says what processing a file means and when the loop
 * must wait (a second table while the first awaits confirmation: the worker keeps one parsed table).
 */
import type { ExtractionResult } from '../extract/types.ts';
import type { Bilingual } from './problems.ts';
import { clearDone, enqueue, nextToReview, nextWaiting, setStatus, type QueueItem, type QueueStatus } from './queue.ts';

export interface QueueHooks {
  /** Reads and extracts (or parses) one file; sets its status to review or failed. */
  process(key: string, name: string, bytes: ArrayBuffer): Promise<void>;
  /** True when `it` has to wait. */
  mustWait(it: QueueItem): boolean;
  /** Before each file (the page clears the last file's notices). */
  starting(): void;
  /** An unexpected error while processing. */
  failed(e: unknown): void;
  /** After each file. */
  settled(): void;
}

const whyOf = (e: unknown): Bilingual => {
  const m = e instanceof Error ? e.message : String(e);
  return { problem_zh: m, problem_en: m, fix_zh: '', fix_en: '' };
};

export class QueueRunner {
  items = $state.raw<QueueItem[]>([]);
  /** Extraction results of reports waiting for review, by queue key. */
  readonly results = new Map<string, ExtractionResult>();
  private readonly files = new Map<string, File>();
  private pumping = false;

  constructor(private readonly hooks: QueueHooks) {}

  set(key: string, status: QueueStatus, why?: Bilingual): void {
    this.items = setStatus(this.items, key, status, why);
  }
  nextToReview(after: string | null): QueueItem | undefined {
    return nextToReview(this.items, after);
  }
  clearDone(): void {
    this.items = clearDone(this.items);
  }

  async add(list: File[]): Promise<void> {
    if (!list.length) return;
    const before = new Set(this.items.map((it) => it.key));
    this.items = enqueue(this.items, list.map((f) => ({ name: f.name, path: f.webkitRelativePath || f.name, size: f.size })));
    // enqueue leaves folder junk out: pair the remaining files with their new items in order
    const fresh = this.items.filter((it) => !before.has(it.key));
    let j = 0;
    for (const f of list) if (fresh[j] && fresh[j]!.name === f.name) this.files.set(fresh[j++]!.key, f);
    await this.pump();
  }

  /** Reads and extracts the waiting files one after another. */
  async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (let it = nextWaiting(this.items); it; it = nextWaiting(this.items)) {
        if (this.hooks.mustWait(it)) break;
        const key = it.key;
        const file = this.files.get(key)!;
        this.hooks.starting();
        this.set(key, 'read');
        try {
          const bytes = await file.arrayBuffer();
          this.set(key, 'extracting');
          await this.hooks.process(key, file.name, bytes);
        } catch (e) {
          this.set(key, 'failed', whyOf(e));
          this.hooks.failed(e);
        } finally {
          this.files.delete(key);
        }
        this.hooks.settled();
      }
    } finally {
      this.pumping = false;
    }
  }
}
