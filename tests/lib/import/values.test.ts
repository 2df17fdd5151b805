// Values that cannot be true, and files that are not whole: the import and the data build say what is
// wrong (issue 15 item 16) instead of drawing 1.7e+300亿, summing to Infinity or leaking a TypeError.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { valueBound, valueProblem } from '../../../src/lib/catalog/bounds.ts';
import { parseCsv } from '../../../src/lib/import/csv.ts';
import { ImportProblemError, type ImportProblem } from '../../../src/lib/import/problems.ts';
import { readTable } from '../../../src/lib/import/read-table.ts';
import { importTable, type TableContext } from '../../../src/lib/import/table-import.ts';

const ctx: TableContext = {
  fileName: 't.csv',
  knownTowns: [{ town_id: 'puchang', name_zh: '蒲场镇', unit_type: '镇', county: '某县', province: '湖南省' }],
  importedAt: '2025-01-01T00:00:00Z',
};
const problemsOf = (csv: string): ImportProblem[] => {
  try {
    importTable(parseCsv(csv), ctx);
  } catch (e) {
    if (e instanceof ImportProblemError) return e.problems;
    throw e;
  }
  return [];
};

describe('values bounded per indicator kind', () => {
  it('refuses 1e308 and 1e309 cases with a message naming the bound, and keeps plausible values', () => {
    const p = problemsOf('乡镇,年份,调处矛盾纠纷总件数\n蒲场镇,2024,1e308\n蒲场镇,2023,1e309\n蒲场镇,2022,289\n');
    expect(p.map((x) => [x.row, x.column])).toEqual([
      [2, '调处矛盾纠纷总件数'],
      [3, '调处矛盾纠纷总件数'],
    ]);
    expect(p[0]!.problem_zh).toContain('超出');
    expect(p[0]!.problem_zh).toContain('件');
    expect(p[1]!.problem_zh).not.toContain('null');
    expect(p[1]!.problem_zh).toContain('1e309');
    expect(p[1]!.problem_en).toMatch(/too large|not a finite/);
  });

  it('bounds counts, amounts and rates by kind', () => {
    expect(valueBound({ kind: 'flow', unit: '件' })).toBe(1e8);
    expect(valueBound({ kind: 'amount', unit: '元' })).toBe(1e13);
    expect(valueBound({ kind: 'rate', unit: '%' })).toBe(100);
    expect(valueProblem(289, { kind: 'flow', unit: '件' })).toBeNull();
    expect(valueProblem(2.5e7, { kind: 'amount', unit: '元' })).toBeNull();
    expect(valueProblem(Infinity, { kind: 'flow', unit: '件' })?.problem_zh).toContain('不是有限的数字');
    expect(valueProblem(1e9, { kind: 'stock', unit: '名' })?.problem_zh).toContain('超出');
  });
});

describe('a damaged Parquet file', () => {
  const whole = new Uint8Array(readFileSync('static/data/facts.parquet'));
  const n = whole.length;
  const problemOf = async (bytes: Uint8Array) => {
    try {
      await readTable(bytes, 'facts.parquet');
    } catch (e) {
      if (e instanceof ImportProblemError) return e.problems[0]!;
      throw e;
    }
    throw new Error('expected a problem');
  };

  it('says a file with its middle missing is incomplete, not "Cannot read properties of undefined"', async () => {
    const p = await problemOf(new Uint8Array([...whole.subarray(0, 2000), ...whole.subarray(n - 3000)]));
    expect(p.problem_zh).toContain('不完整');
    expect(p.problem_en).toMatch(/incomplete|truncated/);
    expect(p.problem_en).not.toMatch(/Cannot read properties|undefined/);
  });

  it('says a file cut short is incomplete, and a corrupted one damaged, in words', async () => {
    expect((await problemOf(new Uint8Array([...whole.subarray(0, 4), ...whole.subarray(n - 200)]))).problem_zh).toContain('不完整');
    const zeroed = whole.slice();
    zeroed.fill(0, 100, n - 5000);
    const z = await problemOf(zeroed);
    expect(z.problem_zh).toContain('损坏');
    expect(z.problem_zh).toContain('解压');
  });
});
