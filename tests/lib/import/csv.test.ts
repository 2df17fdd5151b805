import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from '../../../src/lib/import/csv.ts';
import { readTable } from '../../../src/lib/import/read-table.ts';
import { ImportProblemError } from '../../../src/lib/import/problems.ts';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF records', () => {
    const rows = parseCsv('a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n1,,3\r\n');
    expect(rows).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\r\nlines'],
      ['1', '', '3'],
    ]);
  });
  it('keeps blank rows so row numbers match the spreadsheet, and a trailing empty field', () => {
    expect(parseCsv('h1,h2\n\n1,\n')).toEqual([['h1', 'h2'], [''], ['1', '']]);
  });
  it('detects semicolon and tab delimiters from the header line', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(parseCsv('a\tb\n1\t2')).toEqual([['a', 'b'], ['1', '2']]);
  });
  it('strips a BOM', () => {
    expect(parseCsv('\uFEFFyear,value\n2024,1')[0]).toEqual(['year', 'value']);
  });
  it('reports an unclosed quote with its line', () => {
    try {
      parseCsv('a,b\n1,2\n"open,3\n4,5');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ImportProblemError);
      expect((e as ImportProblemError).problems[0]).toMatchObject({ row: 3 });
      expect((e as ImportProblemError).problems[0]!.problem_zh).toContain('引号');
    }
  });
  it('reports progress up to 1', () => {
    const shares: number[] = [];
    parseCsv('a,b\n' + '1,2\n'.repeat(600_000), { onProgress: (s) => shares.push(s) });
    expect(shares.length).toBeGreaterThan(1);
    expect(shares.at(-1)).toBe(1);
  });
});

describe('readTable: CSV bytes in the encodings Excel writes', () => {
  it('decodes a GBK CSV (Excel "CSV" on Chinese Windows) with quoted cells', async () => {
    const bytes = new Uint8Array(readFileSync('tests/fixtures/import/wide-gbk.csv'));
    const { kind, rows } = await readTable(bytes, 'wide-gbk.csv');
    expect(kind).toBe('csv');
    expect(rows[0]).toEqual(['乡镇', '县(区)', '省份', '年份', '调处矛盾纠纷总件数', '调解成功件数', '调解成功率(%)', 'Legal-aid cases']);
    expect(rows[2]).toEqual(['溪口镇', '宁远县', '湖南省', '2024', '132', '128', '97', '9']);
  });
  it('refuses an empty file, a binary file and undecodable text with messages in both languages', async () => {
    const problem = async (b: Uint8Array, name: string) => {
      try {
        await readTable(b, name);
      } catch (e) {
        return (e as ImportProblemError).problems[0]!;
      }
      throw new Error('no problem reported');
    };
    expect((await problem(new Uint8Array(), 'e.csv')).problem_zh).toContain('空');
    expect((await problem(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]), 'x.csv')).problem_en).toContain('binary');
    // bytes that are neither UTF-8 nor GBK: lone high bytes
    expect((await problem(new Uint8Array(Array.from({ length: 200 }, (_, i) => (i % 2 ? 0xff : 0x41))), 'x.csv')).problem_en).toContain('encoding');
  });
});
