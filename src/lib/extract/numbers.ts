/**
 * Numbers as Chinese reports write them: Arabic (with thousands commas and decimals), Chinese numerals
 * (两, 十余, 一千零五), mixed forms (2.3万, 600余万), ranges (3—5, 20至30) and qualifiers
 * (余/多/以上/超/超过/不少于 → lower_bound; 近/不到/以下 → upper_bound; 约/左右/大约 → approx).
 * Works on the normalised text (half-width digits).
 */
import type { Qualifier } from '../catalog/schemas';

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Parses a Chinese numeral (一千零五, 两万, 十, 二〇二四). Returns null when it is not one. */
export function parseChineseNumber(s: string): number | null {
  if (!s) return null;
  if (!/[十百千万亿]/.test(s)) {
    // digit-by-digit form: 二〇二四
    let v = 0;
    for (const ch of s) {
      const d = CN_DIGIT[ch];
      if (d === undefined) return null;
      v = v * 10 + d;
    }
    return v;
  }
  let total = 0; // completed 亿 / 万 groups
  let section = 0; // value below 万 being built
  let num = 0; // pending digit
  let pending = false;
  for (const ch of s) {
    const d = CN_DIGIT[ch];
    if (d !== undefined) {
      num = d;
      pending = d !== 0;
      continue;
    }
    const small = CN_SMALL[ch];
    if (small !== undefined) {
      section += (pending ? num : 1) * small;
      num = 0;
      pending = false;
      continue;
    }
    if (ch === '万' || ch === '亿') {
      const unit = ch === '万' ? 1e4 : 1e8;
      let group = section + (pending ? num : 0);
      if (group === 0 && (ch === '亿' || total % 1e8 === 0)) group = total === 0 ? 1 : 0;
      if (ch === '亿') total = (total + group) * unit;
      else total += group * unit;
      section = 0;
      num = 0;
      pending = false;
      continue;
    }
    return null;
  }
  return total + section + (pending ? num : 0);
}

export type NumeralType = 'arabic' | 'chinese' | 'mixed';

export interface Quantity {
  /** Span in the normalised text, qualifiers included. */
  start: number;
  end: number;
  /** Span of the number itself (first digit to unit start). */
  numStart: number;
  unitStart: number;
  value: number;
  valueHigh: number | null;
  qualifier: Qualifier;
  /** Unit as written (万元 stays 万元). */
  unitRaw: string;
  /** Multiplier applied to the written number: 1, 1e4 (万/万元) or 1e8 (亿). */
  scale: number;
  numeralType: NumeralType;
  /** The number as written, e.g. "两万余" or "2.3万". */
  raw: string;
  /** True when the number is a lone Chinese 一 (often idiomatic: 一张网, 一件事). */
  loneOne: boolean;
}

