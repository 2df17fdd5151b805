import { describe, expect, it } from 'vitest';
import { extractReport } from '../../../src/lib/extract/index.ts';
import { initialReview } from '../../../src/lib/import/report-import.ts';
import { toEvalJsonl, toEvalLine, type ReviewRecord } from '../../../src/lib/import/review-record.ts';

describe('reviewed facts as the evaluation set', () => {
  it('writes the eval JSONL shape with the full text, reviewer and time; rejected facts are left out', () => {
    const text = '海丰县海城镇2023年法治政府建设工作报告\n全年调处矛盾纠纷40件,开展普法宣传活动12场次。';
    const ex = extractReport(text);
    const { meta, facts } = initialReview(ex);
    expect(facts.length).toBe(2);
    const rec: ReviewRecord = {
      report_id: 'imp-x', town_id: 'imp-t', file: 'a.txt', text, extracted_meta: ex.meta, meta,
      facts: [{ ...facts[0]!, review_status: 'accepted' }, { ...facts[1]!, review_status: 'rejected' }],
      marks: [], town_choice: '', reviewer: '张三', reviewed_at: '2026-12-02T06:00:00.000Z',
    };
    const line = toEvalLine(rec);
    expect(line).toMatchObject({
      id: 'imp-x', unit_name: '海城镇', unit_type: '镇', county: '海丰县', report_year: 2023, text, reviewer: '张三',
      facts: [{ indicator: 'med_cases_total', value: 40, qualifier: 'exact', evidence: facts[0]!.evidence }],
    });
    const jsonl = toEvalJsonl([rec, { ...rec, report_id: 'imp-a' }]);
    expect(jsonl.split('\n').filter(Boolean).map((l) => JSON.parse(l).id)).toEqual(['imp-a', 'imp-x']);
  });
});
