import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { gazetteerIndex } from '../../../scripts/lib/gazetteer.ts';
import { lookupNames, matchUnit, normalizeName, placeCore, unitName, type GazetteerIndex } from '../../../src/lib/gazetteer/match.ts';

let index: GazetteerIndex;
beforeAll(async () => {
  ({ index } = await gazetteerIndex());
}, 60_000);

describe('matching a unit name to its official code', () => {
  it('resolves 蒲场镇 to 520323103 under 绥阳县', () => {
    expect(matchUnit({ name: '蒲场镇', county: '绥阳县' }, index)).toMatchObject({ status: 'matched', code: '520323103', exact: true });
    expect(matchUnit({ name: '蒲场镇' }, index).candidates[0]).toMatchObject({ county_code: '520323', county: '绥阳县', province: '贵州省' });
  });
  it('finds both 绥阳镇 and tells them apart by province', () => {
    const both = matchUnit({ name: '绥阳镇' }, index);
    expect(both.status).toBe('ambiguous');
    expect(both.candidates.map((c) => [c.code, c.county, c.province])).toEqual([
      ['231086105', '东宁市', '黑龙江省'],
      ['520327106', '凤冈县', '贵州省'],
    ]);
    expect(matchUnit({ name: '绥阳镇', province: '黑龙江省' }, index)).toMatchObject({ status: 'matched', code: '231086105' });
    expect(matchUnit({ name: '绥阳镇', province: '贵州' }, index)).toMatchObject({ status: 'matched', code: '520327106' });
    // from the title: 绥阳镇 itself is not read as 绥阳县
    expect(matchUnit({ name: '绥阳镇', title: '凤冈县绥阳镇2024年法治政府建设工作报告' }, index)).toMatchObject({ status: 'matched', code: '520327106' });
  });
  it('handles 人民政府 / 办事处, a leading place, full-width and traditional characters, and a changed type', () => {
    expect(unitName('绥阳县蒲场镇人民政府')).toBe('绥阳县蒲场镇');
    expect(matchUnit({ name: '绥阳县蒲场镇人民政府' }, index)).toMatchObject({ status: 'matched', code: '520323103', normalized: '蒲场镇' });
    expect(matchUnit({ name: '北城街街道办事处', county: '高平市' }, index).normalized).toBe('北城街街道');
    expect(normalizeName('蒲场镇　（２０２４）')).toBe('蒲场镇(2024)');
    expect(matchUnit({ name: '霍城鎮', county: '山丹縣' }, index)).toMatchObject({ status: 'matched', code: '620725103' });
    const old = matchUnit({ name: '蒲场乡' }, index); // 撤乡设镇: the old type still finds the unit, flagged as not exact
    expect(old).toMatchObject({ status: 'matched', code: '520323103', exact: false });
    expect(old.notes[0]).toMatch(/not in the list under that name/);
    expect(placeCore('石柱土家族自治县')).toBe('石柱');
    expect(placeCore('广西壮族自治区')).toBe('广西');
  });
  it('matches county-level units to 6-digit codes, and flags the unknown', () => {
    expect(matchUnit({ name: '延吉市司法局', level: 'county' }, index)).toMatchObject({ status: 'matched', code: '222401' });
    expect(matchUnit({ name: '重庆市梁平区七星镇人民政府' }, index)).toMatchObject({ status: 'matched', code: '500155117' });
    expect(matchUnit({ name: '不存在的某某镇' }, index)).toMatchObject({ status: 'unknown', candidates: [] });
    expect(matchUnit({ name: '' }, index).status).toBe('unknown');
  });
  it('gives the import page the names to read candidates for', () => {
    const { names, cores } = lookupNames('绥阳县蒲场镇人民政府');
    expect(names).toEqual(expect.arrayContaining(['绥阳县蒲场镇', '蒲场镇']));
    expect(cores).toContain('蒲场');
  });
});

describe('the dev set’s unit names', () => {
  const file = '../shared/eval/dev.jsonl';
  it.runIf(existsSync(file))('mostly match uniquely, in the county the set names', () => {
    const rows = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, string | null>);
    const named = rows.filter((r) => r.unit_name);
    let unique = 0;
    let sameCounty = 0;
    for (const r of named) {
      const level = ['县', '区', '县级市', '市'].includes(r.unit_type ?? '') ? 'county' : 'township';
      const m = matchUnit({ name: r.unit_name, county: r.county, prefecture: r.prefecture, province: r.province, title: r.title, level }, index);
      if (m.status !== 'matched') continue;
      unique++;
      const c = m.candidates[0]!;
      if (!r.county || c.county === r.county || c.name === r.county) sameCounty++;
    }
    console.log(`dev set: ${unique} of ${named.length} unit names match uniquely (${((100 * unique) / named.length).toFixed(1)}%); ${sameCounty} in the county the set names`);
    expect(unique / named.length).toBeGreaterThan(0.9);
    expect(sameCounty / unique).toBeGreaterThan(0.95);
  });
});
