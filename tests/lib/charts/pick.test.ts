import { describe, expect, it } from 'vitest';
import * as echarts from 'echarts';
import { nearestInCategory } from '../../../src/lib/charts/pick.ts';
import { townBarsOption } from '../../../src/lib/charts/town-bars.ts';
import { trendOption } from '../../../src/lib/charts/trend.ts';

// ECharts' server-side renderer lays the chart out as the browser does: pixels map to categories the same way.
const draw = (option: Record<string, unknown>) => {
  const c = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: 600, height: 300 });
  c.setOption({ ...option, animation: false });
  return c;
};

describe('a click in a category band', () => {
  it('of a bar chart means that bar, also beside the bar (in the tooltip shadow)', () => {
    const bars = [
      { town_id: 'a', town_name: '甲镇', year: 2024, value: 100, lower: false, partial: false, zero: false },
      { town_id: 'b', town_name: '乙乡', year: 2024, value: 5, lower: false, partial: false, zero: false },
    ];
    const c = draw(townBarsOption(bars, '件', 'zh'));
    const [x, top] = c.convertToPixel({ gridIndex: 0 }, [1, 90]) as number[];
    // high above 乙乡's short bar, inside its band
    expect(nearestInCategory(c, [x!, top!])).toEqual({ dataIndex: 1, seriesName: undefined, name: '乙乡' });
    expect(nearestInCategory(c, [2, 2])).toBeNull(); // outside the grid
    c.dispose();
  });
  it('of a line chart means the nearest line at that year', () => {
    const pt = (year: number, value: number | null) => ({ year, value, lower: false, partial: false });
    const series = [
      { town_id: 'a', town_name: '甲镇', points: [pt(2023, 10), pt(2024, 100)] },
      { town_id: 'b', town_name: '乙乡', points: [pt(2023, 50), pt(2024, null)] },
    ];
    const c = draw(trendOption(series, [2023, 2024], '件', 'zh'));
    const near = (i: number, v: number) => nearestInCategory(c, c.convertToPixel({ gridIndex: 0 }, [i, v]) as [number, number]);
    expect(near(0, 45)).toEqual({ dataIndex: 0, seriesName: '乙乡', name: '2023' });
    expect(near(0, 15)).toEqual({ dataIndex: 0, seriesName: '甲镇', name: '2023' });
    expect(near(1, 45)).toEqual({ dataIndex: 1, seriesName: '甲镇', name: '2024' }); // 乙乡 has no 2024 value
    c.dispose();
  });
});
