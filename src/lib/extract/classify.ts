/**
 * The scored classifier. For a candidate number and each indicator that accepts its unit, it lists the
 * evidence a reader uses (features) and scores the pair with fitted weights: p = σ(Σ w·x). Features are
 * shared across indicators wherever they can be ("a cue word of this indicator is the counted object"),
 * so an indicator with few labelled examples still learns from the others; a few are per indicator
 * (bias, the indicator's rules, the characters of the counted phrase).
 *
 * The same code runs in Node and in the Web Worker; the weights are a JSON file fitted by
 * `npm run eval -- --fit` (see fit.ts) and shipped with the code.
 */
import catalog from '../../../data/indicators.json';
import { CUES } from './lexicon';
import type { StudyDecision } from './study';

interface CatalogEntry { id: string; kind: string; unit: string; units_accepted: string[] }
const INDICATORS = (catalog as { indicators: CatalogEntry[] }).indicators;

/** Accepted units without the catalog's "(flag)" notes; 万元/亿元 go with 元. */
export function unitsOf(i: { units_accepted: string[] }): string[] {
  const u = i.units_accepted.map((x) => x.replace(/\(.*\)$/, ''));
  if (u.includes('元')) u.push('万元', '亿元');
  return [...new Set(u)];
}

/** unit → indicators that accept it, in catalog order. */
export const INDICATORS_BY_UNIT: ReadonlyMap<string, readonly string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const i of INDICATORS) for (const u of unitsOf(i)) (m.get(u) ?? m.set(u, []).get(u)!).push(i.id);
  return m;
})();
export const KIND_OF: ReadonlyMap<string, string> = new Map(INDICATORS.map((i) => [i.id, i.kind]));
const CANON: ReadonlyMap<string, string> = new Map(INDICATORS.map((i) => [i.id, i.unit]));

interface CompiledCues { noun: RegExp; verb: RegExp | null; nounEnd: RegExp }
const COMPILED: ReadonlyMap<string, CompiledCues> = new Map(
  Object.entries(CUES).map(([id, c]) => [
    id,
    { noun: new RegExp(c.noun), verb: c.verb ? new RegExp(c.verb) : null, nounEnd: new RegExp(`(?:${c.noun})[^,;。、]{0,4}$`) },
  ]),
);

/** What the engine knows about one candidate, for every indicator at once. */
export interface CandidateView {
  unit: string;
  /** counted phrase: clause text since the previous number (at most a few dozen characters) */
  pre: string;
  /** clause text after the unit, up to the next number */
  post: string;
  /** sentence text before the counted phrase */
  sentencePre: string;
  /** the section heading (and lead sentence) the number stands under */
  heading: string;
  /** the counted phrase of the first item when the number is a later item of a 、/其中 list */
  listPre: string;
  /** indicators the ordered rules claim (today's decision), with the rule id */
  ruleFirst: ReadonlyMap<string, string>;
  /** indicators some rule matches, in any order, with the rule id */
  ruleAny: ReadonlyMap<string, string>;
  study: StudyDecision | null;
  /** pre | sentencePre | post (8) | listPre | heading, joined once per candidate */
  window?: string;
}

export interface Weights {
  version: string;
  /** all features: scores the indicators the ordered rules claim (a veto when low) */
  w: Record<string, number>;
  /** the reader without the rules (no r1/ra/rother features): scores numbers no rule claims */
  cue: Record<string, number>;
}

/** Features that say what the ordered rules decided; the cue model is fitted without them. */
export const isRuleFeature = (f: string) => f === 'r1' || f === 'ra' || f === 'rother' || f.startsWith('r1:') || f.startsWith('ra:');

const STUDY_FAMILY = new Set(['ls_theory_study_sessions', 'ls_law_study_sessions', 'ls_training_sessions', 'ls_training_attendance', 'out_events', 'out_reach']);

/** Feature names of the pair (candidate, indicator). */
/** Feature names per indicator (and unit), built once instead of per pair. */
const NAMES = new Map<string, { b: string; nEnd: string; nNear: string }>();
const UNIT_NAMES = new Map<string, string>();
const namesOf = (ind: string) => {
  let n = NAMES.get(ind);
  if (!n) NAMES.set(ind, (n = { b: `b:${ind}`, nEnd: `nEnd:${ind}`, nNear: `nNear:${ind}` }));
  return n;
};
const unitName = (ind: string, unit: string) => {
  const k = `${ind}|${unit}`;
  let n = UNIT_NAMES.get(k);
  if (!n) UNIT_NAMES.set(k, (n = `u:${ind}:${unit}`));
  return n;
};

/** Whether any cue word of the indicator stands in the candidate's window (else its score is its prior). */
export function cuesIn(ind: string, window: string): boolean {
  const c = COMPILED.get(ind);
  return !!c && (c.noun.test(window) || (!!c.verb && c.verb.test(window)));
}

export function pairFeatures(v: CandidateView, ind: string): string[] {
  const names = namesOf(ind);
  const f: string[] = ['bias', names.b];
  const r1 = v.ruleFirst.get(ind);
  if (r1) f.push('r1', `r1:${r1}`);
  else if (v.ruleFirst.size) f.push('rother');
  const ra = v.ruleAny.get(ind);
  if (ra && !r1) f.push('ra', `ra:${ra}`);
  const cues = COMPILED.get(ind);
  if (cues) {
    const near = v.pre.slice(-12);
    // one test over every place a cue can stand first: most indicators have none there
    const window = v.window ?? `${v.pre}|${v.sentencePre}|${v.post.slice(0, 8)}|${v.listPre}|${v.heading}`;
    if (cues.noun.test(window)) {
      if (cues.nounEnd.test(v.pre)) f.push('nEnd', names.nEnd);
      else if (cues.noun.test(near)) f.push('nNear', names.nNear);
      else if (cues.noun.test(v.pre)) f.push('nPre');
      else if (cues.noun.test(v.sentencePre)) f.push('nSent');
      if (cues.noun.test(v.post.slice(0, 8))) f.push('nPost');
      if (v.listPre && cues.noun.test(v.listPre)) f.push('nList');
      if (v.heading && cues.noun.test(v.heading)) f.push('nHead');
    }
    if (cues.verb && cues.verb.test(near)) f.push('vNear');
  }
  if (CANON.get(ind) === v.unit) f.push('uCanon');
  f.push(unitName(ind, v.unit));
  if (v.study) {
    if (v.study.indicator === ind) f.push('st', `st${v.study.step}`);
    else if (STUDY_FAMILY.has(ind)) f.push(v.study.indicator ? 'stOther' : 'stNone');
  }
  return f;
}

/** Weight tables as Maps (faster look-ups than a large object), built once per table. */
const MAPS = new WeakMap<Record<string, number>, Map<string, number>>();

export function score(w: Record<string, number>, feats: readonly string[]): number {
  let m = MAPS.get(w);
  if (!m) MAPS.set(w, (m = new Map(Object.entries(w))));
  let s = 0;
  for (const k of feats) {
    const x = m.get(k);
    if (x !== undefined) s += x;
  }
  return 1 / (1 + Math.exp(-s));
}
