import { describe, expect, it } from 'vitest';
import { townBars, townBarsData, townBarsOption } from '../../../src/lib/charts/town-bars.ts';
import { tZh, uv } from './helpers.ts';

const rows = [
  uv('a', 2024, 'med_cases_total', 100, { town_name: '甲镇' }),
  uv('b', 2024, 'med_cases_total', 120, { town_name: '乙镇', is_lower_bound: true }),
  uv('c', 2024, 'med_cases_total', 0, { town_name: '丙镇' }),
  uv('a', 2023, 'med_cases_total', 999, { town_name: '甲镇' }),
];
const towns = [{ town_id: 'a', name: '甲镇' }, { town_id: 'b', name: '乙镇' }, { town_id: 'c', name: '丙镇' }, { town_id: 'd', name: '丁镇' }];

describe('town bars (one indicator, one year)', () => {
  const { bars, missing } = townBars(rows, 'med_cases_total', towns, 2024);
  it('sorts from the largest, keeps an explicit zero, lists the towns that stated nothing', () => {
    expect(bars.map((b) => [b.town_name, b.value, b.lower])).toEqual([['乙镇', 120, true], ['甲镇', 100, false], ['丙镇', 0, false]]);
    expect(missing).toEqual(['丁镇']);
  });
  it('labels lower bounds with ≥ and exports the drawn rows with town ids', () => {
    const opt = townBarsOption(bars, '件', 'en') as { series: { label: { formatter: (p: { dataIndex: number }) => string } }[]; yAxis: { name: string }; xAxis: { data: string[] } };
    expect(opt.series[0]!.label.formatter({ dataIndex: 0 })).toBe('≥120');
    expect(opt.yAxis.name).toBe('cases');
    expect(opt.xAxis.data).toEqual(['乙镇', '甲镇', '丙镇']);
    expect(townBarsData(bars, '件', tZh).rows.map((r) => [r.town_id, r.value])).toEqual([['b', 120], ['a', 100], ['c', 0]]);
  });
  it("a town's name is text in the tooltip, never markup", () => {
    const bad = [{ town_id: 'x', town_name: '<img src=x onerror=alert(1)>镇', year: 2024, value: 1, lower: false, partial: false, zero: false }];
    const opt = townBarsOption(bad, '件', 'zh') as { tooltip: { formatter: (ps: { dataIndex: number }[]) => string } };
    expect(opt.tooltip.formatter([{ dataIndex: 0 }])).toBe('&lt;img src=x onerror=alert(1)&gt;镇<br/>1 件');
  });
});
