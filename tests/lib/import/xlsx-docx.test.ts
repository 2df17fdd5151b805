import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toXlsx } from '../../../src/lib/export/table.ts';
import { columnIndex, readXlsx } from '../../../src/lib/import/xlsx-read.ts';
import { docxToText } from '../../../src/lib/import/docx.ts';
import { ImportProblemError } from '../../../src/lib/import/problems.ts';

describe('readXlsx', () => {
  it('reads back what toXlsx writes: inline strings, numbers, booleans, empty cells, escapes', () => {
    const bytes = toXlsx({
      columns: ['乡镇', '年份', 'note', 'flag'],
      rows: [
        { 乡镇: '溪口镇', 年份: 2024, note: 'a < b & "c"', flag: true },
        { 乡镇: '柳塘街道', 年份: 2023.5, note: null, flag: false },
      ],
    });
    expect(readXlsx(bytes)).toEqual([
      ['乡镇', '年份', 'note', 'flag'],
      ['溪口镇', '2024', 'a < b & "c"', 'true'],
      ['柳塘街道', '2023.5', '', 'false'],
    ]);
  });
  it('reads shared strings and skips to cell references (gaps become empty cells)', () => {
    const sheet = `<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row><row r="3"><c r="B3"><v>42</v></c></row></sheetData></worksheet>`;
    const sst = `<sst><si><t>乡镇</t></si><si><r><t>年</t></r><r><t>份</t></r></si></sst>`;
    const bytes = zipSync({ 'xl/worksheets/sheet1.xml': strToU8(sheet), 'xl/sharedStrings.xml': strToU8(sst) });
    expect(readXlsx(bytes)).toEqual([['乡镇', '', '年份'], [''], ['', '42']]);
  });
  it('column letters', () => {
    expect([columnIndex('A1'), columnIndex('Z9'), columnIndex('AA1'), columnIndex('AB12')]).toEqual([0, 25, 26, 27]);
  });
  it('refuses a file that is not a zip', () => {
    expect(() => readXlsx(strToU8('not a zip'))).toThrow(ImportProblemError);
  });
});

describe('docxToText', () => {
  it('gives the paragraphs in order with tabs, breaks and entities', () => {
    const doc = `<?xml version="1.0"?><w:document xmlns:w="x"><w:body><w:p><w:pPr/><w:r><w:t>青禾镇2023年</w:t></w:r><w:r><w:t xml:space="preserve">法治政府建设工作报告</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>调处矛盾纠纷56件</w:t><w:tab/><w:t>A&amp;B</w:t><w:br/><w:t>下一行</w:t></w:r></w:p></w:body></w:document>`;
    const bytes = zipSync({ 'word/document.xml': strToU8(doc), '[Content_Types].xml': strToU8('<Types/>') });
    expect(docxToText(bytes)).toBe('青禾镇2023年法治政府建设工作报告\n\n调处矛盾纠纷56件\tA&B\n下一行');
  });
  it('refuses a zip without word/document.xml', () => {
    expect(() => docxToText(zipSync({ 'a.txt': strToU8('x') }))).toThrow(/Word/);
  });
});
