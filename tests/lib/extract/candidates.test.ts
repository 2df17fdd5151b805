import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { extractReport } from '../../../src/lib/extract/index';
import type { Candidate } from '../../../src/lib/extract/index';

const report = (body: string) => extractReport(`某某镇2024年法治政府建设工作报告\n${body}`);
const byText = (r: ReturnType<typeof report>, phrase: string): Candidate => {
  const c = r.candidates.find((c) => r.text.slice(c.start, c.end) === phrase);
  if (!c) throw new Error(`no candidate «${phrase}» among ${r.candidates.map((c) => r.text.slice(c.start, c.end)).join(' | ')}`);
  return c;
};

describe('candidates: every quantity with a catalog unit, with its fate', () => {
  it('a claimed number is a fact candidate pointing at its fact', () => {
    const r = report('全年调处矛盾纠纷289件,其中口头调解188件。');
    const c = byText(r, '289件');
    expect(c).toMatchObject({ id: `c${c.start}`, value: 289, unit: '件', qualifier: 'exact', status: 'fact' });
    const f = r.facts.find((f) => f.local_id === c.fact_local_id)!;
    expect(f.indicator_id).toBe('med_cases_total');
    expect(f.confidence).toBeGreaterThan(0);
    expect(f.confidence).toBeLessThanOrEqual(1);
    expect(f.evidence_start! <= c.start && c.end <= f.evidence_end!).toBe(true);
  });

  it('plans, changes, other units, multi-year totals and village counts are dropped with the guard id', () => {
    const r = report(
      '全镇14个村(社区)均聘请法律顾问。调处矛盾纠纷数同比增长23%。全县共办理行政处罚案件300件。2019年以来累计调解纠纷900件。\n下一步,每年开展专题学习不少于4次。',
    );
    expect(byText(r, '14个')).toMatchObject({ status: 'dropped', reason: 'village_count' });
    expect(byText(r, '23%')).toMatchObject({ status: 'dropped', reason: 'change' });
    expect(byText(r, '300件')).toMatchObject({ status: 'dropped', reason: 'other_unit' });
    expect(byText(r, '900件')).toMatchObject({ status: 'dropped', reason: 'multi_year' });
    expect(byText(r, '不少于4次')).toMatchObject({ status: 'dropped', reason: 'plan' });
    expect(r.facts).toEqual([]);
  });

  it('a number no indicator claims stays an unclaimed candidate, with suggestions restricted to its unit', () => {
    const r = report('设置宣传广告牌20余个。');
    const c = byText(r, '20余个');
    expect(c).toMatchObject({ status: 'unclaimed', value: 20, qualifier: 'lower_bound' });
    expect(c.fact_local_id).toBeUndefined();
    for (const s of c.suggestions) {
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(1);
    }
    expect(r.facts).toEqual([]);
  });

  it('every fact with a number has a fact candidate; ids are unique and offsets lie in the visible text', () => {
    const seed = extractReport(new Uint8Array(readFileSync('tests/fixtures/reports/puchang-2024.txt')));
    const ids = new Set(seed.candidates.map((c) => c.id));
    expect(ids.size).toBe(seed.candidates.length);
    for (const c of seed.candidates) {
      expect(c.start).toBeLessThan(c.end);
      expect(c.end).toBeLessThanOrEqual(seed.text.length);
      if (c.status === 'fact') expect(seed.facts.some((f) => f.local_id === c.fact_local_id)).toBe(true);
      if (c.status === 'dropped') expect(c.reason).toBeTruthy();
    }
    for (const f of seed.facts.filter((f) => !f.is_zero_statement))
      expect(seed.candidates.some((c) => c.status === 'fact' && c.fact_local_id === f.local_id || (c.start >= f.evidence_start! && c.end <= f.evidence_end! && c.status === 'fact'))).toBe(true);
    // in text order
    expect(seed.candidates.map((c) => c.start)).toEqual([...seed.candidates.map((c) => c.start)].sort((a, b) => a - b));
  });

  it('traditional characters: candidate offsets point at the visible glyphs', () => {
    const r = report('調處矛盾糾紛289件。');
    const c = byText(r, '289件');
    expect(c.status).toBe('fact');
  });
});
