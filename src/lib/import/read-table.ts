/**
 * Table file bytes → rows of text cells, by format: CSV/TSV (UTF-8, UTF-8 BOM or GBK as Excel writes it),
 * XLSX (first sheet) or Parquet (hyparquet, pure JS). Format from the content first (zip, PAR1 magic), the
 * file name second, so a renamed file is still read for what it is — or refused with a message saying so.
 */
import { decodeBytes } from '../extract/decode.ts';
import { ExtractInputError } from '../extract/errors.ts';
import { parseCsv } from './csv.ts';
import { readXlsx } from './xlsx-read.ts';
import { fileProblem, msg } from './problems.ts';

export type TableKind = 'csv' | 'xlsx' | 'parquet';

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isParquet = (b: Uint8Array) =>
  b.length >= 12 && b[0] === 0x50 && b[1] === 0x41 && b[2] === 0x52 && b[3] === 0x31;

export function tableKindOf(fileName: string, bytes: Uint8Array): TableKind {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (isParquet(bytes) || ext === 'parquet') return 'parquet';
  if (isZip(bytes) || ext === 'xlsx') return 'xlsx';
  return 'csv';
}

/** Decoding problems of text files, said for people (the extractor's codes → bilingual messages). */
export function decodeProblem(e: unknown, fileName: string) {
  if (!(e instanceof ExtractInputError)) return e;
  if (e.code === 'empty')
    return fileProblem(msg(`文件“${fileName}”是空的`, `the file "${fileName}" is empty`, '检查是否选错了文件;空文件不会导入任何内容', 'check you picked the right file; an empty file imports nothing'));
  if (e.code === 'binary')
    return fileProblem(
      msg(
        `文件“${fileName}”不是文本,而是二进制文件(可能是改了扩展名的图片、压缩包或其他文件)`,
        `"${fileName}" is not text but a binary file (perhaps an image, archive or other file renamed)`,
        '报告请用 .txt、.html 或 .docx;表格请用 CSV、XLSX 或 Parquet',
        'use .txt, .html or .docx for reports and CSV, XLSX or Parquet for tables',
      ),
    );
  return fileProblem(
    msg(
      `无法识别文件“${fileName}”的文字编码(既不是 UTF-8,也不是 GBK/GB18030)`,
      `cannot read the text encoding of "${fileName}" (neither UTF-8 nor GBK/GB18030)`,
      '用记事本或 WPS 打开后“另存为”UTF-8 编码再导入',
      'open it in a text editor and save it as UTF-8, then import again',
    ),
  );
}

export async function readTable(bytes: Uint8Array, fileName: string, onProgress?: (share: number) => void): Promise<{ kind: TableKind; rows: string[][] }> {
  const kind = tableKindOf(fileName, bytes);
  if (bytes.length === 0) throw decodeProblem(new ExtractInputError('empty', 'empty'), fileName);
  if (kind === 'xlsx') return { kind, rows: readXlsx(bytes) };
  if (kind === 'parquet') return { kind, rows: await readParquet(bytes, fileName) };
  let text: string;
  try {
    text = decodeBytes(bytes).text;
  } catch (e) {
    throw decodeProblem(e, fileName);
  }
  return { kind, rows: parseCsv(text, { onProgress }) };
}

const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof v === 'object') return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
  return String(v);
};

async function readParquet(bytes: Uint8Array, fileName: string): Promise<string[][]> {
  const problem = (zh: string, en: string) =>
    fileProblem(
      msg(
        `Parquet 文件“${fileName}”${zh}`,
        `the Parquet file "${fileName}" ${en}`,
        '重新下载或重新导出该文件(不要用文本编辑器打开保存),或改用 CSV',
        'download or export the file again (never open and save it in a text editor), or use CSV',
      ),
    );
  const incomplete = (zhWhy: string, enWhy: string) => problem(`不完整:${zhWhy}。可能下载没有完成,或文件被截断`, `is incomplete: ${enWhy}. Perhaps the download did not finish, or the file was cut short`);
  const n = bytes.length;
  if (!(n >= 12 && bytes[0] === 0x50 && bytes[1] === 0x41 && bytes[2] === 0x52 && bytes[3] === 0x31))
    throw problem('已损坏:开头没有 PAR1 标记,不是 Parquet 文件', 'is damaged: it does not start with the PAR1 mark, so it is not Parquet');
  if (!(bytes[n - 4] === 0x50 && bytes[n - 3] === 0x41 && bytes[n - 2] === 0x52 && bytes[n - 1] === 0x31))
    throw incomplete('结尾没有 PAR1 标记(文件的目录部分缺失)', 'it does not end with the PAR1 mark (its footer is missing)');
  const footer = new DataView(bytes.buffer, bytes.byteOffset + n - 8, 4).getUint32(0, true);
  if (footer + 12 > n) throw incomplete(`目录说它有 ${footer} 字节,文件却只有 ${n} 字节`, `its footer says it is ${footer} bytes, but the file has only ${n}`);
  const [{ parquetMetadata, parquetSchema, parquetRead }, { compressors }] = await Promise.all([
    import('hyparquet'),
    // ZSTD (our published extracts, DuckDB's COPY … COMPRESSION zstd), GZIP, Brotli, LZ4 — all in JS.
    import('hyparquet-compressors'),
  ]);
  const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + n) as ArrayBuffer;
  let metadata: Awaited<ReturnType<typeof parquetMetadata>>;
  try {
    metadata = parquetMetadata(ab);
  } catch {
    throw problem(
      '不完整或已损坏:文件末尾的目录部分无法读取(常见原因是下载没有完成,或文件被截断)',
      "is incomplete or damaged: its footer (the file's table of contents) cannot be read (usually a download that did not finish, or a file cut short)",
    );
  }
  // Every column chunk must lie inside the file, before the footer: a file with its middle missing still
  // ends with a valid footer, whose offsets then point past the data that is left.
  const dataEnd = n - 8 - footer;
  for (const rg of metadata.row_groups ?? []) {
    for (const c of rg.columns ?? []) {
      const m = c.meta_data;
      if (!m) continue;
      const start = Number(m.dictionary_page_offset ?? m.data_page_offset);
      const end = start + Number(m.total_compressed_size);
      if (!(start >= 4 && end <= dataEnd))
        throw incomplete(`列“${m.path_in_schema.join('.')}”的数据应在第 ${start}–${end} 字节,文件的数据部分只到第 ${dataEnd} 字节`, `column "${m.path_in_schema.join('.')}" should lie at bytes ${start}–${end}, but the data ends at byte ${dataEnd}`);
    }
  }
  try {
    const names = parquetSchema(metadata).children.map((c) => c.element.name);
    let rows: unknown[][] = [];
    await parquetRead({ file: ab, metadata, compressors, rowFormat: 'array', onComplete: (r: unknown[][]) => (rows = r) });
    return [names, ...rows.map((r) => r.map(cellText))];
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    if (/zstd|gzip|brotli|lz4|snappy|decompress|inflate/i.test(why))
      throw problem('已损坏:其中的压缩数据无法解压', 'is damaged: some of its compressed data cannot be decompressed');
    // Anything else is an inconsistency inside the file; the reader's own error text (a TypeError) would say nothing.
    throw problem('已损坏:文件内部的结构前后不一致,无法读取', 'is damaged: its internal structure is inconsistent and cannot be read');
  }
}
