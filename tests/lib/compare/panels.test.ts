import { describe, expect, it } from 'vitest';
import { comparePanel, emptyCategories, matrixRows, perVillageValues, pickIndicator, valueFacts } from '../../../src/lib/compare/panels.ts';
import type { CompareTown } from '../../../src/lib/compare/selection.ts';
import type { CatalogRow } from '../../../src/lib/db/queries.ts';
import { tZh, uv } from '../charts/helpers.ts';

const cat = (id: string, category: string, kind: CatalogRow['kind'] = 'flow', unit = '件'): CatalogRow => ({
  id, category, category_zh: category, category_en: category, label_zh: id, label_en: id, unit, kind, additive: kind !== 'rate', core: true,
});
const catalog = [cat('med_cases_total', 'med'), cat('med_success_rate', 'med', 'rate', '%'), cat('out_events', 'out', 'flow', '场'), cat('lit_admin_suits_total', 'lit')];
const town = (town_id: string, n_villages: number | null): CompareTown => ({ town_id, name_zh: town_id, county: '测试县', province: '测试省', years: [], n_villages, is_synthetic: false });
const towns = [town('甲镇', 10), town('乙乡', 4), town('丙街道', null), town('丁镇', 8)];
const vals = [
  uv('甲镇', 2024, 'med_cases_total', 100),
  uv('乙乡', 2024, 'med_cases_total', 50, { is_lower_bound: true }),
  uv('丙街道', 2024, 'med_cases_total', 30),
  uv('甲镇', 2024, 'med_success_rate', 90),
  uv('甲镇', 2023, 'med_cases_total', 80),
  uv('乙乡', 2024, 'out_events', 7),
];
const base = { catalog, vals, towns, perVillage: false, locale: 'zh' as const, t: tZh };

describe('compare panels', () => {
  it('one year: one bar per reporting town, largest first; the others listed as not reported, never drawn as 0', () => {
    const p = comparePanel({ ...base, cat: 'med', years: [2024] });
    expect(p.id).toBe('med_cases_total');
    expect(p.data.rows.map((r) => [r.town_name, r.value, r.lower])).toEqual([['甲镇', 100, false], ['乙乡', 50, true], ['丙街道', 30, false]]);
    expect(p.missing).toEqual(['丁镇']);
    expect((p.option!.series as { type: string }[])[0]!.type).toBe('bar');
  });
  it('several years: one line per town that reported; the others listed, not drawn', () => {
    const p = comparePanel({ ...base, cat: 'med', years: [2023, 2024] });
    const series = p.option!.series as { type: string; name: string; data: (number | null)[] }[];
    expect(series.map((s) => [s.type, s.name, s.data])).toEqual([['line', '甲镇', [80, 100]], ['line', '乙乡', [null, 50]], ['line', '丙街道', [null, 30]]]);
    expect(p.missing).toEqual(['丁镇']);
  });
  it('per village: the count ÷ the village units, labelled derived, beside the stated figure and the denominator', () => {
    const p = comparePanel({ ...base, cat: 'med', years: [2024], perVillage: true });
    expect(p.perVillage).toBe(true);
    expect(p.data.rows.map((r) => [r.town_name, r.stated, r.n_villages, r.value, r.lower])).toEqual([['乙乡', 50, 4, 12.5, true], ['甲镇', 100, 10, 10, false]]);
    expect(p.data.columns.map((c) => c.label)).toEqual(['乡镇(街道)', '年份', '报告值 (件)', '村(社区)数', '每村(社区)平均(派生) (件)', '下限值(≥)', '非整年']);
    // no village count, no per-village value: listed with the non-reporters
    expect(p.missing.sort()).toEqual(['丁镇', '丙街道'].sort());
    expect(perVillageValues([uv('甲镇', 2024, 'med_cases_total', 1)], [town('甲镇', 3)])[0]!.value).toBe(0.33);
  });
  it('rates are never divided per village', () => {
    const p = comparePanel({ ...base, vals: vals.filter((v) => v.indicator_id === 'med_success_rate'), cat: 'med', years: [2024], perVillage: true });
    expect([p.id, p.perVillage, p.data.rows[0]!.value]).toEqual(['med_success_rate', false, 90]);
  });
  it('picks the indicator most towns reported unless one is picked; empty categories collapse', () => {
    expect(pickIndicator('med', catalog, vals)).toBe('med_cases_total');
    expect(pickIndicator('med', catalog, vals, 'med_success_rate')).toBe('med_success_rate');
    expect(pickIndicator('med', catalog, vals, 'lit_admin_suits_total')).toBe('med_cases_total');
    expect(emptyCategories(catalog, vals)).toEqual(['lit']);
  });
  it("a category's table holds the towns with a value; the others are named", () => {
    expect(matrixRows(towns, vals, ['out_events'])).toEqual({ rows: [towns[1]], silent: ['甲镇', '丙街道', '丁镇'] });
  });
  it("a value's statements: its own facts; a recomputed rate's numerator and denominator", () => {
    const f = (fact_id: string, indicator_id: string, year = 2024) => ({ fact_id, indicator_id, year });
    const facts = [f('a', 'med_cases_total'), f('b', 'med_success'), f('c', 'med_cases_total', 2023), f('d', 'out_events')];
    expect(valueFacts(facts, { year: 2024, fact_ids: ['a'] }, 'med_cases_total').map((x) => x.fact_id)).toEqual(['a']);
    expect(valueFacts(facts, { year: 2024, fact_ids: [] }, 'med_success_rate').map((x) => x.fact_id)).toEqual(['a', 'b']);
  });
});
