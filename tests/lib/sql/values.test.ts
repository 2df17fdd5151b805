// Result values as the grid shows them and exports write them, from real Arrow vectors (apache-arrow 17,
// the major duckdb-wasm uses), plus the result model's sort order.
import * as A from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { columnInfo, decimalString, displayCell, plainCell } from '../../../src/lib/sql/cells.ts';
import { ResultSet, uniqueNames } from '../../../src/lib/sql/result.ts';

const field = (name: string, type: A.DataType) => new A.Field(name, type, true);

describe('cells', () => {
  it('prints 128-bit decimals exactly, negative and scaled', () => {
    expect(decimalString(new Uint32Array([12345, 0, 0, 0]), 2)).toBe('123.45');
    expect(decimalString(new Uint32Array([5, 0, 0, 0]), 3)).toBe('0.005');
    expect(decimalString(new Uint32Array([0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff]), 1)).toBe('-0.1');
    // 2^64 + 1 = 18446744073709551617, beyond a double's precision
    expect(decimalString(new Uint32Array([1, 0, 1, 0]), 0)).toBe('18446744073709551617');
  });

  it('prints BIGINT beyond 2^53 digit for digit, and exports it as text rather than a rounded number', () => {
    const col = columnInfo(field('n', new A.Int64()));
    expect(col.typeLabel).toBe('BIGINT');
    expect(displayCell(9007199254740993n, col)).toBe('9007199254740993');
    expect(plainCell(9007199254740993n, col)).toBe('9007199254740993');
    expect(plainCell(42n, col)).toBe(42);
  });

  it('prints dates, timestamps, lists and structs the way DuckDB does; NULL stays null', () => {
    const date = columnInfo(field('d', new A.DateDay()));
    expect(displayCell(Date.UTC(2024, 2, 1), date)).toBe('2024-03-01');
    const ts = columnInfo(field('t', new A.TimestampMicrosecond()));
    expect(displayCell(Date.UTC(2024, 2, 1, 12, 34, 56, 789), ts)).toBe('2024-03-01 12:34:56.789');
    const list = A.vectorFromArray([['a', 'b'], null], new A.List(field('item', new A.Utf8())));
    const listCol = columnInfo(field('l', list.type));
    expect(listCol.typeLabel).toBe('VARCHAR[]');
    expect(displayCell(list.get(0), listCol)).toBe("['a', 'b']");
    expect(plainCell(list.get(0), listCol)).toEqual(['a', 'b']);
    expect(displayCell(list.get(1), listCol)).toBeNull();
    const st = A.vectorFromArray([{ a: 1, b: 'x' }], new A.Struct([field('a', new A.Int32()), field('b', new A.Utf8())]));
    const stCol = columnInfo(field('s', st.type));
    expect(displayCell(st.get(0), stCol)).toBe("{'a': 1, 'b': 'x'}");
    expect(plainCell(st.get(0), stCol)).toEqual({ a: 1, b: 'x' });
    expect(displayCell('', columnInfo(field('e', new A.Utf8())))).toBe(''); // empty string is not NULL
  });

  it('exports short decimals as numbers and long ones as exact text', () => {
    const col = columnInfo(field('d', new A.Decimal(2, 18, 128)));
    expect(col.typeLabel).toBe('DECIMAL(18,2)');
    expect(plainCell(new Uint32Array([12345, 0, 0, 0]), col)).toBe(123.45);
    expect(plainCell(new Uint32Array([1, 0, 1, 0]), col)).toBe('184467440737095516.17');
  });
});

describe('ResultSet', () => {
  const t = A.tableFromArrays({ n: Int32Array.from([3, 1, 2, 5, 4]), s: ['c', 'a', null, 'e', 'd'] });
  const rs = ResultSet.fromBatches(t.schema.fields as never, [...t.batches.slice(0, 1)] as never);

  it('reads values across Arrow batches by row number', () => {
    const t2 = A.tableFromArrays({ n: Int32Array.from([1, 2, 3]) });
    const t3 = A.tableFromArrays({ n: Int32Array.from([4, 5]) });
    const two = ResultSet.fromBatches(t2.schema.fields as never, [t2.batches[0]!, t3.batches[0]!] as never);
    expect(two.length).toBe(5);
    expect([0, 1, 2, 3, 4].map((r) => two.get(r, 0))).toEqual([1, 2, 3, 4, 5]);
  });

  it('sorts by a column both ways with NULLs last, without moving the data', () => {
    expect([...rs.sortOrder(0, 'asc')].map((r) => rs.get(r, 0))).toEqual([1, 2, 3, 4, 5]);
    expect([...rs.sortOrder(0, 'desc')].map((r) => rs.get(r, 0))).toEqual([5, 4, 3, 2, 1]);
    expect([...rs.sortOrder(1, 'asc')].map((r) => rs.display(r, 1))).toEqual(['a', 'c', 'd', 'e', null]);
    expect([...rs.sortOrder(1, 'desc')].map((r) => rs.display(r, 1))).toEqual(['e', 'd', 'c', 'a', null]);
  });

  it('gives export tables in the displayed order with distinct column names', () => {
    const tab = rs.toTable(rs.sortOrder(0, 'asc'));
    expect(tab.rows[0]).toEqual({ n: 1, s: 'a' });
    expect(uniqueNames(['a', 'a', 'b', 'a'])).toEqual(['a', 'a_2', 'b', 'a_3']);
  });
});
