import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeDuck as Db } from '../../scripts/lib/duckdb-node.ts';
import { matchInDb } from '../../src/lib/gazetteer/lookup.ts';
import { openFixture } from './fixture.ts';

// The import page's name → code lookup over the database's gazetteer (gazetteer_candidates.sql, then the
// pure matcher): only the rows a name could match are read, with their village counts for the new town.
let db: Db;
let cleanup: () => void;
beforeAll(async () => {
  ({ db, cleanup } = await openFixture());
});
afterAll(() => cleanup());

describe('matchInDb', () => {
  it('a unique unit with its code, place and village count; a county by its 6-digit code', async () => {
    const m = await matchInDb(db, { name: '海城镇', title: '广东省汕尾市海丰县海城镇2024年法治政府建设工作报告' });
    expect(m).toMatchObject({ status: 'matched', code: '441521115' });
    expect(m.candidates[0]).toMatchObject({ county: '海丰县', prefecture: '汕尾市', province: '广东省', n_villages: 24 });
    expect(await matchInDb(db, { name: '海丰县', level: 'county' })).toMatchObject({ status: 'matched', code: '441521' });
  });
  it('two 绥阳镇 to choose from, each with county and province; an unknown name has none', async () => {
    const m = await matchInDb(db, { name: '绥阳镇', level: 'township' });
    expect(m.status).toBe('ambiguous');
    expect(m.candidates.map((c) => [c.code, c.county, c.province])).toEqual([['231086105', '东宁市', '黑龙江省'], ['520327106', '凤冈县', '贵州省']]);
    expect(await matchInDb(db, { name: '白云示例乡' })).toMatchObject({ status: 'unknown', candidates: [] });
  });
});
