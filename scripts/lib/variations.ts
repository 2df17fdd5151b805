/**
 * The robustness suite's grammar: for each indicator reports commonly state, the parts a sentence stating
 * it is built from — time, subject, verb, modifier, counted object, 共/累计, number form, unit, tail — and
 * the orders they come in (number after the object, before it, or the object first as topic), lists
 * (、/其中/分别), a heading that names the topic, and the negatives that must not become facts (plans,
 * targets, other units, changes, multi-year totals, per-unit figures).
 *
 * Every phrase here is written for this suite from the catalog's labels and phrasings and ordinary report
 * wording (no evaluation text is copied). The combinations are drawn with a seeded PRNG (rng.ts), so a run
 * repeats exactly. The gold of each variant follows labeling.md: 余/多/超过 → lower_bound, 近 → upper_bound,
 * Chinese numerals are numbers, 人 (headcount) and 人次 keep their own unit, 万元 is stored in 元.
 */
import { rng } from './rng';

export type Qualifier = 'exact' | 'lower_bound' | 'upper_bound';
export interface Want { indicator: string; value: number; qualifier: Qualifier }
export interface Variant {
  id: string;
  /** the indicator the variant is about (negatives: the one it would be if it were a level) */
  indicator: string;
  polarity: 'positive' | 'negative';
  /** which part varied: order (VON/VNO/OVN), template, list, heading; for negatives the guard */
  form: string;
  /** number form: arabic, chinese, thousands, yu, jin, chaoguo, wan … */
  numForm: string;
  text: string;
  want: Want[];
  /** the report is a 街道's (its wording says 街道/街道党工委) */
  street?: boolean;
}

type Mag = 'small' | 'medium' | 'large';
interface Grammar {
  indicator: string;
  mag: Mag;
  /** subjects that may do this (镇 report wording; 街道 reports swap the word) */
  subjects: string[];
  verbs: string[];
  objects: string[];
  /** modifiers between verb and object (各类, 多种形式的 …); '' = none */
  mods?: string[];
  units: string[];
  /** orders of verb (V), object (O) and quantity (Q) this wording allows */
  orders: ('VOQ' | 'VQO' | 'OVQ')[];
  /** whole templates with {Q} (number + unit), optionally {M} modifier */
  templates?: string[];
  /** tails after the statement; a tail that states a fact of its own says so */
  tails?: Tail[];
  /** where or how, before the verb (在各村(社区), 通过…等形式): the town's own activity all the same */
  places?: string[];
  /** a stock or a one-off (聘请, 建成, 现有): no adverb, no 共/累计 */
  plainVerb?: boolean;
  /** villages never hold this (enforcement certificates): no 各村(社区) negative */
  noVillages?: boolean;
}
interface Tail { text: string; want?: Want }

const TIMES = ['全年', '年内', '2024年以来', '今年以来', ''];
/** adverbs before the verb, and 了 after it */
const ADVERBS = ['', '', '', '深入', '扎实', '积极', '持续', '依法'];
const ALL_SUBJ = ['我镇', '镇'];
const PARTY = ['镇党委', '镇党委政府', '我镇'];
const JUDICIAL = ['镇司法所', '我镇', '镇综治中心'];

/** A change that is not a level (labeling.md: changes rather than levels). */
const CHANGE_TAIL: Tail = { text: '，同比增长15%' };

