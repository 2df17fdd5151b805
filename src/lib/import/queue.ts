/**
 * The import queue: every file the user dropped or picked (many at once, or a whole folder), each with its
 * status — waiting, read (being read), extracting, to review, saved, failed (with why) — worked through in
 * order. Pure: the page keeps the list in a $state and replaces it with what these functions return.
 */
import type { Bilingual } from './problems.ts';

export type QueueStatus = 'waiting' | 'read' | 'extracting' | 'review' | 'saved' | 'failed' | 'cancelled';

export interface QueueItem {
  key: string;
  /** File name; `path` is where it sat in a chosen folder (webkitRelativePath), else the name. */
  name: string;
  path: string;
  size: number;
  kind: 'report' | 'table';
  status: QueueStatus;
  /** Why it failed, in both languages. */
  why?: Bilingual;
}

const TABLE_EXT = /\.(csv|tsv|xlsx|parquet)$/i;
const KNOWN_EXT = /\.(txt|text|htm|html|docx|csv|tsv|xlsx|parquet)$/i;
/** Files a folder holds that are not reports or tables (thumbnails, .DS_Store, Office lock files). */
export const isIgnorable = (name: string): boolean => /^(?:\.|~\$)/.test(name) || /^(?:thumbs\.db|desktop\.ini)$/i.test(name);

let seq = 0;
export function enqueue(items: QueueItem[], files: { name: string; path?: string; size: number }[]): QueueItem[] {
  const added = files
    .filter((f) => !isIgnorable(f.name))
    .map((f) => ({
      key: `q${++seq}`,
      name: f.name,
      path: f.path || f.name,
      size: f.size,
      kind: TABLE_EXT.test(f.name) ? ('table' as const) : ('report' as const),
      status: 'waiting' as const,
      ...(KNOWN_EXT.test(f.name) ? {} : { status: 'failed' as const, why: unknownKind(f.name) }),
    }));
  return [...items, ...added];
}

function unknownKind(name: string): Bilingual {
  const ext = /\.[^.]+$/.exec(name)?.[0] ?? '';
  return {
    problem_zh: `不是可导入的文件类型${ext ? `(${ext})` : ''}`,
    problem_en: `not a kind of file the import reads${ext ? ` (${ext})` : ''}`,
    fix_zh: '报告请存为 .txt、.html 或 .docx;表格存为 .csv、.xlsx 或 .parquet',
    fix_en: 'save reports as .txt, .html or .docx, and tables as .csv, .xlsx or .parquet',
  };
}

export const setStatus = (items: QueueItem[], key: string, status: QueueStatus, why?: Bilingual): QueueItem[] =>
  items.map((it) => (it.key === key ? { ...it, status, ...(why ? { why } : {}) } : it));

/** The first file still to be read. */
export const nextWaiting = (items: QueueItem[]): QueueItem | undefined => items.find((it) => it.status === 'waiting');

/** The next file to review after `after` (in queue order, wrapping round), or the first one. */
export function nextToReview(items: QueueItem[], after: string | null = null): QueueItem | undefined {
  const i = after ? items.findIndex((it) => it.key === after) : -1;
  const order = [...items.slice(i + 1), ...items.slice(0, i + 1)];
  return order.find((it) => it.status === 'review' && it.key !== after) ?? (after ? undefined : order.find((it) => it.status === 'review'));
}

/** "3 / 12": the current file's place in the queue and the queue's length. */
export const position = (items: QueueItem[], key: string | null): { n: number; total: number } => ({
  n: key ? items.findIndex((it) => it.key === key) + 1 : 0,
  total: items.length,
});

export function counts(items: QueueItem[]): Record<QueueStatus, number> {
  const c: Record<QueueStatus, number> = { waiting: 0, read: 0, extracting: 0, review: 0, saved: 0, failed: 0, cancelled: 0 };
  for (const it of items) c[it.status]++;
  return c;
}

/** Saved, failed and cancelled files leave the list; the rest stay. */
export const clearDone = (items: QueueItem[]): QueueItem[] => items.filter((it) => it.status !== 'saved' && it.status !== 'failed' && it.status !== 'cancelled');
