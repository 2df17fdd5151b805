import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { findQuantities, parseChineseNumber } from '../../../src/lib/extract/numbers';

const DIG = '零一二三四五六七八九';

/** Standard Chinese reading of 0 ≤ n < 10^4 inside a group; `lead` when nothing precedes it. */
function group4(n: number, lead: boolean): string {
  const units = ['千', '百', '十', ''];
  const ds = String(n).padStart(4, '0').split('').map(Number);
  let s = '';
  let zero = false;
  let started = false;
  ds.forEach((d, i) => {
    if (d === 0) {
      if (started) zero = true;
      return;
    }
    if (zero || (!started && !lead && i > 0)) s += '零';
    zero = false;
    // 一十 is read 十 only at the very start of a number
    s += d === 1 && units[i] === '十' && !started && lead ? '十' : DIG[d]! + units[i]!;
    started = true;
  });
  return s;
}

/** Formats 0 ≤ n ≤ 10^9 in Chinese numerals: 一亿零五十万, 十万零五, 三千零一. */
export function toChinese(n: number): string {
  if (n === 0) return '零';
  const yi = Math.floor(n / 1e8);
  const wan = Math.floor((n % 1e8) / 1e4);
  const rest = n % 1e4;
  let s = '';
  if (yi) s += group4(yi, true) + '亿';
  if (wan) s += group4(wan, !yi) + '万';
  else if (yi && rest) s += '';
  if (rest) s += group4(rest, !yi && !wan);
  return s;
}

describe('Chinese numerals', () => {
  it('formatter sanity', () => {
    expect(toChinese(10)).toBe('十');
    expect(toChinese(15)).toBe('十五');
    expect(toChinese(110)).toBe('一百一十');
    expect(toChinese(1005)).toBe('一千零五');
    expect(toChinese(100005)).toBe('十万零五');
    expect(toChinese(20000)).toBe('二万');
    expect(toChinese(100500000)).toBe('一亿零五十万');
    expect(toChinese(1000000000)).toBe('十亿');
  });

  it('every integer 0..10^9 parses back to itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), (n) => parseChineseNumber(toChinese(n)) === n),
      { numRuns: 20000 },
    );
  });

  it('reads 两, digit-by-digit forms and bare 万', () => {
    expect(parseChineseNumber('两')).toBe(2);
    expect(parseChineseNumber('两万')).toBe(20000);
    expect(parseChineseNumber('二〇二四')).toBe(2024);
    expect(parseChineseNumber('一亿二千万')).toBe(120000000);
    expect(parseChineseNumber('万')).toBe(10000);
    expect(parseChineseNumber('abc')).toBeNull();
  });
});

const q1 = (s: string) => {
  const q = findQuantities(s)[0]!;
  return [q.value, q.qualifier, q.valueHigh, q.unitRaw, q.scale];
};

describe('quantities', () => {
  it('Arabic, mixed and Chinese forms with scale', () => {
    expect(q1('两次')).toEqual([2, 'exact', null, '次', 1]);
    expect(q1('十余场')).toEqual([10, 'lower_bound', null, '场', 1]);
    expect(q1('2.3万份')).toEqual([23000, 'exact', null, '份', 1e4]);
    expect(q1('两万余人次')).toEqual([20000, 'lower_bound', null, '人次', 1]);
    expect(q1('1007.6万元')).toEqual([10076000, 'exact', null, '万元', 1e4]);
    expect(q1('七万余元')).toEqual([70000, 'lower_bound', null, '元', 1]);
    expect(q1('600余万份')).toEqual([6000000, 'lower_bound', null, '份', 1e4]);
    expect(q1('1,077件')).toEqual([1077, 'exact', null, '件', 1]);
    expect(q1('99.14%')).toEqual([99.14, 'exact', null, '%', 1]);
    expect(q1('万余人')).toEqual([10000, 'lower_bound', null, '人', 1]);
  });

  it('ranges and qualifiers, stacked ones deduplicated', () => {
    expect(q1('3—5场')).toEqual([3, 'range', 5, '场', 1]);
    expect(q1('20至30人次')).toEqual([20, 'range', 30, '人次', 1]);
    expect(q1('超3000余人')[1]).toBe('lower_bound');
    expect(q1('超过500人次')[1]).toBe('lower_bound');
    expect(q1('不少于4次')[1]).toBe('lower_bound');
    expect(q1('100场以上')[1]).toBe('lower_bound');
    expect(q1('30多场')[1]).toBe('lower_bound');
    expect(q1('近500人')[1]).toBe('upper_bound');
    expect(q1('不到20件')[1]).toBe('upper_bound');
    expect(q1('50人以下')[1]).toBe('upper_bound');
    expect(q1('约200人')[1]).toBe('approx');
    expect(q1('200人左右')[1]).toBe('approx');
    expect(q1('大约3场')[1]).toBe('approx');
  });

  it('ignores numbers that are not quantities', () => {
    expect(findQuantities('2024年4月25日')).toEqual([]);
    expect(findQuantities('一张网、一件事、3人民法院、5场所')).toEqual([]);
    expect(findQuantities('〔2025〕5号')).toEqual([]);
  });
});
