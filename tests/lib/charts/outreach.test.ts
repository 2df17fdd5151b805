import { describe, expect, it } from 'vitest';
import { outreachData, outreachOption, outreachRows } from '../../../src/lib/charts/outreach.ts';
import { tEn, tZh, uv } from './helpers.ts';

const rows = [
  uv('甲镇', 2024, 'out_events', 21),
  uv('甲镇', 2024, 'out_materials', 20000, { is_lower_bound: true }),
  uv('乙镇', 2024, 'out_reach', 1500),
];

describe('outreach chart', () => {
  const rs = outreachRows(rows, false, '非整年');
  it('keeps missing measures missing (not zero)', () => {
    expect(rs.map((r) => [r.town_name, r.events, r.materials, r.materialsLowerBound, r.reach])).toEqual([
      ['甲镇', 21, 20000, true, null],
      ['乙镇', null, null, false, 1500],
    ]);
  });
  it('draws three panels with their own axes and labels lower bounds with ≥ (万 in Chinese)', () => {
    const opt = outreachOption(rs, 'zh', tZh) as { grid: unknown[]; series: { data: unknown[]; label: { formatter: (p: { dataIndex: number }) => string } }[] };
    expect(opt.grid).toHaveLength(3);
    // Categories are drawn bottom-up, so the data is reversed: index 0 = 乙镇, index 1 = 甲镇.
    expect(opt.series[1]!.data).toEqual([null, 20000]);
    expect(opt.series[1]!.label.formatter({ dataIndex: 1 })).toBe('≥2万');
    expect(opt.series[1]!.label.formatter({ dataIndex: 0 })).toBe('—');
    const en = outreachOption(rs, 'en', tEn) as { series: { label: { formatter: (p: { dataIndex: number }) => string } }[] };
    expect(en.series[1]!.label.formatter({ dataIndex: 1 })).toBe('≥20K');
  });
  it('exports the values with their lower-bound flags', () => {
    const d = outreachData(rs, tZh);
    expect(d.columns.map((c) => c.label)).toContain('宣传资料(份)');
    expect(d.rows[0]).toMatchObject({ materials: 20000, materialsLowerBound: true, events: 21 });
  });
});
