import { describe, it, expect } from 'vitest';
import { extractReport } from '../../../src/lib/extract/index';
import { ExtractedFact } from '../../../src/lib/catalog/schemas';

/** Facts of a short report: a title line gives unit and year, then the sentences under test. */
function facts(body: string, title = '某某镇2024年法治政府建设工作报告') {
  const r = extractReport(`${title}\n${body}`);
  for (const f of r.facts) {
    expect(r.text.slice(f.evidence_start!, f.evidence_end!)).toBe(f.evidence);
    expect(() => ExtractedFact.parse(f)).not.toThrow();
  }
  return r.facts.map((f) => [f.indicator_id, f.value, f.qualifier, ...(f.sub_kind ? [f.sub_kind] : [])]);
}

describe('catalog phrasings become facts', () => {
  const cases: [string, unknown[][]][] = [
    ['镇党委理论学习中心组专题学习6次。', [['ls_theory_study_sessions', 6, 'exact', 'study']]],
    ['落实“第一议题”学习20余次。', [['ls_theory_study_sessions', 20, 'lower_bound', 'study']]],
    ['领导班子会前学法12次。', [['ls_law_study_sessions', 12, 'exact', 'leaders']]],
    ['集中学习法律法规十余次。', [['ls_law_study_sessions', 10, 'lower_bound']]],
    ['依法治镇委员会召开专题会议3次。', [['ls_rol_meetings', 3, 'exact']]],
    ['组织执法人员业务培训4场次,参训人员达260人次。', [['ls_training_sessions', 4, 'exact'], ['ls_training_attendance', 260, 'exact']]],
    ['干部学法考试参考率99.14%、合格率100%。', [['ls_exam_participation_rate', 99.14, 'exact'], ['ls_exam_pass_rate', 100, 'exact']]],
    ['开展合法性审查22件。', [['dm_legality_reviews', 22, 'exact']]],
    ['对18项重大决策事项进行合法性审查。', [['dm_legality_reviews', 18, 'exact'], ['dm_major_decisions', 18, 'exact']]],
    ['审查监督合同文书43份。', [['dm_contract_reviews', 43, 'exact']]],
    ['聘请2名法律顾问。', [['dm_legal_advisers', 2, 'exact']]],
    ['提出审查意见建议58条。', [['dm_review_issues_found', 58, 'exact']]],
    ['行政机关负责人出庭应诉率达100%。', [['lit_head_appearance_rate', 100, 'exact']]],
    ['全年共有行政应诉案件7件。', [['lit_admin_suits_total', 7, 'exact']]],
    ['被申请行政复议3件。', [['lit_reconsideration_cases', 3, 'exact']]],
    ['执法人员持证率达100%,开展行政执法检查56次。', [['enf_certification_rate', 100, 'exact'], ['enf_inspections', 56, 'exact']]],
    ['办理行政处罚案件31件,罚没金额2.3万元。', [['enf_penalty_cases', 31, 'exact'], ['enf_penalty_amount', 23000, 'exact']]],
    ['主动公开政府信息156条。', [['tr_proactive_disclosures', 156, 'exact']]],
    ['举办法律讲座十二场,覆盖群众两万余人次。', [['out_events', 12, 'exact'], ['out_reach', 20000, 'lower_bound']]],
    ['发放民法典读本800余本,悬挂横幅15幅。', [['out_materials', 800, 'lower_bound', 'booklet'], ['out_banners', 15, 'exact']]],
    ['培育在册48名“法律明白人”。', [['out_law_savvy_persons', 48, 'exact', 'on_roll']]],
    ['开展“宪法宣传周”活动3—5场。', [['out_events', 3, 'range']]],
    ['排查矛盾纠纷120起,调解各类纠纷115件,调解成功112件,调解成功率97.4%。', [
      ['med_disputes_screened', 120, 'exact'], ['med_cases_total', 115, 'exact'], ['med_success', 112, 'exact'], ['med_success_rate', 97.4, 'exact']]],
    ['制作调解协议书40份,涉及金额约350万元。', [['med_written', 40, 'exact', 'written'], ['med_amount_involved', 3500000, 'approx']]],
    ['提供法律咨询1200余人次,办理法律援助案件6件。', [['svc_legal_consultations', 1200, 'lower_bound'], ['svc_legal_aid_cases', 6, 'exact']]],
    ['受理答复12345热线诉求655件,办结率、满意率均为100%。', [
      ['pet_hotline_tickets', 655, 'exact'], ['pet_closure_rate', 100, 'exact'], ['pet_satisfaction_rate', 100, 'exact']]],
    ['全镇未制定出台规范性文件。', [['dm_normative_docs', 0, 'exact']]],
    ['全年无行政复议纠错案件。', [['lit_reconsideration_corrected', 0, 'exact']]],
  ];
  for (const [text, want] of cases) it(text, () => expect(facts(text)).toEqual(want));

  const more: [string, unknown[][]][] = [
    ['全年共召开党委会议33次,其中专题研究法治工作4次。', [['ls_rol_meetings', 4, 'exact']]],
    ['全年开展领导干部会前学法15次,组织全体干部职工集中学法6次。', [['ls_law_study_sessions', 15, 'exact', 'leaders'], ['ls_law_study_sessions', 6, 'exact', 'staff']]],
    ['全年开展普法宣传活动32场,较去年增加5场。', [['out_events', 32, 'exact']]],
    ['镇人民调解委员会共有调解员35名,各村配备调解员2名。', [['med_mediators', 35, 'exact']]],
    ['邀请县司法局律师开展法治讲座2场。', [['out_events', 2, 'exact']]],
    ['镇长在县人民法院出庭应诉2次。', [['lit_head_appearances', 2, 'exact']]],
    ['全年共收到法院判决书3份,均为胜诉。', [['lit_admin_suits_concluded', 3, 'exact'], ['lit_admin_suits_lost', 0, 'exact']]],
    ['全年未发生行政诉讼案件。', [['lit_admin_suits_total', 0, 'exact']]],
    ['镇人民调解委员会共调解纠纷42起,其中婚姻家庭纠纷12起,邻里纠纷15起。', [['med_cases_total', 42, 'exact']]],
    ['共调处各类矛盾纠纷近百件。', [['med_cases_total', 100, 'upper_bound']]],
    ['开展普法活动十余场,发放资料两千余份。', [['out_events', 10, 'lower_bound'], ['out_materials', 2000, 'lower_bound']]],
    ['积极化解信访积案3件,化解率100%。', [['pet_petitions_received', 3, 'exact']]],
    ['组织党员干部参加党纪学习教育12次。', []],
    ['印制宣传资料2万份。', []],
  ];
  for (const [text, want] of more) it(text, () => expect(facts(text)).toEqual(want));

  it('one fact per distinct statement; a verbatim repeat is one fact', () => {
    expect(facts('全年调处矛盾纠纷50件。\n五、总结\n全年调处矛盾纠纷50件。')).toEqual([['med_cases_total', 50, 'exact']]);
  });
});

