/**
 * Indicator rules. Each rule recognises one way reports state one indicator: the counted object and
 * verb before the number (`pre`, matched against the clause text that ends right before the number),
 * or the object after it (`post`), plus sentence-level conditions. Rules are tried in order; the first
 * non-rate rule that matches a number wins. Rate rules (`multi`) may all fire on one number, because
 * reports list several rates sharing one value (办结率、满意率均为100%).
 */
import type { Quantity } from './numbers';

/** `~N` in a rule pattern = up to N characters inside the same clause. */
const gap = (src: string) => src.replace(/~(\d+)/g, '[^,;。!?\\n]{0,$1}');
/** A pattern that must end right before the number. */
const R = (src: string) => new RegExp(`${gap(src)}$`);
/** A pattern that must start right after the unit. */
const P = (src: string) => new RegExp(`^${gap(src)}`);
const C = (src: string) => new RegExp(gap(src));

export interface RuleContext {
  /** Clause text from the previous number (or clause start) to this number. */
  pre: string;
  /** Clause text after the unit, up to the next number or clause end. */
  post: string;
  /** Sentence text after the unit, up to the sentence end. */
  postSentence: string;
  /** The whole sentence. */
  sentence: string;
  /** Sentence text before the number. */
  sentencePre: string;
  /** The previous sentence and this one (for topic checks such as petitions). */
  around: string;
  /** The section heading (and sub-heading) the number stands under. */
  heading: string;
  q: Quantity;
}

export interface IndicatorRule {
  id: string;
  indicator: string;
  units: readonly string[];
  pre?: RegExp;
  post?: RegExp;
  /** Match `post` against the rest of the sentence rather than the clause. */
  postSentence?: boolean;
  /** Must match the sentence. */
  ctx?: RegExp;
  /** `ctx` may match the section heading instead (the topic named once above: （三）矛盾纠纷调处 … 共调处12起). */
  ctxHeading?: boolean;
  /** Must not match the sentence. */
  notCtx?: RegExp;
  /** Must not match the local clause text before the number. */
  notPre?: RegExp;
  /** Extra condition. */
  when?: (c: RuleContext) => boolean;
  subKind?: string | ((c: RuleContext) => string | null);
  /** Further facts stated by the same words (对18项重大决策事项进行合法性审查 → two indicators). */
  also?: readonly { indicator: string; subKind?: string }[];
  multi?: boolean;
  /** Maps the written value (胜诉率100% → 败诉率 0). Returning null drops the fact. */
  value?: (v: number) => number | null;
}

const CASE = ['件', '起', '宗'] as const;
const PETITION = /信访|上访|来访|接访|到[区市省县京]访|赴[省京]访|越级访/;
const notPetition = (c: RuleContext) =>
  !PETITION.test(c.sentence) && !(PETITION.test(c.around) && !/纠纷|矛盾|调解|调处/.test(c.sentence));
/** 参与调解/参与开展…: someone else's activity the subject took part in. */
const participated = (c: RuleContext) => /^[、,]?(?:组织|积极|协助|配合|共同|主动)?参与/.test(c.pre);
/**
 * A rate or a success count after someone else's participation in mediation (法律明白人…参与调处纠纷N件,
 * 调解成功率N%): it measures the participants' cases, not the town's.
 */
const afterParticipation = (c: RuleContext) => /参与[^,;。]{0,6}(?:调解|调处|化解)/.test(c.sentencePre);
/** The number's clause and the one before it (sentence text from the second-last comma, and the clause after). */
const nearClauses = (c: RuleContext) => {
  const s = c.sentencePre;
  const k = s.lastIndexOf(',', s.lastIndexOf(',') - 1);
  return s.slice(k + 1) + c.post;
};
/** The legal adviser as the subject of the sentence, and the counted phrase one of its participations. */
export const adviserTakesPart = (c: RuleContext) =>
  /法律顾问|律师/.test(c.sentencePre.replace(/[^,;。]*$/, '')) && /^(?:[^,;。]{0,8}[、,])?(?:参加|参与|列席)/.test(c.pre);
const EVT = ['场', '次', '场次', '期'] as const;
/** Sending people to one task (指派/委派/安排/抽调 N名…). */
const DISPATCH = /(?:指派|委派|派出|派遣|选派|安排|抽调|带领|组织)[^,;。]{0,4}$/;
const TIMES = ['次', '场', '场次'] as const;
const PCT = ['%'] as const;
const HEAD = ['名', '人', '位'] as const;
const MONEY = ['元', '万元', '亿元'] as const;

const CADRE = /干部|职工|党员|公职人员|执法人员|工作人员|班子|领导|机关|中心组|学习会|常务会|党委会|村(?:\(社区\))?干部|两委/;
const PUBLIC = /群众|村民|居民|学生|师生|校园|学校|进村|进社区|下沉|入户|企业|商户|老年|青少年|妇女|农民工|集市|广场|院坝/;
const THEORY = /习近平|中心组|第一议题|总书记|理论学习|法治思想|党(?:工)?委(?:会)?(?:专题)?学习/;
const LAWS = /法律法规|学法|《|条例|法律知识|(?<!普)法规|宪法|民法典/;

/**
 * What a generic study count (开展专题学习N次) is about, from its sentence (labeling.md): named laws only →
 * law study; 习近平法治思想 / 中心组 only → theory; both → the verb decides (学法 → law, 学习 → theory).
 */
