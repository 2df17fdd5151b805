/**
 * The data behind a chart, in the shape its table alternative, CSV and XLSX use: the same rows the chart
 * draws, raw values (no rounding, no locale formatting), one labelled column per quantity, plus the flags
 * a reader needs (≥ lower bound, partial year, synthetic).
 */
import type { Table } from '../export/table.ts';
import type { UnitValue } from '../db/queries.ts';

export type ColumnKind = 'text' | 'num' | 'pct' | 'flag';
export interface ChartColumn {
  key: string;
  label: string;
  kind: ColumnKind;
  /** For a number column: the key of the boolean saying the value is a lower bound ("≥"). */
  lowerBoundKey?: string;
}
export interface ChartData {
  columns: ChartColumn[];
  rows: Record<string, unknown>[];
}

/** The export table: column headers are the labels the reader sees; values stay raw. */
export const toExportTable = (d: ChartData): Table => ({
  columns: d.columns.map((c) => c.label),
  rows: d.rows.map((r) => Object.fromEntries(d.columns.map((c) => [c.label, r[c.key] ?? null]))),
});

/** A category label for a unit and year: the year only when the chart spans several years. */
export const unitLabel = (name: string, year: number, multiYear: boolean, partial: boolean, partialWord: string): string =>
  `${name}${multiYear ? ` ${year}` : ''}${partial ? `(${partialWord})` : ''}`;

export interface UnitYear {
  town_id: string;
  town_name: string;
  year: number;
  full_year: boolean;
  is_synthetic: boolean;
  values: Map<string, UnitValue>;
}

/** Groups unit values by unit and year, in year then name order (the order charts draw them). */
export function byUnitYear(rows: UnitValue[]): UnitYear[] {
  const m = new Map<string, UnitYear>();
  for (const r of rows) {
    const k = `${r.town_id}|${r.year}`;
    let u = m.get(k);
    if (!u) m.set(k, (u = { town_id: r.town_id, town_name: r.town_name, year: r.year, full_year: true, is_synthetic: false, values: new Map() }));
    u.values.set(r.indicator_id, r);
    u.full_year &&= r.full_year;
    u.is_synthetic ||= r.is_synthetic;
  }
  return [...m.values()].sort((a, b) => a.year - b.year || a.town_name.localeCompare(b.town_name, 'zh-CN'));
}

/** The value a reader sees for an indicator: the stated one, else (rates) the one recomputed from counts. */
export const shown = (v: UnitValue | undefined): number | null => (v ? (v.value ?? v.derived_value) : null);
export const isLower = (v: UnitValue | undefined): boolean => v?.is_lower_bound ?? false;
