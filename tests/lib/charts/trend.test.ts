import { describe, expect, it } from 'vitest';
import { trendData, trendOption, trendSeries } from '../../../src/lib/charts/trend.ts';
import { tZh, uv } from './helpers.ts';

const rows = [
  uv('a', 2022, 'med_cases_total', 100, { town_name: '甲镇' }),
  uv('a', 2024, 'med_cases_total', 120, { town_name: '甲镇', is_lower_bound: true }),
  uv('b', 2023, 'med_cases_total', 0, { town_name: '乙镇' }),
];
const towns = [{ town_id: 'a', name: '甲镇' }, { town_id: 'b', name: '乙镇' }];

describe('trend chart', () => {
  const s = trendSeries(rows, 'med_cases_total', towns, [2022, 2023, 2024]);
  it('leaves unreported years as gaps and keeps an explicit zero', () => {
    expect(s.map((x) => x.points.map((p) => p.value))).toEqual([
      [100, null, 120],
      [null, 0, null],
    ]);
  });
  it('never connects across a gap and marks lower bounds', () => {
    const opt = trendOption(s, [2022, 2023, 2024], '件', 'zh') as { series: { connectNulls: boolean; label: { formatter: (p: { dataIndex: number }) => string } }[]; xAxis: { data: string[] } };
    expect(opt.series.every((x) => x.connectNulls === false)).toBe(true);
    expect(opt.series[0]!.label.formatter({ dataIndex: 2 })).toBe('≥120');
    expect(opt.xAxis.data).toEqual(['2022', '2023', '2024']);
  });
  it('exports one row per drawn point', () => {
    expect(trendData(s, '件', tZh).rows.map((r) => [r.town_name, r.year, r.value, r.lower])).toEqual([
      ['甲镇', 2022, 100, false],
      ['甲镇', 2024, 120, true],
      ['乙镇', 2023, 0, false],
    ]);
  });
});
