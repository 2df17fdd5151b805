import { describe, expect, it } from 'vitest';
import { chosenTowns, comparePeriod, countyChoices, pickerGroups, pickerTowns, toggleTown, type CompareTown } from '../../../src/lib/compare/selection.ts';
import type { OverviewUnit, Place } from '../../../src/lib/db/queries.ts';

const town = (town_id: string, name_zh: string, years: number[] = [], o: Partial<CompareTown> = {}): CompareTown => ({
  town_id, name_zh, county: '绥阳县', province: '贵州省', years, n_villages: 10, is_synthetic: false, ...o,
});
// 绥阳县 as county_towns gives it: every township of the 2023 list, one of them with a report.
const suiyang = [town('520323100', '洋川街道'), town('520323103', '蒲场镇', [2024]), town('520323101', '郑场镇'), town('520323200', '小关乡')];
const unit = (town_id: string, name_zh: string, level: 'township' | 'county' = 'township'): OverviewUnit => ({
  town_id, name_zh, unit_type: '镇', level, county: '绥阳县', prefecture: '遵义市', province: '贵州省', is_synthetic: false, n_villages: 9, years: [2024],
});

describe('compare selection', () => {
  it("a county selects every township of its list, reporters or not, sorted by name", () => {
    const list = pickerTowns('520323', suiyang, [unit('520323103', '蒲场镇')]);
    const chosen = chosenTowns([], '520323', list);
    expect(chosen.map((u) => u.name_zh)).toEqual(['蒲场镇', '洋川街道', '小关乡', '郑场镇'].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    expect(chosen.filter((u) => u.years.length).map((u) => u.name_zh)).toEqual(['蒲场镇']);
  });
  it('without a county: the townships with data (never the county-level units); chosen towns in their order', () => {
    const list = pickerTowns('', null, [unit('520323103', '蒲场镇'), unit('520323', '绥阳县', 'county')]);
    expect(list.map((u) => u.town_id)).toEqual(['520323103']);
    expect(list[0]!.n_villages).toBe(9);
    expect(chosenTowns([], '', list)).toEqual([]);
    expect(chosenTowns(['520323101', '520323103'], '520323', suiyang).map((u) => u.name_zh)).toEqual(['郑场镇', '蒲场镇']);
  });
  it('unticking a town of the whole county keeps the others; ticking adds, at most max', () => {
    const all = chosenTowns([], '520323', suiyang);
    expect(toggleTown([], all, '520323101', false, 200).sort()).toEqual(['520323100', '520323103', '520323200']);
    expect(toggleTown(['520323103'], all, '520323101', true, 200)).toEqual(['520323103', '520323101']);
    expect(toggleTown(['520323103'], all, '520323101', true, 1)).toEqual(['520323103']);
  });
  it('groups the picker by province → county and searches names, counties and codes', () => {
    const other = town('340000001', '望疃镇', [2024], { county: '蒙城县', province: '安徽省' });
    const g = pickerGroups([...suiyang, other], '');
    expect(g.map((x) => `${x.province}›${x.county}`)).toEqual(['安徽省›蒙城县', '贵州省›绥阳县']);
    expect(pickerGroups([...suiyang, other], '蒲场').flatMap((x) => x.towns.map((u) => u.name_zh))).toEqual(['蒲场镇']);
    expect(pickerGroups([...suiyang, other], '蒙城').flatMap((x) => x.towns.map((u) => u.name_zh))).toEqual(['望疃镇']);
    expect(pickerGroups([...suiyang, other], '520323200').flatMap((x) => x.towns.map((u) => u.name_zh))).toEqual(['小关乡']);
  });
  it('counties by code, two of one name told apart by their prefecture', () => {
    const place = (county: string, county_code: string, prefecture: string): Place => ({
      province: '某省', prefecture, county, county_code, n_towns: 1, n_county_units: 0, n_county_towns: 12, years: [2024], first_town: null, last_town: null, is_synthetic: false,
    });
    const c = countyChoices([place('城关区', '620102', '兰州市'), place('城关区', '540102', '拉萨市'), place('安定区', '621102', '定西市')], (n, p) => `${n}(${p})`);
    expect(c.map((x) => x.label)).toEqual(['安定区', '城关区(拉萨市)', '城关区(兰州市)']);
    expect(c[0]!.n).toBe(12);
  });
  it("a county opens on the selection's latest year; chosen towns on all their years", () => {
    expect(comparePeriod({ y0: null, y1: null, towns: [] }, suiyang, [2023, 2024, 2025])).toEqual({ y0: 2024, y1: 2024, years: [2024] });
    expect(comparePeriod({ y0: null, y1: null, towns: ['a'] }, [town('a', '甲', [2022, 2024])], [2025])).toEqual({ y0: 2022, y1: 2024, years: [2022, 2023, 2024] });
    expect(comparePeriod({ y0: 2025, y1: 2024, towns: [] }, suiyang, [])).toMatchObject({ y0: 2024, y1: 2024 });
  });
});
