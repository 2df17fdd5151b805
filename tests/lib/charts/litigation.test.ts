import { describe, expect, it } from 'vitest';
import { litigationBars, litigationData, litigationOption } from '../../../src/lib/charts/litigation.ts';
import { tZh, uv } from './helpers.ts';

// Units sort by pinyin (甲 jiǎ before 乙 yǐ). 蒲场镇-like: 9 suits = 1 first instance + 8 retrials, none lost ("均未败诉"), concluded not stated.
const seedLike = [
  uv('甲镇', 2024, 'lit_admin_suits_total', 9),
  uv('甲镇', 2024, 'lit_first_instance', 1),
  uv('甲镇', 2024, 'lit_retrial', 8),
  uv('甲镇', 2024, 'lit_admin_suits_lost', 0),
  uv('乙镇', 2024, 'lit_admin_suits_total', 5, { is_lower_bound: true }),
  uv('乙镇', 2024, 'lit_admin_suits_concluded', 4),
  uv('乙镇', 2024, 'lit_admin_suits_lost', 1),
  uv('乙镇', 2024, 'lit_loss_rate', null, { derived_value: 25 }),
  uv('丙镇', 2024, 'out_events', 3), // not litigation: no bar
];

describe('litigation chart', () => {
  const bars = litigationBars(seedLike, false, '非整年');
  it('splits suits by instance and keeps the unsplit rest', () => {
    expect(bars.map((b) => [b.label, b.total, b.first, b.second, b.retrial, b.unsplit])).toEqual([
      ['甲镇', 9, 1, null, 8, null],
      ['乙镇', 5, null, null, null, 5],
    ]);
  });
  it('computes not-lost only from concluded cases, and takes the loss rate recomputed from lost/concluded', () => {
    expect(bars.map((b) => [b.lost, b.notLost, b.lossRate, b.lossRateSource])).toEqual([
      [0, null, null, null],
      [1, 3, 25, 'derived'],
    ]);
  });
  it('labels lower-bound totals with ≥ and draws the loss rate on a 0–100 axis', () => {
    const opt = litigationOption(bars, 'zh', tZh) as { series: { name: string; label?: { formatter?: (p: { dataIndex: number }) => string }; data: unknown[] }[]; yAxis: { max?: number }[] };
    const top = opt.series.find((s) => s.name === 'instance-label')!;
    expect(top.label!.formatter!({ dataIndex: 0 })).toBe('9');
    expect(top.label!.formatter!({ dataIndex: 1 })).toBe('≥5');
    expect(opt.series.find((s) => s.name === '败诉率')!.data).toEqual([null, 25]);
    expect(opt.yAxis[1]!.max).toBe(100);
  });
  it("exports exactly the chart's rows", () => {
    const d = litigationData(bars, tZh);
    expect(d.rows.map((r) => [r.town_name, r.total, r.lost, r.notLost, r.lossRate, r.totalLowerBound])).toEqual([
      ['甲镇', 9, 0, null, null, false],
      ['乙镇', 5, 1, 3, 25, true],
    ]);
  });
});
