/**
 * What an export says besides the chart: the scope's towns (so every town is a row and the ones that did
 * not report are named), the reports the figures come from (imported? reviewed?), and each value's evidence
 * phrase and qualifier. loadExportContext() runs the two queries; everything else is pure
 * (tests/lib/export/context.test.ts).
 */
import type { ChartData } from '../charts/chart-data.ts';
import { listParam, runQuery, type SqlRunner } from '../db/query.ts';
import { scopeEvidence, scopeTowns, type EvidenceRow, type ScopeTown } from '../db/queries.ts';
import type { MessageKey } from '../i18n/messages.ts';
import type { Table } from './table.ts';

/** The selection a chart shows, as the page queried it. */
export interface ExportScope {
  province: string;
  county: string;
  /** explicit towns ('' scope = the whole province / county) */
  towns: string[];
  /** read hint: first and last town_id of the scope ('' = none) */
  lo?: string;
  hi?: string;
  y0: number;
  y1: number;
  partial: 0 | 1;
  /** the indicators the chart draws (their statements are its evidence) */
  indicators: readonly string[];
  /** one bar per town (a county, chosen towns); false when bars are provinces, prefectures or years */
  perTown: boolean;
}

export interface ExportContext {
  towns: ScopeTown[];
  nScope: number;
  evidence: EvidenceRow[];
}

/** More towns than this are counted, not listed, in frames and tables. */
export const LIST_MAX = 500;

export async function loadExportContext(db: SqlRunner, s: ExportScope): Promise<ExportContext> {
  if (!s.perTown) return { towns: [], nScope: 0, evidence: [] };
  const towns = await runQuery(db, scopeTowns, s.province, s.county, listParam(s.towns), LIST_MAX);
  const evidence = await runQuery(db, scopeEvidence, s.province, s.county, listParam(s.towns), s.lo ?? '', s.hi ?? '', listParam([...s.indicators]), s.y0, s.y1, s.partial);
  return { towns, nScope: towns[0]?.n_scope ?? 0, evidence };
}

type T = (k: MessageKey, vars?: Record<string, string | number>) => string;

const hasValue = (d: ChartData, r: Record<string, unknown>) => d.columns.some((c) => (c.kind === 'num' || c.kind === 'pct') && r[c.key] !== null && r[c.key] !== undefined);

/** Whether the data row belongs to the town (by id when the row has one, else by name). */
const isTown = (r: Record<string, unknown>, tw: Pick<ScopeTown, 'town_id' | 'name_zh'>) => (r.town_id !== undefined ? r.town_id === tw.town_id : r.town_name === tw.name_zh);

/** The scope's towns with no value at all in the chart's rows. */
export function nonReporters<T extends Pick<ScopeTown, 'town_id' | 'name_zh'>>(d: ChartData, towns: T[]): T[] {
  const rows = d.rows.filter((r) => hasValue(d, r));
  return towns.filter((tw) => !rows.some((r) => isTown(r, tw)));
}

/** The reports behind the chart's values: how many, imported, reviewed. */
export function sourceCounts(evidence: EvidenceRow[]): { n: number; imported: number; reviewed: number } {
  const reports = new Map<string, EvidenceRow>();
  for (const e of evidence) reports.set(e.report_id, e);
  const rs = [...reports.values()];
  return { n: rs.length, imported: rs.filter((r) => r.report_imported).length, reviewed: rs.filter((r) => r.report_reviewed).length };
}

