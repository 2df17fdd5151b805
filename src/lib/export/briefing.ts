/**
 * The Word briefing (简报): a .docx built in the browser with the `docx` package from what the page shows —
 * title and scope; per chart its framed picture at print resolution (16 cm wide, the text width of an A4 page
 * with 2.5 cm margins), caption, the generated sentences and a table of the figures; then sources, notes and
 * the date. Pure (bytes out) and heavy: pages load it with import() when the button is pressed, so the
 * dashboard's first load does not pay for it. tests/lib/export/briefing.test.ts opens the result.
 */
import {
  AlignmentType, BorderStyle, Document, HeadingLevel, ImageRun, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun,
  WidthType, type IRunOptions,
} from 'docx';
import type { Locale } from '../i18n/messages.ts';

export interface BriefingSection {
  title: string;
  caption: string;
  /** the framed chart (PNG), its pixel size */
  png: Uint8Array | null;
  width: number;
  height: number;
  sentences: string[];
  table: { header: string[]; rows: string[][] };
}

export interface BriefingInput {
  locale: Locale;
  title: string;
  /** lines under the title: scope, period, number of towns … */
  meta: string[];
  /** the synthetic-data warning, '' when all data is real */
  synthetic: string;
  sections: BriefingSection[];
  /** "数据来源与说明" */
  sourcesHead: string;
  /** sources, notes (non-reporters, ≥), each a paragraph */
  sources: string[];
  /** "生成日期:2026-12-02" */
  made: string;
  /** "图{n} {caption}", "表{n} {caption}" with {n} and {caption} to fill */
  figureLabel: string;
  tableLabel: string;
  /** "{n}、{title}" */
  headingLabel: string;
}

/** Text width of the page: A4 (21 cm) less 2.5 cm margins each side. */
export const TEXT_WIDTH_CM = 16;
const CM_TWIP = 567;
const PX96_PER_CM = 96 / 2.54;

const fill = (tpl: string, v: Record<string, string | number>) => tpl.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ''));
const zhNum = (n: number) => ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][n - 1] ?? String(n);

export async function buildBriefing(b: BriefingInput): Promise<Uint8Array> {
  const zh = b.locale === 'zh';
  const font = zh ? { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '宋体' } : { ascii: 'Calibri', hAnsi: 'Calibri', eastAsia: '宋体' };
  const head = zh ? { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '黑体' } : { ascii: 'Calibri', hAnsi: 'Calibri', eastAsia: '黑体' };
  const run = (text: string, o: Partial<IRunOptions> = {}) => new TextRun({ text, font, size: 21, ...o }); // 10.5 pt (五号)
  const p = (text: string, o: Partial<IRunOptions> = {}, align?: (typeof AlignmentType)[keyof typeof AlignmentType], indent = false) =>
    new Paragraph({ children: [run(text, o)], alignment: align, spacing: { after: 120, line: 360 }, indent: indent ? { firstLine: 420 } : undefined });

  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: b.title, font: head, size: 36, bold: true })] }),
    ...b.meta.map((m) => p(m, { size: 21, color: '333333' }, AlignmentType.CENTER)),
  ];
  if (b.synthetic) children.push(p(b.synthetic, { bold: true, color: '8A3FFC' }, AlignmentType.CENTER));

  b.sections.forEach((s, i) => {
    const n = i + 1;
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        spacing: { before: 360, after: 160 },
        keepNext: true,
        children: [new TextRun({ text: fill(b.headingLabel, { n: zh ? zhNum(n) : n, title: s.title }), font: head, size: 28, bold: true })],
      }),
    );
    if (s.png) {
      const w = TEXT_WIDTH_CM * PX96_PER_CM;
      children.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true,
          children: [new ImageRun({ type: 'png', data: s.png, transformation: { width: w, height: (w * s.height) / s.width }, altText: { name: s.title, title: s.title, description: s.caption } })],
        }),
        p(fill(b.figureLabel, { n, caption: s.caption }), { size: 18, color: '333333' }, AlignmentType.CENTER),
      );
    }
    for (const line of s.sentences) children.push(p(line, {}, AlignmentType.LEFT, zh));
    if (s.table.rows.length) {
      children.push(p(fill(b.tableLabel, { n, caption: s.caption }), { size: 18, bold: true }, AlignmentType.CENTER));
      children.push(figureTable(s.table, font));
    }
  });

  children.push(
    new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { before: 360, after: 160 }, children: [new TextRun({ text: b.sourcesHead, font: head, size: 28, bold: true })] }),
    ...b.sources.map((x) => p(x, { size: 19 })),
    p(b.made, { size: 19, color: '333333' }, AlignmentType.RIGHT),
  );

  const doc = new Document({
    creator: 'rol-dashboard',
    title: b.title,
    description: b.meta.join(' · '),
    styles: { default: { document: { run: { font, size: 21 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 21 * CM_TWIP, height: Math.round(29.7 * CM_TWIP) },
            margin: { top: Math.round(2.54 * CM_TWIP), bottom: Math.round(2.54 * CM_TWIP), left: Math.round(2.5 * CM_TWIP), right: Math.round(2.5 * CM_TWIP) },
          },
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

function figureTable(t: { header: string[]; rows: string[][] }, font: IRunOptions['font']): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const numeric = t.header.map((_, j) => t.rows.some((r) => /^[≥\d—.,%\s万亿-]+$/.test(r[j] ?? '')) && t.rows.every((r) => /^[≥\d—.,%\s万亿-]*$/.test(r[j] ?? '')));
  // Column widths follow the longest text of each column (CJK counts double), over the 16 cm text width,
  // so town names do not wrap while a short number column takes little room.
  const len = (x: string) => [...x].reduce((n, ch) => n + (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const want = t.header.map((h, j) => Math.max(6, Math.min(28, Math.max(len(h), ...t.rows.map((r) => len(r[j] ?? ''))))));
  const total = want.reduce((a, b) => a + b, 0);
  const widths = want.map((w) => Math.round((TEXT_WIDTH_CM * CM_TWIP * w) / total));
  const cell = (text: string, j: number, header: boolean) =>
    new TableCell({
      borders,
      width: { size: widths[j]!, type: WidthType.DXA },
      shading: header ? { type: ShadingType.CLEAR, fill: 'E8EEF4', color: 'auto' } : undefined,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: !header && numeric[j] ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text, font, size: 18, bold: header })], // 9 pt (小五)
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH_CM * CM_TWIP, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: t.header.map((h, j) => cell(h, j, true)) }),
      ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, j) => cell(c, j, false)) })),
    ],
  });
}
