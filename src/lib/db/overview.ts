/**
 * The overview's view model, shared by the page (DuckDB-wasm) and its build-time first view (DuckDB in Node,
 * src/routes/+page.server.ts): which scope and period the URL asks for, whether it is drawn per town (a
 * county, a chosen set of towns, or a small dataset) or from the build-time pre-aggregates (one bar per
 * province nationally, per prefecture in a province, per year for a period), and the queries that fill it.
 * Pure apart from runOverview(); the same function runs in both engines, so the embedded first view and
 * what DuckDB-wasm computes later are the same numbers.
 */
import { listParam, runQuery, type SqlRunner } from './query.ts';
import {
  aggKpi, aggValues, mediationByTownYear, ranking, scopeAggregate, scopeValues, SCOPE_TOWNS_MAX,
  type AggValue, type MediationRow, type Place, type RankingRow, type ScopeAggregate, type UnitValue,
} from './queries.ts';
import { LITIGATION_IDS } from '../charts/litigation.ts';
import { OUTREACH_IDS } from '../charts/outreach.ts';
import type { OverviewState } from '../url-state.ts';

export const KPI_IDS = ['med_cases_total', 'med_success_rate', 'lit_admin_suits_total', 'lit_loss_rate', 'out_events', 'out_reach'];
const MED_IDS = ['med_cases_total', 'med_oral', 'med_written', 'med_success', 'med_success_rate'];
const PANEL_IDS = [...LITIGATION_IDS, ...OUTREACH_IDS];
/** Up to this many towns in scope, the overview draws one bar per town (every bundled dataset so far). */
export const DETAIL_MAX = 200;
/** At aggregate scale the ranking table shows the top N towns (LIMIT in SQL). */
export const RANK_TOP = 50;
/** In per-town detail every town of the scope is ranked (the unreported ones listed last). */
const RANK_ALL = 100_000;

export interface OverviewView {
  province: string;
  county: string;
  /** explicit towns, at most SCOPE_TOWNS_MAX */
  towns: string[];
  /** first and last town_id of the scope: a read hint (facts are stored in place order), '' = none */
  lo: string;
  hi: string;
  y0: number;
  y1: number;
  partial: 0 | 1;
  rank: string;
  /** 1 = the ranking is per village-level unit */
  perVillage: 0 | 1;
  /** township-level units in scope (in a county: every township of the gazetteer, reported or not) */
  nScope: number;
  /** 'towns' = one bar per town; otherwise one bar per province / prefecture, or per year for a period */
  by: 'towns' | 'province' | 'prefecture' | 'year';
}

export interface OverviewResult {
  key: string;
  med: MediationRow[];
  vals: UnitValue[];
  kpi: ScopeAggregate[];
  change: ScopeAggregate[];
  rank: RankingRow[];
}

/** The identity of a view: equal keys mean equal queries and equal results. */
export const viewKey = (v: OverviewView): string =>
  JSON.stringify([v.province, v.county, v.towns, v.lo, v.hi, v.y0, v.y1, v.partial, v.rank, v.perVillage, v.by]);

/**
 * The county's 6-digit code for the URL's county: a code as it is; a county name (links from before the
 * move to codes) when exactly one county of that name is among the places (within the province, if given).
 */
export function resolveCounty(county: string, province: string, places: Place[]): string {
  if (!county || /^\d{6}$/.test(county)) return county;
  const codes = [...new Set(places.filter((p) => p.county === county && (!province || p.province === province) && p.county_code).map((p) => p.county_code!))];
  return codes.length === 1 ? codes[0]! : county;
}

const uniqSorted = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);

/**
 * Resolves the URL state against the places (national rows; the chosen province's county rows when a
 * province is chosen). Returns null while the province's rows are still needed and missing.
 */
export function resolveView(st: OverviewState, national: Place[], inProvince: Place[] | null): OverviewView | null {
  const allYears = uniqSorted(national.flatMap((p) => p.years));
  let rows: Place[];
  let county = st.county;
  if (!st.province) {
    county = resolveCounty(st.county, '', national);
    rows = county ? national.filter((p) => p.county_code === county) : national;
  } else if (!st.county) rows = national.filter((p) => p.province === st.province); // per province or per county: both count it
  else {
    const prov = inProvince ?? (national.some((p) => p.county !== null) ? national.filter((p) => p.province === st.province) : null);
    if (!prov) return null;
    county = resolveCounty(st.county, st.province, prov);
    rows = prov.filter((p) => p.county_code === county);
  }
  const towns = st.towns.slice(0, SCOPE_TOWNS_MAX);
  // A county counts every township of the gazetteer (non-reporters included): one count for the picker,
  // the scope line and the ranking.
  const nScope = towns.length || rows.reduce((s, p) => s + (county ? (p.n_county_towns ?? p.n_towns) : p.n_towns), 0);
  const detail = towns.length > 0 || !!st.county || nScope <= DETAIL_MAX;
  const scopeYears = uniqSorted(rows.flatMap((p) => p.years));
  const y1 = st.y1 ?? scopeYears.at(-1) ?? allYears.at(-1) ?? new Date().getFullYear() - 1;
  // Small data: every year the scope has figures for (the data is sparse). At scale (more than DETAIL_MAX
  // towns in the data, even when a county is shown): the latest year, a range only when chosen.
  const atScale = national.reduce((s, p) => s + p.n_towns, 0) > DETAIL_MAX;
  const y0 = Math.min(st.y0 ?? (detail && !atScale ? (scopeYears[0] ?? y1) : y1), y1);
  const by = detail ? 'towns' : y0 !== y1 ? 'year' : st.province ? 'prefecture' : 'province';
  // Read hint: the scope's first and last town_id when the rows say (per-county rows, or chosen towns).
  const ids = towns.length ? towns : rows.every((p) => p.first_town && p.last_town) ? rows.flatMap((p) => [p.first_town!, p.last_town!]) : [];
  const sorted = [...ids].sort();
  const [lo, hi] = rows.length && sorted.length ? [sorted[0]!, sorted.at(-1)!] : ['', ''];
  return { province: st.province, county, towns, lo, hi, y0, y1, partial: st.partial ? 1 : 0, rank: st.rank, perVillage: st.perVillage ? 1 : 0, nScope, by };
}

