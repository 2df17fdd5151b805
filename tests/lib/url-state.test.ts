import { describe, expect, it } from 'vitest';
import { compareSearch, overviewSearch, parseCompare, parseOverview } from '../../src/lib/url-state.ts';

describe('filters in the URL', () => {
  it('round-trips the overview state and leaves defaults out', () => {
    const st = { province: '贵州省', county: '绥阳县', towns: ['a', 'b'], y0: 2023, y1: 2024, rank: 'out_reach', partial: true };
    expect(parseOverview(new URLSearchParams(overviewSearch(st)))).toEqual(st);
    expect(overviewSearch(parseOverview(new URLSearchParams('')))).toBe('');
  });
  it('ignores malformed years and caps compare at 8 towns', () => {
    expect(parseOverview(new URLSearchParams('from=20x4&to=2024')).y0).toBeNull();
    const c = parseCompare(new URLSearchParams(`towns=${'abcdefghij'.split('').join(',')}&show=mediation:med_success,bad`));
    expect(c.towns).toHaveLength(8);
    expect(c.pick).toEqual({ mediation: 'med_success' });
    expect(parseCompare(new URLSearchParams(compareSearch(c)))).toEqual(c);
  });
});
