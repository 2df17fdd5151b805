/**
 * The one or two sentences a briefing puts under a chart, generated from the rows the chart draws — never
 * from a second query — so every number in the prose is a number on the chart (same formatter:
 * formatCompact, zh-CN grouping and 万). Pure (tests/lib/export/sentences.test.ts).
 *
 * Honest wording:
 * - a lower bound ("余/多/以上" in the report, "≥" on the chart) stays one: "289余件" / "at least 289 cases",
 *   and a total with a lower-bound part is a lower bound;
 * - "the most" is claimed only when it is certain: when another town's figure is a lower bound, it could be
 *   larger, so the sentence says "the largest figure reported";
 * - an explicit zero ("未发生行政诉讼") is a statement, told apart from not reporting;
 * - towns that did not report are named and counted, never counted as zero.
 */
import { formatCompact, formatPercent } from '../format.ts';
import type { Locale } from '../i18n/messages.ts';
import { withUnit } from '../i18n/units.ts';

export interface Figure {
  name: string;
  value: number;
  lower: boolean;
  /** the report states zero explicitly */
  zero?: boolean;
}

export interface ScopeRef {
  kind: 'county' | 'prefecture' | 'province' | 'towns' | 'all';
  /** the place's name (县/区/市/省…), used to pick 全县 / 全区 / 全市 / 全省 */
  name: string;
  /** township-level units in the scope */
  n: number;
}

export interface SentenceInput {
  locale: Locale;
  year: number;
  scope: ScopeRef;
  /** What was done, as a phrase: zh "调处矛盾纠纷", en "disputes mediated" (else the indicator's label). */
  what: string;
  /** Catalog unit (Chinese: 件, 场, %…); translated here. */
  unit: string;
  /** additive: a total over towns is meaningful (flows, amounts); rates and stocks at mixed dates are not */
  additive: boolean;
  /** one per town that reported the indicator for the year */
  figures: Figure[];
  /** the parts of the total, e.g. oral / written mediation, each with its towns' figures */
  parts?: { what: string; figures: Figure[] }[];
  /** zh only: "调处量" → "调处量最多的是…" (default: `what`) */
  most?: string;
  /** the scope's towns that stated nothing for it */
  nonReporters: string[];
}

const num = (v: number, l: Locale, unit: string) => (unit === '%' ? formatPercent(v, l) : formatCompact(v, l));

/** "289件" / "289余件" (zh); "289 cases" / "at least 289 cases" (en). */
export function amount(v: number, lower: boolean, unit: string, l: Locale): string {
  const s = num(v, l, unit);
  if (l === 'zh') return unit === '%' ? `${lower ? '不低于' : ''}${s}` : lower ? `${s}余${unit}` : withUnit(s, unit, l, v);
  return `${lower ? 'at least ' : ''}${withUnit(s, unit, l, v)}`;
}

/** zh 全县 / 全区 / 全市 / 全省 …; en "the county" … */
export function scopeWord(s: ScopeRef, l: Locale): string {
  if (l === 'en') {
    if (s.kind === 'towns') return s.n === 1 ? s.name : `the ${s.n} chosen towns`;
    return s.kind === 'all' ? 'all regions' : s.name;
  }
  if (s.kind === 'towns') return s.n === 1 ? s.name : `所选${s.n}个乡镇(街道)`;
  if (s.kind === 'all') return '全部地区';
  const last = s.name.at(-1) ?? '';
  if (s.name.endsWith('自治区')) return '全区';
  if ('县区市旗省州盟'.includes(last)) return `全${last}`;
  return s.kind === 'province' ? '全省' : '全县';
}

const joinNames = (names: string[], l: Locale, max = 12) => {
  const shown = names.slice(0, max);
  const more = names.length > max ? (l === 'zh' ? `等${names.length}个` : ` and ${names.length - max} more`) : '';
  return l === 'zh' ? shown.join('、') + more : shown.join(', ') + more;
};

/** "镇" when every name is a 镇, else "乡镇(街道)" — as the example "2个镇未报告" reads. */
const townWord = (names: string[], l: Locale, n: number) =>
  l === 'en' ? (n === 1 ? 'town' : 'towns') : names.length && names.every((x) => x.endsWith('镇')) ? '镇' : '乡镇(街道)';

function sum(figs: Figure[]): { value: number; lower: boolean } | null {
  if (!figs.length) return null;
  return { value: figs.reduce((s, f) => s + f.value, 0), lower: figs.some((f) => f.lower) };
}

