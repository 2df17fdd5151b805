import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../src/lib/import/read-table.ts';
import { checkAgainstExisting, importTable, TownIndex, type TableContext } from '../../../src/lib/import/table-import.ts';
import { emptyDataset, findConflicts, type ExistingValue } from '../../../src/lib/import/dataset.ts';
import { indicatorOf, mapHeaders } from '../../../src/lib/import/headers.ts';
import { ImportProblemError, type ImportProblem } from '../../../src/lib/import/problems.ts';
import { parseCsv } from '../../../src/lib/import/csv.ts';

const ctx = (over: Partial<TableContext> = {}): TableContext => ({
  fileName: 't.csv',
  knownTowns: [{ town_id: 'puchang', name_zh: '蒲场镇', unit_type: '镇', county: '某县', province: '湖南省' }],
  importedAt: '2025-01-01T00:00:00Z',
  ...over,
});
const problemsOf = (csv: string, c = ctx()): ImportProblem[] => {
  try {
    importTable(parseCsv(csv), c);
  } catch (e) {
    if (e instanceof ImportProblemError) return e.problems;
    throw e;
  }
  throw new Error('expected problems');
};

describe('headers: wide columns mapped to indicator ids', () => {
  it('by id, Chinese label, English label, with a unit in brackets, full-width or not', () => {
    expect(indicatorOf('med_cases_total')).toBe('med_cases_total');
    expect(indicatorOf('调处矛盾纠纷总件数')).toBe('med_cases_total');
    expect(indicatorOf('调解成功率(%)')).toBe('med_success_rate');
    expect(indicatorOf('调解成功率 (%)')).toBe('med_success_rate');
    expect(indicatorOf('Mediation success rate')).toBe('med_success_rate');
    expect(indicatorOf('LEGAL-AID CASES')).toBe('svc_legal_aid_cases');
    expect(indicatorOf('村(社区)法律顾问覆盖率')).toBe('dm_village_adviser_coverage_rate');
    expect(indicatorOf('备注')).toBeNull();
  });
  it('tells the layouts apart', () => {
    expect(mapHeaders(['town_id', 'year', 'indicator_id', 'value']).layout).toBe('long');
    expect(mapHeaders(['乡镇', '年份', '调处矛盾纠纷总件数']).layout).toBe('wide');
  });
});

describe('importTable: wide layout → long facts', () => {
  it('maps the GBK fixture to one report per town-year, one fact per filled cell, new towns with stable ids', async () => {
    const { rows } = await readTable(new Uint8Array(readFileSync('tests/fixtures/import/wide-gbk.csv')), 'wide-gbk.csv');
    const t = importTable(rows, ctx({ fileName: 'wide-gbk.csv' }));
    expect(t.layout).toBe('wide');
    expect(t.rowsRead).toBe(3);
    expect(t.dataset.towns.map((x) => [x.name_zh, x.unit_type, x.level, x.county, x.province])).toEqual([
      ['溪口镇', '镇', 'township', '宁远县', '湖南省'],
      ['柳塘街道', '街道', 'township', '宁远县', '湖南省'],
    ]);
    expect(t.dataset.reports).toHaveLength(3);
    expect(t.dataset.reports.every((r) => r.source === 'import' && r.town_id.startsWith('imp-'))).toBe(true);
    expect(t.dataset.facts).toHaveLength(4 + 4 + 3);
    const f = t.dataset.facts.find((x) => x.year === 2024 && x.indicator_id === 'med_success_rate' && x.town_id === t.dataset.towns[0]!.town_id)!;
    expect(f).toMatchObject({ value: 97, unit: '%', review_status: 'accepted', period_basis: 'calendar_year', section: '成效' });
    expect(f.evidence).toBe('wide-gbk.csv 第3行「调解成功率(%)」:97');
    expect(t.cells.get(f.fact_id)).toEqual({ row: 3, column: '调解成功率(%)' });
    // deterministic: same file, same ids
    const again = importTable(rows, ctx({ fileName: 'wide-gbk.csv' }));
    expect(again.dataset.facts.map((x) => x.fact_id)).toEqual(t.dataset.facts.map((x) => x.fact_id));
  });
  it('matches an existing town by name', () => {
    const t = importTable(parseCsv('乡镇,年份,调处矛盾纠纷总件数\n蒲场镇,2023,10\n'), ctx());
    expect(t.dataset.towns).toEqual([]);
    expect(t.dataset.facts[0]!.town_id).toBe('puchang');
  });
  it('flags rate violations of the consistency rules', () => {
    const t = importTable(parseCsv('乡镇,年份,调处矛盾纠纷总件数,调解成功件数,调解成功率\n溪口镇,2024,40,38,99\n'), ctx());
    expect(t.dataset.violations.map((v) => v.rule_id)).toEqual(['M5']);
  });
});

