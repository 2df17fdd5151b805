// CSV written by every download (import page, chart panels, SQL workbench): text that a spreadsheet would
// run as a formula is neutralised the way OWASP recommends; numbers stay numbers.
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/lib/export/table.ts';

const rows = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n').slice(0, -1);

describe('toCsv: formula injection', () => {
  it("prefixes text cells starting with = + - @ tab or CR with ' (OWASP)", () => {
    const csv = toCsv({
      columns: ['v'],
      rows: [{ v: '=HYPERLINK("http://x","y")' }, { v: '+1+2' }, { v: '-2+3' }, { v: '@SUM(A1)' }, { v: '\t=1' }, { v: '\r=1' }, { v: '蒲场镇' }],
    });
    expect(rows(csv)).toEqual([
      'v',
      `"'=HYPERLINK(""http://x"",""y"")"`,
      "'+1+2",
      "'-2+3",
      "'@SUM(A1)",
      "'\t=1",
      `"'\r=1"`,
      '蒲场镇',
    ]);
  });

  it('leaves numbers (negative ones too), bigints and empty cells as they are', () => {
    const csv = toCsv({ columns: ['n', 'b', 'e'], rows: [{ n: -5.5, b: -12n, e: null }, { n: 0, b: 3n, e: '' }] });
    expect(rows(csv)).toEqual(['n,b,e', '-5.5,-12,', '0,3,']);
  });

  it('neutralises a column name that is a formula (a SQL alias can be anything)', () => {
    expect(rows(toCsv({ columns: ['=1+1'], rows: [] }))).toEqual(["'=1+1"]);
  });
});

describe('toCsv: exact numbers carried as text', () => {
  it('does not prefix a negative BIGINT or DECIMAL written as text', () => {
    const csv = toCsv({ columns: ['x'], rows: [{ x: '-9007199254740993' }, { x: '-0.125' }, { x: '+3' }, { x: '-1e5' }] });
    expect(rows(csv)).toEqual(['x', '-9007199254740993', '-0.125', '+3', '-1e5']);
  });
});