function studyKind(c: RuleContext): 'law' | 'theory' | null {
  const s = c.sentencePre;
  const t = THEORY.test(s);
  const l = LAWS.test(s.replace(/学法/g, ''));
  if (!t && !l) return null;
  if (t && l) return /学法/.test(c.pre) ? 'law' : 'theory';
  return t ? 'theory' : 'law';
}


/** leaders (班子, 常务会, 会前学法) or all staff (干部职工, 全体); judged on the counted clause. */
const lawSub = (c: RuleContext) =>
  /干部职工|全体|机关干部|镇村干部/.test(c.pre) ? 'staff' : /班子|领导|常务会|党委会|办公会|会前|中心组/.test(c.pre) ? 'leaders' : /干部/.test(c.pre) ? 'staff' : null;

/** A lecture or talk given to cadres (→ training), judged from the words around it. */
const forCadres = (c: RuleContext) => {
  const near = c.sentencePre.slice(-60);
  return (
    (CADRE.test(near) || /学法|会前/.test(near) || CADRE.test(c.postSentence.slice(0, 40))) &&
    !PUBLIC.test(c.pre + c.post + near + c.postSentence.slice(0, 30)) &&
    !/^[^,;。]{0,4}(?:受众|覆盖群众|群众)/.test(c.postSentence)
  );
};

