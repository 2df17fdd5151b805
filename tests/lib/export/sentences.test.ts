import { describe, expect, it } from 'vitest';
import { amount, scopeWord, sentences, type SentenceInput } from '../../../src/lib/export/sentences.ts';

const county = { kind: 'county' as const, name: '绥阳县', n: 5 };
const med = (over: Partial<SentenceInput> = {}): SentenceInput => ({
  locale: 'zh',
  year: 2025,
  scope: county,
  what: '调处矛盾纠纷',
  most: '调处量',
  unit: '件',
  additive: true,
  figures: [
    { name: '蒲场镇', value: 289, lower: false },
    { name: '洋川镇', value: 120, lower: false },
    { name: '郑场镇', value: 40, lower: false },
  ],
  parts: [
    { what: '口头调解', figures: [{ name: '蒲场镇', value: 200, lower: false }, { name: '洋川镇', value: 100, lower: false }] },
    { what: '书面调解', figures: [{ name: '蒲场镇', value: 89, lower: false }, { name: '洋川镇', value: 20, lower: false }] },
  ],
  nonReporters: ['旺草镇', '风华镇'],
  ...over,
});

describe('briefing sentences', () => {
  it('the issue example: total, parts, the most, non-reporters (zh-CN numbers)', () => {
    expect(sentences(med())).toEqual([
      '2025年全县共调处矛盾纠纷449件,其中口头调解300件、书面调解109件;调处量最多的是蒲场镇(289件)。',
      '2个镇未报告(旺草镇、风华镇)。',
    ]);
  });

  it('formats large numbers as the chart does (zh-CN grouping, 万)', () => {
    const s = sentences(med({ figures: [{ name: '甲镇', value: 12_345, lower: false }, { name: '乙镇', value: 2_000, lower: false }], parts: [], nonReporters: [] }));
    expect(s[0]).toBe('2025年全县共调处矛盾纠纷1.43万件;调处量最多的是甲镇(1.23万件)。');
    expect(sentences(med({ figures: [{ name: '甲镇', value: 1_234, lower: false }, { name: '乙镇', value: 1, lower: false }], parts: [], nonReporters: [] }))[0]).toContain('1,235件');
  });

  it('lower bounds: a total with a 余 part is a lower bound, and "the most" is not claimed when another figure is one', () => {
    const s = sentences(med({ figures: [{ name: '蒲场镇', value: 289, lower: false }, { name: '洋川镇', value: 120, lower: true }], parts: [], nonReporters: [] }));
    expect(s).toEqual(['2025年全县共调处矛盾纠纷409余件;已报告数值最大的是蒲场镇(289件)。']);
    // The leader's own lower bound is fine: ≥300 is more than any exact figure.
    const t = sentences(med({ figures: [{ name: '蒲场镇', value: 300, lower: true }, { name: '洋川镇', value: 120, lower: false }], parts: [], nonReporters: [] }));
    expect(t[0]).toBe('2025年全县共调处矛盾纠纷420余件;调处量最多的是蒲场镇(300余件)。');
    expect(amount(83, true, '场', 'en')).toBe('at least 83 events');
    expect(amount(83, true, '场', 'zh')).toBe('83余场');
  });

  it('explicit zeros are statements, told apart from towns that did not report', () => {
    const s = sentences(med({
      what: '发生行政诉讼案件', most: '案件数', figures: [{ name: '蒲场镇', value: 3, lower: false }, { name: '洋川镇', value: 0, lower: false, zero: true }], parts: [], nonReporters: ['旺草镇'],
    }));
    expect(s).toEqual(['2025年全县共发生行政诉讼案件3件;案件数最多的是蒲场镇(3件)。', '洋川镇报告为零;1个镇未报告(旺草镇)。']);
    const none = sentences(med({ figures: [], parts: [], nonReporters: ['旺草镇', '风华镇'] }));
    expect(none).toEqual(['2025年全县2个镇均未报告调处矛盾纠纷。']);
  });

  it('a single town: its own figures, no ranking, no "共"', () => {
    const s = sentences(med({ scope: { kind: 'towns', name: '蒲场镇', n: 1 }, figures: [{ name: '蒲场镇', value: 289, lower: false }], parts: [{ what: '口头调解', figures: [{ name: '蒲场镇', value: 200, lower: false }] }], nonReporters: [] }));
    expect(s).toEqual(['2025年蒲场镇调处矛盾纠纷289件,其中口头调解200件。']);
  });

  it('ties name every leader ("各")', () => {
    const s = sentences(med({ figures: [{ name: '甲镇', value: 5, lower: false }, { name: '乙镇', value: 5, lower: false }], parts: [], nonReporters: [] }));
    expect(s[0]).toBe('2025年全县共调处矛盾纠纷10件;调处量最多的是甲镇、乙镇(各5件)。');
  });

  it('rates are not summed: a range and the highest', () => {
    const s = sentences(med({ what: '调解成功率', most: '调解成功率', unit: '%', additive: false, parts: [], nonReporters: [],
      figures: [{ name: '甲镇', value: 98.5, lower: false }, { name: '乙镇', value: 90, lower: false }] }));
    expect(s).toEqual(['2025年全县报告调解成功率的2个乡镇(街道)中,数值在90%至98.5%之间;调解成功率最高的是甲镇(98.5%)。']);
  });

  it('English: units and numbers in English, same facts', () => {
    const s = sentences(med({ locale: 'en', what: 'mediated disputes' }));
    expect(s).toEqual([
      'In 2025, 绥阳县 recorded 449 cases of mediated disputes in total, of which 300 cases 口头调解 and 109 cases 书面调解; the most was 蒲场镇 (289 cases).',
      '2 towns did not report (旺草镇, 风华镇).',
    ]);
    expect(sentences(med({ locale: 'en', what: 'mediated disputes', figures: [{ name: 'A', value: 1, lower: false }], parts: [], nonReporters: [], scope: { kind: 'towns', name: 'A', n: 1 } }))).toEqual([
      'In 2025, A recorded 1 case of mediated disputes.',
    ]);
  });

  it('scope words follow the place: 全县 / 全区 / 全市 / 全省 / 所选N个', () => {
    expect(scopeWord({ kind: 'county', name: '宝山区', n: 3 }, 'zh')).toBe('全区');
    expect(scopeWord({ kind: 'county', name: '廉江市', n: 3 }, 'zh')).toBe('全市');
    expect(scopeWord({ kind: 'province', name: '广西壮族自治区', n: 3 }, 'zh')).toBe('全区');
    expect(scopeWord({ kind: 'province', name: '贵州省', n: 3 }, 'zh')).toBe('全省');
    expect(scopeWord({ kind: 'towns', name: '', n: 4 }, 'zh')).toBe('所选4个乡镇(街道)');
  });
});
