// The mediation chart is pure: rows (mediation_by_town_year's shape) in, bars and an ECharts option out.
// Values are written out by hand; the rates themselves come from SQL (tests/db/mediation.test.ts).
import { describe, expect, it } from 'vitest';
import { mediationBars, mediationData, mediationOption } from '../../../src/lib/charts/mediation.ts';
import type { MediationRow } from '../../../src/lib/db/queries.ts';
import { tZh } from './helpers.ts';

const row = (town_name: string, year: number, o: Partial<MediationRow>): MediationRow => ({
  town_id: town_name, town_name, county: '测试县', province: '测试省', year, total: null, total_lower_bound: false, oral: null, written: null,
  success: null, success_rate_reported: null, success_rate_derived: null, full_year: true, is_synthetic: false, ...o,
});

const rows = [
  row('甲镇', 2024, { total: 100, oral: 60, written: 30, success: 90, success_rate_reported: 90, success_rate_derived: 90 }),
  row('乙乡', 2024, { total: 50, total_lower_bound: true, success: 40, success_rate_reported: 80 }),
  row('丙街道', 2024, { total: 80, success: 53, success_rate_derived: 66.25 }),
  row('丁镇', 2024, {}),
];

describe('mediation chart', () => {
  const bars = mediationBars(rows, false);
  it('draws a bar per town with a total, splitting oral / written and the unsplit rest', () => {
    expect(bars.map((b) => [b.label, b.oral, b.written, b.unsplit, b.total, b.totalLowerBound])).toEqual([
      ['甲镇', 60, 30, 10, 100, false],
      ['乙乡', null, null, 50, 50, true],
      ['丙街道', null, null, 80, 80, false],
    ]);
  });
  it("shows the report's own rate when it states one, else the derived one, and says which", () => {
    expect(bars.map((b) => [b.successRate, b.successRateSource])).toEqual([
      [90, 'reported'],
      [80, 'reported'],
      [66.25, 'derived'],
    ]);
  });
  it('puts the rates on a second axis and marks lower-bound totals with ≥', () => {
    const opt = mediationOption(bars, 'zh', tZh) as { series: { type: string; data: unknown[]; label?: { formatter?: (p: { dataIndex: number }) => string } }[] };
    expect(opt.series.find((s) => s.type === 'line')!.data).toEqual([90, 80, 66.25]);
    const total = opt.series[3]!;
    expect(total.label!.formatter!({ dataIndex: 1 })).toBe('≥50');
  });
  it('exports the rows it draws, with the rate shown and the partial-year flag', () => {
    const d = mediationData([...rows, row('戊镇', 2023, { total: 60, success: 40, success_rate_derived: 66.67, full_year: false })], tZh);
    expect(d.rows.map((r) => [r.town_name, r.success_rate, r.partial])).toEqual([
      ['甲镇', 90, false],
      ['乙乡', 80, false],
      ['丙街道', 66.25, false],
      ['戊镇', 66.67, true],
    ]);
  });
});