export const GRAMMARS: Grammar[] = [
  // ── mediation ───────────────────────────────────────────────────────────────
  {
    indicator: 'med_cases_total', mag: 'medium', subjects: [...JUDICIAL, '镇村两级调解组织'],
    verbs: ['调处', '化解', '调解', '受理', '排查调处', '妥善化解', '依法调处'],
    objects: ['矛盾纠纷', '纠纷', '民间纠纷', '矛盾纠纷案件'], mods: ['', '各类', '各类', '婚姻家庭、邻里等', '涉及土地、婚姻家庭等各类'], units: ['件', '起', '宗'],
    places: ['', '', '依托“枫桥式”司法所,', '通过“人民调解+”工作机制'],
    orders: ['VOQ', 'VQO', 'OVQ'],
    templates: ['受理调解案件{Q}', '人民调解委员会{M}调处纠纷{Q}', '接案调处{Q}', '受理各类矛盾纠纷{N}宗', '共调处各类矛盾纠纷{N}起', '排查化解各类矛盾纠纷{Q}'],
    tails: [CHANGE_TAIL, { text: '，同比增加12件' }, { text: '，涉及金额36万元', want: { indicator: 'med_amount_involved', value: 360000, qualifier: 'exact' } },
      { text: '，调解成功率达98%', want: { indicator: 'med_success_rate', value: 98, qualifier: 'exact' } }],
  },
  {
    indicator: 'med_success', mag: 'medium', subjects: JUDICIAL, verbs: ['成功调处', '成功化解', '成功调解'],
    objects: ['矛盾纠纷', '纠纷'], mods: ['', '各类'], units: ['件', '起', '宗'], orders: ['VOQ', 'VQO'],
    templates: ['调解成功{Q}', '调处成功{Q}'],
  },
  // ── litigation ──────────────────────────────────────────────────────────────
  {
    indicator: 'lit_admin_suits_total', mag: 'small', subjects: ['镇政府', '我镇'], verbs: ['办理', '代理', '发生'],
    objects: ['行政诉讼案件', '行政应诉案件'], units: ['件', '起'], orders: ['VOQ', 'VQO'],
    templates: ['共有行政应诉案件{Q}', '作为被告的行政诉讼案件{Q}'],
  },
  // ── petitions and hotline ───────────────────────────────────────────────────
  {
    indicator: 'pet_petitions_received', mag: 'medium', subjects: ['我镇', '镇信访办', '镇综治中心'], verbs: ['受理', '办理', '接待'],
    objects: ['信访事项', '群众来信来访', '信访件'], mods: ['', '各类'], units: ['件'], orders: ['VOQ', 'VQO'],
    templates: ['接待来访群众{N}人次', '接待群众来访{N}批', '化解信访积案{Q}'],
  },
  {
    indicator: 'pet_hotline_tickets', mag: 'medium', subjects: ['我镇', '镇'], verbs: ['受理', '办理', '接收'],
    objects: ['12345热线诉求', '12345政务服务热线工单', '群众诉求', '热线工单'], mods: ['', '各类'], units: ['件'], orders: ['VOQ'],
    templates: ['办理{Q}群众诉求', '受理群众诉求{Q}', '办理12345市民热线工单{Q}', '受理8890平台诉求{Q}'],
    tails: [{ text: '，办结率100%', want: { indicator: 'pet_closure_rate', value: 100, qualifier: 'exact' } }],
  },
  // ── outreach ────────────────────────────────────────────────────────────────
  {
    indicator: 'out_events', mag: 'medium', subjects: [...ALL_SUBJ, '镇司法所'], verbs: ['开展', '举办', '组织开展', '组织'],
    objects: ['普法宣传活动', '法治宣传活动', '普法活动', '法治宣传进村(社区)活动', '“宪法宣传周”活动', '法律讲座', '普法讲座', '送法下乡活动'],
    mods: ['', '各类', '多种形式的', '面向群众的', '线上线下', '形式多样的'], units: ['场', '场次', '次'], orders: ['VOQ', 'VQO', 'OVQ'],
    places: ['', '', '在各村(社区)', '在辖区内', '围绕“八五”普法规划,', '通过以案释法、现场答疑等形式'],
    templates: ['深入村(社区)开展普法宣传{Q}', '走进校园开展法治讲座{Q}', '组织普法志愿者开展{M}普法宣传{Q}', '举办法治图片巡展{Q}', '放映法治电影{Q}',
      '开展“法律进乡村”“法治进校园”等活动{Q}', '走进社区、校园开展{M}普法宣传{Q}', '开展宪法宣传、民法典宣讲、防范电信诈骗等{M}宣传活动{Q}'],
    tails: [{ text: '，受教育群众5000余人次', want: { indicator: 'out_reach', value: 5000, qualifier: 'lower_bound' } },
      { text: '，覆盖群众3000余人次', want: { indicator: 'out_reach', value: 3000, qualifier: 'lower_bound' } }, CHANGE_TAIL],
  },
  {
    indicator: 'out_materials', mag: 'large', subjects: [...ALL_SUBJ, '镇司法所'], verbs: ['发放', '向群众发放', '分发', '印制发放'],
    objects: ['宣传资料@份', '普法宣传资料@份', '法治宣传材料@份', '宣传手册@册本份', '《民法典》宣传册@册本', '普法读本@本册'], mods: ['', '各类'],
    units: ['份', '册', '本'], orders: ['VOQ', 'VQO'],
  },
  {
    indicator: 'out_reach', mag: 'large', subjects: [''], verbs: [], objects: [], units: ['人次'], orders: [],
    templates: ['开展普法宣传活动,受教育群众{Q}', '开展法治讲座,覆盖群众{Q}', '开展宪法宣传活动,惠及群众{Q}', '开展普法宣传,受众{Q}', '开展民法典宣传月活动,受益群众{Q}', '开展法治文艺演出,参与群众达{Q}'],
  },
  {
    indicator: 'out_banners', mag: 'medium', subjects: [...ALL_SUBJ], verbs: ['悬挂'], objects: ['横幅', '宣传横幅', '宣传条幅', '普法横幅'],
    units: ['条', '幅'], orders: ['VOQ', 'VQO'],
  },
  {
    indicator: 'out_culture_sites', mag: 'small', plainVerb: true, subjects: [...ALL_SUBJ], verbs: ['建成', '新建', '打造', '建设'],
    objects: ['法治文化长廊@处个', '法治文化广场@处个', '法治宣传栏@块个处', '法治文化阵地@处个', '普法宣传栏@块个'], units: ['处', '个', '块'], orders: ['VOQ', 'VQO'],
  },
  // ── legal services ──────────────────────────────────────────────────────────
  {
    indicator: 'svc_legal_consultations', mag: 'medium', subjects: ['镇司法所', '镇公共法律服务站', '我镇'], verbs: ['解答', '提供', '接待', '受理'],
    objects: ['法律咨询', '群众法律咨询', '法律咨询服务'], mods: ['', '各类', '免费'], units: ['人次', '次', '件次'], orders: ['VOQ', 'VQO'],
    places: ['', '', '在村(社区)公共法律服务工作室', '在镇便民服务中心'],
    templates: ['为{N}名群众提供法律咨询', '解答群众法律问题{Q}', '接待群众法律咨询{N}名', '解答群众各类法律咨询{N}次', '现场解答群众法律咨询{Q}'],
  },
  {
    indicator: 'svc_legal_aid_cases', mag: 'small', subjects: ['镇司法所', '我镇'], verbs: ['办理', '受理', '协助办理'],
    objects: ['法律援助案件'], units: ['件'], orders: ['VOQ', 'VQO'],
  },
  {
    indicator: 'dm_legal_advisers', mag: 'small', plainVerb: true, subjects: ['镇政府', '我镇'], verbs: ['聘请', '聘用'], objects: ['法律顾问', '常年法律顾问'],
    units: ['名', '位'], orders: ['VOQ', 'VQO'], templates: ['现有法律顾问{Q}'],
  },
  // ── reviews ─────────────────────────────────────────────────────────────────
  {
    indicator: 'dm_legality_reviews', mag: 'medium', subjects: ['镇政府', '我镇', '镇司法所'], verbs: ['开展', '完成', '进行'],
    objects: ['合法性审查', '重大行政决策合法性审查', '行政规范性文件合法性审查'], units: ['件', '次'], orders: ['VOQ', 'VQO'],
  },
  {
    indicator: 'dm_contract_reviews', mag: 'medium', subjects: ['镇政府', '法律顾问', '我镇'], verbs: ['审查', '审核'],
    objects: ['合同', '各类合同', '合同协议'], units: ['份', '件'], orders: ['VOQ', 'VQO'], templates: ['开展合同合法性审查{Q}'],
  },
  // ── enforcement ─────────────────────────────────────────────────────────────
  {
    indicator: 'enf_inspections', mag: 'medium', subjects: ['镇综合行政执法队', '我镇'], verbs: ['开展', '组织开展'],
    objects: ['行政执法检查', '联合执法', '专项执法行动'], mods: ['', '各类'], units: ['次'], orders: ['VOQ', 'VQO'],
  },
  {
    indicator: 'enf_penalty_cases', mag: 'medium', subjects: ['镇综合行政执法队', '我镇'], verbs: ['办理', '查处', '立案查处'],
    objects: ['行政处罚案件', '违法案件'], mods: ['', '各类'], units: ['件', '起'], orders: ['VOQ', 'VQO'],
  },
  {
    indicator: 'enf_certified_officers', mag: 'small', plainVerb: true, noVillages: true, subjects: ['我镇', '镇综合行政执法队'], verbs: [], objects: [], units: ['人', '名'], orders: [],
    templates: ['持有行政执法证{Q}', '{N}名执法人员取得行政执法资格', '现有持证执法人员{Q}', '{N}名执法人员全部通过执法资格考试', '新增持证执法人员{Q}'],
  },
  // ── meetings, study, training ───────────────────────────────────────────────
  {
    indicator: 'ls_rol_meetings', mag: 'small', subjects: PARTY, verbs: ['召开', '主持召开', '组织召开'],
    objects: ['法治建设专题会议', '法治政府建设专题会议', '依法治镇委员会会议', '法治建设工作会议'], units: ['次'], orders: ['VOQ', 'VQO'],
    templates: ['专题研究法治工作{Q}', '专题研究部署法治建设工作{Q}', '召开{N}次党委会议研究部署法治建设工作', '召开依法治镇委员会会议{Q}', '安排部署法治建设工作{Q}', '召开{N}次专题会议研究法治政府建设工作'],
  },
  {
    indicator: 'ls_theory_study_sessions', mag: 'small', subjects: ['镇党委', '镇党委理论学习中心组'], verbs: ['开展', '组织开展', '组织'],
    objects: ['习近平法治思想专题学习', '习近平法治思想集中学习', '“第一议题”学习'], units: ['次', '场'], orders: ['VOQ', 'VQO'],
    templates: ['常态化学习习近平法治思想{Q}', '落实“第一议题”学习{Q}', '理论学习中心组开展习近平法治思想专题学习{N}期', '坚持以习近平新时代中国特色社会主义思想为指导,开展理论学习{Q}', '围绕习近平法治思想开展集体学习{Q}'],
  },
  {
    indicator: 'ls_law_study_sessions', mag: 'small', subjects: ['镇党委', '镇领导班子', '我镇'], verbs: ['开展', '组织', '组织开展'],
    objects: ['会前学法', '集中学法', '领导班子集体学法', '干部职工集中学法'], units: ['次', '场'], orders: ['VOQ', 'VQO'],
    templates: ['集中学习法律法规{Q}', '开展领导干部会前学法{Q}', '组织班子成员集中学习《民法典》《行政处罚法》{Q}'],
  },
  {
    indicator: 'ls_training_sessions', mag: 'small', subjects: ['镇党委', '我镇'], verbs: ['组织', '举办', '开展'],
    objects: ['法治培训', '干部职工法治培训', '执法人员业务培训', '依法行政培训班'], units: ['场', '期', '次', '场次'], orders: ['VOQ', 'VQO'],
    tails: [{ text: '，参训人员300余人次', want: { indicator: 'ls_training_attendance', value: 300, qualifier: 'lower_bound' } }],
  },
  {
    indicator: 'ls_training_attendance', mag: 'medium', subjects: [''], verbs: [], objects: [], units: ['人次'], orders: [],
    templates: ['组织干部职工法治培训,参训人员{Q}', '开展执法人员业务培训,培训{Q}', '举办依法行政培训班,参训干部{Q}', '组织镇村干部法治培训,覆盖镇村干部{N}余人', '开展行政执法人员业务培训,参训{Q}', '组织干部职工参加法治培训,累计培训{Q}'],
  },
];

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
export function chineseNumeral(v: number): string {
  if (v === 2) return '两';
  if (v < 10) return NUMERALS[v]!;
  if (v < 20) return '十' + (v % 10 ? NUMERALS[v % 10] : '');
  if (v < 100) return NUMERALS[Math.floor(v / 10)] + '十' + (v % 10 ? NUMERALS[v % 10] : '');
  throw new Error(`chineseNumeral: ${v}`);
}

