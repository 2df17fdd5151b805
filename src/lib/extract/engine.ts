/**
 * Numbers → facts. For every number with a catalog unit: build its clause/sentence context, drop it when
 * a guard says it is not an achieved level (target, change, cumulative total, ordinal, context count,
 * another unit's figure), then let the indicator rules claim it. Explicit zero statements are added,
 * repeated statements removed.
 */
import type { Section } from '../catalog/schemas';
import { canonicalUnit, kindOf } from './catalog';
import type { ReportMeta } from './metadata';
import { findQuantities, type Quantity } from './numbers';
import { toVisibleSpan, type Normalized } from './normalize';
import { MULTI_YEAR, reportPeriod, sentencePeriod, type Period } from './period';
import { RULES, type IndicatorRule, type RuleContext } from './rules';
import { findHeadings, findSections, headingAt, sectionAt } from './sections';
import { INDICATORS_BY_UNIT, KIND_OF, cuesIn, pairFeatures, score, type CandidateView, type Weights } from './classify';
import { studyProcedure } from './study';
import { assertContract } from './contract';
import { CUES } from './lexicon';
import catalogFile from '../../../data/indicators.json';

const CATALOG_INDICATORS = (catalogFile as { indicators: { id: string; kind: string; units_accepted: string[] }[] }).indicators;
import { WEIGHTS } from './weights';
import { suggestIndicators } from './suggest';
import type { Candidate, LocalFact } from './types';
import { ZERO_RULES, ZERO_TARGET } from './zeros';

const CLAUSE_END = new Set([',', ';', '。', '!', '?', '\n', '；']);
const SENTENCE_END = new Set([';', '。', '!', '?', '\n', '；']);

function lastBoundary(s: string, from: number, set: Set<string>): number {
  for (let i = from; i >= 0; i--) if (set.has(s[i]!)) return i;
  return -1;
}
function nextBoundary(s: string, from: number, set: Set<string>): number {
  for (let i = from; i < s.length; i++) if (set.has(s[i]!)) return i;
  return s.length;
}

/** Offsets of every boundary character, for O(log n) "previous/next boundary" look-ups. */
class Boundaries {
  private readonly at: Int32Array;
  constructor(pos: number[]) {
    this.at = Int32Array.from(pos);
  }
  /** Clause, sentence and line boundaries of a text in one pass. */
  static of(s: string): { clauses: Boundaries; sentences: Boundaries; lines: Boundaries } {
    const c: number[] = [], se: number[] = [], l: number[] = [];
    for (let i = 0; i < s.length; i++) {
      const ch = s.charCodeAt(i);
      // , ; 。 ! ? \n ；
      if (ch === 0x2c || ch === 0x3b || ch === 0x3002 || ch === 0x21 || ch === 0x3f || ch === 0x0a || ch === 0xff1b) {
        c.push(i);
        if (ch !== 0x2c) se.push(i);
        if (ch === 0x0a) l.push(i);
      }
    }
    return { clauses: new Boundaries(c), sentences: new Boundaries(se), lines: new Boundaries(l) };
  }
  /** Last boundary ≤ i, or -1. */
  prev(i: number): number {
    let lo = 0, hi = this.at.length - 1, r = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.at[mid]! <= i) { r = this.at[mid]!; lo = mid + 1; } else hi = mid - 1;
    }
    return r;
  }
  /** First boundary ≥ i, or end. */
  next(i: number, end: number): number {
    let lo = 0, hi = this.at.length - 1, r = end;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.at[mid]! >= i) { r = this.at[mid]!; hi = mid - 1; } else lo = mid + 1;
    }
    return r;
  }
}

/** Longest clause text before a number that rules look at (their patterns span fewer characters). */
const MAX_PRE = 60;
/**
 * Start of the counted-phrase window: MAX_PRE characters back from the number, where the titles of named
 * laws (《…》) do not count, so 学习《…法》《…法》…等法律法规N次 keeps its verb however long the list is.
 */
function preWindowStart(norm: string, at: number): number {
  let n = 0, inTitle = false, i = at - 1;
  for (; i >= 0 && i > at - MAX_CLAUSE; i--) {
    const ch = norm[i];
    if (ch === '》') inTitle = true;
    else if (ch === '《') inTitle = false;
    else if (!inTitle && ++n >= MAX_PRE) break;
  }
  return Math.max(0, i);
}
/** Clause and sentence windows are capped so text without punctuation stays linear. */
const MAX_CLAUSE = 200;
const MAX_SENTENCE = 400;

