import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isEnglishNote, notesFor } from '../../../src/lib/i18n/notes.ts';
import { unitName, withUnit } from '../../../src/lib/i18n/units.ts';

describe('units in English', () => {
  it('translates every catalog unit, singular for 1', () => {
    const units = new Set((JSON.parse(readFileSync('data/indicators.json', 'utf8')) as { indicators: { unit: string }[] }).indicators.map((i) => i.unit));
    for (const u of units) expect(unitName(u, 'en'), u).not.toMatch(/[\u4e00-\u9fff]/);
    expect(withUnit('391', '件', 'en', 391)).toBe('391 cases');
    expect(withUnit('≥ 83', '场', 'en', 83)).toBe('≥ 83 events');
    expect(withUnit('1', '件', 'en', 1)).toBe('1 case');
    expect(withUnit('2万', '份', 'en')).toBe('2万 copies');
    expect(withUnit('12', '名', 'en', 12)).toBe('12 persons');
    expect(withUnit('391', '件', 'zh', 391)).toBe('391件');
    expect(withUnit('45.2%', '%', 'en')).toBe('45.2%');
  });
});

describe('catalog notes', () => {
  it('the Chinese UI shows no English note; the English UI shows them all', () => {
    expect(isEnglishNote('often two figures: leaders vs all staff -> sub_kind')).toBe(true);
    expect(isEnglishNote('口头调解 + 书面调解 = 总数')).toBe(false);
    const notes = ['sub_kind: study|seminar|party_lecture (seed reports all three separately)', '含“余”时为下限值', ''];
    expect(notesFor(notes, 'zh')).toEqual(['含“余”时为下限值']);
    expect(notesFor(notes, 'en')).toEqual(notes.slice(0, 2));
  });
});