interface NumRender { text: string; value: number; qualifier: Qualifier; form: string }
/** One number as reports write it, with its gold value and qualifier. */
function renderNumber(mag: Mag, r: () => number): NumRender {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const base = mag === 'small' ? 2 + Math.floor(r() * 18) : mag === 'medium' ? 12 + Math.floor(r() * 300) : 1200 + Math.floor(r() * 20000);
  const round = mag === 'small' ? 10 : mag === 'medium' ? (base < 100 ? 10 : 100) : 1000;
  const rv = Math.max(round, Math.round(base / round) * round);
  const forms = mag === 'small' ? ['arabic', 'chinese', 'chinese', 'yu', 'yu_cn'] : mag === 'medium' ? ['arabic', 'arabic', 'yu', 'jin', 'chaoguo', 'duo'] : ['arabic', 'thousands', 'yu', 'chaoguo', 'wan', 'wan_yu'];
  const form = pick(forms);
  switch (form) {
    case 'chinese': return { text: chineseNumeral(Math.min(base, 12)), value: Math.min(base, 12), qualifier: 'exact', form };
    case 'yu': return { text: `${rv}余`, value: rv, qualifier: 'lower_bound', form };
    case 'yu_cn': return { text: `${chineseNumeral(rv)}余`, value: rv, qualifier: 'lower_bound', form };
    case 'jin': return { text: `近${rv}`, value: rv, qualifier: 'upper_bound', form };
    case 'chaoguo': return { text: `超过${rv}`, value: rv, qualifier: 'lower_bound', form };
    case 'duo': return { text: `${rv}多`, value: rv, qualifier: 'lower_bound', form };
    case 'thousands': return { text: base.toLocaleString('en-US'), value: base, qualifier: 'exact', form };
    case 'wan': { if (base < 10000) return { text: base.toLocaleString('en-US'), value: base, qualifier: 'exact', form: 'thousands' }; const w = Math.round(base / 1000) / 10; return { text: `${w}万`, value: Math.round(w * 1e4), qualifier: 'exact', form }; }
    case 'wan_yu': { const w = Math.max(1, Math.floor(base / 10000)); return { text: `${w === 2 ? '两' : chineseNumeral(w)}万余`, value: w * 1e4, qualifier: 'lower_bound', form }; }
    default: return { text: String(base), value: base, qualifier: 'exact', form: 'arabic' };
  }
}

