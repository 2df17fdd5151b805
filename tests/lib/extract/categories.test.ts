import { describe, it, expect } from 'vitest';
import { extractReport } from '../../../src/lib/extract/index';

/**
 * Kinds of wording reports use for the same quantity (issue 11's categories of misses on unseen text),
 * each in this project's own words: meetings counted before or after the noun, theory study in 期,
 * outreach visits and exhibitions, consultations in 次/名, culture sites in 处/块, enforcement cases and
 * certificates, mediation in 宗/起, attendance in 人, a topic carried along a 、/其中 list, traditional
 * characters, and the guards (other years, plans, wider units).
 */
const CASES: [string, [string, number][]][] = [
  ['镇党委主持召开3次专题会议研究法治政府建设工作。', [['ls_rol_meetings', 3]]],
  ['全年召开2次党委会议研究部署法治建设工作。', [['ls_rol_meetings', 2]]],
  ['召开依法治镇委员会会议2次,听取法治建设情况汇报。', [['ls_rol_meetings', 2]]],
  ['党委全年安排部署法治工作4次。', [['ls_rol_meetings', 4]]],
  ['镇党委理论学习中心组开展习近平法治思想专题学习6期。', [['ls_theory_study_sessions', 6]]],
  ['围绕习近平法治思想开展集体学习12次。', [['ls_theory_study_sessions', 12]]],
  ['镇党委坚持以习近平新时代中国特色社会主义思想为指导,开展理论学习20余次。', [['ls_theory_study_sessions', 20]]],
  ['开展法治宣传活动15场次。', [['out_events', 15]]],
  ['举办法治图片巡展6场。', [['out_events', 6]]],
  ['放映法治电影20场次。', [['out_events', 20]]],
  ['组织普法志愿者走进社区、校园开展普法宣传18场次。', [['out_events', 18]]],
  ['开展“送法下乡”“法治进校园”等普法活动30余场次。', [['out_events', 30]]],
  ['解答群众法律咨询80次。', [['svc_legal_consultations', 80]]],
  ['接待群众法律咨询150余名。', [['svc_legal_consultations', 150]]],
  ['为300余名群众提供法律咨询。', [['svc_legal_consultations', 300]]],
  ['建成法治文化长廊2处、法治广场1个、法治宣传栏15块。', [['out_culture_sites', 2], ['out_culture_sites', 1], ['out_culture_sites', 15]]],
  ['立案查处违法案件12件。', [['enf_penalty_cases', 12]]],
  ['全镇持有行政执法证15人。', [['enf_certified_officers', 15]]],
  ['12名执法人员取得行政执法资格。', [['enf_certified_officers', 12]]],
  ['受理各类矛盾纠纷56宗,调处成功54宗。', [['med_cases_total', 56], ['med_success', 54]]],
  ['共调处各类矛盾纠纷120起。', [['med_cases_total', 120]]],
  ['组织镇村干部法治培训2场,覆盖镇村干部300余人。', [['ls_training_sessions', 2], ['ls_training_attendance', 300]]],
  ['组织执法人员业务培训3次,参训600余人次。', [['ls_training_sessions', 3], ['ls_training_attendance', 600]]],
  ['调处矛盾纠纷289件,其中口头调解188件、书面101件。', [['med_cases_total', 289], ['med_oral', 188], ['med_written', 101]]],
  ['排查矛盾纠纷100件,其中成功调解95件。', [['med_disputes_screened', 100], ['med_success', 95]]],
  ['趕赴現場調處糾紛12件,服務羣眾。', [['med_cases_total', 12]]],
  ['各村配备调解员2名。组织调解员30人参加业务培训。', []],
  ['全年开展法律讲座8场,受教育群众达2000余人次。', [['out_events', 8], ['out_reach', 2000]]],
  ['组织机关干部开展学法活动10次。', [['ls_law_study_sessions', 10]]],
  ['开展宪法宣传周活动,发放宣传资料3000余份,悬挂横幅20条。', [['out_materials', 3000], ['out_banners', 20]]],
  ['办理法律援助案件6件。', [['svc_legal_aid_cases', 6]]],
  ['受理12345热线诉求320件,办结率100%。', [['pet_hotline_tickets', 320], ['pet_closure_rate', 100]]],
  ['接待来访群众45人次。', [['pet_petitions_received', 45]]],
  ['全年开展行政执法检查30次。', [['enf_inspections', 30]]],
  ['镇政府聘请3名法律顾问,法律顾问全年参与合同审查15件。', [['dm_legal_advisers', 3], ['dm_contract_reviews', 15]]],
  ['开展重大行政决策合法性审查8件。', [['dm_legality_reviews', 8]]],
  ['开展12次普法宣传活动,发放3000余份宣传资料。', [['out_events', 12], ['out_materials', 3000]]],
  ['全年调处56起矛盾纠纷,悬挂20条横幅。', [['med_cases_total', 56], ['out_banners', 20]]],
  ['召开党委会议33次,其中专题研究法治工作4次。', [['ls_rol_meetings', 4]]],
  ['2023年调解纠纷50件。', []],
  ['下一步,计划开展普法活动10场。', []],
  ['全县共开展普法活动300场。', []],
];

describe('wording categories', () => {
  for (const [s, want] of CASES)
    it(s, () => {
      const r = extractReport(`某某镇2024年法治政府建设工作报告\n${s}`);
      for (const f of r.facts) expect(r.text.slice(f.evidence_start!, f.evidence_end!)).toBe(f.evidence);
      const got = r.facts.map((f) => [f.indicator_id, f.value] as [string, number]);
      expect([...got].sort()).toEqual([...want].sort());
    });
});