describe('importTable: every problem with row, column, what and how to fix', () => {
  it('unknown columns, bad numbers, out-of-range rates, missing years', () => {
    const p = problemsOf('乡镇,年份,调处矛盾纠纷总件数,调解成功率,备注\n溪口镇,2024,12件,96,x\n');
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ row: 1, column: '备注' });
    expect(p[0]!.fix_zh).toContain('指标');
    const q = problemsOf('乡镇,年份,调处矛盾纠纷总件数,调解成功率\n溪口镇,2024,12件,96\n柳塘街道,2024,5,120\n柳塘街道,,5,20\n');
    expect(q.map((x) => [x.row, x.column])).toEqual([
      [2, '调处矛盾纠纷总件数'],
      [3, '调解成功率'],
      [4, '年份'],
    ]);
    expect(q[0]!.problem_zh).toBe('“12件”不是数字');
    expect(q[0]!.fix_en).toContain('plain number');
    expect(q[1]!.problem_zh).toContain('0–100');
  });
  it('long layout: unknown indicator, enum values, dates', () => {
    const p = problemsOf('town_id,year,indicator_id,value,qualifier,period_end\npuchang,2024,no_such,1,exact,2024-12-31\npuchang,2024,med_oral,1,about,2024/13/01\n');
    expect(p.map((x) => [x.row, x.column])).toEqual([
      [2, 'indicator_id'],
      [3, 'qualifier'],
      [3, 'period_end'],
    ]);
    expect(p[1]!.fix_en).toContain('exact, lower_bound');
  });
  it('a file with no town or year column, or no data, says so', () => {
    expect(problemsOf('foo,调处矛盾纠纷总件数\n1,2\n').map((x) => x.problem_en)).toEqual(
      expect.arrayContaining(['no year column', 'no town column']),
    );
    expect(problemsOf('乡镇,年份,调处矛盾纠纷总件数\n')[0]!.problem_en).toContain('no data rows');
    expect(problemsOf('\n\n')[0]!.problem_en).toContain('empty');
  });
  it('conflicting values for the same town, year and indicator inside one file', () => {
    const p = problemsOf('乡镇,年份,调处矛盾纠纷总件数\n溪口镇,2024,12\n溪口镇,2024,13\n');
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ row: 3, column: '调处矛盾纠纷总件数' });
    expect(p[0]!.problem_zh).toContain('第 2 行为 12');
  });
});