/** 镇 → 街道 wording for a 街道 report. */
const asStreet = (s: string) => s.replace(/^我镇/, '我街道').replace(/^镇党委/, '街道党工委').replace(/^镇/, '街道').replace(/依法治镇/, '依法治街');

function sentenceParts(g: Grammar, r: () => number) {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const time = pick(TIMES);
  const subject = pick(g.subjects);
  // 共/累计/合计 before the verb; 累计 only with a period word (a bare 累计 is a running total)
  const total = pick(['', '', '共', time ? '累计' : '共', '合计']);
  return { time, subject, total, pick };
}

/** A template's own number: {N} is followed by its unit in the template ({N}余人 keeps 余 → lower_bound). */
function fillTemplate(t: string, mod: string, q: string, n: NumRender): { body: string; value: number; qualifier: Qualifier } {
  const body = t.replace('{M}', mod);
  if (!body.includes('{N}')) return { body: body.replace('{Q}', q), value: n.value, qualifier: n.qualifier };
  // a plain number when the template writes its own qualifier
  if (body.includes('{N}余')) {
    const v = Math.max(10, Math.round(n.value / 10) * 10);
    return { body: body.replace('{N}', String(v)), value: v, qualifier: 'lower_bound' };
  }
  return { body: body.replace('{N}', n.text), value: n.value, qualifier: n.qualifier };
}

