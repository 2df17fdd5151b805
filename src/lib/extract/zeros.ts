/**
 * Explicit zero statements (spec §3.6): 均未败诉, 无行政复议纠错, 未制定出台规范性文件 … → value 0
 * with is_zero_statement. Absence of a sentence is never a zero.
 */
export interface ZeroRule {
  id: string;
  indicator: string;
  re: RegExp;
  /** A cheap test the text must pass before \`re\` runs. */
  hint: RegExp;
}

const NEG = '(?:无|未发生|未出现|没有|未有|零)';
const G = (n: number) => `[^,;。!?\\n]{0,${n}}?`;

export const ZERO_RULES: readonly ZeroRule[] = [
  { id: 'zero.lost', indicator: 'lit_admin_suits_lost', hint: /败诉/, re: new RegExp(`(?:均|全部|皆)?未(?:被判)?败诉|零败诉|无一(?:起|件)?败诉|${NEG}${G(40)}败诉(?!率)(?:${G(10)}(?:情况|案件|现象|发生))?`, 'g') },
  { id: 'zero.lost.won', indicator: 'lit_admin_suits_lost', hint: /胜诉/, re: /(?:均|全部)(?:为|获)?胜诉/g },
  { id: 'zero.suits', indicator: 'lit_admin_suits_total', hint: /行政(?:诉讼|应诉)/, re: /(?:未发生|没有发生|无)(?:一起|任何)?行政(?:诉讼|应诉)(?:案件)?(?:发生)?(?![^,;。!?\n]{0,8}(?:败诉|纠错|撤销|胜诉))/g },
  { id: 'zero.recon', indicator: 'lit_reconsideration_cases', hint: /行政复议/, re: /(?:未发生|没有发生|无)(?:一起|任何)?行政复议(?:案件)?(?:发生)?(?![^,;。!?\n]{0,8}(?:败诉|纠错|撤销|变更|维持))/g },
  { id: 'zero.recon.corrected', indicator: 'lit_reconsideration_corrected', hint: /纠错|撤销|变更/, re: new RegExp(`${NEG}${G(30)}(?:复议${G(8)}(?:纠错|撤销|变更|确认违法)|被撤销|被纠错)(?:${G(40)}(?:情况|案件|现象|发生))?`, 'g') },
  { id: 'zero.normative', indicator: 'dm_normative_docs', hint: /规范性文件/, re: /未(?:制定|出台|制发|发布|印发)(?:出台|发布|印发)?[^,;。!?\n]{0,8}?规范性文件/g },
];

/** Wording that turns a zero statement into a goal (确保无败诉). */
export const ZERO_TARGET = /确保|力争|争取|努力|目标|保证|实现(?!了)|杜绝/;