/** The identity of an aggregate-scale ranking (the scope, indicator, year and partial flag it depends on). */
export const rankKey = (v: OverviewView): string => JSON.stringify([v.province, v.county, v.rank, v.y1, v.partial, v.perVillage]);

/** Mediation rows (mediation_by_town_year's shape) from pre-aggregated values: one per place (or year). */
export function mediationFromAgg(rows: AggValue[] | UnitValue[]): MediationRow[] {
  const m = new Map<string, MediationRow>();
  for (const r of rows) {
    if (!MED_IDS.includes(r.indicator_id)) continue;
    const k = `${r.town_id}|${r.year}`;
    let o = m.get(k);
    if (!o) {
      o = { town_id: r.town_id, town_name: r.town_name, county: r.county, province: r.province, year: r.year, total: null, total_lower_bound: null,
        oral: null, written: null, success: null, success_rate_reported: null, success_rate_derived: null, full_year: true, is_synthetic: false };
      m.set(k, o);
    }
    if (r.indicator_id === 'med_cases_total') [o.total, o.total_lower_bound] = [r.value, r.is_lower_bound];
    else if (r.indicator_id === 'med_oral') o.oral = r.value;
    else if (r.indicator_id === 'med_written') o.written = r.value;
    else if (r.indicator_id === 'med_success') o.success = r.value;
    else if (r.indicator_id === 'med_success_rate') o.success_rate_derived = r.derived_value; // as the semantic layer rounds it (two decimals)
    o.full_year &&= r.full_year;
    o.is_synthetic ||= r.is_synthetic;
  }
  return [...m.values()].sort((a, b) => a.year - b.year || (b.total ?? -1) - (a.total ?? -1) || a.town_name.localeCompare(b.town_name, 'zh-CN'));
}

/**
 * Runs the view's queries. `onPart` receives each part as soon as it is known (the mediation chart first),
 * so a chart redraws without waiting for the ranking. `label` names the scope on per-year bars.
 */
export async function runOverview(
  db: SqlRunner,
  v: OverviewView,
  label: string,
  onPart: (part: Partial<OverviewResult>) => void = () => {},
  rankCache?: Map<string, RankingRow[]>,
): Promise<OverviewResult> {
  const key = viewKey(v);
  const out: OverviewResult = { key, med: [], vals: [], kpi: [], change: [], rank: [] };
  const part = (p: Partial<OverviewResult>) => {
    Object.assign(out, p);
    onPart(p);
  };
  if (v.nScope === 0) {
    part({});
    return out;
  }
  if (v.by === 'towns') {
    const s = [v.province, v.county, listParam(v.towns), v.lo, v.hi] as const;
    part({ med: await runQuery(db, mediationByTownYear, ...s, v.y0, v.y1) });
    part({ vals: await runQuery(db, scopeValues, ...s, listParam(PANEL_IDS), v.y0, v.y1, v.partial) });
    part({ kpi: await runQuery(db, scopeAggregate, ...s, listParam(KPI_IDS), v.y1, v.y1, v.partial, 0) });
    part({ change: await runQuery(db, scopeAggregate, ...s, listParam(KPI_IDS), v.y1 - 1, v.y1, 0, 1) });
    part({ rank: await runQuery(db, ranking, ...s, v.rank, v.y1, v.partial, RANK_ALL, v.perVillage) });
  } else {
    const rows = (await runQuery(db, aggValues, v.by, v.province, listParam([...MED_IDS, ...PANEL_IDS]), v.y0, v.y1, v.partial)).map((r) =>
      v.by === 'year' ? { ...r, town_id: label, town_name: label } : r,
    );
    part({ med: mediationFromAgg(rows), vals: rows.filter((r) => !MED_IDS.includes(r.indicator_id)) });
    part({ kpi: await runQuery(db, aggKpi, v.province, listParam(KPI_IDS), v.y1, v.y1, v.partial) });
    part({ change: await runQuery(db, aggKpi, v.province, listParam(KPI_IDS), v.y1 - 1, v.y1, 0) });
    // The one query that reads the detail at this scale (a province's blocks, or every block nationally):
    // remembered per scope, indicator and year, so going back to a view never scans again.
    const args = [v.province, v.county, '', v.lo, v.hi, v.rank, v.y1, v.partial, RANK_TOP, v.perVillage] as const;
    const k = rankKey(v);
    const rank = rankCache?.get(k) ?? (await runQuery(db, ranking, ...args));
    rankCache?.set(k, rank);
    part({ rank });
  }
  return out;
}