export const RULES: readonly IndicatorRule[] = [
  // ── litigation ───────────────────────────────────────────────────────────────
  { id: 'lit.first.post', indicator: 'lit_first_instance', units: CASE, post: P('一审') },
  { id: 'lit.second.post', indicator: 'lit_second_instance', units: CASE, post: P('二审') },
  { id: 'lit.retrial.post', indicator: 'lit_retrial', units: CASE, post: P('再审') },
  { id: 'lit.first', indicator: 'lit_first_instance', units: CASE, pre: R('一审(?:行政)?(?:诉讼)?(?:案件)?~2') },
  { id: 'lit.second', indicator: 'lit_second_instance', units: CASE, pre: R('二审(?:行政)?(?:诉讼)?(?:案件)?~2') },
  { id: 'lit.retrial', indicator: 'lit_retrial', units: CASE, pre: R('再审(?:行政)?(?:诉讼)?(?:案件)?~2') },
  { id: 'lit.recon.rate', indicator: 'lit_reconsideration_correction_rate', units: PCT, multi: true, pre: R('纠错率~8') },
  { id: 'lit.recon.corrected', indicator: 'lit_reconsideration_corrected', units: CASE, pre: R('(?:纠错|被撤销|被变更|确认违法)(?:案件)?~4'), ctx: /复议/, ctxHeading: true },
  { id: 'lit.recon.decision', indicator: 'lit_reconsideration_cases', units: ['份'], pre: R('(?:收到|接到)?(?:行政)?复议决定书~4') },
  { id: 'lit.recon.post', indicator: 'lit_reconsideration_cases', units: ['件', '起', '宗'], post: P('(?:被申请)?行政复议(?!决定|纠错)') },
  { id: 'lit.suits.post', indicator: 'lit_admin_suits_total', units: CASE, post: P('行政(?:诉讼|应诉)(?:案件)?') },
  { id: 'lit.civil.post', indicator: 'lit_civil_cases', units: CASE, post: P('民事(?:诉讼|案件)') },
  { id: 'lit.recon', indicator: 'lit_reconsideration_cases', units: ['件', '起', '宗'], pre: R('(?:被申请)?(?:行政)?复议(?:案件)?~4'), notPre: /纠错|撤销|变更|败诉|率/ },
  { id: 'lit.lossrate', indicator: 'lit_loss_rate', units: PCT, multi: true, pre: R('败诉率~8') },
  { id: 'lit.winrate', indicator: 'lit_loss_rate', units: PCT, multi: true, pre: R('胜诉率~8'), value: (v) => (v === 100 ? 0 : null) },
  { id: 'lit.head.rate', indicator: 'lit_head_appearance_rate', units: PCT, multi: true, pre: R('出庭(?:应诉)?率~8') },
  { id: 'lit.withdraw.rate', indicator: 'lit_mediated_withdrawal_rate', units: PCT, multi: true, pre: R('调撤率~8') },
  { id: 'lit.head', indicator: 'lit_head_appearances', units: ['次', '件', '宗'], pre: R('(?:负责人|领导|首长|镇长|乡长|主任)~12出庭(?:应诉)?~6'), notPre: /率/ },
  { id: 'lit.lost', indicator: 'lit_admin_suits_lost', units: CASE, pre: R('败诉(?:案件)?~3'), notPre: /率|胜诉/ },
  { id: 'lit.concluded', indicator: 'lit_admin_suits_concluded', units: CASE, pre: R('审结~6'), ctx: /诉讼|行政案件/, ctxHeading: true },
  { id: 'lit.judgments', indicator: 'lit_admin_suits_concluded', units: ['份'], pre: R('(?:收到|接到|送达)~6判决书~4') },
  { id: 'lit.civil', indicator: 'lit_civil_cases', units: CASE, pre: R('民事(?:诉讼)?(?:案件)?~4') },
  { id: 'lit.suits', indicator: 'lit_admin_suits_total', units: CASE, pre: R('行政(?:诉讼|应诉)(?:案件)?~4'), notPre: /败诉|胜诉|复议|出庭|一审|二审|再审/ },

  // ── mediation ────────────────────────────────────────────────────────────────
  { id: 'med.files', indicator: 'med_case_files_reviewed', units: ['件', '份', '本'], pre: R('评查~12卷宗~6') },
  { id: 'med.subsidy', indicator: 'med_subsidy_amount', units: MONEY, pre: R('(?:奖补|以案定补|补贴|补助)(?:资金|金额|经费)?~6'), ctx: /调解|以案定补|纠纷/ },
  { id: 'med.amount', indicator: 'med_amount_involved', units: MONEY, pre: R('(?:涉案|涉及|争议|标的)(?:总)?(?:金额|资金|款项)~4'), ctx: /调解|纠纷|化解|调处/, ctxHeading: true },
  { id: 'med.recovered', indicator: 'med_amount_involved', units: MONEY, pre: R('挽回~8(?:经济)?损失~4'), ctx: /调解|纠纷|化解|调处/, ctxHeading: true },
  { id: 'med.judicial', indicator: 'med_judicial_confirmation', units: ['件'], pre: R('司法确认~6') },
  { id: 'med.joint', indicator: 'med_joint', units: ['件', '起'], pre: R('(?:联合调解|(?:警调|诉调|访调|检调)(?:对接|联动)|协助(?:法庭|法院|派出所)~16)~6') },
  { id: 'med.oral', indicator: 'med_oral', units: ['件'], subKind: 'oral', pre: R('口头(?:调解|化解|协议)~6') },
  { id: 'med.written', indicator: 'med_written', units: ['件', '份'], subKind: 'written', pre: R('(?:书面(?:调解|协议)|(?:制作|签订|形成|达成)~4调解协议书?)~6') },
  { id: 'med.rate', indicator: 'med_success_rate', units: PCT, multi: true, pre: R('(?:(?:调解|调处|化解)成功|化解)率~8'), notCtx: /行政争议/, when: (c) => notPetition(c) && !afterParticipation(c) },
  { id: 'med.rate2', indicator: 'med_success_rate', units: PCT, multi: true, pre: R('成功率~8'), ctx: /调解|调处|化解|纠纷/, notPre: /调解成功率|调处成功率|化解成功率/, notCtx: /行政争议/, when: (c) => notPetition(c) && !afterParticipation(c) },
  { id: 'med.success', indicator: 'med_success', units: CASE, pre: R('(?:成功(?:调解|化解|调处)|(?:调解|调处|化解)成功|已(?:成功)?(?:调解|化解|调处))~10'), notPre: /率|不成功|未成功|未能/, notCtx: /行政争议/, when: (c) => notPetition(c) && !afterParticipation(c) },
  { id: 'med.mediators', indicator: 'med_mediators', units: HEAD, pre: R('(?:人民)?调解员~4'), notPre: /培训|赶|到场|前往|参与|带领|出动|上门|组织|、|等/, notCtx: /培训|参训|学习|考试/ },
  // (mediators sent to one dispute — 指派3名调解员前往调解 — are not the stock)
  {
    id: 'med.mediators.post', indicator: 'med_mediators', units: HEAD, post: P('(?:专职|兼职|专兼职)?(?:人民)?调解员'), notCtx: /培训|参加|参训|学习/,
    notPre: DISPATCH, when: (c) => !/^(?:专职|兼职|专兼职)?(?:人民)?调解员[^,;。]{0,3}(?:前往|到场|赶赴|赶到|上门|现场|深入|介入|参与|入户)/.test(c.post),
  },
  { id: 'med.prevent', indicator: 'med_prevented_escalations', units: CASE, pre: R('防止~10(?:民转刑|激化)~6') },
  {
    id: 'med.screen.both', indicator: 'med_cases_total', units: ['件', '起'], pre: R('排查(?:[、和及与]化解|[、和及与]?受理|[、和及与]调处)~12'),
    also: [{ indicator: 'med_disputes_screened' }],
  },
  { id: 'med.screen.resolve', indicator: 'med_cases_total', units: CASE, pre: R('排查(?:化解|调处)~12') },
  { id: 'med.screened', indicator: 'med_disputes_screened', units: ['件', '起'], pre: R('排查(?:(?!化解|调处|调解|受理)[^,;。!?\\n]){0,12}'), ctx: /纠纷|矛盾|隐患/, notCtx: /行政争议/ },
  {
    id: 'med.total', indicator: 'med_cases_total', units: CASE,
    pre: R('(?:调处|化解|调解|受理|解结|接案|处理|办理|发生)~10(?:纠纷|矛盾|调解案件|调解)~4'),
    notPre: /信访|来访|上访|接访|法律援助|诉讼|复议|执法|处罚|12345|热线|诉求|工单|积案|咨询|合同|口头|书面|成功|联合|司法确认|已|排查|正在|尚未|待/,
    notCtx: /行政争议/, when: (c) => notPetition(c) && !participated(c),
  },
  {
    id: 'med.total.verb', indicator: 'med_cases_total', units: CASE, pre: R('(?:调处|化解|调解|解结|受理|接案)~4'), ctx: /纠纷|矛盾|调解/, ctxHeading: true,
    notPre: /信访|来访|上访|接访|诉讼|复议|积案|口头|书面|成功|联合|已|率|正在|尚未|待|热线|诉求|工单|咨询|援助|案件/, notCtx: /行政争议/, when: (c) => notPetition(c) && !participated(c),
  },
  // 接案调处N起 names the mediation itself
  { id: 'med.intake', indicator: 'med_cases_total', units: CASE, pre: R('(?:接案|受理)调处~3'), notCtx: /行政争议/, when: (c) => notPetition(c) && !participated(c) },
  { id: 'med.people', indicator: 'med_cases_total', units: ['件'], pre: R('人民调解~4'), notPre: /员|委员会|培训|宣传/ },

  // ── outreach and training ────────────────────────────────────────────────────
  { id: 'out.savvy', indicator: 'out_law_savvy_persons', units: HEAD, pre: R('法律明白人”?~4'), subKind: (c) => (/在册|现有|共有/.test(c.pre) ? 'on_roll' : /培训|培育|培养|完成|新增/.test(c.pre) ? 'trained' : 'on_roll') },
  { id: 'out.savvy.post', indicator: 'out_law_savvy_persons', units: HEAD, post: P('“?法律明白人'), subKind: (c) => (/在册|现有|共有/.test(c.pre) ? 'on_roll' : /培训|培育|培养|完成|新增/.test(c.pre + c.post) ? 'trained' : 'on_roll') },
  { id: 'out.banners', indicator: 'out_banners', units: ['条', '幅'], pre: R('(?:横幅|条幅)(?:标语)?~4') },
  { id: 'out.posters', indicator: 'out_posters', units: ['张'], pre: R('海报~4') },
  {
    id: 'out.materials', indicator: 'out_materials', units: ['份', '本', '册', '张', '页'],
    pre: R('(?:资料|材料|手册|读本|小册子|传单|宣传册|宣传页|宣传单|折页|明白纸|法律书籍|书籍|漫画)~4'),
    notPre: /海报|审查|合同|意见书|判决书|协议/,
    when: (c) => !/印刷|印制|编印|制作|采购/.test(c.pre) || /发放|散发|分发|派发|赠送|发送/.test(c.pre),
    subKind: (c) => (c.q.unitRaw === '本' || c.q.unitRaw === '册' ? 'booklet' : null),
  },
  { id: 'out.online', indicator: 'out_online_posts', units: ['条'], pre: R('(?:推送|发布|转发|发送)~16(?:信息|文章|内容|推文|视频|短信)~4'), ctx: /普法|法治|法律|宣传/ },
  { id: 'out.demo', indicator: 'out_demo_villages', units: ['个'], pre: R('民主法治示范村(?:\\(社区\\))?~4') },
  { id: 'out.culture', indicator: 'out_culture_sites', units: ['个', '处', '块'], pre: R('(?:法治|普法|宪法|民法典|法律)(?:文化|宣传|主题)?(?:文化)?(?:广场|长廊|公园|阵地|墙|宣传栏|栏|角|街|书屋|一条街|园)~6') },
  {
    id: 'out.culture.post', indicator: 'out_culture_sites', units: ['个', '处', '块'], pre: R('(?:建成|打造|建设|新建|建立|设立|设置|改造|提升)~4'),
    post: P('~10(?:法治|普法|宪法|民法典)~6(?:广场|长廊|公园|阵地|墙|宣传栏|角|街|书屋)'),
  },
  {
    id: 'ls.attend', indicator: 'ls_training_attendance', units: ['人次', '人'],
    pre: R('(?:培训|参训|受训|旁听|学习|轮训)~10'), notPre: /法律明白人/,
    when: (c) => c.q.unitRaw === '人次' || /培训|参训|受训|轮训/.test(c.pre),
    subKind: (c) => (c.q.unitRaw === '人' ? 'headcount' : null),
  },
  {
    id: 'ls.attend.cover', indicator: 'ls_training_attendance', units: ['人次', '人'], subKind: (c) => (c.q.unitRaw === '人' ? 'headcount' : null),
    pre: R('(?:覆盖|参与|参加)~8'),
    when: (c) => (CADRE.test(c.pre) || /培训|学法|庭审/.test(c.sentencePre)) && !PUBLIC.test(c.pre) && !/宣传|普法|宣讲|活动/.test(c.sentencePre.slice(-30)),
  },
  // persons reached by an on-the-spot talk among outreach items (现场宣讲法律知识N人次)
  {
    id: 'out.reach.talk', indicator: 'out_reach', units: ['人次'], pre: R('(?:讲解|宣讲|讲授|释法|讲法)~8'),
    ctx: /宣传|普法|法治|法律/, ctxHeading: true, notPre: /培训|参训|干部|党员|公职人员|工作人员|执法人员|班子|咨询/, notCtx: /培训|中心组/,
  },
  {
    id: 'out.reach', indicator: 'out_reach', units: ['人次', '人'],
    pre: R('(?:覆盖|受众|受益|受教育|受惠|惠及|参与|获宣|宣传对象|教育|参加|吸引)~10'),
    ctx: /宣传|普法|宣讲|讲座|活动|法治|法律/, ctxHeading: true, notPre: /培训|参训|干部|法律明白人|调解员|两委|网格员|公职人员|工作人员|执法人员|党员|班子/,
    // study or training named in this clause or the one before (not anywhere in a long sentence)
    when: (c) => !/党课|研讨会|学习会|中心组|培训/.test(nearClauses(c)),
    subKind: (c) => (c.q.unitRaw === '人' ? 'headcount' : null),
  },

  // the legal adviser's own list of what it took part in (法律顾问…参加专题研讨会N次): engagements, read
  // before the study rules so a 研讨会 there is not the leadership's seminar
  {
    id: 'dm.adviser.part', indicator: 'dm_adviser_engagements', units: ['次', '件次', '场次'], pre: R('(?:^|[、,])(?:参加|参与|列席)~20'),
    notPre: /培训|学习|学法|宣讲|宣传|讲座|活动/, when: adviserTakesPart,
  },

  // ── leadership & study ───────────────────────────────────────────────────────
  { id: 'ls.meet.topic', indicator: 'ls_rol_meetings', units: ['次'], pre: R('(?:法治|依法治|法制)~16(?:专题)?(?:工作)?(?:会议|会)~4'), notPre: /学法|培训|讲座|宣传|党课|学习|研讨|述法|、/ },
  { id: 'ls.meet.special', indicator: 'ls_rol_meetings', units: ['次'], pre: R('专题(?:党委|党工委|工作|部署)?会议?~4'), ctx: /法治|依法治/, notPre: /学习|学法|研讨|培训|讲座|民主生活/ },
  { id: 'ls.meet.party', indicator: 'ls_rol_meetings', units: ['次'], pre: R('党(?:委|工委)(?:会议?|常委会)~6(?:专题)?(?:研究|部署|听取|审议)~16(?:法治|依法)~10') },
  { id: 'ls.meet.study', indicator: 'ls_rol_meetings', units: ['次'], pre: R('(?:专题)?(?:研究|部署|听取|审议)~10(?:法治|依法治)~10'), ctx: /会议|党委|党工委|常务会|办公会/, notPre: /合法性|审查|审核|学法|学习/ },
  { id: 'ls.meet.post', indicator: 'ls_rol_meetings', units: ['次'], pre: R('召开'), post: P('(?:法治|依法治)~10(?:会议|会)') },
  // number before the meeting (召开3次专题会议; 召开N次党委会议研究部署法治…); the sentence names 法治
  {
    id: 'ls.meet.post.topic', indicator: 'ls_rol_meetings', units: ['次'], pre: R('(?:召开|主持召开|组织召开|主持)'),
    post: P('(?:专题|工作|党委|党工委|党政联席|委员会)~6(?:会议|会)'), ctx: /法治|依法治|法制/, notCtx: /学法|学习会|培训|讲座|民主生活/,
  },
  { id: 'ls.meet.committee', indicator: 'ls_rol_meetings', units: ['次'], pre: R('(?:依法治(?:镇|乡|街道?|区|县|市)|法治(?:政府)?(?:建设)?)(?:工作)?(?:领导小组|委员会)~8(?:会议|会)~4') },
  // 专题研究(部署)法治工作N次: a special session on rule of law, whoever held it
  { id: 'ls.meet.topic.study', indicator: 'ls_rol_meetings', units: ['次'], pre: R('专题(?:研究|部署|研究部署)~12(?:法治|依法治)~10'), notPre: /学习|学法|培训|宣传|普法|讲座|合法性|审查/ },
  { id: 'ls.meet.deploy', indicator: 'ls_rol_meetings', units: ['次'], pre: R('(?:研究|安排|专题)部署~4'), ctx: /法治|依法治/, notPre: /学习|学法|培训|宣传|普法/ },
  { id: 'ls.meet.party.post', indicator: 'ls_rol_meetings', units: ['次'], pre: R('党(?:委|工委)(?:会议?|常委会)~6'), post: P('~4(?:研究|部署|听取|审议)~30(?:法治|依法)') },
  { id: 'ls.theory.seminar', indicator: 'ls_theory_study_sessions', units: ['次', '场', '场次', '期'], subKind: 'seminar', pre: R('(?:(?:专题|集中)?学习研讨|专题研讨)(?:会|班)?~4'), notCtx: /法律顾问/, notPre: /依法行政|培训/ },
  { id: 'ls.theory.lecture', indicator: 'ls_theory_study_sessions', units: ['次', '场'], subKind: 'party_lecture', pre: R('专题党课~4') },
  {
    id: 'ls.theory.xi', indicator: 'ls_theory_study_sessions', units: TIMES, subKind: 'study',
    pre: R('(?:习近平法治思想~10学习|学习~4习近平(?:新时代中国特色社会主义思想|法治思想|总书记)~24)~4'), notPre: /宣传|宣讲|讲座|培训|党纪/,
  },
  { id: 'ls.theory.group', indicator: 'ls_theory_study_sessions', units: TIMES, subKind: 'study', pre: R('中心组~16(?:学习|研讨)~6'), notPre: /学法/ },
  { id: 'ls.theory.group.qi', indicator: 'ls_theory_study_sessions', units: ['期'], subKind: 'study', pre: R('中心组~16'), notPre: /学法|培训/ },
  { id: 'ls.theory.first', indicator: 'ls_theory_study_sessions', units: TIMES, subKind: 'study', pre: R('第一议题~10') },
  { id: 'ls.law.xuefa', indicator: 'ls_law_study_sessions', units: ['次', '场'], pre: R('学法~6'), notPre: /考试|用法|普法|明白人/, subKind: lawSub },
  {
    id: 'ls.law.named', indicator: 'ls_law_study_sessions', units: ['次', '场'],
    pre: R('(?:(?:学习|研学)~16(?:法律法规|法律知识|法规|》)|(?:法律法规|法律知识|》)~10学习)~6'), notPre: /宣传|宣讲|讲座|培训|普法/, subKind: lawSub,
  },
  {
    id: 'ls.training', indicator: 'ls_training_sessions', units: ['场', '次', '场次', '期', '批次'],
    pre: R('(?:培训|轮训)(?:班|会)?~4'), ctx: /法|执法|依法行政|法律|法治|法制/, notPre: /宣传|普法|群众/,
  },
  { id: 'ls.training.post', indicator: 'ls_training_sessions', units: ['场', '次', '场次', '期', '批次'], pre: R('(?:举办|组织|开展|参加|参与)~4'), post: P('~16(?:法治|法律|依法行政|执法)~12(?:培训|研讨班|讲座|培训班)'), notCtx: /习近平法治思想专题研讨/ },
  { id: 'ls.training.lecture', indicator: 'ls_training_sessions', units: EVT, pre: R('(?:(?:法治|法律|法制|普法)?(?:专题)?讲座|宣讲|讲法)(?:活动)?~4'), when: forCadres },
  {
    id: 'ls.study', indicator: 'ls_theory_study_sessions', units: TIMES, subKind: 'study',
    pre: R('(?:开展|组织)?(?:专题|集中|集体|常态化)?学习(?:研讨)?~3'), notPre: /党纪|党史|主题教育|三会一课|^(?:各)?(?:村|社区)/,
    when: (c) => studyKind(c) === 'theory',
  },
  {
    id: 'ls.study.law', indicator: 'ls_law_study_sessions', units: TIMES,
    pre: R('(?:开展|组织)?(?:专题|集中|集体|常态化)?学习(?:研讨)?~3'), notPre: /党纪|党史|主题教育|三会一课|^(?:各)?(?:村|社区)/,
    when: (c) => studyKind(c) === 'law', subKind: lawSub,
  },
  {
    id: 'ls.study.post', indicator: 'ls_theory_study_sessions', units: TIMES, subKind: 'study', pre: R('(?:开展|组织|举办)'),
    post: P('(?:专题|集中|集体)?学习(?:研讨)?'), when: (c) => studyKind(c) === 'theory',
  },
  {
    id: 'ls.study.law.post', indicator: 'ls_law_study_sessions', units: TIMES, pre: R('(?:开展|组织|举办)'),
    post: P('(?:专题|集中|集体)?(?:学习|学法)(?:研讨)?'), when: (c) => studyKind(c) === 'law', subKind: lawSub,
  },
  { id: 'ls.exam.pass', indicator: 'ls_exam_pass_rate', units: PCT, multi: true, pre: R('(?:合格|通过|及格)率~8'), notPre: /审查|审核|验收|备案/, ctx: /考试|学法|考核|测试|执法资格|法律知识|参考|参学|培训/ },
  { id: 'ls.exam.done', indicator: 'ls_exam_pass_rate', units: PCT, multi: true, pre: R('(?:干部|职工|人员|党员)~4'), post: P('~4(?:完成|通过)~12(?:考试|考核|测试)') },
  { id: 'ls.exam.part', indicator: 'ls_exam_participation_rate', units: PCT, multi: true, pre: R('(?:参考|参学|参加|参与|参考人)率~8'), ctx: /考试|学法|考核|测试|法律知识/ },

  // ── decision making ──────────────────────────────────────────────────────────
  {
    id: 'dm.contract', indicator: 'dm_contract_reviews', units: ['件', '份', '起', '件次'],
    pre: R('(?:合同~8(?:合法性)?审[查核]|审[查核]~12合同(?:文书|文本|协议)?)~4'), notPre: /合同[、和及与]|(?:[、和及]|(?<!参)与)合同|决策|文件/,
  },
  { id: 'dm.opinion', indicator: 'dm_legal_opinions', units: ['份', '件', '次'], pre: R('(?:出具|提供|形成|制作|提交)~10意见书~4') },
  { id: 'dm.opinion.post', indicator: 'dm_legal_opinions', units: ['份'], pre: R('提出'), post: P('(?:法律|审查|书面)?意见(?!建议)') },
  { id: 'dm.issues', indicator: 'dm_review_issues_found', units: ['条', '个'], pre: R('(?:提出|发现|指出)~16(?:问题|意见建议|建议|意见)~4'), ctx: /审查|审核|法律|合法|体检/ },
  {
    id: 'dm.major.review', indicator: 'dm_legality_reviews', units: ['项', '件'], pre: R('(?:对(?:涉及)?~20|^(?:全年|共|共计|累计)?)'),
    post: /^(?:重大|重点)[^,;。!?\n]{0,10}(?:决策|事项)[^;。!?\n]{0,40}合法性审[查核]/, postSentence: true,
    also: [{ indicator: 'dm_major_decisions' }],
  },
  { id: 'dm.legality', indicator: 'dm_legality_reviews', units: ['件', '次', '起', '项', '件次', '个'], pre: R('(?:(?:合法性|合规性)审[查核]|法制审核)~10') },
  { id: 'dm.major', indicator: 'dm_major_decisions', units: ['项', '件'], pre: R('(?:作出|出台|研究|审议)~6重大(?:行政)?决策(?:事项)?~4') },
  { id: 'dm.advisers.post', indicator: 'dm_legal_advisers', units: HEAD, pre: R('(?:聘请|聘用|聘任|配备|现有|共有|签约)~6'), post: P('(?:专职|常年|兼职|专业)?(?:政府)?(?:法律顾问|律师担任法律顾问)') },
  { id: 'dm.advisers', indicator: 'dm_legal_advisers', units: HEAD, pre: R('法律顾问~4'), ctx: /现有|共有|聘请|聘用|配备/ },
  {
    id: 'dm.adviser.engage', indicator: 'dm_adviser_engagements', units: ['次', '件次', '场次', '份'],
    pre: R('(?:坐班|值班|参与|参加|起草|审查|修改|列席|提供|开展|进行|制作)~20'), notPre: /宣讲|宣传|讲座|培训|学习|活动/,
    when: (c) => /法律顾问|律师/.test(c.sentencePre),
  },
  { id: 'dm.normative', indicator: 'dm_normative_docs', units: ['件', '份'], pre: R('规范性文件~10') },
  // documents counted first, reviewed after (党委文件31个、政府文件14个,均经过合法性审查)
  {
    id: 'dm.legality.docs', indicator: 'dm_legality_reviews', units: ['个', '件', '项'], pre: R('(?:文件|决策|合同|事项|协议)~4'),
    post: /^[^;。!?\n]{0,40}(?:均|全部|都|已)?(?:经过|进行|通过|开展|经)[^;。!?\n]{0,6}合法性(?:前置)?审[查核]/, postSentence: true,
  },
  { id: 'dm.coverage', indicator: 'dm_village_adviser_coverage_rate', units: PCT, multi: true, pre: R('法律顾问~12覆盖率~6'), notPre: /培训/ },
  { id: 'dm.duty', indicator: 'dm_duty_list_items', units: ['项', '条'], pre: R('(?:履职|履行职责|职责|收回|承担|配合)~12事项~6') },
  { id: 'dm.duty.total', indicator: 'dm_duty_list_items', units: ['项', '条'], pre: R('(?:厘清|梳理)~4'), ctx: /履职|职责|清单/ },

  // ── enforcement ──────────────────────────────────────────────────────────────
  { id: 'enf.rate', indicator: 'enf_certification_rate', units: PCT, multi: true, pre: R('持证(?:上岗)?(?:率|比例)~10') },
  {
    id: 'enf.officers.post', indicator: 'enf_certified_officers', units: ['名', '人'], post: P('(?:行政)?执法人员~20(?:取得|持有|持证|通过|参加|参与|考试|执法证|全部)'),
    subKind: (c) => (/新增/.test(c.pre) ? 'new' : 'total'),
  },
  {
    id: 'enf.officers.qual', indicator: 'enf_certified_officers', units: ['名', '人'], post: P('~10(?:取得|持有|通过)~8执法(?:证|资格|培训|考试|考核)'),
    subKind: (c) => (/新增/.test(c.pre) ? 'new' : 'total'),
  },
  { id: 'enf.officers', indicator: 'enf_certified_officers', units: ['名', '人'], pre: R('(?:持证|持有(?:行政)?执法证(?:件)?|取得(?:行政)?执法(?:证|资格)|新增持证)~6(?:(?:执法)?人员)?~4'), subKind: (c) => (/新增/.test(c.pre) ? 'new' : 'total') },
  { id: 'enf.inspect', indicator: 'enf_inspections', units: ['次'], pre: R('(?:执法检查|联合执法|执法行动|专项执法|执法巡查)~6'), notPre: /会议|会$|培训|学习/ },
  { id: 'enf.amount', indicator: 'enf_penalty_amount', units: MONEY, pre: R('(?:罚没|罚款|处罚)~10(?:金额|款)?~6') },
  { id: 'enf.cases', indicator: 'enf_penalty_cases', units: ['件', '个', '宗', '起'], pre: R('(?:行政处罚~14|(?:立案)?查处~14案件|(?:办理|查办)~6违法(?:违规)?案件)(?:数)?~3'), notPre: /金额|罚没/ },
  { id: 'enf.cases.filed', indicator: 'enf_penalty_cases', units: ['件', '宗', '起', '件次'], pre: R('(?:立案(?:查处|调查)|查处~14违法(?:行为|案件)?)~6'), ctx: /执法|处罚|违法|案件/, notPre: /金额|罚没|信访|纠纷/ },
  { id: 'enf.listed', indicator: 'enf_listed_matters', units: ['项'], pre: R('执法事项~8') },
  { id: 'enf.files', indicator: 'enf_case_file_reviews', units: ['次'], pre: R('(?:案卷评查|评查~8执法案卷)~6') },

  // ── transparency ─────────────────────────────────────────────────────────────
  { id: 'tr.proactive', indicator: 'tr_proactive_disclosures', units: ['条'], pre: R('(?:主动公开~16|公开~6(?:政府|政务)?信息~6)') },
  { id: 'tr.requests', indicator: 'tr_disclosure_requests', units: ['件'], pre: R('(?:依申请(?:信息)?公开|信息公开申请|申请公开|政府信息公开)~8') },

  // ── legal services ───────────────────────────────────────────────────────────
  // the centre's visits, not the consultations it gave (公共法律服务站提供法律咨询300人次 → consultations;
  // 提供法律咨询、政策咨询、法律服务300余人次 is services of all kinds: visits)
  {
    id: 'svc.center', indicator: 'svc_service_center_visits', units: ['人次', '人'], pre: R('(?:接待|服务|提供|办理)~24'), ctx: /公共法律服务(?:中心|站|工作站|室)/,
    when: (c) => !/咨询/.test(c.pre) || /、|及|和/.test(c.pre),
  },
  { id: 'svc.consult', indicator: 'svc_legal_consultations', units: ['人次', '件次', '件', '人', '次', '名'], pre: R('咨询~6'), ctx: /法律|普法|法治|宪法|民法典|法规/, notPre: /政策咨询/ },
  { id: 'svc.questions', indicator: 'svc_legal_consultations', units: ['人次', '件次', '件', '次'], pre: R('(?:解答|答复|解决)~6法律问题~4') },
  {
    id: 'svc.consult.post', indicator: 'svc_legal_consultations', units: ['人次', '人', '名', '次', '件次'], pre: R('(?:为|接待|解答|答复)'),
    post: P('~8(?:提供|解答|答复|进行)?~6(?:法律)?咨询'), ctx: /法律|普法|法治|宪法|民法典|法规/,
  },
  { id: 'svc.aid', indicator: 'svc_legal_aid_cases', units: ['件'], pre: R('法律援助~10') },
  // the topic named earlier in the sentence or in the heading, the object generic (发挥法律援助职能…办理追薪案件N件)
  {
    id: 'svc.aid.topic', indicator: 'svc_legal_aid_cases', units: ['件'], pre: R('(?:办理|受理|承办|代理|指派)~12案件~2'), ctx: /法律援助/, ctxHeading: true,
    notPre: /诉讼|处罚|调解|纠纷|信访|复议|执法|审查|合同|咨询/,
  },
  // the topic in the heading, the number right after its verb ((四)法律援助工作 … 全年办理10余件)
  { id: 'svc.aid.verb', indicator: 'svc_legal_aid_cases', units: ['件'], pre: R('(?:办理|受理|承办)了?'), ctx: /法律援助/, ctxHeading: true, notCtx: /诉讼|调解|纠纷|信访|复议|执法|咨询/ },
  { id: 'svc.conv', indicator: 'svc_convenience_services', units: ['件'], pre: R('便民服务~10') },

  // ── petitions ────────────────────────────────────────────────────────────────
  { id: 'pet.closure', indicator: 'pet_closure_rate', units: PCT, multi: true, pre: R('办结率~8'), ctx: /诉求|热线|信访|工单|12345|8890|12315|来访|投诉|民生|接诉/, ctxHeading: true },
  { id: 'pet.satisfaction', indicator: 'pet_satisfaction_rate', units: PCT, multi: true, pre: R('满意(?:率|度)~8'), ctx: /诉求|热线|信访|办结|工单|12345|8890/ },
  { id: 'pet.hotline', indicator: 'pet_hotline_tickets', units: ['件', '条'], pre: R('(?:12345|8890|12315|热线|诉求|工单|民情)~12'), ctx: /受理|办理|答复|处理|接收|转办|办结/ },
  { id: 'pet.petitions', indicator: 'pet_petitions_received', units: ['件', '批', '人次'], pre: R('(?:受理|接待|办理|化解)~8(?:信访|来访|来信)~8') },

  // ── outreach events last: the broadest wording ───────────────────────────────
  {
    id: 'out.events', indicator: 'out_events', units: EVT,
    pre: R('(?:(?:普法|法治|法律|法制|宪法|民法典|禁毒|反诈|防诈|送法|以案释法)~16)?(?:宣传|宣讲|讲座|活动|课堂|下乡|进村|送法|普法|专场|集市|大集|演出|讲堂|宣传会|巡展|展览|展播|放映|电影|授课|法治课)(?:活动)?~3'),
    ctx: /普法|法治|法律|法制|宪法|民法典|禁毒|反诈|防诈|电诈|诈骗|送法|以案释法|法规/, ctxHeading: true,
    notPre: /培训|学习|学法|会议|研讨|检查|执法|调解|考试|党课|坐班|值班|审查|会前|座谈|媒体|公众号|微信|网络|平台|短信|抖音|网站|旁听|庭审/,
    when: (c) => !participated(c),
  },
  { id: 'out.events.post', indicator: 'out_events', units: EVT, pre: R('(?:开展|举办|组织|举行|完成)'), post: P('~20(?:宣传|普法|宣讲|讲座|送法)(?:活动)?') },
  // visits to the public: 走进社区/校园开展N场次 (the sentence names the 普法 content)
  {
    id: 'out.events.visit', indicator: 'out_events', units: EVT,
    pre: R('(?:走进|深入|走访|进入|进)(?:社区|校园|学校|村|村组|企业|乡村|农村|集市|院坝|机关|单位|家庭|寺庙|宗教场所|田间|工地|商户|市场)~12'),
    ctx: /普法|法治|法律|法制|宪法|民法典|禁毒|反诈|防诈|送法|以案释法|宣传/,
    notPre: /培训|学习|学法|会议|检查|执法|调解|考试|坐班|值班|审查|走访群众|排查/, when: (c) => !participated(c),
  },
];

export const ruleHelpers = { C };
