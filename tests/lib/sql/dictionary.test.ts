// ENUM columns reach the workbench as Arrow Dictionary vectors. Through duckdb-wasm's streaming send() the
// dictionary itself never arrives (only the indices: duckdb-wasm issue 1548), which made every ENUM cell
// NULL in the grid and in every download. These tests use the real duckdb-wasm (its Node build, the same
// wasm the browser runs) and real apache-arrow vectors.
import * as A from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnInfo, displayCell, plainCell } from '../../../src/lib/sql/cells.ts';
import { enumValuesOf, fillMissingDictionaries } from '../../../src/lib/sql/dictionaries.ts';
import { ResultSet, type BatchLike } from '../../../src/lib/sql/result.ts';
import { toCsv } from '../../../src/lib/export/table.ts';
import { openWasm } from './wasm.ts';

let conn: Awaited<ReturnType<typeof openWasm>>;
const rows = async (sql: string) => conn.query(sql).toArray().map((r: { toJSON(): Record<string, unknown> }) => r.toJSON());

beforeAll(async () => {
  conn = await openWasm();
  await rows("CREATE TYPE ind AS ENUM ('med_cases_total', 'med_success_rate', 'it''s')");
  await rows("CREATE TABLE facts AS SELECT (['med_cases_total', 'med_success_rate', 'it''s', NULL])[1 + range % 4]::ind AS indicator_id, range AS v FROM range(10)");
});
afterAll(() => conn?.close());

async function streamed(sql: string): Promise<ResultSet> {
  const reader = await conn.send(sql);
  let rs: ResultSet | null = null;
  for await (const b of reader as unknown as AsyncIterable<BatchLike>) {
    rs ??= new ResultSet(b.schema.fields);
    rs.push(b);
  }
  return rs!;
}

describe('ENUM / Dictionary columns', () => {
  it('types a Dictionary column by its values: ENUM of strings, shown and exported as the string', () => {
    const v = A.vectorFromArray(['a', 'b', null, 'a'], new A.Dictionary(new A.Utf8(), new A.Int32()));
    const col = columnInfo(new A.Field('e', v.type, true));
    expect(col).toMatchObject({ kind: 'string', typeLabel: 'ENUM' });
    expect([0, 1, 2, 3].map((i) => displayCell(v.get(i), col))).toEqual(['a', 'b', null, 'a']);
    expect(plainCell(v.get(1), col)).toBe('b');
    // A dictionary of numbers is typed by its numbers.
    const n = A.vectorFromArray([1.5, 2.5], new A.Dictionary(new A.Float64(), new A.Int8()));
    expect(columnInfo(new A.Field('n', n.type, true))).toMatchObject({ kind: 'float', typeLabel: 'DOUBLE' });
  });

  it('reproduces the bug: streamed ENUM batches carry no dictionary', async () => {
    const rs = await streamed('SELECT indicator_id FROM facts ORDER BY v');
    expect(rs.missingDictionaries()).toEqual([0]);
  });

  it('fills the values of a streamed ENUM result from DESCRIBE, in the grid, sorting and CSV', async () => {
    const sql = 'select indicator_id, count(*) AS n from facts group by 1 order by 1 nulls last;';
    const rs = await streamed(sql);
    await fillMissingDictionaries(rs, sql, rows);
    expect(rs.missingDictionaries()).toEqual([]);
    expect(Array.from({ length: rs.length }, (_, i) => rs.display(i, 0))).toEqual(['med_cases_total', 'med_success_rate', "it's", null]);
    expect(rs.columns[0]!.typeLabel).toBe('ENUM');
    const order = rs.sortOrder(0, 'asc');
    expect(Array.from(order, (i) => rs.display(i, 0))).toEqual(["it's", 'med_cases_total', 'med_success_rate', null]);
    const csv = toCsv(rs.toTable());
    expect(csv).toContain('\r\nmed_cases_total,3\r\n');
    expect(csv).toContain("\r\nit's,2\r\n");
  });

  it('keeps the other columns and several ENUM columns straight', async () => {
    const sql = "SELECT v, indicator_id, 'it''s'::ind AS k FROM facts WHERE v < 3 ORDER BY v";
    const rs = await streamed(sql);
    await fillMissingDictionaries(rs, sql, rows);
    expect(rs.toTable().rows).toEqual([
      { v: 0, indicator_id: 'med_cases_total', k: "it's" },
      { v: 1, indicator_id: 'med_success_rate', k: "it's" },
      { v: 2, indicator_id: "it's", k: "it's" },
    ]);
  });

  it("reads an ENUM type's values from DuckDB's type text", () => {
    expect(enumValuesOf("ENUM('a', 'b''q', 'c, d')")).toEqual(['a', "b'q", 'c, d']);
    expect(enumValuesOf('VARCHAR')).toBeNull();
  });
});