/** Goals, plans and frequencies (每年不少于4次, 力争, 下一步将…). */
const TARGET = /每(?:[一两二三四五六\d]个?)?(?:年|季度|季|月|周|半年|学期|个月)|计划|力争|力求|争取|拟|预计|目标|下一步|明年|(?:^|[^即])将(?!近|军)/;
const FREQ = /每(?:[一两二三四五六\d]个?)?(?:年|季度|季|月|周|半年|学期|个月)/;
const FREQ_ANY = /每(?:[一两二三四五六\d]个?)?(?:年|季度|季|月|周|半年|学期|个月)[^,;。]*?\d+次/g;
const TARGET_SENTENCE = /^(?:下一步|今后|明年|接下来|20\d\d年(?:将|要|计划))/;
/** Changes rather than levels (同比增长23%, 下降2个百分点). */
const CHANGE_WORD = /(?:增长|增加|下降|减少|提升|提高|上升|降低|增幅|降幅|多|少)了?(?:为|达)?$/;
const COMPARE = /同比|环比|较(?:去年|上年|上一年|往年|20\d\d年|19\d\d年)|比(?:去年|上年|上一年)/;
/** Figures of a wider unit inside a town report. */
const WIDER = /全(?:县|市|区|省|国)|(?:县|市|区)(?:法院|人民法院|检察院|公安局|司法局|市场监管局|法律援助中心)|全国|全省/;
/**
 * A plan word opening a sentence's first clause (力争开展…; 计划组织…), without the frequencies of TARGET
 * (每月开展一次…,全年共开展12次 is achieved) and not deep in it (制定…学习计划,累计开展…18场次 is achieved).
 */
