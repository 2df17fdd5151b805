/**
 * Consistency rules of spec §2, checked per report on the extracted facts. A violation names the facts
 * involved; numbers are never changed. Hard rules give errors, soft rules warnings. Facts are compared
 * only within the same period and scope. A lower bound (余/多/以上) can only fail an upper-bound check
 * (O2): it never fails an equality on its own.
 */
import type { LocalFact, RuleViolation } from './types';

type F = LocalFact;

/** Smallest and largest value a fact admits. */
const lo = (f: F) => (f.qualifier === 'upper_bound' ? 0 : f.qualifier === 'approx' ? f.value * 0.9 : f.value);
const hi = (f: F) =>
  f.qualifier === 'lower_bound' ? Infinity : f.qualifier === 'range' ? (f.value_high ?? f.value) : f.qualifier === 'approx' ? f.value * 1.1 : f.value;
const exact = (...fs: F[]) => fs.every((f) => f.qualifier === 'exact');

/** A stated rate agrees with num/den when it is the floor or the rounding at the stated precision. */
export function rateAgrees(stated: number, num: number, den: number): boolean {
  if (den <= 0) return true;
  const x = (100 * num) / den;
  const decimals = (String(stated).split('.')[1] ?? '').length;
  const k = 10 ** decimals;
  const eps = 1e-9;
  return Math.abs(Math.floor(x * k + eps) / k - stated) < eps || Math.abs(Math.round(x * k) / k - stated) < eps;
}

const COUNT_UNITS = new Set(['件', '次', '场', '人次', '名', '份', '条', '张', '项', '个', '件次']);