/** An object with the units it is counted in (宣传栏@块个 → 块 or 个). */
function objectUnits(obj: string, units: string[]): { obj: string; units: string[] } {
  const [o, u] = obj.split('@');
  return { obj: o!, units: u ? units.filter((x) => u.includes(x)) : units };
}

/** One positive variant of grammar g. */
function positive(g: Grammar, r: () => number, street: boolean): { text: string; want: Want[]; form: string; numForm: string } {
  const { time, subject, total, pick } = sentenceParts(g, r);
  const n = renderNumber(g.mag, r);
  const want: Want[] = [];
  const mod = pick(g.mods ?? ['']);
  const useTemplate = g.templates && (g.orders.length === 0 || r() < 0.4);
  let body: string;
  let form: string;
  if (useTemplate) {
    const t = pick(g.templates!);
    form = 'template';
    const f = fillTemplate(t, mod, `${n.text}${pick(g.units)}`, n);
    body = f.body;
    want.push({ indicator: g.indicator, value: f.value, qualifier: f.qualifier });
  } else {
    const order = pick(g.orders);
    const verb = (g.plainVerb ? '' : pick(ADVERBS)) + pick(g.verbs) + (r() < 0.15 ? '了' : '');
    const ou = objectUnits(pick(g.objects), g.units);
    const obj = mod + ou.obj;
    const q = `${n.text}${pick(ou.units)}`;
    form = order;
    body = order === 'VOQ' ? `${verb}${obj}${q}` : order === 'VQO' ? `${verb}${q}${obj}` : `${obj}${total}${verb}${q}`;
    want.push({ indicator: g.indicator, value: n.value, qualifier: n.qualifier });
  }
  const tail = g.tails && r() < 0.35 ? pick(g.tails) : null;
  if (tail?.want) want.push(tail.want);
  // the object first (普法宣传活动共开展12场) stands without a subject
  const place = form === 'template' || form === 'OVQ' ? '' : pick(g.places ?? ['']);
  const lead = form === 'OVQ' ? '' : (street ? asStreet(subject) : subject) + (g.plainVerb ? '' : total) + place;
  const comma = time && lead && r() < 0.5 ? '，' : '';
  let text = `${time}${comma}${lead}${body}${tail ? tail.text : ''}。`;
  if (street) text = text.replace(/依法治镇/g, '依法治街');
  return { text, want, form, numForm: n.form };
}

