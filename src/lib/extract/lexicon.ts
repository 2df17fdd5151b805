/**
 * What a reader looks for to tell indicators apart: per indicator, the counted objects (head nouns) and
 * the verbs that go with them, as short alternations. They come from the catalog (labels, phrasings,
 * notes in indicators.md and labeling.md) and their ordinary synonyms, never from one report's sentence.
 * The classifier (classify.ts) uses them as features in three places: the counted phrase just before the
 * number, the rest of its sentence, and the section heading; the weights decide how much each counts.
 */
export interface Cues {
  /** counted object / head noun: the strongest evidence */
  noun: string;
  /** verbs that go with the object (开展, 调处 …); weaker */
  verb?: string;
}

export const CUES: Record<string, Cues> = {
  // leadership & study
  ls_theory_study_sessions: { noun: '中心组|第一议题|理论学习|学习研讨|专题研讨|党课|习近平|总书记|新时代|二十大|研讨会|读书班|理论', verb: '学习|研讨|宣讲' },
  ls_law_study_sessions: { noun: '学法|法律法规|会前学|民法典|宪法|条例|法律知识|《', verb: '学习|研学|学' },
  // generic meeting totals (党委会议33次) are not rule-of-law meetings (indicators.md): only topical ones
  ls_rol_meetings: { noun: '专题会议?|委员会(?:全体)?会议|法治(?:建设|政府建设)?(?:工作)?(?:推进|部署|调度|专题)?会', verb: '召开|主持|研究|部署|听取|审议|安排' },
  ls_training_sessions: { noun: '培训班?|轮训|研讨班|讲座|讲法|法治课|以案释法|案例教学|业务培训|专题培训|能力提升', verb: '培训|举办|组织|参加|参与' },
  ls_training_attendance: { noun: '参训|受训|培训人员|干部职工|执法人员|党员干部|工作人员|镇村干部|村干部|公职人员', verb: '培训|参训|参加|覆盖|参与|学习' },
  ls_exam_pass_rate: { noun: '合格率|通过率|及格率', verb: '考试|考核|测试' },
  ls_exam_participation_rate: { noun: '参考率|参学率|参考人?率|参加率', verb: '考试|学法' },
  // decision making
  dm_legality_reviews: { noun: '合法性审查|合法性审核|法制审核|合规性审查|审查|审核', verb: '审查|审核|把关' },
  dm_contract_reviews: { noun: '合同|协议', verb: '审查|审核|修改|把关' },
  dm_major_decisions: { noun: '重大(?:行政)?决策|重大事项', verb: '作出|出台|研究|审议' },
  dm_legal_opinions: { noun: '意见书|法律意见|审查意见', verb: '出具|提供|形成|提出' },
  dm_legal_advisers: { noun: '法律顾问|律师', verb: '聘请|聘用|配备|签约' },
  dm_normative_docs: { noun: '规范性文件', verb: '制定|出台|备案|清理' },
  dm_review_issues_found: { noun: '问题|意见建议|建议|意见', verb: '提出|发现|指出' },
  dm_adviser_engagements: { noun: '法律顾问|律师|坐班|值班', verb: '参与|列席|坐班|值班|提供' },
  dm_village_adviser_coverage_rate: { noun: '覆盖率', verb: '法律顾问' },
  dm_duty_list_items: { noun: '事项|清单|职责', verb: '厘清|梳理|承担|履行|配合|收回' },
  // litigation
  lit_admin_suits_total: { noun: '行政诉讼|行政应诉|应诉案件|行政案件|诉讼案件', verb: '代理|应诉|办理|发生' },
  lit_first_instance: { noun: '一审', verb: '' },
  lit_second_instance: { noun: '二审|上诉', verb: '' },
  lit_retrial: { noun: '再审', verb: '' },
  lit_admin_suits_concluded: { noun: '审结|判决书|结案|已审结', verb: '审结|收到' },
  lit_admin_suits_lost: { noun: '败诉', verb: '' },
  lit_loss_rate: { noun: '败诉率|胜诉率', verb: '' },
  lit_head_appearances: { noun: '出庭', verb: '出庭|应诉' },
  lit_head_appearance_rate: { noun: '出庭率|出庭应诉率', verb: '' },
  lit_reconsideration_cases: { noun: '复议', verb: '申请|受理' },
  lit_reconsideration_corrected: { noun: '纠错|撤销|变更|确认违法', verb: '' },
  lit_reconsideration_correction_rate: { noun: '纠错率', verb: '' },
  lit_civil_cases: { noun: '民事', verb: '' },
  lit_mediated_withdrawal_rate: { noun: '调撤率', verb: '' },
  // enforcement
  enf_certified_officers: { noun: '执法证|执法资格|持证|执法人员', verb: '持有|取得|通过|换领|申领' },
  enf_certification_rate: { noun: '持证率|持证上岗率', verb: '' },
  enf_inspections: { noun: '执法检查|联合执法|执法行动|专项执法|执法巡查|检查|巡查|整治行动', verb: '开展|检查|巡查|出动' },
  enf_penalty_cases: { noun: '行政处罚|处罚案件|立案|查处|案件', verb: '立案|查处|办理|处罚' },
  enf_penalty_amount: { noun: '罚没|罚款|处罚金额', verb: '罚没|罚款|处罚' },
  enf_case_file_reviews: { noun: '案卷评查|执法案卷', verb: '评查' },
  enf_listed_matters: { noun: '执法事项|行政执法事项|赋权事项', verb: '承接|梳理|公布' },
  // transparency
  tr_proactive_disclosures: { noun: '公开|政府信息|政务信息', verb: '公开|发布' },
  tr_disclosure_requests: { noun: '依申请公开|信息公开申请|公开申请', verb: '受理|收到|办理' },
  // outreach
  out_events: { noun: '宣传活动|普法活动|活动|讲座|宣讲|宣传|普法|送法|法治课|课堂|巡展|展览|演出|文艺|放映|电影|宣传周|宣传月|大集|集市|进校园|进社区|进村|进企业|以案释法', verb: '开展|举办|组织|举行|走进|深入|放映|巡展' },
  out_materials: { noun: '资料|材料|手册|读本|宣传册|宣传单|宣传页|折页|明白纸|书籍|传单|小册子|画册|漫画|口袋书|宣传品|宣传物品|购物袋|纸杯|围裙', verb: '发放|散发|分发|派发|赠送' },
  out_reach: { noun: '群众|村民|居民|师生|学生|受众|受益|受教育|人群|青少年|企业职工|商户|农民工|老年人|妇女|家长|听众|观众', verb: '覆盖|惠及|受益|受教育|吸引|参与' },
  out_banners: { noun: '横幅|条幅|标语', verb: '悬挂|张挂|拉挂' },
  out_posters: { noun: '海报|挂图', verb: '张贴' },
  out_law_savvy_persons: { noun: '法律明白人|明白人', verb: '培育|培养|培训|选聘' },
  out_demo_villages: { noun: '民主法治示范村|示范村|示范社区', verb: '创建|获评|命名' },
  out_online_posts: { noun: '推文|信息|文章|短视频|视频|微信|公众号|抖音|短信|推送', verb: '推送|发布|转发|发送|刊发' },
  out_culture_sites: { noun: '法治文化|长廊|广场|宣传栏|宣传墙|阵地|公园|文化墙|法治角|书屋|法治街', verb: '建成|打造|建设|设立|新建|建立' },
  // mediation
  med_disputes_screened: { noun: '排查', verb: '排查|摸排|梳理' },
  med_cases_total: { noun: '矛盾纠纷|纠纷|矛盾|调解案件|调解', verb: '调处|化解|调解|受理|处理|解决|办理|接案' },
  med_oral: { noun: '口头', verb: '' },
  med_written: { noun: '书面|协议书|调解协议', verb: '制作|签订|形成|达成' },
  med_success: { noun: '成功', verb: '成功' },
  med_success_rate: { noun: '成功率|化解率|调解率|调处率', verb: '' },
  med_judicial_confirmation: { noun: '司法确认', verb: '申请|达成' },
  med_joint: { noun: '联合调解|诉调|警调|访调|检调|对接|联动|协助', verb: '联合|协助' },
  med_amount_involved: { noun: '涉案金额|涉及金额|标的|挽回|损失|金额|款项', verb: '涉及|挽回' },
  med_case_files_reviewed: { noun: '卷宗', verb: '评查' },
  med_subsidy_amount: { noun: '奖补|以案定补|补贴|补助', verb: '申报|发放' },
  med_mediators: { noun: '调解员', verb: '选聘|配备|现有' },
  med_agreements_fulfilled: { noun: '履行', verb: '履行' },
  med_prevented_escalations: { noun: '民转刑|激化', verb: '防止|避免' },
  // legal services
  svc_legal_consultations: { noun: '咨询|法律问题|法律服务', verb: '解答|接待|提供|答复' },
  svc_legal_aid_cases: { noun: '法律援助|援助', verb: '办理|受理|提供' },
  svc_service_center_visits: { noun: '公共法律服务|服务中心|服务站|工作站', verb: '接待|服务' },
  svc_convenience_services: { noun: '便民服务|办件|服务事项', verb: '办理|受理' },
  // petitions
  pet_petitions_received: { noun: '信访|来访|上访|来信|访', verb: '接待|受理|办理|化解' },
  pet_hotline_tickets: { noun: '12345|8890|12315|热线|诉求|工单|民情', verb: '受理|办理|答复|处理|转办|办结' },
  pet_closure_rate: { noun: '办结率|按期办结', verb: '' },
  pet_satisfaction_rate: { noun: '满意率|满意度', verb: '' },
};
