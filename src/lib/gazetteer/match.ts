/**
 * Name → official code: which unit of the national gazetteer (统计用区划代码 2023) a report is about.
 * Pure and synchronous: the build, the scripts and the import page (over candidate rows it read from
 * DuckDB, see `lookupNames`) all call `matchUnit` with an index of gazetteer rows.
 *
 * The name is normalised first — full-width → half-width (NFKC), traditional → simplified, spaces removed,
 * organisational suffixes dropped (蒲场镇人民政府 → 蒲场镇, 北城街街道办事处 → 北城街街道, 延吉市司法局 → 延吉市),
 * a leading place split off as a hint (绥阳县蒲场镇 → 蒲场镇 in 绥阳县). Then:
 *   1. the exact name; failing that, the same name without its type (蒲场乡 ↔ 蒲场镇, 海滨街 ↔ 海滨街道: a
 *      township that changed type since, or a short form), reported as `exact: false`;
 *   2. narrowed by the province, prefecture and county given (each only when it leaves a candidate; one that
 *      fits none is reported in `notes`), then by the places the title, publisher or file name mention;
 *   3. one left → 'matched'; several → 'ambiguous' (the reviewer chooses, candidates carry county and
 *      province); none → 'unknown'.
 */
import { TRAD_TO_SIMP } from '../extract/tradsimp.ts';

export type UnitLevelHint = 'township' | 'county';

export interface GazetteerRow {
  code: string;
  name_zh: string;
  unit_type?: string;
  county_code?: string;
  county: string | null;
  prefecture: string | null;
  province: string;
  n_villages?: number | null;
}

export interface Candidate {
  code: string;
  name: string;
  level: UnitLevelHint;
  unit_type: string | null;
  county_code: string;
  county: string;
  prefecture: string | null;
  province: string;
  /** village-level units under a township (the gazetteer's count), when the rows carried it */
  n_villages?: number | null;
}

export interface MatchQuery {
  name: string | null | undefined;
  county?: string | null;
  prefecture?: string | null;
  province?: string | null;
  /** free text that may name the places: the report's title, its publisher, the file name */
  title?: string | null;
  publisher?: string | null;
  fileName?: string | null;
  /** 'county' for county-level reports (县/区/县级市); guessed from the name when absent */
  level?: UnitLevelHint | null;
}

export interface MatchResult {
  status: 'matched' | 'ambiguous' | 'unknown';
  /** the official code when matched (9 digits for a township, 6 for a county) */
  code?: string;
  /** the unit matched, or the ones to choose from (at most 20, best first); empty when unknown */
  candidates: Candidate[];
  /** false when the name matched only without its type (蒲场乡 → 蒲场镇) */
  exact: boolean;
  /** the name as looked up, after normalisation */
  normalized: string;
  /** hints that fitted no candidate, and other things a reviewer should know */
  notes: string[];
}

export interface GazetteerIndex {
  byName: Map<string, Candidate[]>;
  byCore: Map<string, Candidate[]>;
}

const toSimplified = (s: string): string => {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += String.fromCharCode(TRAD_TO_SIMP.get(c) ?? c);
  }
  return out;
};

/** NFKC (full-width letters, digits, brackets → half-width), traditional → simplified, no spaces. */
export const normalizeName = (s: string): string => toSimplified(s.normalize('NFKC')).replace(/[\s\u3000·•]/g, '');

const ORG_SUFFIX = /(人民政府|政府|办事处|办|党工委|党委|委员会|司法所|司法局|综治中心|综合治理中心|人大|公所)$/;
const ORG_PREFIX = /^(中共|中国共产党)/;

/** Drops the organisation words around a unit's name: 蒲场镇人民政府 → 蒲场镇. */
export function unitName(raw: string): string {
  let s = normalizeName(raw).replace(/[((][^))]*[))]$/, '');
  s = s.replace(ORG_PREFIX, '');
  for (let i = 0; i < 3 && ORG_SUFFIX.test(s); i++) s = s.replace(ORG_SUFFIX, '');
  return s;
}