/** Negative wrappers: the statement is not a level achieved by the town in the period. */
const NEGATIVES: { form: string; wrap: (s: string, time: string) => string }[] = [
  { form: 'plan', wrap: (s) => `下一步，计划${s}` },
  { form: 'plan', wrap: (s) => `2025年，我镇将${s}` },
  { form: 'plan', wrap: (s) => `力争${s}` },
  { form: 'target', wrap: (s) => `每年${s.replace(/(\d+|[一两二三四五六七八九十]+)(?=[件起宗场次期人名位份册本条幅处个块])/, '不少于$1')}` },
  { form: 'other_unit', wrap: (s) => `全县共${s}` },
  { form: 'other_unit', wrap: (s) => `各村(社区)${s}` },
  { form: 'other_unit', wrap: (s) => `县司法局${s}` },
  { form: 'change', wrap: (s) => s.replace(/(\d+|[一两二三四五六七八九十]+)(?=[件起宗场次期人名位份册本条幅处个块])/, '同比增加$1') },
  { form: 'multi_year', wrap: (s) => `近三年来累计${s}` },
  { form: 'multi_year', wrap: (s) => `2021年以来，累计${s}` },
  { form: 'per_unit', wrap: (s) => `每个村(社区)${s}` },
];

/** A plain statement for a negative: verb + object + quantity, exact arabic number, no tail. */
function plain(g: Grammar, r: () => number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const n = renderNumber(g.mag, () => 0.01);
  const v = g.mag === 'small' ? 3 : n.value;
  if (!g.verbs.length) return pick(g.templates!).replace('{M}', '').replace('{N}', String(v)).replace('{Q}', `${v}${pick(g.units)}`);
  const ou = objectUnits(pick(g.objects), g.units);
  return `${pick(g.verbs)}${ou.obj}${v}${pick(ou.units)}`;
}

