/**
 * A minimal XLSX reader: the first worksheet as rows of text cells (shared strings, inline strings,
 * numbers, booleans). Enough for what Excel, WPS and our own toXlsx write; formulas give their cached value.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { attr, unescapeXml } from './xml.ts';
import { fileProblem, msg } from './problems.ts';

const badXlsx = (why: string) =>
  fileProblem(
    msg(
      `不是可读取的 XLSX 工作簿(${why})`,
      `not a readable XLSX workbook (${why})`,
      '请在 Excel 或 WPS 中打开并另存为 .xlsx(Excel 工作簿),或另存为 CSV',
      'open it in Excel or WPS and save it again as .xlsx (Excel workbook), or as CSV',
    ),
  );

/** "AB12" → 27 (0-based column index). */
export function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** Text of an <si> or <is> element: every <t> run joined (phonetic <rPh> runs left out). */
const richText = (xml: string): string => {
  let out = '';
  const body = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  for (const m of body.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>|<t\b[^>]*\/>/g)) out += unescapeXml(m[1] ?? '');
  return out;
};

export function readXlsx(bytes: Uint8Array): string[][] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    throw badXlsx(e instanceof Error ? e.message : 'zip');
  }
  const text = (name: string): string | null => (files[name] ? strFromU8(files[name]!) : null);
  const sheetPath = firstSheetPath(text('xl/workbook.xml'), text('xl/_rels/workbook.xml.rels'), Object.keys(files));
  const sheet = sheetPath ? text(sheetPath) : null;
  if (!sheet) throw badXlsx('no worksheet inside');
  const shared: string[] = [];
  const sst = text('xl/sharedStrings.xml');
  if (sst) for (const m of sst.matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\b[^>]*\/>/g)) shared.push(richText(m[1] ?? ''));

  const rows: string[][] = [];
  for (const rm of sheet.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const rAttr = attr(rm[1]!, 'r');
    const rowIdx = rAttr ? Number(rAttr) - 1 : rows.length;
    while (rows.length < rowIdx) rows.push(['']);
    const cells: string[] = [];
    for (const cm of (rm[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const a = cm[1]!;
      const body = cm[2] ?? '';
      const ref = attr(a, 'r');
      const col = ref ? columnIndex(ref) : cells.length;
      const type = attr(a, 't') ?? 'n';
      const v = /<v\b[^>]*>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let value = '';
      if (type === 's') value = shared[Number(v)] ?? '';
      else if (type === 'inlineStr') value = richText(/<is\b[^>]*>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '');
      else if (type === 'b') value = v === '1' ? 'true' : v === '0' ? 'false' : '';
      else if (type === 'e') value = '';
      else value = v === undefined ? '' : unescapeXml(v);
      while (cells.length < col) cells.push('');
      cells[col] = value;
    }
    rows[rowIdx] = cells.length ? cells : [''];
  }
  return rows;
}

function firstSheetPath(workbook: string | null, rels: string | null, names: string[]): string | null {
  if (workbook && rels) {
    const first = /<sheet\b([^>]*)\/?>/.exec(workbook);
    const rid = first ? attr(first[1]!, 'r:id') : null;
    if (rid) {
      for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
        if (attr(m[1]!, 'Id') !== rid) continue;
        const target = attr(m[1]!, 'Target') ?? '';
        const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
        if (names.includes(path)) return path;
      }
    }
  }
  return names.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).sort()[0] ?? null;
}