const PLAN = /^[^,]{0,4}?(?:计划|力争|力求|争取|拟|预计|下一步|明年|将(?!近|军)(?![^,]*(?:纳入|列入|作为|融入|写入|贯穿|落实到)))/;
/** The villages as the actor of a clause (各村(社区)开展…; not 在各村…, not 各村党员干部参加… as trainees). */
const VILLAGES_SUBJECT = /^(?:全镇|全乡|全街道)?各(?:村|社区|行政村|村居)(?:\((?:社区|居)\))?(?:共|均|累计|合计|分别|也|成功)?(?:向群众|为群众)?(?:开展|组织|举办|召开|受理|调处|化解|调解|办理|代理|发生|发放|悬挂|张贴|建成|新建|建设|打造|聘请|聘用|提供|解答|接待|排查|审查|审核|完成|进行|查处|立案)/;
/** A clause that names its own subject or period, so the sentence's first clause does not rule it. */
const OWN_SUBJECT = /^(?:(?:其中|同时|此外|另外)[,]?)?(?:我(?:镇|乡|街道)|全(?:镇|乡|街道)|本(?:镇|乡|街道)|镇|乡|街道|全年|今年|年内|\d{4}年)/;
const CONTEXT_COUNT = /^(?:\(?社区\)?)?(?:村|社区|行政村|自然村|居委会|网格|村民小组|部门|单位|站所|办所|乡镇|镇街|街道)/;
/** Leading words that are not part of a statement (trimmed from evidence). */
const LEAD = /^(?:[、,:()（）“”"'\s]|其中|同时|此外|并且?|和|及|以及|共计?|累计|合计|全年|今年以来|年内|我(?:镇|乡|街道|县|区)|全(?:镇|乡|街道))+/;
const VERB = /(?:开展|召开|组织|举办|举行|出具|代理|发放|散发|悬挂|张贴|调处|达成|评查|申报|提供|接待|解答|受理|处理|办理|完成|进行|常态化|开设|印发|制作|参加|参与|落实|聘请|化解|调解|排查|发布|推送|审查|梳理|厘清)了?/g;

/** Evidence starts at the verb of the statement: 宣传材料 → 发放宣传材料 (only within a few characters). */
const VERB_AT_START = new RegExp(`^${VERB.source}`);
function extendToVerb(norm: string, from: number, start: number): number {
  if (VERB_AT_START.test(norm.slice(start, start + 3))) return start;
  const win = norm.slice(from, start);
  let best = -1;
  for (const m of win.matchAll(VERB)) best = m.index!;
  if (best < 0) return start;
  // only CJK text between the verb and the statement
  return /^[\u4e00-\u9fa5]*$/.test(win.slice(best)) ? from + best : start;
}

assertContract(RULES, CATALOG_INDICATORS, Object.keys(CUES));

/** Rules grouped by the units they accept, in rule order. */
const RULES_BY_UNIT: ReadonlyMap<string, IndicatorRule[]> = (() => {
  const m = new Map<string, IndicatorRule[]>();
  for (const r of RULES) for (const u of r.units) (m.get(u) ?? m.set(u, []).get(u)!).push(r);
  return m;
})();

export interface EngineInput {
  n: Normalized;
  text: string;
  meta: ReportMeta;
  version: string;
  /** Classifier weights (default: the shipped weights.json). */
  weights?: Weights | null;
  /** Decision thresholds (fact / low confidence). */
  tau?: number;
  tauLow?: number;
  /** A rule's claim stands unless the classifier scores it below this. */
  veto?: number;
  /** Receives every classified candidate with its pairs' features (for fitting). */
  collect?: (row: PairRow) => void;
}

/** One candidate as the fitter sees it. */
export interface PairRow {
  cand: number;
  /** visible-text span of the number */
  start: number;
  end: number;
  value: number;
  /** value a matching rule gives an indicator (胜诉率100% → 败诉率 0) */
  values: Record<string, number>;
  pairs: { indicator: string; features: string[] }[];
}

interface RuleHit { start: number; end: number; value: number; subKind: string | null; ruleId: string }
interface Scored { ind: string; p: number; feats: string[] }

const STUDY_FAMILY = ['ls_theory_study_sessions', 'ls_law_study_sessions', 'ls_training_sessions', 'ls_training_attendance'];

/** A clause that ends with a verb before the number, and the noun phrase after it. */
const VERB_END = /(?:开展|组织|举办|举行|召开|发放|散发|分发|派发|赠送|悬挂|张贴|排查|调处|化解|调解|接待|解答|提供|办理|受理|代理|出具|审查|审核|进行|聘请|培训|建成|新建|建设|打造|推送|发布|制作|签订|处理|查处|完成)了?(?:各类|各种|专题|集中)?$/;
/** The counted object after the number; a 、 list of kinds ending in 等 belongs to it (婚姻家庭、邻里等矛盾纠纷). */
const OBJECT = /^(?:(?:[\u4e00-\u9fa5“”"]{2,8}、)+[\u4e00-\u9fa5“”"]{2,8}等[\u4e00-\u9fa5“”"《》]{2,16}|[\u4e00-\u9fa5“”"《》]{2,16})/;
/**
 * Words that qualify the counted object or the verb without naming it: 各类, 多种形式的, 面向群众的, 免费,
 * a list of kinds ending in 等 (涉及土地、婚姻家庭等各类), and manner adverbs before a verb (依法调处, 扎实开展).
 * Read past them when the rules find nothing in the words as written.
 */
const MODIFIERS = /各类|各种|各项|多种形式的?|形式多样的?|丰富多彩的?|面向群众的|线上线下|免费|(?:涉及)?(?:[\u4e00-\u9fa5]{2,6}、)+[\u4e00-\u9fa5]{2,6}等(?:各类|各种|多种)?/g;
const ADVERBS = /(?:深入|扎实|积极|持续|依法|认真|妥善|有效|及时|全力)(?=(?:组织)?(?:组织|开展|举办|调处|化解|调解|受理|办理|提供|发放|分发|进行|审查|审核|查处|解答|接待|召开|完成))/g;
const stripModifiers = (s: string) => s.replace(MODIFIERS, '').replace(ADVERBS, '');
/** The object named first as the topic, its verb right before the number (普法宣传活动共开展12场; 各类纠纷受理近200件). */
const TOPIC_VERB = /参与|参加|协助|配合|开展|组织|举办|受理|调处|化解|调解|办理|提供|接待|发放|召开|审查|查处/;
const TOPIC_FIRST = /(?<obj>[\u4e00-\u9fa5“”"《》()]{2,16}?)(?:共计?|累计|合计)?(?<verb>(?:组织)?开展|组织|举办|举行|调处|化解|调解|受理|办理|发放|召开|解答|提供|接待|悬挂|张贴|查处|审查|审核)了?$/;

/** Later items of a list: short words after 、 or 其中 (口头调解188件、书面101件). */
const LIST_ITEM = /^(?:、|[,:]?(?:其中|分别为|包括|含))[^,;。]{0,10}$/;
/** Indicators one statement gives together (对18项重大决策事项进行合法性审查; 排查化解纠纷N件). */
const COMPANIONS: ReadonlyMap<string, readonly string[]> = new Map([
  ['dm_legality_reviews', ['dm_major_decisions']], ['dm_major_decisions', ['dm_legality_reviews']],
  ['med_cases_total', ['med_disputes_screened']], ['med_disputes_screened', ['med_cases_total']],
]);
/**
 * A number no rule claims becomes a fact only when the cue model scores it at least this. Default: never.
 * Measured by leave-one-province-out, its additions were right less than half the time (τ 0.8: P 0.924
 * R 0.943; τ 0.95: P 0.931 R 0.938; none: P 0.936 R 0.938), so precision first: they stay candidates,
 * low_confidence with their suggestions, for review.
 */
export const DEFAULT_TAU = Number.POSITIVE_INFINITY;
export const DEFAULT_VETO = 0.15;
export const DEFAULT_TAU_LOW = 0.2;

function defaultSubKind(ind: string, unit: string): string | null {
  if ((ind === 'ls_training_attendance' || ind === 'out_reach') && unit !== '人次') return 'headcount';
  if (ind === 'out_materials' && (unit === '本' || unit === '册')) return 'booklet';
  if (ind === 'ls_theory_study_sessions') return 'study';
  return null;
}

/** Evidence start of a classified number: its counted phrase, from the verb or the list item. */
function phraseStart(norm: string, localStart: number, numStart: number, item: boolean): number {
  let s = Math.max(localStart, numStart - 16);
  if (item) return trimStart(norm, localStart, numStart);
  const cut = norm.lastIndexOf(',', numStart - 1);
  if (cut >= s) s = cut + 1;
  s = trimStart(norm, s, numStart);
  return extendToVerb(norm, Math.max(localStart, s - 6), s);
}

interface Draft {
  indicator: string;
  subKind: string | null;
  q: Quantity | null;
  value: number;
  start: number; // normalised offsets
  end: number;
  ruleId: string;
  section: Section;
  period: Period;
  isZero: boolean;
  sentence: string;
  /** index of the candidate it came from (none for zero statements) */
  cand: number;
  confidence: number;
}

/** Guard ids as the candidate list names them. */
const REASON: Record<string, string> = {
  target: 'plan', 'wider-unit': 'other_unit', cumulative: 'multi_year', context: 'village_count', 'per-unit': 'per_unit',
  'earlier-year': 'other_year', 'other-year': 'other_year',
};

/** Confidence of a fact claimed by an indicator rule (rules are precise phrasings). */
const RULE_CONFIDENCE = 0.9;

/** The last calendar year a sentence dates its figures to (not 以来, not inside a document title). */
function statedYear(sentencePre: string): number | null {
  const s = sentencePre.replace(/《[^》]*》/g, '');
  let y: number | null = null;
  for (const m of s.matchAll(/(\d{4})年(?!以来|来|度?以来|\d{1,2}月(?:份)?以来)/g)) y = Number(m[1]);
  return y;
}

/** A time anchor that scopes a 累计 total to the reporting period (今年以来累计, 2024年累计, 年内累计, 截至…累计). */
const PERIOD_ANCHOR = /今年|本年|年度|全年|年内|一年来|\d{4}年|截[至止]|以来|上半年|季度|\d{1,2}月/;
/** Masked years of template reports (XX年, 20XX年, 201*年). */
const MASKED_YEAR = /(?:(?:19|20)?[X×*]{1,2}|\d{2,3}[X×*])年(?!以来|来)/g;

/** Per line: offsets of masked-year tokens (cached, lines are long and hold many numbers). */
function maskedYearsOfLine(norm: string, lineStart: number, cache: Map<number, number[]>): number[] {
  let v = cache.get(lineStart);
  if (!v) {
    let lineEnd = norm.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = norm.length;
    v = [...norm.slice(lineStart, lineEnd).matchAll(MASKED_YEAR)].map((m) => lineStart + m.index!);
    cache.set(lineStart, v);
  }
  return v;
}

/** A lone 一 followed by more Chinese text: part of a name or idiom (一件事, 一条街), not a count. */
function isIdiom(norm: string, q: Quantity): boolean {
  return q.loneOne && /[\u4e00-\u9fa5]/.test(norm[q.end] ?? '') && norm[q.end] !== '的';
}

function guard(
  c: RuleContext, clausePre: string, townReport: boolean, norm: string, reportYear: number | null, lineStart: number, masked: Map<number, number[]>,
  yearFromPublication: boolean,
): string | null {
  const q = c.q;
  if (q.unitRaw === '个百分点' || q.unitRaw === '百分点') return 'change';
  if (norm[q.numStart - 1] === '第') return 'ordinal';
  if (norm[q.numStart - 1] === '+' || norm[q.end] === '+' || norm[q.unitStart] === '+') return 'name';
  if (isIdiom(norm, q)) return 'idiom';
  // a frequency (每两月1次) belongs to the number right after it, not to a later one in the clause
  if (TARGET.test(FREQ.test(c.pre) ? clausePre : clausePre.replace(FREQ_ANY, '')) || TARGET_SENTENCE.test(c.sentence)) return 'target';
  if (CHANGE_WORD.test(c.pre) && (COMPARE.test(clausePre) || /增长|下降|增幅|降幅/.test(c.pre.slice(-3)))) return 'change';
  if (/(?:同比|环比)~?$/.test(c.pre) || /^(?:个)?百分点/.test(c.post)) return 'change';
  if (q.unitRaw === '个' && CONTEXT_COUNT.test(c.post)) return 'context';
  // per-village figures (各村配备调解员2名, 每个村1名) are not the town's totals
  if (/每个?(?:村|社区|村民小组|网格|户|人)|各(?:村|社区)(?:\(社区\))?[^,;。]{0,6}(?:配备|配齐|设立|设置|明确|选聘|均有|各有|至少)/.test(c.pre)) return 'per-unit';
  // only when the wider unit is the clause's subject (邀请县司法局律师… is still the town's event)
  const subject = clausePre.replace(/^(?:(?:\d{4}年(?:度)?|全年|今年(?:以来)?|年内|同时|此外|其中|另外|目前)[,]?)+/, '');
  if (townReport && WIDER.exec(subject)?.index === 0) return 'wider-unit';
  // the villages as the subject (各村(社区)开展普法活动15场): their figures, not the town's total
  if (townReport && VILLAGES_SUBJECT.test(subject)) return 'wider-unit';
  // the sentence's first clause rules later clauses that name no subject or period of their own:
  // 全县共开展普法宣传活动,受教育群众1400人次; 力争…,参训15人次; 每个村(社区)…,惠及群众…
  const headEnd = c.sentencePre.indexOf(',');
  if (headEnd >= 0 && headEnd < c.sentencePre.length - clausePre.length && !OWN_SUBJECT.test(clausePre)) {
    const head = c.sentencePre.slice(0, headEnd);
    const hs = head.replace(/^(?:(?:\d{4}年(?:度)?|全年|今年(?:以来)?|年内|同时|此外|另外|目前)[,]?)+/, '');
    if (PLAN.test(hs) || (FREQ.test(head) && /不少于|至少/.test(clausePre + norm.slice(q.start, q.numStart)))) return 'target';
    if (/^每个?(?:村|社区|行政村)/.test(hs)) return 'per-unit';
    if (townReport && (WIDER.exec(hs)?.index === 0 || VILLAGES_SUBJECT.test(hs))) return 'wider-unit';
  }
  // a bare 累计 with nothing tying it to the period is a running multi-year total
  if (/累计/.test(clausePre) && !PERIOD_ANCHOR.test(c.sentencePre)) return 'cumulative';
  // a series over masked years (XX年…，20XX年…): only the last year's figures are the report's
  const my = maskedYearsOfLine(norm, lineStart, masked);
  if (my.length >= 2 && q.start < my[my.length - 1]!) return 'earlier-year';
  const y = statedYear(c.sentencePre);
  // (a page published early in a year may report on the previous one)
  if (reportYear !== null && y !== null && y >= 1990 && y <= 2100 && y !== reportYear && !(yearFromPublication && y === reportYear - 1))
    return 'other-year';
  return null;
}

function scopeOf(indicator: string, sentence: string): LocalFact['scope'] {
  if (/法律顾问/.test(sentence) && /^(?:lit|dm)_/.test(indicator)) return 'adviser';
  if (indicator.startsWith('lit_')) return 'government_as_party';
  if (indicator.startsWith('med_')) {
    if (/[镇乡]、村|镇村两级|村\(社区\)人民调解/.test(sentence)) return 'town_and_villages';
    if (/司法所/.test(sentence)) return 'judicial_office';
    return 'jurisdiction';
  }
  if (/^(?:out|svc|pet)_/.test(indicator)) return 'jurisdiction';
  return null;
}

function trimStart(norm: string, s: number, e: number): number {
  const m = LEAD.exec(norm.slice(s, e));
  return m && s + m[0].length < e ? s + m[0].length : s;
}

/**
 * A multi-year scope a text states once (自“七五”普法开展以来…, 成立以来…) holds for its later figures when
 * the text gives no year of its own and no later period anchor (今年, 全年, 2024年, 截至…) replaces it: a
 * news item looking back over a plan period. Returns, per candidate offset, whether it stands in such a scope.
 */
const SCOPE_RESET = /今年|本年|年度|全年|\d{4}年(?!(?:\d{1,2}月(?:份)?)?以来)|上半年|下半年|季度|\d{1,2}月|截[至止]|目前|近期|日前|近日/g;
function carriedMultiYear(norm: string, meta: ReportMeta, qs: readonly Quantity[]): boolean[] {
  const out = qs.map(() => false);
  if (meta.report_year !== null && meta.report_year_source !== 'publication') return out;
  const since = new RegExp(`${MULTI_YEAR.source}|\\d{4}年(?:\\d{1,2}月(?:份)?)?以来`, 'g');
  const scopes = [...norm.matchAll(since)].map((m) => m.index! + m[0].length)
    .filter((e) => { const y = /(\d{4})年/.exec(norm.slice(e - 12, e)); return !y || meta.report_year === null || Number(y[1]) < meta.report_year; });
  if (!scopes.length) return out;
  const resets = [...norm.matchAll(SCOPE_RESET)].map((m) => m.index!);
  let si = -1, ri = -1;
  qs.forEach((q, k) => {
    while (si + 1 < scopes.length && scopes[si + 1]! <= q.start) si++;
    while (ri + 1 < resets.length && resets[ri + 1]! < q.start) ri++;
    out[k] = si >= 0 && (ri < 0 || resets[ri]! < scopes[si]!);
  });
  return out;
}

export interface EngineOutput {
  facts: LocalFact[];
  candidates: Candidate[];
}

export function extractFacts({ n, text, meta, version, weights = WEIGHTS, tau = DEFAULT_TAU, tauLow = DEFAULT_TAU_LOW, veto = DEFAULT_VETO, collect }: EngineInput): EngineOutput {
  const norm = n.norm;
  const sections = findSections(norm);
  const qs = findQuantities(norm);
  const base = reportPeriod(meta.report_year, meta.publication_date);
  const townReport = meta.unit_type === null || ['镇', '乡', '民族乡', '街道'].includes(meta.unit_type);
  const drafts: Draft[] = [];

  const { clauses, sentences, lines } = Boundaries.of(norm);
  const masked = new Map<number, number[]>();
  const candidates: Candidate[] = [];
  const headings = findHeadings(norm);
  const preOf: string[] = [];
  const inMultiYear = carriedMultiYear(norm, meta, qs);
  const listOf: string[] = [];
  qs.forEach((q, i) => {
    const [cs, ce] = toVisibleSpan(n, q.start, q.end);
    const cand: Candidate = {
      id: `c${cs}`, start: cs, end: ce, value: q.value, unit: q.unitRaw, qualifier: q.qualifier, status: 'unclaimed', suggestions: [],
    };
    const ci = candidates.push(cand) - 1;
    const clauseStart = Math.max(clauses.prev(q.start - 1) + 1, q.start - MAX_CLAUSE);
    // a number word inside a name (法治一条街, 一张网) is no boundary of the counted phrase
    let pi = i - 1;
    while (pi >= 0 && isIdiom(norm, qs[pi]!)) pi--;
    const prev = pi >= 0 ? qs[pi]! : null;
    let localStart = Math.max(prev && prev.end > clauseStart ? prev.end : clauseStart, preWindowStart(norm, q.start));
    // a later item of a number-first list (举办3期培训班、2次集中学习): the words before it are the previous
    // item's object, not its own counted phrase; it carries the list's verb and its object follows it
    const listVerb = prev !== null && pi >= 0 && /^[\u4e00-\u9fa5“”"《》]{1,16}、$/.test(norm.slice(localStart, q.start)) && OBJECT.test(norm.slice(q.end, q.end + 16))
      ? VERB_END.exec(preOf[pi] ?? '')?.[0] ?? null : null;
    if (listVerb) localStart = q.start - 1;
    const clauseEnd = Math.min(clauses.next(q.end, norm.length), q.end + MAX_CLAUSE);
    const next = qs[i + 1];
    const postEnd = next && next.start < clauseEnd ? next.start : clauseEnd;
    const sentStart = Math.max(sentences.prev(q.start - 1) + 1, q.start - MAX_SENTENCE);
    const sentEnd = Math.min(sentences.next(q.end, norm.length), q.end + MAX_SENTENCE);
    const prevSentStart = Math.max(sentStart > 1 ? sentences.prev(sentStart - 2) + 1 : sentStart, sentStart - MAX_SENTENCE);
    const c: RuleContext = {
      pre: norm.slice(localStart, q.start),
      post: norm.slice(q.end, postEnd),
      postSentence: norm.slice(q.end, sentEnd),
      sentence: norm.slice(sentStart, sentEnd),
      sentencePre: norm.slice(sentStart, q.start),
      around: norm.slice(prevSentStart, sentEnd),
      heading: headingAt(headings, q.start),
      q,
    };
    const drop = (reason: string) => {
      cand.status = 'dropped';
      cand.reason = REASON[reason] ?? reason;
      cand.suggestions = suggestIndicators(c.pre.slice(-16) + c.post.slice(0, 6), q.unitRaw);
    };
    const section = sectionAt(sections, q.start);
    if (section === '计划') return drop('plan');
    const clausePre = norm.slice(clauseStart, q.start);
    const g = guard(c, clausePre, townReport, norm, meta.report_year, lines.prev(q.start - 1) + 1, masked, meta.report_year_source === 'publication');
    if (g) return drop(g);
    const period = sentencePeriod(c.sentencePre, meta.report_year, base, meta.publication_date);
    if (period.basis === 'cumulative_since') return drop('multi_year');

    // the ordered rules: the ones that claim the number (the first non-rate rule, every rate rule before it)
    const ruleFirst = new Map<string, string>();
    const ruleAny = new Map<string, string>();
    const hits = new Map<string, RuleHit>();
    const vetoed = new Set<string>();
    /** Runs the ordered rules on context `cx`; `at` fixes the evidence start (list items read with a carried topic). */
    const runRules = (cx: RuleContext, at: number | null, tag: string, endAt: number | null = null) => {
      let claimed = false;
      for (const rule of RULES_BY_UNIT.get(q.unitRaw) ?? []) {
        const pm = rule.pre ? rule.pre.exec(cx.pre) : null;
        if (rule.pre && !pm) continue;
        const om = rule.post ? rule.post.exec(rule.postSentence ? cx.postSentence : cx.post) : null;
        if (rule.post && !om) continue;
        if (rule.ctx && !rule.ctx.test(cx.sentence) && !(rule.ctxHeading && rule.ctx.test(cx.heading))) continue;
        if (rule.notCtx && rule.notCtx.test(cx.sentence)) continue;
        if (rule.notPre && rule.notPre.test(cx.pre)) continue;
        if (rule.when && !rule.when(cx)) continue;
        const value = rule.value ? rule.value(q.value) : q.value;
        if (value === null) {
          vetoed.add(rule.indicator);
          continue;
        }
        let start: number;
        if (at !== null) start = at;
        else {
          start = pm ? Math.min(localStart + pm.index, q.start) : q.start;
          start = trimStart(norm, start, q.start);
          start = extendToVerb(norm, Math.max(localStart, start - 6), start);
        }
        const end = endAt ?? (om ? q.end + om[0].length : q.end);
        const subKind = typeof rule.subKind === 'function' ? rule.subKind(cx) : (rule.subKind ?? null);
        const inds: [string, string | null][] = [[rule.indicator, subKind], ...(rule.also ?? []).map((a) => [a.indicator, a.subKind ?? null] as [string, string | null])];
        const first = !claimed;
        for (const [ind, sk] of inds) {
          if (!hits.has(ind)) hits.set(ind, { start, end, value, subKind: sk, ruleId: tag + rule.id });
          if (!ruleAny.has(ind)) ruleAny.set(ind, tag + rule.id);
          if (first && !ruleFirst.has(ind)) ruleFirst.set(ind, tag + rule.id);
        }
        if (!rule.multi) {
          claimed = true;
          break;
        }
      }
    };
    // the counted object after the number (开展12次普法宣传活动, 发放3000余份宣传资料): read verb + object.
    // Read first: a number right after its verb has its object after it, so the words before it (法律顾问
    // 审查64份合同) name the actor, not what was counted
    // (a later item of a number-first list reads its object with the list's verb)
    const obj = VERB_END.test(c.pre) || listVerb ? OBJECT.exec(c.post)?.[0] ?? '' : '';
    if (obj.length >= 2) {
      const pre = (listVerb ?? c.pre) + stripModifiers(obj);
      runRules({ ...c, pre, post: '', postSentence: c.postSentence.slice(obj.length) }, listVerb ? q.start : null, 'obj:', q.end + obj.length);
    }
    if (!ruleFirst.size) runRules(c, null, '');
    // past modifiers and adverbs, and with a topic named first: 依法调处涉及土地、婚姻家庭等各类矛盾纠纷203起;
    // 形式多样的普法宣传活动共开展36场 → 开展普法宣传活动
    if (!ruleFirst.size) {
      const bare = stripModifiers(c.pre);
      const t = TOPIC_FIRST.exec(bare);
      // (not when a verb governs the topic: 参与矛盾纠纷调解 is someone else's mediation)
      if (t && TOPIC_VERB.test(t.groups!.obj ?? '')) t.groups!.verb = '';
      const read = t && t.groups!.verb ? bare.slice(0, t.index) + t.groups!.verb + t.groups!.obj : bare;
      if (read !== c.pre) runRules({ ...c, pre: read }, phraseStart(norm, localStart, q.start, false), 'read:');
    }

    // the topic of a list: a later item of 「A N件、B N件」 or 「…N件,其中A N件」 carries the first item's words
    const sameSentence = prev !== null && prev.end > sentStart;
    const item = sameSentence && LIST_ITEM.test(c.pre);
    const continued = item && c.pre.startsWith('、') && listOf[i - 1] !== '';
    const listPre = item ? (continued ? listOf[i - 1]! : preOf[i - 1] ?? '') : '';
    preOf[i] = c.pre;
    listOf[i] = item ? (c.pre.startsWith('、') ? listPre : c.pre) : '';
    if (item && !ruleFirst.size) {
      // 口头调解188件、书面101件: read 「书面」 with the head words of the item it continues (调解)
      const own = c.pre.replace(/^(?:、|[,:]?(?:其中|分别为|包括|含))/, '');
      const base = (c.pre.startsWith('、') ? listPre : '').replace(/^(?:、|[,:]?(?:其中|分别为|包括|含))/, '');
      if (own.length >= 1 && own.length <= 3 && base.length >= 2) {
        const at = localStart + (c.pre.length - own.length);
        for (let k = 2; k <= Math.min(4, base.length) && !ruleFirst.size; k++) runRules({ ...c, pre: own + base.slice(-k) }, at, 'list:');
      }
    }
    const heading = c.heading;
    const study = studyProcedure(c, heading);
    // labeling.md's ordered procedure decides the study and training family over the phrase rules
    if (study) {
      if (study.indicator) {
        for (const k of [...ruleFirst.keys()]) if (KIND_OF.get(k) !== 'rate' && k !== study.indicator) ruleFirst.delete(k);
        ruleFirst.set(study.indicator, `study.${study.step}`);
      } else for (const k of STUDY_FAMILY) ruleFirst.delete(k);
    }
    const view: CandidateView = {
      unit: q.unitRaw, pre: c.pre, post: c.post, sentencePre: norm.slice(sentStart, localStart), heading, listPre, ruleFirst, ruleAny, study,
    };
    view.window = `${view.pre}|${view.sentencePre}|${view.post.slice(0, 8)}|${listPre}|${heading}`;
    const scored: Scored[] = [];
    // a number the rules claim needs only their indicators scored (the veto); fitting needs every pair
    const accepted = INDICATORS_BY_UNIT.get(q.unitRaw) ?? [];
    const candidatesInds = collect || !ruleFirst.size ? accepted : [...ruleFirst.keys()].filter((k) => accepted.includes(k));
    for (const ind of candidatesInds) {
      if (vetoed.has(ind) && !hits.has(ind)) continue;
      // an indicator with no cue word anywhere near scores its prior (< 0.05): not worth a pair, except when fitting
      if (!collect && !ruleFirst.size && !(study && study.indicator === ind) && !cuesIn(ind, view.window)) continue;
      const feats = pairFeatures(view, ind);
      const p = weights ? score(ruleFirst.size ? weights.w : weights.cue, feats) : ruleFirst.has(ind) ? RULE_CONFIDENCE : 0;
      scored.push({ ind, p, feats });
    }
    if (collect) collect({ cand: ci, start: cs, end: ce, value: q.value, values: Object.fromEntries([...hits].map(([k, h]) => [k, h.value])), pairs: scored.map((x) => ({ indicator: x.ind, features: x.feats })) });
    scored.sort((a, b) => b.p - a.p);
    cand.suggestions = scored.filter((x) => x.p >= 0.05).slice(0, 3).map((x) => ({ indicator_id: x.ind, score: Math.round(x.p * 1000) / 1000 }));

    const chosen: Scored[] = [];
    const best = scored.find((x) => KIND_OF.get(x.ind) !== 'rate');
    if (ruleFirst.size) {
      // the ordered rules claimed the number: their indicators stand unless the classifier vetoes them
      // (in rule order: a rule's own indicator before the ones its statement also gives)
      for (const ind of ruleFirst.keys()) {
        const x = scored.find((y) => y.ind === ind);
        if (x && (!weights || x.p >= veto)) chosen.push(x);
      }
    } else if (best && best.p >= tau) {
      chosen.push(best);
      for (const comp of COMPANIONS.get(best.ind) ?? []) {
        const x = scored.find((y) => y.ind === comp);
        if (x && x.p >= tau) chosen.push(x);
      }
    }
    if (!ruleFirst.size) for (const x of scored) if (KIND_OF.get(x.ind) === 'rate' && x.p >= tau) chosen.push(x);
    if (!chosen.length) {
      if (scored[0] && scored[0].p >= tauLow) cand.status = 'low_confidence';
      return;
    }
    // under a carried multi-year scope only stocks (levels on a date) are the unit's facts
    if (inMultiYear[i]) {
      const stocks = chosen.filter((x) => KIND_OF.get(x.ind) === 'stock');
      if (!stocks.length) return drop('multi_year');
      chosen.splice(0, chosen.length, ...stocks);
    }
    for (const x of chosen) {
      const h = hits.get(x.ind);
      const st = view.study && view.study.indicator === x.ind ? view.study : null;
      const start = h ? h.start : phraseStart(norm, localStart, q.start, item);
      drafts.push({
        q, value: h ? h.value : q.value, start, end: h ? h.end : q.end, ruleId: h ? h.ruleId : st ? `study.${st.step}` : `clf:${x.ind}`, section, period, isZero: false,
        sentence: c.sentence, cand: ci, confidence: Math.round(x.p * 1000) / 1000, indicator: x.ind,
        subKind: h ? h.subKind : st ? st.subKind : defaultSubKind(x.ind, q.unitRaw),
      });
    }
  });

  // explicit zero statements: one per indicator and report
  const zeroSeen = new Set<string>();
  for (const z of ZERO_RULES) {
    if (!z.hint.test(norm)) continue;
    z.re.lastIndex = 0;
    for (const m of norm.matchAll(z.re)) {
      if (zeroSeen.has(z.indicator)) break;
      const s = m.index!;
      const e = s + m[0].length;
      const section = sectionAt(sections, s);
      if (section === '计划') continue;
      const clauseStart = lastBoundary(norm, s - 1, CLAUSE_END) + 1;
      const sentStart = lastBoundary(norm, s - 1, SENTENCE_END) + 1;
      if (ZERO_TARGET.test(norm.slice(clauseStart, s)) || TARGET.test(norm.slice(clauseStart, s))) continue;
      const period = sentencePeriod(norm.slice(sentStart, s), meta.report_year, base, meta.publication_date);
      if (period.basis === 'cumulative_since') continue;
      zeroSeen.add(z.indicator);
      drafts.push({
        indicator: z.indicator, subKind: null, q: null, value: 0, start: s, end: e, ruleId: z.id, section, period, isZero: true, cand: -1, confidence: RULE_CONFIDENCE,
        sentence: norm.slice(sentStart, nextBoundary(norm, e, SENTENCE_END)),
      });
    }
  }

  drafts.sort((a, b) => a.start - b.start || a.end - b.end);
  const facts: LocalFact[] = [];
  const seen = new Set<string>();
  for (const d of drafts) {
    const [vs, ve] = toVisibleSpan(n, d.start, d.end);
    const evidence = text.slice(vs, ve);
    // the same statement repeated (e.g. in a summary) is one fact
    // a stock (法律明白人, 法律顾问 …) restated with the same value is the same observation
    const key =
      kindOf(d.indicator) === 'stock' ? `${d.indicator}|${d.value}` : `${d.indicator}|${d.subKind}|${d.value}|${norm.slice(d.start, d.end)}`;
    if (seen.has(key)) {
      const c = candidates[d.cand];
      if (c && c.status === 'unclaimed') { c.status = 'dropped'; c.reason = 'repeated'; }
      continue;
    }
    seen.add(key);
    const id = `f${facts.length + 1}`;
    const c = candidates[d.cand];
    if (c && c.status !== 'fact') {
      c.status = 'fact';
      c.fact_local_id = id;
      delete c.reason;
    }
    facts.push({
      fact_id: id,
      local_id: id,
      indicator_id: d.indicator,
      sub_kind: d.subKind,
      measure: 'level',
      value: d.value,
      value_high: d.q?.valueHigh ?? null,
      qualifier: d.q ? d.q.qualifier : 'exact',
      unit_raw: d.q ? d.q.unitRaw : null,
      unit: canonicalUnit(d.indicator),
      scale: d.q ? d.q.scale : 1,
      numeral_type: d.q ? d.q.numeralType : 'none',
      is_zero_statement: d.isZero,
      is_target: false,
      is_derived: false,
      period_start: d.period.start,
      period_end: d.period.end,
      period_basis: d.period.basis,
      scope: scopeOf(d.indicator, d.sentence),
      section: d.section,
      evidence,
      evidence_start: vs,
      evidence_end: ve,
      rule_id: d.ruleId,
      extractor_version: version,
      confidence: d.confidence,
    });
  }
  return { facts, candidates };
}