/** Lists and carried topics: later items named by a word or two, the topic said once. */
const LISTS: { indicator: string; text: string; want: Want[] }[] = [
  { indicator: 'med_cases_total', text: '全年调处矛盾纠纷289件，其中口头调解188件、书面调解101件。', want: [w('med_cases_total', 289), w('med_oral', 188), w('med_written', 101)] },
  { indicator: 'med_cases_total', text: '全年调处矛盾纠纷156件，其中口头调解120件、书面36件。', want: [w('med_cases_total', 156), w('med_oral', 120), w('med_written', 36)] },
  { indicator: 'med_cases_total', text: '全年共受理矛盾纠纷86起，成功调处84起，调解成功率97.7%。', want: [w('med_cases_total', 86), w('med_success', 84), w('med_success_rate', 97.7)] },
  { indicator: 'med_cases_total', text: '今年以来，镇村两级调解组织共排查矛盾纠纷120件，化解118件。', want: [w('med_disputes_screened', 120), w('med_cases_total', 118)] },
  { indicator: 'out_events', text: '全年开展普法宣传活动36场、发放宣传资料8000余份、悬挂横幅40余条。', want: [w('out_events', 36), w('out_materials', 8000, 'lower_bound'), w('out_banners', 40, 'lower_bound')] },
  { indicator: 'out_events', text: '全年开展各类普法宣传活动36场，发放宣传资料8000余份，受教育群众1.2万人次。', want: [w('out_events', 36), w('out_materials', 8000, 'lower_bound'), w('out_reach', 12000)] },
  { indicator: 'out_events', text: '围绕宪法宣传周，开展法律讲座12场、普法文艺演出3场，发放《民法典》读本500余本。', want: [w('out_events', 12), w('out_events', 3), w('out_materials', 500, 'lower_bound')] },
  { indicator: 'out_culture_sites', text: '全年新建法治文化长廊2处、法治文化广场1个、法治宣传栏15块。', want: [w('out_culture_sites', 2), w('out_culture_sites', 1), w('out_culture_sites', 15)] },
  { indicator: 'svc_legal_consultations', text: '镇公共法律服务站全年解答法律咨询260人次，办理法律援助案件8件。', want: [w('svc_legal_consultations', 260), w('svc_legal_aid_cases', 8)] },
  { indicator: 'lit_admin_suits_total', text: '全年办理行政诉讼案件9件，其中一审1件、再审8件，均未败诉。', want: [w('lit_admin_suits_total', 9), w('lit_first_instance', 1), w('lit_retrial', 8), w('lit_admin_suits_lost', 0)] },
  { indicator: 'ls_training_sessions', text: '全年组织干部职工法治培训4场次，参训人员500余人次。', want: [w('ls_training_sessions', 4), w('ls_training_attendance', 500, 'lower_bound')] },
  { indicator: 'ls_rol_meetings', text: '镇党委召开党委会议24次，其中专题研究法治建设工作4次。', want: [w('ls_rol_meetings', 4)] },
  { indicator: 'pet_hotline_tickets', text: '全年受理12345热线诉求420件，办结率、满意率均为100%。', want: [w('pet_hotline_tickets', 420), w('pet_closure_rate', 100), w('pet_satisfaction_rate', 100)] },
];
function w(indicator: string, value: number, qualifier: Qualifier = 'exact'): Want {
  return { indicator, value, qualifier };
}

