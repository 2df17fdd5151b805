/**
 * The study and training family, decided by the ordered procedure of labeling.md ("Study and training
 * family", steps 1–8): theory study vs law study vs training vs attendance vs public events. The first
 * step that matches wins. Returns null when the number is not study/training wording at all.
 */
import { adviserTakesPart, type RuleContext } from './rules';

export type StudyDecision =
  | { indicator: string; subKind: string | null; step: number }
  | { indicator: null; step: number; reason: string };

const SESSION_UNITS = new Set(['次', '场', '场次', '期', '批次', '批']);
const PERSON_UNITS = new Set(['人次', '人', '名', '位']);

/** Wording of the family: the counted phrase must have one of these for the procedure to apply. */
const FAMILY = /学习|学法|培训|轮训|讲座|党课|研讨|中心组|第一议题|讲法|法治课|以案释法|案例教学|参训|受训|会前|研学|辅导|读书班|论坛/;
/** Cadres and staff as the audience. */
const CADRE = /干部|职工|党员|公职人员|执法人员|工作人员|班子|领导|机关|中心组|两委|网格员|调解员|法律明白人|辅警|队员|骨干/;
const PUBLIC = /群众|村民|居民|企业职工|职工群众|学生|师生|校园|学校|青少年|家长|商户|农民工|妇女|老年|进村|进社区|入户|入企|进企|送法|院坝|集市|社会公众|公众|辖区/;
const PARTY_ONLY = /党纪|党史|三会一课|主题教育|党风廉政|廉政|廉洁|党的建设|党建|党章|党规|二十大精神|全会精神|两会精神|组织生活/;
const TEACH = /培训|轮训|研讨班|讲座|讲法治课|法治课|讲法|以案释法|案例教学/;
/** Teaching formats that are training only when given to cadres (otherwise public outreach). */
const LECTURE = /讲座|讲法治课|法治课|讲法|以案释法/;
const THEORY_PHRASE = /理论学习|中心组|党(?:工)?委(?:会|会议)?(?:专题)?学习|党委理论|第一议题|党课|辅导|研讨|论坛|读书班/;
/** Theory content, also when named by its slogans rather than its author (新理念新思想新战略, 重要讲话精神). */
const THEORY_CONTENT = /习近平|总书记|新时代|二十大|法治思想|中央全面依法治国工作会议|党的创新理论|新理念新思想新战略|新思想|重要讲话|重要指示|重要论述/;
const LAW_CONTENT = /法律法规|法律知识|(?<!普)法规|宪法|民法典|《[^》]*(?:法|条例|规定|办法)》|条例|法律|执法文件|规章/;
const AUDIENCE_OF = /(?:各村|各社区|村\(社区\)|村\(居\)|村居|各单位|各部门|各站所|站所|各支部)[^,;。]{0,10}?(?:负责人|干部|两委|成员|工作人员|党员|职工|书记|主任)/;
const OTHER_UNIT = /^(?:[,、]?(?:各|全镇|全乡)?(?:村|社区|村\(社区\)|村居|支部|各支部|机关各支部|各部门|各单位|站所|中小学))/;

/** A counted phrase that lists formats of different kinds (专题党课、专题研讨会及学习会): a lump. */
const FORMAT = /党课|研讨|学习|培训|讲座|学法/g;
function lumpOfKinds(near: string): boolean {
  const seg = near.split('|')[0]!.replace(/.*[,;]/, '');
  if (!/、|及|和|与|以及/.test(seg)) return false;
  const kinds = new Set([...seg.matchAll(FORMAT)].map((m) => m[0]));
  if (kinds.size < 2) return false;
  // the kinds must be joined (…党课、…研讨会), not one compound (专题学习研讨)
  return /(?:党课|研讨|学习|培训|讲座|学法)[^,;。、]{0,8}(?:、|及|和|与|以及)[^,;。、]{0,8}(?:党课|研讨|学习|培训|讲座|学法)/.test(seg);
}

function strip(s: string): string {
  // forms or carriers named before the counted phrase (通过中心组学习、“三会一课”等形式) are not its content
  // and the titles of named laws are names: a long 《…》 keeps only its last characters (民法典, 条例, 办法)
  return s
    .replace(/(?:通过|依托|借助|利用)[^,;。]{0,30}?等(?:多种|多样|各种)?(?:形式|方式|途径|载体)/g, '')
    .replace(/以[^,;。]{0,20}?为(?:载体|抓手)/g, '')
    .replace(/《[^》]{7,40}》/g, (t) => `《${t.slice(-5, -1)}》`)
    // and a run of titles reads as its last one
    .replace(/(?:《[^》]*》[、和及与]?)+(《[^》]*》)/g, '$1');
}

