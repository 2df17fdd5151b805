/**
 * The import page's hold on the local dataset: its summary, the towns the database knows, the reports with
 * a stored review, and every change of it — a table taken, a reviewed report saved (or saved again after
 * reopening), a report deleted, all cleared — each made in schema `imported` and in IndexedDB together
 * (`commit`: if either fails both are left as they were), plus the share export and the reviewed-facts
 * export. The worker owns the facts; this holds only what the page shows.
 */
import { getDb } from '../db/client.svelte.ts';
import { download, fileStem } from '../export/download.ts';
import { MIME } from '../export/table.ts';
import { summarize, emptyDataset, type KnownTown, type LocalDataset, type LocalSummary } from './dataset.ts';
import { clearTables, deleteReportRows, insertTables, transact } from './load-imported.ts';
import { existingValues, knownTowns, reportsOf, townRecords } from './db-bridge.ts';
import { ImportProblemError } from './problems.ts';
import { runInWorker } from './worker-client.ts';
import type { LocalChange } from './worker-protocol.ts';
import { allReviews, clearReviews, deleteReview, putReview, reviewIds } from './review-store.ts';
import { toEvalJsonl, type ReviewRecord } from './review-record.ts';

type Conn = Awaited<ReturnType<typeof getDb>>['conn'];
const failure = (r: { type: string; message?: string }, what: string) => new Error(r.type === 'failed' ? r.message : what);

export class LocalData {
  summary = $state.raw<LocalSummary>(summarize(emptyDataset()));
  known = $state.raw<KnownTown[]>([]);
  /** report ids with a stored review (they can be reopened) */
  reviewed = $state.raw<string[]>([]);
  /** what is being saved, while it is */
  saving = $state<string | null>(null);

  /** `lap` records stage timings (tests/browser/import-large.test.ts reads them). */
  constructor(private readonly lap: (name: string, t0: number) => void = () => {}) {}

  /** The list as stored now (at start, and after another tab saved: the worker reads the new revision). */
  async refresh(): Promise<void> {
    const db = await getDb();
    const [sum, towns] = await Promise.all([runInWorker({ type: 'summary' }), knownTowns(db)]);
    if (sum.type !== 'summary') throw failure(sum, 'the local dataset could not be read');
    [this.summary, this.known] = [sum.summary, towns];
    this.reviewed = await reviewIds().catch(() => this.reviewed);
  }

  /**
   * One change: `change` runs on schema `imported` in a transaction, then the worker applies `next` to the
   * local dataset and writes it to IndexedDB with its Arrow snapshot; if either fails both are left as they were.
   */
  async commit(next: LocalChange, what: string, change: (conn: Conn) => Promise<void>): Promise<void> {
    const db = await getDb();
    this.saving = what;
    try {
      const t0 = performance.now();
      let sum: LocalSummary | null = null;
      await transact(db.conn, () => change(db.conn), async () => {
        this.lap('duckdb_ms', t0);
        const t1 = performance.now();
        const r = await runInWorker({ type: 'save', change: next });
        if (r.type !== 'summary') throw failure(r, 'the local dataset could not be saved');
        sum = r.summary;
        this.lap('indexeddb_ms', t1);
      });
      this.summary = sum!;
      this.known = await knownTowns(db);
    } finally {
      this.saving = null;
    }
  }

  /** The table the worker parsed (request `of`), handed over as Arrow and taken whole. */
  async saveTable(of: number, file: string): Promise<void> {
    await this.commit({ kind: 'parsed', of }, file, async (conn) => {
      const r = await runInWorker({ type: 'table-ipc', of });
      if (r.type !== 'ipc') throw failure(r, 'the table could not be prepared');
      await insertTables(conn, r.ipc);
    });
    // a share export's reports come with their texts and reviews (stored by the worker)
    this.reviewed = await reviewIds().catch(() => this.reviewed);
  }

  /** A reviewed report (replacing `replaces` when reopened), then its text and review for reopening. */
  async saveReport(ds: LocalDataset, record: ReviewRecord, replaces: string | null, file: string): Promise<void> {
    const r = await runInWorker({ type: 'check-report', dataset: ds, replaces: replaces ?? undefined });
    if (r.type === 'problems') throw new ImportProblemError(r.problems);
    if (r.type !== 'ipc') throw failure(r, 'the report could not be prepared');
    const change: LocalChange = replaces ? { kind: 'replace', reportId: replaces, dataset: ds } : { kind: 'dataset', dataset: ds };
    await this.commit(change, file, async (conn) => {
      if (replaces) await deleteReportRows(conn, replaces);
      await insertTables(conn, r.ipc);
    });
    // The full text and the review as left, for reopening, the town page and the reviewed-facts export.
    if (replaces && replaces !== record.report_id) await deleteReview(replaces);
    await putReview(record);
    this.reviewed = await reviewIds();
  }

  async remove(reportId: string): Promise<void> {
    await this.commit({ kind: 'remove', reportId }, reportId, (conn) => deleteReportRows(conn, reportId));
    await deleteReview(reportId);
    this.reviewed = await reviewIds();
  }

  async clear(): Promise<void> {
    const db = await getDb();
    await transact(db.conn, () => clearTables(db.conn), async () => {
      const r = await runInWorker({ type: 'save', change: { kind: 'clear' } });
      if (r.type !== 'summary') throw failure(r, 'the local dataset could not be cleared');
      this.summary = r.summary;
    });
    await clearReviews();
    this.reviewed = [];
    this.known = await knownTowns(db);
  }

  /** Reports of a town-year and the values already held for it (duplicates and conflicts on the review). */
  async lookup(townId: string, year: number) {
    const db = await getDb();
    const [reports, existing] = await Promise.all([reportsOf(db, townId, year), existingValues(db, [townId])]);
    return { reports, existing: existing.filter((e) => e.year === year) };
  }

  /** The share export: the worker writes it, with the records of the bundled towns its reports refer to. */
  async exportAs(format: 'parquet' | 'csv'): Promise<void> {
    const db = await getDb();
    const towns = [...(await townRecords(db, this.summary.foreignTownIds)).values()];
    const r = await runInWorker({ type: 'export', format, towns });
    if (r.type !== 'export') throw failure(r, 'export failed');
    download(r.bytes, `${fileStem('法治指标_本地数据')}.${format}`, MIME[format]);
  }

  async exportReviewed(): Promise<void> {
    download(new TextEncoder().encode(toEvalJsonl(await allReviews())), `${fileStem('法治指标_审核结果')}.jsonl`, 'application/jsonl');
  }
}