const TOWN_TYPE = /(街道|民族乡|镇|乡|街)$/;
/** A township's name without its type: 蒲场镇 → 蒲场. Cores shorter than two characters are not used. */
export const townCore = (name: string): string => name.replace(TOWN_TYPE, '');

const ETHNIC =
  '壮|回|维吾尔|苗|彝|土家|藏|蒙古|侗|布依|瑶|白|朝鲜|哈尼|黎|哈萨克|傣|畲|傈僳|东乡|仡佬|拉祜|佤|水|纳西|羌|土|仫佬|锡伯|柯尔克孜|景颇|达斡尔|撒拉|布朗|毛南|塔吉克|普米|阿昌|怒|鄂温克|京|基诺|德昂|保安|俄罗斯|裕固|乌孜别克|门巴|鄂伦春|独龙|赫哲|高山|珞巴|塔塔尔';
const PLACE_TYPE = /(特别行政区|自治区|自治州|自治县|自治旗|省|市|地区|盟|县|区|旗)$/;
const ETHNIC_TAIL = new RegExp(`(${ETHNIC})族$`);
/** A place's name without its type and ethnic designation: 石柱土家族自治县 → 石柱, 广西壮族自治区 → 广西. */
export function placeCore(name: string): string {
  let s = normalizeName(name).replace(PLACE_TYPE, '');
  if (s.endsWith('维吾尔')) s = s.slice(0, -3);
  for (let i = 0; i < 4 && ETHNIC_TAIL.test(s); i++) s = s.replace(ETHNIC_TAIL, '');
  return s || normalizeName(name);
}

const samePlace = (hint: string, name: string | null): boolean => {
  if (!name) return false;
  const h = normalizeName(hint);
  return h === name || placeCore(h) === placeCore(name);
};

const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
};

/** The index over gazetteer rows: townships (9-digit codes) and counties (6-digit codes). */
export function buildIndex(towns: readonly GazetteerRow[], counties: readonly GazetteerRow[] = []): GazetteerIndex {
  const byName = new Map<string, Candidate[]>();
  const byCore = new Map<string, Candidate[]>();
  for (const t of towns) {
    const c: Candidate = {
      code: t.code, name: t.name_zh, level: 'township', unit_type: t.unit_type ?? null,
      county_code: t.county_code ?? t.code.slice(0, 6), county: t.county ?? '', prefecture: t.prefecture, province: t.province,
      ...(t.n_villages !== undefined ? { n_villages: t.n_villages } : {}),
    };
    push(byName, t.name_zh, c);
    const core = townCore(t.name_zh);
    if (core.length >= 2 && core !== t.name_zh) push(byCore, core, c);
  }
  for (const t of counties) {
    const c: Candidate = {
      code: t.code, name: t.name_zh, level: 'county', unit_type: null,
      county_code: t.code, county: t.name_zh, prefecture: t.prefecture, province: t.province,
    };
    push(byName, t.name_zh, c);
  }
  return { byName, byCore };
}

/** What a leading place ends with, for splitting it off a name: 绥阳县|蒲场镇, 重庆市万州区|后山镇. */
const PLACE_PREFIX = /(省|市|县|区|旗|州|盟)$/;
const COUNTY_NAME = /(县|区|旗|市)$/;
const TOWN_NAME = /(街道|民族乡|镇|乡|街)$/;

/**
 * The names a query can match, for reading candidate rows from the database before matching (the import
 * page): the normalised name, its every place-stripped suffix, and the cores (names without type).
 */
export function lookupNames(name: string): { names: string[]; cores: string[] } {
  const n = unitName(name);
  const names = new Set<string>();
  const cores = new Set<string>();
  for (let i = 0; i < n.length - 1; i++) {
    if (i > 0 && !PLACE_PREFIX.test(n.slice(0, i))) continue;
    const s = n.slice(i);
    names.add(s);
    const c = townCore(s);
    if (c.length >= 2 && c !== s) cores.add(c);
    else if (!TOWN_NAME.test(s) && s.length >= 2) cores.add(s);
  }
  return { names: [...names], cores: [...cores] };
}