describe('conflicts with existing data', () => {
  const t = importTable(parseCsv('乡镇,年份,调处矛盾纠纷总件数,调解成功件数\n蒲场镇,2024,290,188\n'), ctx());
  const existing: ExistingValue[] = [
    { town_id: 'puchang', year: 2024, indicator_id: 'med_cases_total', sub_kind: null, value: 289, report_id: 'puchang-2024', source: 'seed', evidence: '调处矛盾纠纷289件' },
    { town_id: 'puchang', year: 2024, indicator_id: 'med_success', sub_kind: null, value: 188, report_id: 'puchang-2024', source: 'seed', evidence: '成功188件' },
  ];
  it('a different value from another report is a conflict; an equal one is not', () => {
    const c = findConflicts(t.dataset.facts, existing);
    expect(c.map((x) => [x.fact.indicator_id, x.fact.value, x.existing[0]!.value])).toEqual([['med_cases_total', 290, 289]]);
  });
  it('checkAgainstExisting names the cell and the existing source; re-importing the same report is refused', () => {
    const p = checkAgainstExisting(t.dataset, emptyDataset(), existing, (id) => t.cells.get(id));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ row: 2, column: '调处矛盾纠纷总件数' });
    expect(p[0]!.problem_zh).toContain('289');
    const again = checkAgainstExisting(t.dataset, t.dataset, [], (id) => t.cells.get(id));
    expect(again[0]!.problem_en).toContain('already imported');
  });
});

describe('town matching grows with the rows, not with their square (issue 15 item 15)', () => {
  // A wide file where every row is a new town: the old matcher scanned every town created so far for each new
  // one (940 k rows: ~4·10⁹ steps). Work is counted, not timed: Map iterations (what the old scan did) and the
  // index's own candidate count.
  const wide = (n: number) => {
    const rows = [['乡镇', '县', '年份', 'med_cases_total']];
    for (let i = 0; i < n; i++) rows.push([`示例${i}镇`, `示例${i % 7}县`, '2024', String(i % 300)]);
    return rows;
  };
  const work = (n: number) => {
    let yielded = 0;
    const values = Map.prototype.values;
    Map.prototype.values = function <V>(this: Map<unknown, V>) {
      const it = values.call(this) as MapIterator<V>;
      return (function* () {
        for (const v of it) {
          yielded++;
          yield v;
        }
      })() as MapIterator<V>;
    };
    try {
      const t = importTable(wide(n), ctx({ fileName: 'big.csv' }));
      expect(t.dataset.towns).toHaveLength(n);
      return yielded;
    } finally {
      Map.prototype.values = values;
    }
  };
  it('four times the towns costs at most about four times the Map iterations', () => {
    const small = work(500);
    const big = work(2000);
    expect(big).toBeLessThanOrEqual(2 * 2000 + 100);
    expect(big / small).toBeLessThan(4.5);
  });
  it('TownIndex looks at the towns of one name only', () => {
    const known = Array.from({ length: 3000 }, (_, i) => ({ town_id: `t${i}`, name_zh: `镇${i % 1000}`, unit_type: '镇', county: `县${i}`, province: null }));
    const idx = new TownIndex(known);
    expect(idx.match('镇7', null, null)).toEqual(['t7', 't1007', 't2007']);
    expect(idx.match('镇7', '县1007', null)).toEqual(['t1007']);
    expect(idx.lookups).toBe(6);
  });
});

describe('a table too big for the tab is refused early, with how to split it (issue 15 item 15)', () => {
  it('stops at the fact limit while reading the rows, saying at which row and how many rows per file', () => {
    const rows = [['乡镇', '年份', 'med_cases_total', 'med_success']];
    for (let i = 0; i < 1000; i++) rows.push([`示例${i}镇`, '2024', '10', '9']);
    let problems: ImportProblem[] = [];
    try {
      importTable(rows, ctx({ maxFacts: 50 }));
    } catch (e) {
      if (!(e instanceof ImportProblemError)) throw e;
      problems = e.problems;
    }
    expect(problems).toHaveLength(1);
    // 50 facts are rows 2–26 (two per row): the 51st, on row 27, is refused — the other 974 rows are never looked at.
    expect(problems[0]!.problem_zh).toBe('文件太大:到第 27 行已有 50 条数据,超过一次导入的上限(50 条)');
    expect(problems[0]!.fix_en).toBe('split the table into several files (at most about 23 rows each) and import them one by one');
  });
});
