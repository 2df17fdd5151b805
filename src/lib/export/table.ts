/**
 * The one way to turn a result table into a file: CSV (UTF-8 with BOM, so Excel opens Chinese text
 * correctly), XLSX, JSON and Parquet. Pure functions returning bytes; the browser download is download.ts.
 * The values written are exactly the values given — no rounding, no locale formatting.
 */
import { strToU8, zipSync } from 'fflate';

export interface Table {
  columns: string[];
  rows: Record<string, unknown>[];
}

const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
  return String(v);
};

/** A plain number written as text (a BIGINT beyond 2^53, an exact DECIMAL): a spreadsheet reads it as the number it is. */
const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Text that Excel, WPS or LibreOffice would run as a formula (=HYPERLINK(…), +cmd, @SUM, a leading tab or CR)
 * gets a leading apostrophe, as OWASP recommends for CSV injection. Numbers (and exact numbers carried as
 * text) are left alone, so a column of negative values stays numeric.
 */
export function neutraliseFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) && !NUMERIC_TEXT.test(s) ? `'${s}` : s;
}

export function toCsv(t: Table, bom = true): string {
  const esc = (s: string) => (/[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const cell = (v: unknown) => (typeof v === 'string' ? neutraliseFormula(v) : cellText(v));
  const lines = [t.columns.map((c) => esc(neutraliseFormula(c))).join(','), ...t.rows.map((r) => t.columns.map((c) => esc(cell(r[c]))).join(','))];
  return (bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}

export const toJson = (t: Table): string =>
  JSON.stringify(
    t.rows.map((r) => Object.fromEntries(t.columns.map((c) => [c, r[c] ?? null]))),
    (_k, x) => (typeof x === 'bigint' ? x.toString() : x),
    1,
  );

const xmlEsc = (s: string) =>
  s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');

const colName = (i: number): string => {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** A minimal, standards-conformant XLSX (one sheet, inline strings, numbers as numbers, bold header). */
export function toXlsx(t: Table, sheetName = 'data'): Uint8Array {
  const row = (cells: unknown[], r: number, header = false) =>
    `<row r="${r}">${cells
      .map((v, i) => {
        const ref = `${colName(i)}${r}`;
        const style = header ? ' s="1"' : '';
        if (typeof v === 'number' && Number.isFinite(v)) return `<c r="${ref}"${style}><v>${v}</v></c>`;
        if (typeof v === 'boolean') return `<c r="${ref}" t="b"${style}><v>${v ? 1 : 0}</v></c>`;
        const s = cellText(v);
        return s === '' ? '' : `<c r="${ref}" t="inlineStr"${style}><is><t xml:space="preserve">${xmlEsc(s)}</t></is></c>`;
      })
      .join('')}</row>`;
  const sheet =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
    row(t.columns, 1, true) +
    t.rows.map((r, i) => row(t.columns.map((c) => r[c]), i + 2)).join('') +
    `</sheetData></worksheet>`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${xmlEsc(sheetName.slice(0, 31))}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf fontId="0"/><xf fontId="1" applyFont="1"/></cellXfs></styleSheet>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
  };
  return zipSync(files, { level: 6 });
}

type ParquetType = 'STRING' | 'DOUBLE' | 'INT64' | 'BOOLEAN' | 'JSON';

function parquetTypeOf(values: unknown[]): ParquetType {
  const seen = values.find((v) => v !== null && v !== undefined);
  if (typeof seen === 'number') return values.every((v) => v === null || v === undefined || Number.isInteger(v)) ? 'INT64' : 'DOUBLE';
  if (typeof seen === 'bigint') return 'INT64';
  if (typeof seen === 'boolean') return 'BOOLEAN';
  if (seen !== undefined && typeof seen === 'object') return 'JSON';
  return 'STRING';
}

/** Parquet written in JS (hyparquet-writer): no DuckDB extension download involved. */
export async function toParquet(t: Table): Promise<Uint8Array> {
  const { parquetWriteBuffer } = await import('hyparquet-writer');
  const columnData = t.columns.map((name) => {
    const raw = t.rows.map((r) => r[name] ?? null);
    const type = parquetTypeOf(raw);
    const data =
      type === 'INT64'
        ? raw.map((v) => (v === null ? null : BigInt(v as number | bigint)))
        : type === 'JSON'
          ? raw.map((v) => (v === null ? null : cellText(v)))
          : type === 'STRING'
            ? raw.map((v) => (v === null ? null : cellText(v)))
            : raw;
    return { name, data, type: type === 'JSON' ? ('STRING' as const) : type, nullable: true };
  });
  return new Uint8Array(parquetWriteBuffer({ columnData }));
}

export type TableFormat = 'csv' | 'xlsx' | 'json' | 'parquet';
export const MIME: Record<TableFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
  parquet: 'application/vnd.apache.parquet',
};

export async function encodeTable(t: Table, format: TableFormat): Promise<Uint8Array> {
  if (format === 'csv') return strToU8(toCsv(t));
  if (format === 'json') return strToU8(toJson(t));
  if (format === 'xlsx') return toXlsx(t);
  return toParquet(t);
}
