/**
 * Which towns the compare page shows, and its town picker. Choosing a county selects every township of the
 * county in the 2023 list (county_towns: reporters and non-reporters alike), not only the towns with data;
 * chosen towns narrow or replace that. Pure (tests/lib/compare/selection.test.ts).
 */
import type { CountyTown, OverviewUnit, Place } from '../db/queries.ts';

/** A town the compare page can show: from the county's gazetteer rows or from the towns with data. */
export interface CompareTown {
  town_id: string;
  name_zh: string;
  county: string | null;
  province: string | null;
  /** years with a report (empty: no report at all) */
  years: number[];
  /** village-level units in the 2023 list (the per-village denominator); null when unknown */
  n_villages: number | null;
  is_synthetic: boolean;
}

const zhSort = (a: string, b: string) => a.localeCompare(b, 'zh-CN');

export const fromCountyTown = (c: CountyTown): CompareTown => ({
  town_id: c.town_id, name_zh: c.name_zh, county: c.county, province: c.province, years: c.years, n_villages: c.n_villages, is_synthetic: c.is_synthetic,
});
export const fromUnit = (u: OverviewUnit): CompareTown => ({
  town_id: u.town_id, name_zh: u.name_zh, county: u.county, province: u.province, years: u.years, n_villages: u.n_villages ?? null, is_synthetic: u.is_synthetic,
});

/**
 * The picker's towns: a chosen county's every township (once its gazetteer rows are in), else the townships
 * with data of the province (or the whole small dataset). Towns with data that the county list lacks are
 * kept (county_towns holds them too).
 */
export function pickerTowns(county: string, countyRows: CompareTown[] | null, units: OverviewUnit[]): CompareTown[] {
  if (county && countyRows) return countyRows;
  return units.filter((u) => u.level === 'township').map(fromUnit);
}

/** The selection: the chosen towns (in the order chosen), else every township of the county, by name. */
export function chosenTowns(towns: string[], county: string, list: CompareTown[]): CompareTown[] {
  if (towns.length) return towns.map((id) => list.find((u) => u.town_id === id)).filter((u): u is CompareTown => !!u);
  return county ? [...list].sort((a, b) => zhSort(a.name_zh, b.name_zh)) : [];
}

/** The town ids after ticking / unticking one (starting from the whole county when nothing was ticked yet). */
export function toggleTown(towns: string[], chosen: CompareTown[], id: string, on: boolean, max: number): string[] {
  const base = towns.length ? towns : chosen.map((u) => u.town_id);
  const next = on ? [...new Set([...base, id])] : base.filter((x) => x !== id);
  return next.slice(0, max);
}

export interface PickerGroup {
  province: string;
  county: string;
  towns: CompareTown[];
}

/** The picker grouped province → county, sorted, filtered by a search over name, county, province and code. */
export function pickerGroups(towns: CompareTown[], query: string): PickerGroup[] {
  const q = query.trim();
  const m = new Map<string, CompareTown[]>();
  for (const u of towns) {
    if (q && !`${u.name_zh}${u.county ?? ''}${u.province ?? ''}${u.town_id}`.includes(q)) continue;
    const k = `${u.province ?? '—'}\u0000${u.county ?? '—'}`;
    m.set(k, [...(m.get(k) ?? []), u]);
  }
  return [...m.entries()].sort(([a], [b]) => zhSort(a, b)).map(([k, us]) => {
    const [province, county] = k.split('\u0000');
    return { province: province!, county: county!, towns: [...us].sort((a, b) => zhSort(a.name_zh, b.name_zh)) };
  });
}

export interface CountyChoice {
  code: string;
  name: string;
  prefecture: string | null;
  /** every township of the county in the list (reporters or not), when known */
  n: number | null;
  label: string;
}

/** The county picker: counties by their 6-digit code, sorted by name; two of one name told apart by prefecture. */
export function countyChoices(rows: Place[], twoOfOneName: (county: string, prefecture: string) => string): CountyChoice[] {
  const m = new Map<string, Omit<CountyChoice, 'label'>>();
  for (const p of rows) if (p.county_code && p.county) m.set(p.county_code, { code: p.county_code, name: p.county, prefecture: p.prefecture, n: p.n_county_towns });
  const list = [...m.values()].sort((a, b) => zhSort(a.name, b.name) || a.code.localeCompare(b.code));
  return list.map((c) => ({ ...c, label: list.filter((o) => o.name === c.name).length > 1 ? twoOfOneName(c.name, c.prefecture ?? c.code) : c.name }));
}

/**
 * The period: a county opens on its latest year (bars); chosen towns on the years they have. y1 defaults to
 * the selection's latest report year, else the data's.
 */
export function comparePeriod(st: { y0: number | null; y1: number | null; towns: string[] }, chosen: CompareTown[], allYears: number[]): { y0: number; y1: number; years: number[] } {
  const chosenYears = [...new Set(chosen.flatMap((u) => u.years))].sort((a, b) => a - b);
  const y1 = st.y1 ?? chosenYears.at(-1) ?? allYears.at(-1) ?? new Date().getFullYear() - 1;
  const y0 = Math.min(st.y0 ?? (st.towns.length ? (chosenYears[0] ?? y1) : y1), y1);
  return { y0, y1, years: Array.from({ length: y1 - y0 + 1 }, (_, i) => y0 + i) };
}