export function checkConsistency(facts: F[]): RuleViolation[] {
  const out: RuleViolation[] = [];
  const add = (rule_id: string, severity: 'error' | 'warning', fs: F[], zh: string, en: string) =>
    out.push({ rule_id, severity, fact_ids: fs.map((f) => f.local_id), message_zh: zh, message_en: en });

  // G1 on every fact
  for (const f of facts) {
    if (f.unit === '%' && (f.value < 0 || f.value > 100)) add('G1', 'error', [f], `比率${f.value}%不在0–100之间`, `rate ${f.value}% is outside 0–100`);
    else if (COUNT_UNITS.has(f.unit) && (!Number.isInteger(f.value) || f.value < 0))
      add('G1', 'error', [f], `计数${f.value}应为非负整数`, `count ${f.value} must be a non-negative integer`);
    else if (f.unit === '元' && f.value < 0) add('G1', 'error', [f], `金额${f.value}元为负`, `amount ${f.value} 元 is negative`);
  }

  const groups = new Map<string, F[]>();
  for (const f of facts) {
    if (f.measure !== 'level' || f.is_target) continue;
    const key = `${f.period_basis}|${f.period_start}|${f.period_end}|${f.scope}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(f);
  }
  for (const g of groups.values()) {
    const one = (id: string) => g.find((f) => f.indicator_id === id);
    const le = (rule: string, sev: 'error' | 'warning', a: F | undefined, b: F | undefined, zh: string, en: string) => {
      if (a && b && lo(a) > hi(b)) add(rule, sev, [a, b], `${zh}:${a.value} > ${b.value}`, `${en}: ${a.value} > ${b.value}`);
    };
    const rate = (rule: string, r: F | undefined, num: F | undefined, den: F | undefined, zh: string, en: string) => {
      if (r && num && den && exact(r, num, den) && !rateAgrees(r.value, num.value, den.value))
        add(rule, 'error', [r, num, den], `${zh}:报告${r.value}%,按${num.value}/${den.value}应为${((100 * num.value) / den.value).toFixed(2)}%`,
          `${en}: stated ${r.value}%, ${num.value}/${den.value} gives ${((100 * num.value) / den.value).toFixed(2)}%`);
    };
    const total = one('med_cases_total');
    const oral = one('med_oral');
    const written = one('med_written');
    const success = one('med_success');
    const judicial = one('med_judicial_confirmation');
    if (total && oral && written && exact(total, oral, written) && total.value !== oral.value + written.value)
      add('M1', 'error', [total, oral, written], `调处总数${total.value}≠口头${oral.value}+书面${written.value}`,
        `mediations ${total.value} ≠ oral ${oral.value} + written ${written.value}`);
    le('M2', 'error', success, total, '调解成功件数超过调处总数', 'successful mediations exceed the total');
    le('M3', 'error', judicial, success, '司法确认件数超过调解成功件数', 'judicial confirmations exceed successful mediations');
    le('M4', 'warning', judicial, written, '司法确认件数超过书面调解件数', 'judicial confirmations exceed written mediations');
    rate('M5', one('med_success_rate'), success, total, '调解成功率与件数不符', 'mediation success rate disagrees with the counts');
    le('M6', 'warning', total, one('med_disputes_screened'), '调处件数超过排查件数', 'mediations exceed disputes screened');
    // (the funnel's lower step, success ≤ total, is M2 — a hard rule — and is not repeated here)
    le('M7', 'warning', one('med_joint'), total, '联合调解件数超过调处总数', 'joint mediations exceed the total');

    const suits = one('lit_admin_suits_total');
    const parts = ['lit_first_instance', 'lit_second_instance', 'lit_retrial'].map(one).filter((f): f is F => !!f);
    if (suits && parts.length) {
      const sum = parts.reduce((s, f) => s + f.value, 0);
      if (parts.length === 3 && exact(suits, ...parts) && sum !== suits.value)
        add('L1', 'error', [suits, ...parts], `行政诉讼${suits.value}件≠一审+二审+再审${sum}件`, `lawsuits ${suits.value} ≠ first + second + retrial ${sum}`);
      else if (parts.reduce((s, f) => s + lo(f), 0) > hi(suits))
        add('L1', 'error', [suits, ...parts], `各审级合计${sum}件超过行政诉讼总数${suits.value}件`, `instances ${sum} exceed lawsuits ${suits.value}`);
    }
    const lost = one('lit_admin_suits_lost');
    const concluded = one('lit_admin_suits_concluded');
    le('L2', 'error', lost, concluded, '败诉件数超过审结件数', 'lost suits exceed concluded suits');
    le('L3', 'warning', concluded, suits, '审结件数超过行政诉讼件数(可能含上年结转)', 'concluded suits exceed suits (carry-over?)');
    rate('L4', one('lit_loss_rate'), lost, concluded, '败诉率与件数不符', 'loss rate disagrees with the counts');
    le('L5', 'warning', one('lit_head_appearances'), suits, '负责人出庭次数超过行政诉讼件数', 'head appearances exceed lawsuits');
    le('L6', 'error', one('lit_reconsideration_corrected'), one('lit_reconsideration_cases'), '复议纠错件数超过复议件数', 'corrected reconsiderations exceed cases');
    if (lost && lost.is_zero_statement && !suits && !facts.some((f) => f.indicator_id === 'lit_admin_suits_total'))
      add('L9', 'warning', [lost], '“未败诉”但报告未给出行政诉讼件数', 'a zero-loss statement without a lawsuit count');

    le('D1', 'error', one('dm_contract_reviews'), one('dm_legality_reviews'), '合同审查件数超过合法性审查总数', 'contract reviews exceed legality reviews');
    le('D3', 'warning', one('dm_legal_opinions'), one('dm_legality_reviews'), '法律意见书份数超过合法性审查件数', 'legal opinions exceed legality reviews');
    const amount = one('enf_penalty_amount');
    const pcases = one('enf_penalty_cases');
    if (amount && pcases && amount.value > 0 && hi(pcases) === 0)
      add('E1', 'error', [amount, pcases], `罚没金额${amount.value}元但处罚案件为0`, `fines of ${amount.value} 元 with zero penalty cases`);
    const events = one('out_events');
    const reach = one('out_reach');
    if (events && reach && hi(reach) < lo(events))
      add('O1', 'warning', [reach, events], `受众${reach.value}少于活动场次${events.value}`, `audience ${reach.value} is below the number of events ${events.value}`);
  }
  return out;
}