/** The frame's lines under the chart: towns, non-reporters, sources, and the ≥ note when a lower bound is shown. */
export function frameNotes(d: ChartData, ctx: ExportContext | null, scopeName: string, t: T, sep = '、'): string[] {
  const list = (xs: string[], max = 40) => xs.slice(0, max).join(sep) + (xs.length > max ? t('frame.andMore', { n: xs.length }) : '');
  const notes: string[] = [];
  if (ctx && ctx.towns.length) {
    const all = ctx.towns.map((x) => x.name_zh);
    const towns = ctx.nScope > 40 ? t('frame.townsMany', { n: ctx.nScope }) : t('frame.towns', { n: ctx.nScope, names: list(all) });
    notes.push(`${t('frame.scope', { scope: scopeName })} · ${towns}`);
    const nr = nonReporters(d, ctx.towns).map((x) => x.name_zh);
    notes.push(nr.length ? t('frame.nonReporters', { n: nr.length, names: list(nr) }) : t('frame.allReported'));
    const c = sourceCounts(ctx.evidence);
    notes.push(c.n ? t('frame.sources', { n: c.n, m: c.imported, k: c.reviewed }) : t('frame.noSources'));
  } else {
    notes.push(t('frame.scope', { scope: scopeName }));
    notes.push(t('frame.noSources'));
  }
  if (lowerBoundShown(d)) notes.push(t('frame.lowerBound'));
  return notes;
}

/** Whether any value the chart shows is a lower bound (so "≥" appears on it). */
export const lowerBoundShown = (d: ChartData): boolean =>
  d.rows.some((r) => d.columns.some((c) => c.lowerBoundKey && r[c.lowerBoundKey] === true && r[c.key] !== null && r[c.key] !== undefined));

/**
 * The export table of a per-town chart: every town of the selection is a row (each year of the period when
 * the rows carry years), with empty cells where it reported nothing — never dropped, never 0 — and the
 * report, evidence phrase and qualifier behind its values. Charts drawn per place (province bars) pass
 * through as they are.
 */
export function completeTable(d: ChartData, ctx: ExportContext | null, years: number[], t: T): Table {
  const labels = d.columns.map((c) => c.label);
  const base = (r: Record<string, unknown>) => Object.fromEntries(d.columns.map((c) => [c.label, r[c.key] ?? null]));
  if (!ctx || !ctx.towns.length) return { columns: labels, rows: d.rows.map(base) };
  const [rep, ev, qu, st] = [t('export.report'), t('export.evidence'), t('export.qualifier'), t('export.status')];
  const byYear = d.columns.some((c) => c.key === 'year');
  const townCol = d.columns.find((c) => c.key === 'town_name')?.label ?? t('common.town');
  const yearCol = d.columns.find((c) => c.key === 'year')?.label ?? t('common.year');
  const rows: Record<string, unknown>[] = [];
  const used = new Set<Record<string, unknown>>();
  for (const y of byYear ? years : [null]) {
    const inYear = d.rows.filter((r) => y === null || Number(r.year) === y);
    // Reporting towns in the chart's own order, then the others in the scope's order.
    const order = [...ctx.towns].sort((a, b) => {
      const ia = inYear.findIndex((r) => isTown(r, a) && hasValue(d, r));
      const ib = inYear.findIndex((r) => isTown(r, b) && hasValue(d, r));
      return (ia < 0 ? 1e9 : ia) - (ib < 0 ? 1e9 : ib);
    });
    for (const tw of order) {
      const mine = inYear.filter((r) => isTown(r, tw));
      const facts = ctx.evidence.filter((e) => e.town_id === tw.town_id && (y === null || e.year === y));
      const extra = {
        [rep]: [...new Set(facts.map((f) => f.report_title ?? f.report_id))].join(' | ') || null,
        [ev]: facts.map((f) => f.evidence).join(' | ') || null,
        [qu]: [...new Set(facts.map((f) => t(`town.q.${f.qualifier}` as MessageKey)))].join(' | ') || null,
      };
      if (!mine.length) {
        rows.push({ ...Object.fromEntries(labels.map((l) => [l, null])), [townCol]: tw.name_zh, ...(y !== null ? { [yearCol]: y } : {}), [st]: t('export.notReported'), ...extra });
        continue;
      }
      for (const r of mine) {
        used.add(r);
        rows.push({ ...base(r), [st]: hasValue(d, r) ? null : t('export.notReported'), ...extra });
      }
    }
  }
  // Rows the scope's town list does not hold (imported towns outside the list, say) are kept, never dropped.
  for (const r of d.rows) if (!used.has(r)) rows.push({ ...base(r), [st]: null, [rep]: null, [ev]: null, [qu]: null });
  return { columns: [...labels, st, rep, ev, qu], rows };
}
