import { describe, it, expect } from 'vitest';
import { extractReport } from '../../../src/lib/extract/index';
import { rateAgrees } from '../../../src/lib/extract/consistency';

const check = (body: string) => {
  const r = extractReport(`某某镇2024年法治政府建设工作报告\n${body}`);
  return r.violations.map((v) => {
    const ids = v.fact_ids.map((id) => r.facts.find((f) => f.local_id === id)!.indicator_id);
    return [v.rule_id, v.severity, ids];
  });
};

describe('consistency rules (spec §2)', () => {
  it('M1: total = oral + written (error), and numbers are never changed', () => {
    const r = extractReport('某某镇2024年报告\n调处矛盾纠纷100件,其中口头调解60件,书面调解30件。');
    expect(r.violations.map((v) => [v.rule_id, v.severity])).toEqual([['M1', 'error']]);
    expect(r.facts.map((f) => f.value)).toEqual([100, 60, 30]);
    expect(r.violations[0]!.message_en).toContain('100');
  });
  it('M1 holds for the seed numbers; lower bounds never fail an equality (O2)', () => {
    expect(check('调处矛盾纠纷289件,其中口头调解188件,书面调解101件。')).toEqual([]);
    expect(check('调处矛盾纠纷100余件,其中口头调解60件,书面调解30件。')).toEqual([]);
  });
  it('M2: successes above the total; a lower bound can still fail an upper-bound rule', () => {
    expect(check('调处矛盾纠纷100件,调解成功120件。')).toEqual([['M2', 'error', ['med_success', 'med_cases_total']]]);
    expect(check('调处矛盾纠纷100件,调解成功120余件。')).toEqual([['M2', 'error', ['med_success', 'med_cases_total']]]);
    expect(check('调处矛盾纠纷100余件,调解成功120件。')).toEqual([]);
  });
  it('M5: a stated rate is the floor or the rounding of success/total', () => {
    expect(check('调处矛盾纠纷53件,调解成功49件,调解成功率92%。')).toEqual([]);
    expect(check('调处矛盾纠纷53件,调解成功49件,调解成功率95%。')).toEqual([['M5', 'error', ['med_success_rate', 'med_success', 'med_cases_total']]]);
  });
  it('L1: instances sum to the lawsuit total', () => {
    expect(check('代理行政诉讼案件9件(1件一审8件再审)。')).toEqual([]);
    expect(check('行政诉讼5件,其中一审3件,二审1件,再审2件。')).toEqual([['L1', 'error', ['lit_admin_suits_total', 'lit_first_instance', 'lit_second_instance', 'lit_retrial']]]);
  });
  it('D1 and soft rules give warnings or errors by severity', () => {
    expect(check('开展合法性审查10件,审查合同15件。')).toEqual([['D1', 'error', ['dm_contract_reviews', 'dm_legality_reviews']]]);
    expect(check('排查矛盾纠纷30起,调处矛盾纠纷40件。')).toEqual([['M6', 'warning', ['med_cases_total', 'med_disputes_screened']]]);
  });
  it('G1: a rate above 100', () => {
    expect(check('调解成功率120%。')).toEqual([['G1', 'error', ['med_success_rate']]]);
  });
  it('facts of different periods are not compared', () => {
    expect(check('全年调处矛盾纠纷100件。截至6月底,调解成功120件。')).toEqual([]);
  });
});

describe('rateAgrees', () => {
  it('accepts floor or rounding at the stated precision', () => {
    expect(rateAgrees(92, 49, 53)).toBe(true); // 92.45
    expect(rateAgrees(92.5, 49, 53)).toBe(true); // round
    expect(rateAgrees(92.4, 49, 53)).toBe(true); // floor
    expect(rateAgrees(93, 49, 53)).toBe(false);
    expect(rateAgrees(100, 5, 5)).toBe(true);
  });
});
