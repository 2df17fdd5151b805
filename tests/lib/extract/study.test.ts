import { describe, it, expect } from 'vitest';
import { extractReport } from '../../../src/lib/extract/index';

/** The study and training family: labeling.md's ordered procedure, on its own examples. */
const facts = (s: string) =>
  extractReport(`某某镇2024年法治政府建设工作报告\n${s}`).facts.map((f) => [f.indicator_id, f.value, ...(f.sub_kind ? [f.sub_kind] : [])]);

const CASES: [number, string, unknown[][]][] = [
  [1, '每周开展一次集中学习。', []],
  [1, '每年开展专题学习不少于4次。', []],
  [1, '村(社区)开展学习38次。', []],
  [1, '机关各支部理论学习60余次。', []],
  [1, '开展中心组理论学习和各类法治培训5次。', []],
  [1, '开展各类培训、集中学习50余场次。', []],
  [2, '到村(社区)给群众上法治课5场次。', [['out_events', 5]]],
  [2, '送法入企开展法律讲座30余场。', [['out_events', 30]]],
  [3, '开展党纪学习教育集体学习15次。', []],
  [3, '镇委党校开展学习党的二十大精神2次。', []],
  [3, '开展党员干部专题培训学习27次。', []],
  [4, '组织法治培训,覆盖干部职工800余人次。', [['ls_training_attendance', 800]]],
  [4, '开展法治培训,覆盖镇村干部200余人。', [['ls_training_attendance', 200, 'headcount']]],
  [5, '组织干部职工学法培训6次。', [['ls_training_sessions', 6]]],
  [5, '主要领导讲法治课2次。', [['ls_training_sessions', 2]]],
  [6, '中心组学法8次。', [['ls_law_study_sessions', 8, 'leaders']]],
  [6, '会前集中学习14次。', [['ls_law_study_sessions', 14, 'leaders']]],
  [6, '开展专题法治学习11次。', [['ls_law_study_sessions', 11]]],
  [6, '中心组学习《民法典》3次。', [['ls_law_study_sessions', 3, 'leaders']]],
  [6, '中心组开展法治专题学习10余次,重点学习了宪法、民法典。', [['ls_law_study_sessions', 10, 'leaders']]],
  [7, '中心组法治专题学习3次。', [['ls_theory_study_sessions', 3, 'study']]],
  [7, '落实“第一议题”学习42次。', [['ls_theory_study_sessions', 42, 'study']]],
  [8, '落实中心组学法制度,围绕习近平法治思想、宪法开展专题学习6次。', [['ls_law_study_sessions', 6]]],
  [8, '将习近平法治思想纳入中心组学习计划,全年开展专题学习12次。', [['ls_theory_study_sessions', 12, 'study']]],
];

describe('study and training family (labeling.md steps 1–8)', () => {
  for (const [step, s, want] of CASES) it(`step ${step}: ${s}`, () => expect(facts(s)).toEqual(want));
});