const AR = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?`;
const CN = '[〇零一二两三四五六七八九十百千万亿]+';
const PRE = '约|大约|大概|近|将近|接近|不到|不足|超过|超|逾|不少于|至少|多于';
/** Units a catalog indicator accepts, longest first (plus 个百分点 so changes are recognised and dropped). */
export const UNITS = [
  '个百分点', '百分点', '人次', '件次', '场次', '批次', '万元', '亿元', '元', '%', '件', '起', '宗', '次', '场', '期', '批',
  '人', '名', '位', '份', '本', '册', '张', '页', '条', '幅', '项', '个', '篇', '处', '块',
];
/** Characters after a unit that make it part of another word (3人民…, 5场所, 一件事). */
const UNIT_BLOCK: Record<string, RegExp> = {
  人: /^[民大口均们生身事员力气]/,
  场: /^[所景地合面馆域镇站]/,
  期: /^[间限刊内末满]/,
  次: /^[性日年月]/,
  条: /^[例件款文规]/,
  本: /^[级年人单届地市镇县区职部领着质]/,
  件: /^事/,
  项: /^目/,
  名: /^[称单义誉额录]/,
  位: /^[置于列居]/,
  份: /^[额子]/,
  张: /^[网贴]/,
  页: /^[面]/,
  起: /^[来草诉步点到]/,
  个: /^[人体]/,
  元: /^[旦素月宵]/,
  批: /^[示准复评]/,
  处: /^[理置罚分长级室于在以所事置]/,
  块: /^[钱状]/,
};

// The pattern starts at the number (a fast first-character check); a qualifier before it is looked up by hand.
const PRE_BEFORE = new RegExp(`(?:${PRE})$`);
const QTY = new RegExp(
  `(?<n1>${AR}|${CN}|万(?=[余多]))(?:(?<rs>[-—–~至到])(?<n2>${AR}|${CN}))?(?<q1>余|多)?(?<mult>万|亿)?(?<q2>余|多)?(?<unit>${UNITS.join('|')})(?<post>以上|左右|以下|以内|之多|多(?![\u4e00-\u9fa5]))?`,
  'g',
);

function parseOne(s: string): { v: number; type: NumeralType } | null {
  if (/^\d/.test(s)) return { v: Number(s.replace(/,/g, '')), type: 'arabic' };
  if (s === '万') return { v: 1e4, type: 'chinese' };
  const v = parseChineseNumber(s);
  return v === null ? null : { v, type: 'chinese' };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function qualifierOf(pre: string | undefined, q: boolean, post: string | undefined): Qualifier {
  const lower = q || ['超过', '超', '逾', '不少于', '至少', '多于'].includes(pre ?? '') || post === '以上' || post === '多';
  const upper = ['近', '将近', '接近', '不到', '不足'].includes(pre ?? '') || post === '以下' || post === '以内';
  const approx = ['约', '大约', '大概'].includes(pre ?? '') || post === '左右';
  if (lower && !upper) return 'lower_bound';
  if (upper && !lower) return 'upper_bound';
  if (approx || (lower && upper)) return 'approx';
  return 'exact';
}

/** Every number followed by a catalog unit in the normalised text. */
export function findQuantities(norm: string): Quantity[] {
  const out: Quantity[] = [];
  QTY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = QTY.exec(norm))) {
    const g = m.groups!;
    const numStart = m.index;
    const preM = PRE_BEFORE.exec(norm.slice(Math.max(0, numStart - 3), numStart));
    const pre = preM ? preM[0] : undefined;
    const start = numStart - (pre?.length ?? 0);
    const n1 = g.n1!;
    // not the tail of a longer token: a digit, a decimal point, a letter, or a Chinese numeral run
    if (numStart > 0 && (/[0-9.A-Za-z_/]/.test(norm[numStart - 1]!) || (/^[^\d]/.test(n1) && /[〇零一二两三四五六七八九十百千万亿]/.test(norm[numStart - 1]!)))) {
      QTY.lastIndex = numStart + 1;
      continue;
    }
    const unit = g.unit!;
    const unitStart = numStart + m[0].length - unit.length - (g.post?.length ?? 0);
    const after = norm.slice(unitStart + unit.length, unitStart + unit.length + 2);
    const block = UNIT_BLOCK[unit];
    if (block && !g.post && block.test(after)) {
      QTY.lastIndex = numStart + 1;
      continue;
    }
    const p1 = parseOne(n1);
    const p2 = g.n2 ? parseOne(g.n2) : null;
    if (!p1 || (g.n2 && !p2)) {
      QTY.lastIndex = numStart + 1;
      continue;
    }
    let scale = 1;
    if (g.mult === '万') scale = 1e4;
    if (g.mult === '亿') scale = 1e8;
    if (unit === '万元') scale *= 1e4;
    if (unit === '亿元') scale *= 1e8;
    const value = round6(p1.v * scale);
    const valueHigh = p2 ? round6(p2.v * scale) : null;
    let qualifier = qualifierOf(pre, !!(g.q1 || g.q2), g.post);
    if (valueHigh !== null) qualifier = 'range';
    const chineseMult = /[万亿]/.test(n1) || !!g.mult || unit === '万元' || unit === '亿元';
    const numeralType: NumeralType = p1.type === 'arabic' ? (chineseMult ? 'mixed' : 'arabic') : 'chinese';
    out.push({
      start,
      end: numStart + m[0].length,
      numStart,
      unitStart,
      value,
      valueHigh,
      qualifier,
      unitRaw: g.mult && (unit === '元') ? g.mult + unit : unit,
      scale,
      numeralType,
      raw: norm.slice(numStart, unitStart),
      loneOne: n1 === '一' && !g.n2,
    });
  }
  return out;
}
