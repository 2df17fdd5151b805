import { describe, expect, it } from 'vitest';
import { compareFromOverview, compareSearch, overviewSearch, parseCompare, parseOverview } from '../../src/lib/url-state.ts';

describe('filters in the URL', () => {
  it('round-trips the overview state and leaves defaults out', () => {
    const st = { province: '贵州省', county: '520323', towns: ['a', 'b'], y0: 2023, y1: 2024, rank: 'out_reach', partial: true, perVillage: true };
    expect(parseOverview(new URLSearchParams(overviewSearch(st)))).toEqual(st);
    expect(overviewSearch(parseOverview(new URLSearchParams('')))).toBe('');
  });
  it('reads old town slugs in saved links as today\'s official codes', () => {
    expect(parseOverview(new URLSearchParams('towns=gz-suiyang-puchang,ah-lixin-wangtuan')).towns).toEqual(['520323103', '341623118']);
    expect(parseCompare(new URLSearchParams('towns=gz-suiyang-puchang,520323103,unk-haibinjie')).towns).toEqual(['520323103', 'unk-haibinjie']);
  });
  it('ignores malformed years and caps compare at 200 towns', () => {
    expect(parseOverview(new URLSearchParams('from=20x4&to=2024')).y0).toBeNull();
    const c = parseCompare(new URLSearchParams(`towns=${Array.from({ length: 250 }, (_, i) => `t${i}`).join(',')}&show=mediation:med_success,bad`));
    expect(c.towns).toHaveLength(200);
    expect(c.pick).toEqual({ mediation: 'med_success' });
    expect(parseCompare(new URLSearchParams(compareSearch(c)))).toEqual(c);
  });
  it("carries the overview's scope and period over to compare", () => {
    const q = compareFromOverview(new URLSearchParams(overviewSearch({ province: '广东省', county: '440881', towns: [], y0: 2024, y1: 2024, rank: 'out_reach', partial: false, perVillage: false })));
    expect(parseCompare(new URLSearchParams(q))).toEqual({ province: '广东省', county: '440881', towns: [], y0: 2024, y1: 2024, partial: false, pick: {}, perVillage: false });
    // per village carries over too
    const pv = compareFromOverview(new URLSearchParams(overviewSearch({ province: '', county: '520323', towns: [], y0: null, y1: null, rank: 'med_cases_total', partial: false, perVillage: true })));
    expect(pv).toBe('county=520323&per=village');
    expect(parseCompare(new URLSearchParams(pv)).perVillage).toBe(true);
  });
});