/** The sentences under one chart, for one year. */
export function sentences(inp: SentenceInput): string[] {
  const l = inp.locale;
  const zh = l === 'zh';
  const figs = inp.figures;
  const single = inp.scope.n === 1 || (inp.scope.kind === 'towns' && figs.length + inp.nonReporters.length === 1);
  const where = single ? (figs[0]?.name ?? inp.nonReporters[0] ?? inp.scope.name) : scopeWord(inp.scope, l);
  const out: string[] = [];

  if (!figs.length) {
    const n = inp.nonReporters.length;
    const who = single || n <= 1 ? where : zh ? `${where}${n}个${townWord(inp.nonReporters, l, n)}均` : `none of the ${n} towns of ${where}`;
    out.push(zh ? `${inp.year}年${who}未报告${inp.what}。` : `In ${inp.year}, ${who} reported no figure for ${inp.what}.`);
    return out;
  }

  // 1. The total (or, for a non-additive indicator, the range), and its parts.
  const tot = inp.additive ? sum(figs) : null;
  const parts = (inp.parts ?? []).map((p) => ({ what: p.what, s: sum(p.figures) })).filter((p) => p.s !== null);
  const partText = parts.map((p) => (zh ? `${p.what}${amount(p.s!.value, p.s!.lower, inp.unit, l)}` : `${amount(p.s!.value, p.s!.lower, inp.unit, l)} ${p.what}`));
  let first: string;
  if (tot) {
    const whole = amount(tot.value, tot.lower, inp.unit, l);
    first = zh
      ? `${inp.year}年${where}${single ? '' : '共'}${inp.what}${whole}${partText.length ? `,其中${partText.join('、')}` : ''}`
      : `In ${inp.year}, ${where} recorded ${whole} of ${inp.what}${single ? '' : ' in total'}${partText.length ? `, of which ${partText.join(' and ')}` : ''}`;
  } else if (single || figs.length === 1) {
    const f = figs[0]!;
    first = zh ? `${inp.year}年${f.name}${inp.what}为${amount(f.value, f.lower, inp.unit, l)}` : `In ${inp.year}, ${inp.what} in ${f.name} was ${amount(f.value, f.lower, inp.unit, l)}`;
  } else {
    const lo = figs.reduce((a, b) => (b.value < a.value ? b : a));
    const hi = figs.reduce((a, b) => (b.value > a.value ? b : a));
    first = zh
      ? `${inp.year}年${where}报告${inp.what}的${figs.length}个乡镇(街道)中,数值在${amount(lo.value, lo.lower, inp.unit, l)}至${amount(hi.value, hi.lower, inp.unit, l)}之间`
      : `In ${inp.year}, ${inp.what} in the ${figs.length} reporting towns of ${where} ranged from ${amount(lo.value, lo.lower, inp.unit, l)} to ${amount(hi.value, hi.lower, inp.unit, l)}`;
  }

  // 2. Who has the most — only claimed as "the most" when no other figure is a lower bound.
  let top = '';
  const positive = figs.filter((f) => f.value > 0);
  if (!single && figs.length > 1 && positive.length) {
    const max = Math.max(...positive.map((f) => f.value));
    const leaders = positive.filter((f) => f.value === max);
    const othersLower = figs.some((f) => f.lower && !leaders.includes(f));
    const v = amount(max, leaders.every((f) => f.lower), inp.unit, l);
    const names = joinNames(leaders.map((f) => f.name), l);
    const each = leaders.length > 1 ? (zh ? '各' : 'each ') : '';
    const most = inp.most ?? inp.what;
    top = zh
      ? `;${othersLower ? '已报告数值最大' : `${most}${inp.additive ? '最多' : '最高'}`}的是${names}(${each}${v})`
      : `; ${othersLower ? 'the largest figure reported was' : inp.additive ? 'the most was' : 'the highest was'} ${names} (${each}${v})`;
  }
  out.push(`${first}${top}${zh ? '。' : '.'}`);

  // 3. Explicit zeros and non-reporters.
  const zeros = figs.filter((f) => f.zero || f.value === 0).map((f) => f.name);
  const tail: string[] = [];
  if (zeros.length && !single)
    tail.push(zh ? `${joinNames(zeros, l)}报告为零` : `${joinNames(zeros, l)} reported zero`);
  const nr = inp.nonReporters;
  if (nr.length)
    tail.push(
      zh
        ? `${nr.length}个${townWord(nr, l, nr.length)}未报告(${joinNames(nr, l)})`
        : `${nr.length} ${townWord(nr, l, nr.length)} did not report (${joinNames(nr, l)})`,
    );
  if (tail.length) out.push(zh ? `${tail.join(';')}。` : `${tail.map((s, i) => (i ? s : s[0]!.toUpperCase() + s.slice(1))).join('; ')}.`);
  return out;
}
