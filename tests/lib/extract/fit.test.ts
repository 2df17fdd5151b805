import { describe, it, expect } from 'vitest';
import { fitWeights, labelRows, locateGold } from '../../../src/lib/extract/fit';
import { score } from '../../../src/lib/extract/classify';
import { extractReport, type PairRow } from '../../../src/lib/extract/index';

describe('fitting the classifier', () => {
  it('locates gold facts at candidates by evidence and value, and labels their pairs', () => {
    const text = '某某镇2024年法治政府建设工作报告\n调处矛盾纠纷289件,其中口头调解188件。';
    const rows: PairRow[] = [];
    extractReport(text, { collect: (r) => rows.push(r), weights: null });
    const gold = [
      { indicator: 'med_cases_total', value: 289, evidence: '调处矛盾纠纷289件' },
      { indicator: 'med_oral', value: 188, evidence: '口头调解188件' },
      { indicator: 'med_oral', value: 7, evidence: '口头调解7件' },
    ];
    expect(locateGold(text, rows, gold)).toEqual([0, 1, -1]);
    const ex = labelRows(text, rows, gold);
    expect(ex.filter((e) => e.y === 1)).toHaveLength(2);
    expect(ex.length).toBe(rows.reduce((n, r) => n + r.pairs.length, 0));
  });

  it('is deterministic and learns a separable feature; the cue model has no rule features', () => {
    const ex = [
      ...Array.from({ length: 20 }, () => ({ features: ['bias', 'good', 'r1'], y: 1 as const })),
      ...Array.from({ length: 40 }, () => ({ features: ['bias', 'bad'], y: 0 as const })),
    ];
    const a = fitWeights(ex), b = fitWeights(ex);
    expect(a).toEqual(b);
    expect(score(a.w, ['bias', 'good', 'r1'])).toBeGreaterThan(0.9);
    expect(score(a.w, ['bias', 'bad'])).toBeLessThan(0.1);
    expect(a.cue.r1).toBeUndefined();
    expect(score(a.cue, ['bias', 'good'])).toBeGreaterThan(0.9);
  });
});
