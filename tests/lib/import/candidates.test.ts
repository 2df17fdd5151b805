import { describe, expect, it } from 'vitest';
import { extractReport } from '../../../src/lib/extract/index.ts';
import { candidatesOf, suggestIndicators } from '../../../src/lib/import/candidates.ts';

describe('numbers that are not facts', () => {
  it('are the numbers with a unit that no fact covers, with suggestions ranked by their words', () => {
    const ex = extractReport('某镇2024年法治政府建设工作报告\n全年调处矛盾纠纷40件。走访群众120人,召开院坝会26场,排查风险隐患15项。');
    const c = candidatesOf(ex);
    for (const x of c) expect(ex.facts.some((f) => f.evidence_start! < x.end && f.evidence_end! > x.start)).toBe(false);
    expect(c.map((x) => ex.text.slice(x.start, x.end))).toEqual(['120人', '26场', '15项']);
    expect(c[1]).toMatchObject({ value: 26, unit: '场', status: 'unclaimed', id: `c${c[1]!.start}` });
  });
  it('suggests indicators whose phrasing the context shares', () => {
    const s = suggestIndicators('全年共调处矛盾纠纷', '件');
    expect(s[0]!.indicator_id).toMatch(/^med_/);
    expect(s.every((x, i) => i === 0 || s[i - 1]!.score >= x.score)).toBe(true);
  });
  it('are the extractor’s unclaimed and low-confidence candidates', () => {
    const cands = [
      { id: 'c1', start: 1, end: 3, value: 5, unit: '件', qualifier: 'exact' as const, status: 'fact' as const, suggestions: [] },
      { id: 'c9', start: 9, end: 11, value: 7, unit: '次', qualifier: 'exact' as const, status: 'low_confidence' as const, suggestions: [] },
    ];
    expect(candidatesOf({ facts: [], candidates: cands }).map((c) => c.id)).toEqual(['c9']);
  });
});