/** What the counted phrase (the words right before the number in its clause) and its sentence say. */
export function studyProcedure(c: RuleContext, heading: string): StudyDecision | null {
  const unit = c.q.unitRaw;
  const session = SESSION_UNITS.has(unit);
  const person = PERSON_UNITS.has(unit);
  if (!session && !person) return null;
  const cp = strip(c.pre);
  // the counted object may follow the number (开展12次集体学法活动; 召开3次专题会议)
  const obj = /^[\u4e00-\u9fa5“"]/.test(c.post) ? c.post.slice(0, 16) : '';
  const near = cp.slice(-24) + (obj ? `|${obj}` : '');
  const sentence = strip(c.sentencePre);
  if (!FAMILY.test(near)) return null;
  const cadres = CADRE.test(near) || CADRE.test(sentence.slice(-40)) || /学法|会前/.test(sentence.slice(-40));

  // the legal adviser's participations (法律顾问…参加专题研讨会N次) are its engagements, not study
  if (adviserTakesPart(c)) return null;
  // 1. counts of other units; lumps of two kinds. Units that name where a teaching format's trainees come
  // from (各村(社区)、各站所负责人开展法治培训) are its audience, not the unit that counts.
  const audienceOrigin = TEACH.test(near) && AUDIENCE_OF.test(near);
  if (!audienceOrigin && (OTHER_UNIT.test(cp.replace(/^.*?[,;]/, '')) || /基层党组织|各(?:党)?支部|党支部|支部书记|普通党员|各村|各社区|村级|各部门|各单位|中小学/.test(near)))
    return { indicator: null, step: 1, reason: 'other_unit' };
  const lumpStudyTrain = /(?:学习|学法)[^,;。]{0,8}(?:和|及|与|、|以及)[^,;。]{0,10}培训|培训[^,;。]{0,8}(?:和|及|与|、|以及)[^,;。]{0,10}(?:学习|学法)/;
  const lumpTheoryLaw = /理论学习[^,;。]{0,6}(?:和|及|与|、)[^,;。]{0,10}(?:学法|法治培训|法律)/;
  if (session && (lumpStudyTrain.test(near) || lumpTheoryLaw.test(near) || lumpOfKinds(near))) return { indicator: null, step: 1, reason: 'lump' };

  // 2. the public as audience
  // (also when the audience is counted right after the sessions: 讲座N场受众N人)
  if (PUBLIC.test(near) || (person && PUBLIC.test(c.post.slice(0, 6))) || (session && /^[^,;。]{0,4}(?:受众|受益|受教育|覆盖群众|群众)/.test(c.postSentence))) {
    return session ? { indicator: 'out_events', subKind: null, step: 2 } : { indicator: 'out_reach', subKind: unit === '人次' ? null : 'headcount', step: 2 };
  }

  // 3. pure party building
  const hasLaw = /法/.test(near.replace(/方法|办法|想法|做法/g, ''));
  if (PARTY_ONLY.test(near) && !hasLaw && !/中心组|第一议题|党委会|党工委/.test(near))
    return { indicator: null, step: 3, reason: 'party_building' };
  // party members' study or training whose sentence says nothing of law
  if (/党员|党建|支部/.test(near) && !/法/.test(strip(c.sentence).replace(/方法|办法|想法|做法/g, '')) && !/中心组|第一议题|党委会|党工委/.test(near))
    return { indicator: null, step: 3, reason: 'party_building' };

  // 4. persons at cadre/staff study or training
  if (person) {
    if (/法律明白人|调解员|执法证|执法资格|考试|参考/.test(near)) return null;
    if (/受众|受益|受教育|惠及|观看|辐射/.test(near) || !cadres) return null;
    return { indicator: 'ls_training_attendance', subKind: unit === '人次' ? null : 'headcount', step: 4 };
  }

  // 5. a teaching format
  if (TEACH.test(near)) {
    // a lecture with no cadre audience named is the public's (out_events, by the outreach rules)
    if (LECTURE.test(near) && !/培训|轮训|研讨班|案例教学/.test(near) && !cadres) return null;
    return { indicator: 'ls_training_sessions', subKind: null, step: 5 };
  }

  const lawSub = /干部职工|全体|机关干部|镇村干部/.test(near) ? 'staff' : /班子|领导|常务会|党委会|办公会|会前|中心组/.test(near) ? 'leaders' : /干部/.test(near) ? 'staff' : null;
  const theorySub = /党课/.test(near.slice(-8)) ? 'party_lecture' : /研讨|论坛/.test(near.slice(-10)) ? 'seminar' : 'study';

  // 6. law study: 学法 / 会前学习 / 法治学习 not by the 中心组, or only laws named as content
  const whole = strip(c.sentence);
  const sentLaw = LAW_CONTENT.test(whole.replace(/学法|法治思想|依法治/g, ''));
  const sentTheory = THEORY_CONTENT.test(whole);
  if (/学法|会前(?:集中)?学习|会前/.test(near)) return { indicator: 'ls_law_study_sessions', subKind: lawSub, step: 6 };
  if (/法治(?:专题)?学习|法律(?:专题)?学习/.test(near) && !/中心组|党委|党工委/.test(near)) return { indicator: 'ls_law_study_sessions', subKind: lawSub, step: 6 };
  // the counted phrase's own content first, then the sentence's
  // the counted clause (from its last comma), with the object after the number
  const content = near.split('|')[0]!.replace(/.*[,;]/, '') + (obj ? `|${obj}` : '');
  const nearLaw = LAW_CONTENT.test(content.replace(/学法|法治思想|依法治/g, ''));
  const nearTheory = THEORY_CONTENT.test(content);
  if (nearLaw && !nearTheory && /学习|研学/.test(near)) return { indicator: 'ls_law_study_sessions', subKind: lawSub, step: 6 };
  if (nearTheory && !nearLaw) return { indicator: 'ls_theory_study_sessions', subKind: theorySub, step: 7 };
  if (sentLaw && !sentTheory) return { indicator: 'ls_law_study_sessions', subKind: lawSub, step: 6 };

  // 7. theory study
  if (THEORY_PHRASE.test(near) || (sentTheory && !sentLaw)) return { indicator: 'ls_theory_study_sessions', subKind: theorySub, step: 7 };

  // 8. otherwise the sentence decides, then the heading
  if (!/学习|研学/.test(near)) return null;
  for (const s of [strip(c.sentence), heading]) {
    if (/学法/.test(s)) return { indicator: 'ls_law_study_sessions', subKind: lawSub, step: 8 };
    if (/中心组|第一议题|法治思想/.test(s)) return { indicator: 'ls_theory_study_sessions', subKind: theorySub, step: 8 };
  }
  return { indicator: null, step: 8, reason: 'no_content' };
}
