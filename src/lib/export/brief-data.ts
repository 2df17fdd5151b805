/**
 * From a chart's own rows to what its briefing part says: the figures of the sentence generator, the towns
 * that did not report the quantity, and the table of figures as the reader sees it (≥, %, — for nothing
 * stated). Pure (tests/lib/export/context.test.ts).
 */
import type { ChartData } from '../charts/chart-data.ts';
import { formatBound, formatPercent } from '../format.ts';
import type { Locale } from '../i18n/messages.ts';
import type { ScopeTown } from '../db/queries.ts';
import type { ExportContext, ExportScope } from './context.ts';
import type { Figure, ScopeRef } from './sentences.ts';
import type { Table } from './table.ts';

const inYear = (d: ChartData, y: number) => (d.columns.some((c) => c.key === 'year') ? d.rows.filter((r) => Number(r.year) === y) : d.rows);
const nameOf = (r: Record<string, unknown>) => String(r.town_name ?? r.label ?? '');

/** The figures of one column for one year, exactly as the chart's rows hold them. */
export function figuresFor(d: ChartData, key: string, lowerKey: string | undefined, year: number): Figure[] {
  return inYear(d, year)
    .filter((r) => typeof r[key] === 'number')
    .map((r) => ({ name: nameOf(r), value: r[key] as number, lower: lowerKey ? r[lowerKey] === true : false, zero: r[key] === 0 }));
}

/** The scope's towns with no value in that column for that year. */
export function missingFor(d: ChartData, towns: ScopeTown[], key: string, year: number): string[] {
  const rows = inYear(d, year).filter((r) => typeof r[key] === 'number');
  return towns.filter((tw) => !rows.some((r) => (r.town_id !== undefined ? r.town_id === tw.town_id : r.town_name === tw.name_zh))).map((tw) => tw.name_zh);
}

export function scopeRef(s: ExportScope, ctx: ExportContext | null, name: string): ScopeRef {
  const n = ctx?.nScope || s.towns.length;
  if (s.towns.length) return { kind: 'towns', name: s.towns.length === 1 ? (ctx?.towns[0]?.name_zh ?? name) : name, n: s.towns.length };
  // the county travels as its 6-digit code; its name comes with the scope's towns
  if (s.county) return { kind: 'county', name: ctx?.towns.find((tw) => tw.county)?.county ?? s.county, n };
  if (s.province) return { kind: 'province', name: s.province, n };
  return { kind: 'all', name, n };
}

/**
 * The briefing's table: the complete export table's visible columns (no flags, no evidence), values
 * formatted as on screen: "≥ 289", "45.2%", "—" where the town stated nothing.
 */
export function briefTable(d: ChartData, complete: Table, locale: Locale, oneYear = false): { header: string[]; rows: string[][] } {
  // One year: the caption says which, a column of the same year would only take room.
  const cols = d.columns.filter((c) => c.kind !== 'flag' && !(oneYear && c.key === 'year'));
  const header = cols.map((c) => c.label);
  const lbLabel = (k?: string) => d.columns.find((c) => c.key === k)?.label;
  const rows = complete.rows.map((r) =>
    cols.map((c) => {
      const v = r[c.label];
      if (c.kind === 'num') return formatBound(v as number | null, c.lowerBoundKey ? r[lbLabel(c.lowerBoundKey)!] === true : false, locale);
      if (c.kind === 'pct') return formatPercent(v as number | null, locale);
      return v === null || v === undefined ? '—' : String(v);
    }),
  );
  return { header, rows };
}

/**
 * The briefing's "sources and notes": each chart's frame notes, merged. A note every chart carries (the scope,
 * the same non-reporters) is said once; a note only some charts carry is said once per distinct text and
 * names the charts it belongs to ("图1、图3:未报告(20个):…"), so two charts with different non-reporters never
 * give two unlabelled "未报告(20个)" lines that contradict each other.
 */
export function mergeNotes(parts: { ref: string; notes: string[] }[], sep: string, colon: string): string[] {
  const order: string[] = [];
  const refs = new Map<string, string[]>();
  for (const p of parts)
    for (const n of p.notes) {
      if (!refs.has(n)) (order.push(n), refs.set(n, []));
      const r = refs.get(n)!;
      if (!r.includes(p.ref)) r.push(p.ref);
    }
  return order.map((n) => (refs.get(n)!.length === parts.length ? n : `${refs.get(n)!.join(sep)}${colon}${n}`));
}
