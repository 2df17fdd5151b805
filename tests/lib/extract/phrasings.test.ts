import { describe, it, expect } from 'vitest';
import catalog from '../../../data/indicators.json';
import { extractReport } from '../../../src/lib/extract/index';

interface Entry { id: string; label_zh: string; phrasings: string[] }
const INDICATORS = (catalog as { indicators: Entry[] }).indicators;

/**
 * Each catalog phrasing, put in a sentence under a heading that names its indicator (as reports name the
 * topic once above their figures), gives that indicator. N becomes 12; "(=0)" marks an explicit zero;
 * "(change, not level)" marks wording that must NOT give a level; other parentheses are dropped.
 */
function sentenceOf(p: string): { text: string; zero: boolean; notLevel: boolean } {
  const zero = /\(=0\)/.test(p);
  const notLevel = /\(change, not level\)/.test(p);
  const text = p
    .replace(/\s*\((?:=0|change, not level|人≠人次|flag)\)/g, '')
    .replace(/\s*\([^)]*is a village count[^)]*\)/g, '')
    .replace(/\(([^)]*)\)/g, '$1')
    .replace(/…/g, '')
    .replace(/N/g, '12');
  return { text, zero, notLevel };
}

describe('every catalog phrasing, in a sentence, gives its indicator', () => {
  for (const ind of INDICATORS) {
    for (const p of ind.phrasings) {
      it(`${ind.id}: ${p}`, () => {
        const { text, zero, notLevel } = sentenceOf(p);
        const r = extractReport(`某某镇2024年法治政府建设工作报告\n(一)${ind.label_zh}\n全年${text}。`);
        const mine = r.facts.filter((f) => f.indicator_id === ind.id);
        if (notLevel) return expect(mine).toEqual([]);
        expect(mine.length, `facts: ${r.facts.map((f) => `${f.indicator_id}=${f.value}`).join(', ') || 'none'}`).toBeGreaterThan(0);
        if (zero) expect(mine[0]!.value).toBe(0);
        for (const f of mine) expect(r.text.slice(f.evidence_start!, f.evidence_end!)).toBe(f.evidence);
      });
    }
  }
});