export function matchUnit(q: MatchQuery, index: GazetteerIndex): MatchResult {
  const notes: string[] = [];
  const n = q.name ? unitName(q.name) : '';
  const none = (normalized: string): MatchResult => ({ status: 'unknown', candidates: [], exact: false, normalized, notes });
  if (!n) return none(n);
  const level: UnitLevelHint | null = q.level ?? (TOWN_NAME.test(n) ? 'township' : COUNTY_NAME.test(n) ? 'county' : null);
  const ofLevel = (cs: Candidate[] | undefined) => (cs ?? []).filter((c) => !level || c.level === level);

  // The exact name, or the longest suffix of it that is a name (the rest names a place: 绥阳县蒲场镇).
  let found: Candidate[] = [];
  let name = n;
  let prefix = '';
  let exact = true;
  for (let i = 0; i < n.length - 1 && !found.length; i++) {
    const s = n.slice(i);
    const hit = ofLevel(index.byName.get(s));
    if (hit.length && (i === 0 || PLACE_PREFIX.test(n.slice(0, i)))) [found, name, prefix] = [hit, s, n.slice(0, i)];
  }
  if (!found.length && level !== 'county') {
    for (let i = 0; i < n.length - 1 && !found.length; i++) {
      const s = n.slice(i);
      const core = townCore(s);
      if (core.length < 2 || (i > 0 && !PLACE_PREFIX.test(n.slice(0, i)))) continue;
      // Same core, and of a township type: 蒲场乡 → 蒲场镇 (撤乡设镇), 海滨街 → 海滨街道.
      const hit = [...(index.byCore.get(core) ?? []), ...(core === s ? [] : (index.byName.get(core) ?? []))].filter((c) => c.level === 'township');
      if (hit.length) [found, name, prefix, exact] = [hit, s, n.slice(0, i), false];
    }
  }
  if (!found.length) return none(n);
  if (!exact) notes.push(`"${name}" is not in the list under that name; matched without its type`);

  // Narrow by the places given, broadest first; a hint that fits none of the candidates is noted, not applied.
  const narrow = (hint: string | null | undefined, what: string, place: (c: Candidate) => string | null) => {
    if (!hint || !hint.trim() || found.length === 0) return;
    const kept = found.filter((c) => samePlace(hint, place(c)));
    if (kept.length) found = kept;
    else notes.push(`${what} "${hint.trim()}" fits none of the ${found.length} unit(s) named ${name}`);
  };
  narrow(q.province, 'province', (c) => c.province);
  narrow(q.prefecture, 'prefecture', (c) => c.prefecture);
  narrow(q.county, 'county', (c) => c.county);

  // Then the places the free text mentions (the unit's own name removed first: 绥阳镇 is not 绥阳县).
  if (found.length > 1) {
    const text = normalizeName([prefix, q.title, q.publisher, q.fileName].filter(Boolean).join(' ')).replaceAll(name, '|');
    const mentions = (place: string | null) => {
      if (!place) return false;
      const core = placeCore(place);
      return text.includes(place) || (core.length >= 2 && text.includes(core));
    };
    const score = (c: Candidate) =>
      (c.level === 'township' && mentions(c.county) ? 4 : 0) + (mentions(c.prefecture) ? 2 : 0) + (mentions(c.province) ? 1 : 0);
    const best = Math.max(...found.map(score));
    if (best > 0) found = found.filter((c) => score(c) === best);
  }

  const candidates = [...found].sort((a, b) => a.code.localeCompare(b.code)).slice(0, 20);
  if (found.length === 1) return { status: 'matched', code: found[0]!.code, candidates, exact, normalized: name, notes };
  return { status: 'ambiguous', candidates, exact, normalized: name, notes };
}
