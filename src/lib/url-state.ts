/**
 * Filters live in the URL (reload, back/forward and shared links restore the view). Pure parse/serialise
 * of a page's filter object to query parameters; pages navigate with goto(`?${toSearch(...)}`).
 * Defaults are omitted from the URL so shared links stay short. Town ids from before the move to official
 * codes (slugs such as gz-suiyang-puchang) are read as today's ids (LEGACY_TOWN_IDS); a county is its 6-digit
 * code (an old link's county name is resolved against the places by the overview, resolveCounty()).
 */
import { currentTownId } from './catalog/town-aliases.ts';

export interface OverviewState {
  province: string;
  /** the county's 6-digit code ('' = none); a county name from an old link until resolved */
  county: string;
  /** Selected township-level unit ids; empty = every unit in the province/county. */
  towns: string[];
  y0: number | null;
  y1: number | null;
  /** Indicator ranked in the ranking table. */
  rank: string;
  /** Include partial-year figures (ytd, half-year, unknown period). */
  partial: boolean;
  /** Rank counts per village-level unit (每村(社区)平均, derived from the gazetteer's counts). */
  perVillage: boolean;
}

export interface CompareState {
  /** a county (with its province) selects all its towns; `towns` narrows or replaces that choice */
  province: string;
  county: string;
  towns: string[];
  y0: number | null;
  y1: number | null;
  partial: boolean;
  /** Per category, the indicator drawn as trend lines (only non-default picks). */
  pick: Record<string, string>;
  /** Draw counts per village-level unit (每村(社区)平均, derived from the gazetteer's counts). */
  perVillage: boolean;
}

const list = (s: string | null): string[] => (s ? s.split(',').filter(Boolean) : []);
/** town ids, old slugs mapped to today's codes, each once */
const townList = (s: string | null): string[] => [...new Set(list(s).map(currentTownId))];
const year = (s: string | null): number | null => (s && /^\d{4}$/.test(s) ? Number(s) : null);

export function parseOverview(p: URLSearchParams): OverviewState {
  return {
    province: p.get('province') ?? '',
    county: p.get('county') ?? '',
    towns: townList(p.get('towns')),
    y0: year(p.get('from')),
    y1: year(p.get('to')),
    rank: p.get('rank') ?? 'med_cases_total',
    partial: p.get('partial') === '1',
    perVillage: p.get('per') === 'village',
  };
}

export function overviewSearch(s: OverviewState): string {
  const p = new URLSearchParams();
  if (s.province) p.set('province', s.province);
  if (s.county) p.set('county', s.county);
  if (s.towns.length) p.set('towns', s.towns.join(','));
  if (s.y0 !== null) p.set('from', String(s.y0));
  if (s.y1 !== null) p.set('to', String(s.y1));
  if (s.rank !== 'med_cases_total') p.set('rank', s.rank);
  if (s.partial) p.set('partial', '1');
  if (s.perVillage) p.set('per', 'village');
  return p.toString();
}

export function parseCompare(p: URLSearchParams): CompareState {
  const pick: Record<string, string> = {};
  for (const kv of list(p.get('show'))) {
    const [cat, ind] = kv.split(':');
    if (cat && ind) pick[cat] = ind;
  }
  return {
    province: p.get('province') ?? '',
    county: p.get('county') ?? '',
    towns: townList(p.get('towns')).slice(0, COMPARE_MAX),
    y0: year(p.get('from')),
    y1: year(p.get('to')),
    partial: p.get('partial') === '1',
    pick,
    perVillage: p.get('per') === 'village',
  };
}

/** At most this many towns on compare (a large county; the query layer's cap on listed ids). */
export const COMPARE_MAX = 200;

/** The overview's scope and period as a compare link's query (the nav carries them over). */
export function compareFromOverview(p: URLSearchParams): string {
  const o = parseOverview(p);
  return compareSearch({ province: o.province, county: o.county, towns: o.towns, y0: o.y0, y1: o.y1, partial: o.partial, pick: {}, perVillage: o.perVillage });
}

export function compareSearch(s: CompareState): string {
  const p = new URLSearchParams();
  if (s.province) p.set('province', s.province);
  if (s.county) p.set('county', s.county);
  if (s.towns.length) p.set('towns', s.towns.join(','));
  if (s.y0 !== null) p.set('from', String(s.y0));
  if (s.y1 !== null) p.set('to', String(s.y1));
  if (s.partial) p.set('partial', '1');
  const show = Object.entries(s.pick).map(([c, i]) => `${c}:${i}`);
  if (show.length) p.set('show', show.join(','));
  if (s.perVillage) p.set('per', 'village');
  return p.toString();
}
