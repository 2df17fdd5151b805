import { describe, expect, it } from 'vitest';
import { extractReport } from '../../../src/lib/extract/index.ts';
import { Fact } from '../../../src/lib/catalog/schemas.ts';
import { initialReview } from '../../../src/lib/import/report-import.ts';
import {
  initialMarks, manualFact, markToFact, parseSpanValue, progress, rankIndicators, reviewOrder, step, suggestForSpan,
} from '../../../src/lib/import/review.ts';

describe('span → value', () => {
  it('parses the first number of a span with its qualifier and unit', () => {
    expect(parseSpanValue('调处矛盾纠纷40余件')).toMatchObject({ value: 40, qualifier: 'lower_bound', unit_raw: '件' });
    expect(parseSpanValue('涉及金额两万元')).toMatchObject({ value: 20000, numeral_type: 'chinese' });
    expect(parseSpanValue('挽回损失2.5万元')).toMatchObject({ value: 25000, numeral_type: 'mixed' });
    expect(parseSpanValue('约300人次')).toMatchObject({ value: 300, qualifier: 'approx' });
    expect(parseSpanValue('开展活动3—5场')).toMatchObject({ value: 3, value_high: 5, qualifier: 'range' });
    expect(parseSpanValue('覆盖１，２００户')).toMatchObject({ value: 1200, qualifier: 'exact', unit_raw: null });
    expect(parseSpanValue('共有十二个村')).toMatchObject({ value: 12 });
    expect(parseSpanValue('深入推进依法行政')).toBeNull();
  });
});

const TEXT = '某镇2024年法治政府建设工作报告\n一、工作成效\n全年调处矛盾纠纷40件。走访群众120人,召开院坝会26场,排查风险隐患15项。';

describe('completing a report', () => {
  const ex = extractReport(TEXT);
  it('adds a fact from a selected span: evidence is the span, value parsed, the record passes zod', () => {
    const s = TEXT.indexOf('召开院坝会26场');
    const f = manualFact(ex, [s - 1, s + '召开院坝会26场'.length + 1], 'out_events')!;
    expect(f).toMatchObject({ evidence: '召开院坝会26场', value: 26, unit: '场', review_status: 'corrected', rule_id: 'reviewer', section: '成效' });
    expect(TEXT.slice(f.evidence_start!, f.evidence_end!)).toBe(f.evidence);
    const { local_id: _l, ...rest } = f;
    expect(Fact.safeParse({ ...rest, fact_id: 'x', report_id: 'r', town_id: 't', year: 2024, source_url: null, is_synthetic: false }).success).toBe(true);
    expect(manualFact(ex, [s, s + 5], 'out_events', { value: 7 })!.value).toBe(7);
    expect(manualFact(ex, [0, 0], 'out_events')).toBeNull();
  });
  it('turns a marked number into a fact with its clause as evidence', () => {
    const marks = initialMarks(ex);
    const m = marks.find((x) => TEXT.slice(x.start, x.end) === '26场')!;
    const f = markToFact(ex, m, 'out_events')!;
    expect(f).toMatchObject({ evidence: '召开院坝会26场', value: 26 });
  });
  it('counts decided and left numbers; the keyboard walks them in text order', () => {
    const { facts } = initialReview(ex);
    let marks = initialMarks(ex);
    expect(progress(facts, marks)).toEqual({ decided: 0, left: facts.length + marks.length, total: facts.length + marks.length });
    marks = marks.map((m, i) => (i === 0 ? { ...m, decision: 'not_fact' } : m));
    const added = markToFact(ex, marks[1]!, 'out_events')!;
    marks = marks.map((m, i) => (i === 1 ? { ...m, decision: 'fact' } : m));
    const all = [...facts.map((f) => ({ ...f, review_status: 'accepted' as const })), added];
    expect(progress(all, marks)).toEqual({ decided: facts.length + 2, left: marks.length - 2, total: facts.length + marks.length });
    const order = reviewOrder(all, marks);
    expect(order.map((o) => o.start)).toEqual([...order.map((o) => o.start)].sort((a, b) => a - b));
    expect(order.some((o) => o.id === marks[1]!.id)).toBe(false);
    expect(step(order, null, 1)).toBe(order[0]!.id);
    expect(step(order, order[0]!.id, 1)).toBe(order[1]!.id);
    expect(step(order, order[0]!.id, -1)).toBe(order[0]!.id);
    expect(step(order, null, 1, (it) => it.kind === 'mark')).toBe(order.find((o) => o.kind === 'mark')!.id);
  });
  it('ranks the indicator list by suggestions, and filters by label, id or phrasing', () => {
    const s = TEXT.indexOf('调处矛盾纠纷40件');
    const sug = suggestForSpan(TEXT, s, s + 9);
    const list = rankIndicators('', sug);
    expect(list[0]!.id).toBe(sug[0]!.indicator_id);
    expect(list.length).toBeGreaterThan(50);
    expect(rankIndicators('调解').every((i) => /调解/.test(i.label_zh) || JSON.stringify(i).includes('调解'))).toBe(true);
    expect(rankIndicators('med_cases_total').map((i) => i.id)).toContain('med_cases_total');
    expect(rankIndicators('Mediation').length).toBeGreaterThan(0);
  });
});
