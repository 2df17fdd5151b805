import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { TRAD_TO_SIMP } from '../../../src/lib/extract/tradsimp';
import { normalizeText, toVisibleSpan } from '../../../src/lib/extract/normalize';
import { extractReport } from '../../../src/lib/extract/index';

describe('traditional → simplified (opencc-js, one code unit to one)', () => {
  it('covers the characters the hand table missed and common report vocabulary', () => {
    expect(normalizeText('趕到羣眾調解員個復議糾紛處罰').norm).toBe('赶到群众调解员个复议纠纷处罚');
    expect(TRAD_TO_SIMP.size).toBeGreaterThan(2000);
  });

  it('every mapping is one UTF-16 unit to one, so offsets never shift', () => {
    for (const [from, to] of TRAD_TO_SIMP) {
      expect(from).toBeLessThan(0x10000);
      expect(to).toBeLessThan(0x10000);
      expect(from).not.toBe(to);
    }
  });

  it('leaves simplified text alone (the seed report normalises to itself but for punctuation and blanks)', () => {
    const seed = readFileSync('tests/fixtures/reports/puchang-2024.txt', 'utf8');
    for (const ch of new Set(seed)) {
      const c = ch.charCodeAt(0);
      if (c >= 0x4e00 && c <= 0x9fff) expect(TRAD_TO_SIMP.has(c), ch).toBe(false);
    }
    expect(normalizeText('显著成效,乾坤,慰藉').norm).toBe('显著成效,乾坤,慰藉');
  });

  it('evidence of a traditional-character report keeps its glyphs, at exact offsets', () => {
    const r = extractReport('某某鎮2024年法治政府建設工作報告\n全年調處矛盾糾紛56件,發放宣傳資料3000餘份。');
    expect(r.facts.map((f) => [f.indicator_id, f.value])).toEqual([['med_cases_total', 56], ['out_materials', 3000]]);
    for (const f of r.facts) expect(r.text.slice(f.evidence_start!, f.evidence_end!)).toBe(f.evidence);
    expect(r.facts[0]!.evidence).toBe('調處矛盾糾紛56件');
    const n = normalizeText('調處 糾紛');
    expect(toVisibleSpan(n, 0, n.norm.length)).toEqual([0, 5]);
  });
});
