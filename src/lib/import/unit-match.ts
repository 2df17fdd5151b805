/**
 * Which official unit (国家统计局 2023年统计用区划代码) an imported report is about, as the review screen and
 * the save need it. The matcher (src/lib/gazetteer/match.ts) answers matched / ambiguous / unknown; this
 * module turns that into what the reviewer sees and decides:
 *   - matched → the unit's code is the town's key (9 digits; 6 for a county-level report), and the county,
 *     prefecture and province the report left empty are filled from the list;
 *   - ambiguous (two 绥阳镇) → the reviewer picks one of the candidates, shown with county and province, or
 *     "none of these"; the report cannot be saved until they have;
 *   - unknown → the report is kept, flagged "not in the 2023 list", under an id of its own.
 * Pure: the page runs the match over DuckDB (matchInDb), the unit tests over a small index.
 */
import { levelOf, UnitType } from '../catalog/schemas.ts';
import { placeCore, type Candidate, type MatchQuery, type MatchResult } from '../gazetteer/match.ts';
import type { ReviewMeta } from './report-import.ts';

/** What the review's place fields ask of the list: the unit's name with every place and the file name. */
export function matchQueryOf(meta: Pick<ReviewMeta, 'name_zh' | 'unit_type' | 'county' | 'prefecture' | 'province' | 'title'>, fileName: string): MatchQuery {
  const type = UnitType.safeParse(meta.unit_type);
  return {
    name: meta.name_zh.trim(),
    // a county-level report names the county itself: its own name is no hint to narrow by
    county: type.success && levelOf(type.data) === 'county' ? null : meta.county.trim() || null,
    prefecture: meta.prefecture.trim() || null,
    province: meta.province.trim() || null,
    title: meta.title.trim() || null,
    fileName,
    level: type.success ? (levelOf(type.data) === 'county' ? 'county' : 'township') : null,
  };
}

/**
 * The unit the review stands on: a code, '' for "none of these" (kept as not in the list), or null while the
 * reviewer has still to choose. `picked` is the reviewer's own choice (undefined: none made), kept while it
 * still fits the match (a reopened review, or a title edited after choosing); otherwise a matched unit stands
 * by itself, an ambiguous one waits, an unknown one is kept unlisted.
 */
export function resolveChoice(m: MatchResult | null, picked: string | undefined): string | null {
  if (!m) return null;
  if (picked === '' || (picked && m.candidates.some((c) => c.code === picked))) return picked;
  return m.status === 'matched' ? m.code! : m.status === 'ambiguous' ? null : '';
}

/** The candidate chosen, or null (none chosen yet, or "none of these"). */
export const chosenUnit = (m: MatchResult | null, code: string | null): Candidate | null =>
  (m && code && m.candidates.find((c) => c.code === code)) || null;

/** The place fields (and unit type) the report left empty, filled from the chosen unit (nothing is overwritten). */
export function fillPlace(meta: ReviewMeta, c: Candidate): ReviewMeta {
  const county = c.level === 'county' ? c.name : c.county;
  const type = UnitType.safeParse(c.unit_type);
  return {
    ...meta,
    unit_type: meta.unit_type || (type.success ? type.data : ''),
    county: meta.county.trim() ? meta.county : county,
    prefecture: meta.prefecture.trim() ? meta.prefecture : (c.prefecture ?? ''),
    province: meta.province.trim() ? meta.province : c.province,
  };
}

/** What the new town record takes from the list: its code as key and adcode, the official name, villages. */
export interface OfficialUnit {
  code: string;
  name_zh: string;
  county: string;
  prefecture: string | null;
  province: string;
  n_villages: number | null;
}

export const officialOf = (c: Candidate): OfficialUnit => ({
  code: c.code,
  name_zh: c.name,
  county: c.level === 'county' ? c.name : c.county,
  prefecture: c.prefecture,
  province: c.province,
  n_villages: c.n_villages ?? null,
});

/** One candidate as the chooser lists it: name · county · prefecture · province (code). */
export function candidateLabel(c: Candidate): string {
  const parts = [c.name, c.level === 'township' ? c.county : null, c.prefecture, c.province].filter((x): x is string => !!x);
  return `${parts.filter((x, i) => parts.indexOf(x) === i).join(' · ')} (${c.code})`;
}

/** The state of the unit's match as the review screen states it (see imp.gaz.* messages). */
export type UnitMatchState =
  | { kind: 'pending' }
  | { kind: 'matched'; unit: Candidate; exact: boolean }
  | { kind: 'choose'; candidates: Candidate[] }
  | { kind: 'chosen'; unit: Candidate; candidates: Candidate[] }
  | { kind: 'none'; candidates: Candidate[] }
  | { kind: 'unknown'; name: string };

export function matchState(m: MatchResult | null, choice: string | null): UnitMatchState {
  if (!m) return { kind: 'pending' };
  if (m.status === 'unknown') return { kind: 'unknown', name: m.normalized };
  const unit = chosenUnit(m, choice);
  if (m.status === 'matched') return unit ? { kind: 'matched', unit, exact: m.exact } : { kind: 'none', candidates: m.candidates };
  if (unit) return { kind: 'chosen', unit, candidates: m.candidates };
  return choice === '' ? { kind: 'none', candidates: m.candidates } : { kind: 'choose', candidates: m.candidates };
}

/** Saving waits for the reviewer only when the name fits several units and none is chosen yet. */
export const mustChoose = (s: UnitMatchState): boolean => s.kind === 'choose';

/** Place fields the report gives that are not the chosen unit's (a typo, or the wrong unit chosen). */
export function placeMismatches(meta: Pick<ReviewMeta, 'county' | 'prefecture' | 'province'>, c: Candidate): { field: 'county' | 'prefecture' | 'province'; given: string; official: string }[] {
  const official = { county: c.level === 'county' ? c.name : c.county, prefecture: c.prefecture ?? '', province: c.province };
  return (['county', 'prefecture', 'province'] as const)
    .filter((k) => meta[k].trim() && official[k] && placeCore(meta[k]) !== placeCore(official[k]))
    .map((k) => ({ field: k, given: meta[k].trim(), official: official[k] }));
}
