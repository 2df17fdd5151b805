// UI strings of the compare view: zh-CN first (the default), en with exactly the same keys.
export const zh = {
  'compare.add': '添加乡镇(街道)',
  'compare.choose': '选择…',
  'compare.max': '最多比较8个',
  'compare.chosen': '已选乡镇',
  'compare.remove': '移除{name}',
  'compare.needTwo': '请选择2–8个乡镇(街道)进行对比。县级报告不参与乡镇对比。',
  'compare.suggest': '有多年数据的乡镇:',
  'compare.hint': '按类别并列比较;“—”表示报告未提及(不等于零),“≥”为下限值,“*”为非整年数据。',
  'compare.trendOf': '趋势指标',
  'compare.noneShort': '无数据',
  'compare.emptyInd': '所选乡镇在{period}均未报告“{ind}”',
  'compare.trendNote': '每条线一个乡镇;未报告的年份留空,不按零处理;非整年数据默认不计入年度趋势。',
  'compare.oneYear': '只选了一个年份:延长年份范围可看到趋势。',
  'compare.indicator': '指标',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'compare.add': 'Add a town',
  'compare.choose': 'Choose…',
  'compare.max': 'At most 8 towns',
  'compare.chosen': 'Chosen towns',
  'compare.remove': 'Remove {name}',
  'compare.needTwo': 'Choose 2–8 towns to compare. County-level reports are not compared with towns.',
  'compare.suggest': 'Towns with several years of data: ',
  'compare.hint': 'Side by side by category; "—" = not stated in the report (not zero), "≥" = lower bound, "*" = partial year.',
  'compare.trendOf': 'trend of',
  'compare.noneShort': 'no data',
  'compare.emptyInd': 'None of the chosen towns reported "{ind}" in {period}',
  'compare.trendNote': 'One line per town; years not reported are gaps, not zeros; partial-year figures are left out of annual trends by default.',
  'compare.oneYear': 'A single year is selected: widen the range to see trends.',
  'compare.indicator': 'Indicator',
};
