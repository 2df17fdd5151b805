// UI strings of the overview area: zh-CN first (the default), en with exactly the same keys.
export const zh = {
  'overview.mediation.title': '矛盾纠纷调处量',
  'overview.mediation.subtitle': '按乡镇和年份;口头与书面调解堆叠,折线为调解成功率',
  'overview.mediation.total': '调处总数',
  'overview.mediation.oral': '口头调解',
  'overview.mediation.written': '书面调解',
  'overview.mediation.unsplit': '未分口头/书面',
  'overview.mediation.successRate': '调解成功率',
  'overview.mediation.empty': '所选范围内暂无调解数据',
  'overview.source': '各乡镇(街道)法治政府建设年度报告',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'overview.mediation.title': 'Disputes mediated',
  'overview.mediation.subtitle': 'By town and year; oral and written mediations stacked, line = success rate',
  'overview.mediation.total': 'Total mediated',
  'overview.mediation.oral': 'Oral',
  'overview.mediation.written': 'Written',
  'overview.mediation.unsplit': 'Not split oral/written',
  'overview.mediation.successRate': 'Success rate',
  'overview.mediation.empty': 'No mediation data in the selected scope',
  'overview.source': 'Annual rule-of-law government reports of the towns',
};