describe('numbers that are not achieved levels are left out', () => {
  const none: string[] = [
    '每年开展专题学习不少于4次。', // target
    '力争全年调解成功率达到98%以上。', // target
    '调处矛盾纠纷数同比增长23%。', // change
    '行政诉讼败诉率同比下降2个百分点。', // change
    '2021年以来累计发放宣传资料10万余份。', // cumulative since an earlier year
    '全镇14个村(社区)均聘请法律顾问。', // context count
    '全县共调处矛盾纠纷3000余件。', // another unit's figure
    '第3次全体会议研究法治工作。', // ordinal
    '建立“1+1+N”调解工作机制。', // name
    '2023年调处矛盾纠纷80件。', // another year than the report's
    '设置宣传广告牌20余处。', // no catalog indicator
  ];
  for (const text of none) it(text, () => expect(facts(text)).toEqual([]));
  it('中心组理论学习和各类法治培训共5次。 lumps two indicators: it is not a theory-study fact', () => {
    expect(facts('中心组理论学习和各类法治培训共5次。').filter((f) => f[0] === 'ls_theory_study_sessions')).toEqual([]);
  });

  it('plans in a 下一步 section are not facts', () => {
    expect(facts('一、主要成效\n全年开展普法宣传活动12场。\n二、下一步工作计划\n开展普法宣传活动20场。')).toEqual([['out_events', 12, 'exact']]);
  });

  it('problems are kept but marked as 问题', () => {
    const r = extractReport('某镇2024年法治政府建设工作报告\n一、工作成效\n开展普法宣传活动12场。\n二、存在的问题\n全年仅开展执法检查2次。');
    expect(r.facts.map((f) => [f.indicator_id, f.section])).toEqual([['out_events', '成效'], ['enf_inspections', '问题']]);
  });
});