/** Topic named in the heading, the number stands below with only a verb. */
const HEADINGS: { indicator: string; heading: string; body: string; unit: string[]; mag: Mag; also?: Want[] }[] = [
  { indicator: 'med_cases_total', heading: '(三)深化矛盾纠纷排查化解', body: '全年共调处{Q}，调处成功率100%。', unit: ['件', '起'], mag: 'medium', also: [w('med_success_rate', 100)] },
  { indicator: 'med_cases_total', heading: '(二)人民调解工作', body: '今年以来，镇司法所共受理{Q}，均已调解完毕。', unit: ['件', '起'], mag: 'medium' },
  { indicator: 'svc_legal_aid_cases', heading: '(四)法律援助工作', body: '全年办理{Q}，挽回经济损失20余万元。', unit: ['件'], mag: 'small' },
];

export interface Options { seed?: number; perIndicator?: number; negativesPerIndicator?: number }

/** The whole suite, deterministically. */
export function generateVariations({ seed = 20241101, perIndicator = 40, negativesPerIndicator = 11 }: Options = {}): Variant[] {
  const r = rng(seed);
  const out: Variant[] = [];
  for (const g of GRAMMARS) {
    const seen = new Set<string>();
    for (let k = 0, tries = 0; k < perIndicator && tries < perIndicator * 5; tries++) {
      const street = r() < 0.25;
      const v = positive(g, r, street);
      if (seen.has(v.text)) continue;
      seen.add(v.text);
      out.push({ id: `${g.indicator}.p${k}`, indicator: g.indicator, polarity: 'positive', form: v.form, numForm: v.numForm, text: v.text, want: v.want, ...(street ? { street: true } : {}) });
      k++;
    }
    for (let k = 0; k < negativesPerIndicator; k++) {
      let neg = NEGATIVES[k % NEGATIVES.length]!;
      if (g.noVillages && neg.wrap('', '').startsWith('各村')) neg = NEGATIVES[4]!;
      const s = plain(g, r);
      out.push({ id: `${g.indicator}.n${k}`, indicator: g.indicator, polarity: 'negative', form: neg.form, numForm: 'arabic', text: `${neg.wrap(s, '')}。`, want: [] });
    }
  }
  LISTS.forEach((l, i) => out.push({ id: `list.${i}`, indicator: l.indicator, polarity: 'positive', form: 'list', numForm: 'arabic', text: l.text, want: l.want }));
  HEADINGS.forEach((h, i) => {
    for (const unit of h.unit) {
      const n = renderNumber(h.mag, r);
      out.push({
        id: `heading.${i}.${unit}`, indicator: h.indicator, polarity: 'positive', form: 'heading', numForm: n.form,
        text: `${h.heading}\n${h.body.replace('{Q}', n.text + unit)}`, want: [w(h.indicator, n.value, n.qualifier), ...(h.also ?? [])],
      });
    }
  });
  return out;
}

/** The report a variant is put in: a title naming the town (or 街道) and the year, then the sentence. */
export function reportOf(v: Variant): string {
  return `${v.street ? '某某街道' : '某某镇'}2024年法治政府建设工作报告\n${v.text}`;
}

export interface Got { indicator_id: string; value: number; qualifier: string }
export interface Verdict { pass: boolean; missing: Want[]; extra: Got[] }

/** Pass = the facts are exactly the wanted ones (indicator, value, qualifier), one to one. */
export function judge(v: Variant, facts: readonly Got[]): Verdict {
  const left = [...facts];
  const missing: Want[] = [];
  for (const x of v.want) {
    const i = left.findIndex((f) => f.indicator_id === x.indicator && Math.abs(f.value - x.value) < 1e-6 && f.qualifier === x.qualifier);
    if (i < 0) missing.push(x);
    else left.splice(i, 1);
  }
  return { pass: !missing.length && !left.length, missing, extra: left };
}

/** Passes and totals per key (key null: the variant is left out), for the script's tables and the test's floors. */
export function passCounts(rows: readonly { v: Variant; verdict: Verdict }[], key: (v: Variant) => string | null): Map<string, [number, number]> {
  const by = new Map<string, [number, number]>();
  for (const { v, verdict } of rows) {
    const k = key(v);
    if (k === null) continue;
    const t = by.get(k) ?? [0, 0];
    t[0] += verdict.pass ? 1 : 0;
    t[1]++;
    by.set(k, t);
  }
  return by;
}
