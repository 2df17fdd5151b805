/**
 * How large a value of an indicator can plausibly be, by its kind. A town's count of cases, sessions or
 * people in a year stays far below 10^8; an amount in 元 below 10^13 (ten trillion); a rate lies in
 * [0, 100]. A value beyond that is a typo or a unit mix-up, never a fact: 1e308 used to be accepted, drawn
 * as "1.6999999999999998e+300亿" and summed to Infinity. Used by the import and the data build.
 */
import type { Bilingual } from '../import/problems.ts';

export interface KindAndUnit {
  kind: string;
  unit: string;
}

export function valueBound(ind: KindAndUnit): number {
  if (ind.kind === 'rate' || ind.unit === '%') return 100;
  if (ind.kind === 'amount') return 1e13;
  return 1e8;
}

const zhBound = (n: number) => (n >= 1e8 ? `${n / 1e8} 亿` : n >= 1e4 ? `${n / 1e4} 万` : String(n));

/** A bilingual problem for a value the indicator cannot have, or null when it is plausible. */
export function valueProblem(value: number, ind: KindAndUnit, raw = String(value)): Bilingual | null {
  if (!Number.isFinite(value))
    return {
      problem_zh: `“${raw}”不是有限的数字(超出可表示的范围)`,
      problem_en: `"${raw}" is not a finite number (too large to represent)`,
      fix_zh: '写实际的数字,如 289;不要用科学计数法',
      fix_en: 'write the actual number, e.g. 289, not scientific notation',
    };
  const max = valueBound(ind);
  if (value <= max) return null;
  if (max === 100)
    return {
      problem_zh: `比率“${raw}”不在 0–100 之间`,
      problem_en: `a rate of "${raw}" is not between 0 and 100`,
      fix_zh: '比率写 0–100 的百分数,如 96.5',
      fix_en: 'write a rate as a percentage between 0 and 100, e.g. 96.5',
    };
  return {
    problem_zh: `数值“${raw}”超出该指标的合理范围(最大 ${zhBound(max)} ${ind.unit})`,
    problem_en: `"${raw}" is too large for this indicator (at most ${max.toLocaleString('en')} ${ind.unit})`,
    fix_zh: `检查位数和单位:该列以“${ind.unit}”计,不是万或亿`,
    fix_en: `check the digits and the unit: the column counts ${ind.unit}, not 万 or 亿`,
  };
}
