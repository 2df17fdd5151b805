/**
 * The compare page's panels, from the values of the selection: per category the indicator drawn (the one most
 * of the towns reported, unless picked), one year → one bar per town, sorted; several years → one line per
 * town that reported; the towns without a value listed (never drawn as 0). Optionally per village-level unit
 * (每村(社区)平均): a derived value — count ÷ the township's village-level units in the 2023 list — drawn
 * alone, never in the same series or column as a stated figure; rates are never divided. Pure
 * (tests/lib/compare/panels.test.ts).
 */
import type { CatalogRow, UnitValue } from '../db/queries.ts';
import type { ChartOption } from '../charts/base.ts';
import type { ChartData } from '../charts/chart-data.ts';
import { shown } from '../charts/chart-data.ts';
import { townBars, townBarsData, townBarsOption } from '../charts/town-bars.ts';
import { trendData, trendOption, trendSeries } from '../charts/trend.ts';
import type { Locale, MessageKey } from '../i18n/messages.ts';
import type { CompareTown } from './selection.ts';
import { RATE_PARTS } from '../export/specs.ts';

type T = (k: MessageKey, vars?: Record<string, string | number>) => string;

/** A rate's numerator and denominator: their statements are its provenance when it was recomputed. */
export { RATE_PARTS };

/** Categories of the catalog with no value at all for the selection (they collapse into one line). */
export function emptyCategories(catalog: CatalogRow[], vals: UnitValue[]): string[] {
  const reported = new Set(vals.map((v) => v.indicator_id));
  return [...new Set(catalog.map((c) => c.category))].filter((cat) => !catalog.some((c) => c.category === cat && reported.has(c.id)));
}

/** The indicator a category's chart draws: the picked one when it has data, else the one most towns reported. */
export function pickIndicator(cat: string, catalog: CatalogRow[], vals: UnitValue[], picked?: string): string {
  const reported = new Set(vals.map((v) => v.indicator_id));
  const inds = catalog.filter((c) => c.category === cat && reported.has(c.id));
  if (picked && inds.some((c) => c.id === picked)) return picked;
  const count = (id: string) => new Set(vals.filter((v) => v.indicator_id === id).map((v) => v.town_id)).size;
  return [...inds].sort((a, b) => count(b.id) - count(a.id))[0]?.id ?? '';
}

/** Whether an indicator can be shown per village: counts (flow, stock, amount), never rates. */
export const perVillageable = (ind: CatalogRow | undefined): boolean => !!ind && ind.kind !== 'rate' && ind.unit !== '%';

/**
 * The values divided by each town's village-level units (rounded to 2 decimals): the derived rows the
 * per-village chart draws. A lower bound stays one; a town without a village count has no row.
 */
export function perVillageValues(vals: UnitValue[], towns: CompareTown[]): UnitValue[] {
  const n = new Map(towns.map((u) => [u.town_id, u.n_villages]));
  const out: UnitValue[] = [];
  for (const v of vals) {
    const d = n.get(v.town_id);
    const x = shown(v);
    if (!d || d <= 0 || x === null) continue;
    out.push({ ...v, value: Math.round((100 * x) / d) / 100, derived_value: null, numerator: x, denominator: d });
  }
  return out;
}

export interface ComparePanel {
  id: string;
  ind: CatalogRow | undefined;
  unit: string;
  option: ChartOption | null;
  data: ChartData;
  /** towns of the selection with no value drawn (not reported; or, per village, no village count) */
  missing: string[];
  height: number;
  /** true: the chart draws per-village derived values */
  perVillage: boolean;
}

/** One category's chart for the selection and period. */
export function comparePanel(o: {
  cat: string;
  catalog: CatalogRow[];
  vals: UnitValue[];
  towns: CompareTown[];
  years: number[];
  picked?: string;
  perVillage: boolean;
  locale: Locale;
  t: T;
}): ComparePanel {
  const id = pickIndicator(o.cat, o.catalog, o.vals, o.picked);
  const ind = o.catalog.find((c) => c.id === id);
  const unit = ind?.unit ?? '';
  const pv = o.perVillage && perVillageable(ind);
  const rows = pv ? perVillageValues(o.vals.filter((v) => v.indicator_id === id), o.towns) : o.vals;
  const towns = o.towns.map((u) => ({ town_id: u.town_id, name: u.name_zh }));
  const y1 = o.years.at(-1)!;
  if (o.years.length === 1) {
    const { bars, missing } = townBars(rows, id, towns, y1);
    let data = townBarsData(bars, unit, o.t);
    if (pv) data = villageColumns(data, o.vals, o.towns, id, unit, o.t);
    const option = bars.length ? townBarsOption(bars, unit, o.locale) : null;
    return { id, ind, unit, option, data, missing, height: Math.max(300, Math.min(420, 240 + 8 * bars.length)), perVillage: pv };
  }
  const series = trendSeries(rows, id, towns, o.years);
  const drawn = series.filter((s) => s.points.some((p) => p.value !== null));
  let data = trendData(drawn, unit, o.t);
  if (pv) data = villageColumns(data, o.vals, o.towns, id, unit, o.t);
  const missing = series.filter((s) => !drawn.includes(s)).map((s) => s.town_name);
  return { id, ind, unit, option: drawn.length ? trendOption(drawn, o.years, unit, o.locale) : null, data, missing, height: 320, perVillage: pv };
}

/**
 * A per-village chart's table: the derived column is labelled as such, and beside it the stated figure and
 * the denominator (village-level units), so a reader sees where the derived number comes from.
 */
function villageColumns(d: ChartData, vals: UnitValue[], towns: CompareTown[], id: string, unit: string, t: T): ChartData {
  const byName = new Map(towns.map((u) => [u.name_zh, u]));
  const columns = d.columns.flatMap((c) =>
    c.key === 'value'
      ? [
          { key: 'stated', label: `${t('gaz.statedCol')} (${unit})`, kind: 'num' as const, lowerBoundKey: 'lower' },
          { key: 'n_villages', label: t('gaz.villagesCol'), kind: 'num' as const },
          { ...c, label: `${t('gaz.perVillageCol')} (${unit})` },
        ]
      : [c],
  );
  const rows = d.rows.map((r) => {
    const u = byName.get(String(r.town_name));
    const v = vals.find((x) => x.town_id === u?.town_id && x.indicator_id === id && x.year === Number(r.year));
    return { ...r, town_id: u?.town_id, stated: shown(v), n_villages: u?.n_villages ?? null };
  });
  return { columns, rows };
}

/** A category's table: the towns with any value among its indicators, and the names of the others. */
export function matrixRows(chosen: CompareTown[], vals: UnitValue[], indIds: string[]): { rows: CompareTown[]; silent: string[] } {
  const has = new Set(vals.filter((v) => indIds.includes(v.indicator_id)).map((v) => v.town_id));
  return { rows: chosen.filter((u) => has.has(u.town_id)), silent: chosen.filter((u) => !has.has(u.town_id)).map((u) => u.name_zh) };
}

/** The statements behind one shown value (a recomputed rate: its numerator's and denominator's). */
export function valueFacts<F extends { fact_id: string; year: number; indicator_id: string }>(facts: F[], v: { year: number; fact_ids: string[] }, indId: string): F[] {
  const ids = new Set(v.fact_ids);
  const parts = RATE_PARTS[indId] ?? [];
  return facts.filter((f) => f.year === v.year && (ids.has(f.fact_id) || (!ids.size && parts.includes(f.indicator_id))));
}