describe('periods', () => {
  it('今年以来 is year-to-date; a full year is calendar_year', () => {
    const r = extractReport('某镇2024年法治政府建设工作报告\n发布日期:2025-01-10\n今年以来开展普法宣传活动8场。全年调处矛盾纠纷40件。');
    expect(r.facts.map((f) => [f.period_basis, f.period_start, f.period_end])).toEqual([
      ['ytd_as_of', '2024-01-01', '2024-12-31'],
      ['calendar_year', '2024-01-01', '2024-12-31'],
    ]);
  });
  it('a report published before the year ends is year-to-date up to publication', () => {
    const r = extractReport('某镇2024年法治政府建设工作报告\n发布时间:2024-11-20\n全年调处矛盾纠纷40件。');
    expect(r.facts[0]).toMatchObject({ period_basis: 'ytd_as_of', period_end: '2024-11-20' });
  });
  it('截至9月底 sets the end date', () => {
    const r = extractReport('某镇2024年法治政府建设工作报告\n截至9月底,调处矛盾纠纷40件。');
    expect(r.facts[0]).toMatchObject({ period_basis: 'ytd_as_of', period_end: '2024-09-30' });
  });
});

describe('metadata', () => {
  it('unit name and type from the title; county reports are counties', () => {
    expect(extractReport('重庆市梁平区某某街道2023年度法治政府建设情况报告\n全年调处纠纷5件。').meta).toMatchObject({ unit_name: '某某街道', unit_type: '街道', report_year: 2023 });
    expect(extractReport('某某县人民政府关于2022年法治政府建设情况的报告\n全年调处纠纷5件。').meta).toMatchObject({ unit_type: '县', report_year: 2022 });
    expect(extractReport('某某民族乡2021年法治政府建设工作总结\n内容').meta.unit_type).toBe('民族乡');
  });
  it('without a title: the most named township, and the unit type from 我镇/全区 wording', () => {
    const body = '2024年,丰都县树人镇人民政府坚持依法行政。组织镇村干部学法。树人镇党委专题研究法治工作。';
    expect(extractReport(body).meta).toMatchObject({ unit_name: '树人镇', unit_type: '镇' });
    expect(extractReport('一、推进法治政府建设情况\n全区共办理行政复议案件50件,我区坚持依法行政。').meta).toMatchObject({ unit_name: null, unit_type: '区' });
  });
});

describe('traditional characters, pinyin glosses and blanks', () => {
  it('are matched, while evidence keeps the text as shown', () => {
    const r = extractReport('某鎮2024年法治政府建設工作報告\n全年共調處矛盾糾紛 53 件,出庭應(yīng)訴率達100%。');
    expect(r.facts.map((f) => [f.indicator_id, f.value, f.evidence])).toEqual([
      ['med_cases_total', 53, '調處矛盾糾紛 53 件'],
      ['lit_head_appearance_rate', 100, '出庭應(yīng)訴率達100%'],
    ]);
  });
});
