/**
 * Visible text of a .docx (Word 2007+) file: the paragraphs of word/document.xml in order, one per line,
 * table cells included, tabs and line breaks kept. No styles, no fields' instructions, no HTML: the
 * extractor needs the prose, and a report saved from Word reads the same as its .txt.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { unescapeXml } from './xml.ts';
import { fileProblem, msg } from './problems.ts';

const notDocx = (why: string) =>
  fileProblem(
    msg(
      `不是可读取的 Word 文档(${why})`,
      `not a readable Word document (${why})`,
      '请在 Word 或 WPS 中另存为 .docx,或另存为纯文本(.txt)',
      'save it again from Word or WPS as .docx, or as plain text (.txt)',
    ),
  );

export function docxToText(bytes: Uint8Array): string {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' });
  } catch (e) {
    throw notDocx(e instanceof Error ? e.message : 'zip');
  }
  const doc = files['word/document.xml'];
  if (!doc) throw notDocx('word/document.xml is missing');
  const xml = strFromU8(doc);
  const body = /<w:body\b[^>]*>([\s\S]*)<\/w:body>/.exec(xml)?.[1] ?? xml;
  const lines: string[] = [];
  for (const p of body.matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g)) {
    let line = '';
    // Deleted text (tracked changes) and field instructions are not part of what the reader sees.
    const inner = (p[1] ?? '').replace(/<w:del\b[\s\S]*?<\/w:del>/g, '').replace(/<w:instrText\b[\s\S]*?<\/w:instrText>/g, '');
    for (const m of inner.matchAll(/<w:t\b[^>]*>([\s\S]*?)<\/w:t>|<w:(tab|br|cr)\b[^>]*\/>/g)) {
      if (m[2] === 'tab') line += '\t';
      else if (m[2]) line += '\n';
      else line += unescapeXml(m[1]!);
    }
    lines.push(line);
  }
  return lines.join('\n');
}
