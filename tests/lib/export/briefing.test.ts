import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildBriefing, type BriefingInput } from '../../../src/lib/export/briefing.ts';
import { sentences } from '../../../src/lib/export/sentences.ts';

/** A solid-colour RGB PNG of w × h (real bytes, so Word and LibreOffice can draw it). */
export function solidPng(w: number, h: number, rgb = [0, 114, 178]): Uint8Array {
  const crcT = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcT[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: w }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: h }, () => row));
  return new Uint8Array(Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
}

const says = sentences({
  locale: 'zh', year: 2024, scope: { kind: 'county', name: '廉江市', n: 4 }, what: '调处矛盾纠纷', most: '调处量', unit: '件', additive: true,
  figures: [{ name: '石岭镇', value: 289, lower: false }, { name: '安铺镇', value: 56, lower: true }],
  parts: [{ what: '口头调解', figures: [{ name: '石岭镇', value: 200, lower: false }] }],
  nonReporters: ['横山镇', '营仔镇'],
});

export const input: BriefingInput = {
  locale: 'zh',
  title: '广东省 廉江市法治政府建设指标简报(2024年)',
  meta: ['范围:广东省 廉江市', '时间:2024年'],
  synthetic: '',
  sections: [
    {
      title: '矛盾纠纷调处量', caption: '矛盾纠纷调处量(广东省 廉江市 · 2024年)', png: solidPng(400, 240), width: 400, height: 240, sentences: says,
      table: { header: ['乡镇(街道)', '年份', '调处总数'], rows: [['石岭镇', '2024', '289'], ['安铺镇', '2024', '≥ 56'], ['横山镇', '2024', '—'], ['营仔镇', '2024', '—']] },
    },
  ],
  sourcesHead: '数据来源与说明',
  sources: ['数据来源:2份年度报告(0份导入,2份经人工复核)', '“≥”为下限值:报告原文为“余/多/以上”,实际不少于该数'],
  made: '生成日期:2026-12-02',
  figureLabel: '图{n} {caption}',
  tableLabel: '表{n} {caption}',
  headingLabel: '{n}、{title}',
};

const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('Word briefing (.docx)', () => {
  it('holds the title, the sentences with the chart numbers, the table, the image, sources and date', async () => {
    const bytes = await buildBriefing(input);
    const zip = unzipSync(bytes);
    const xml = strFromU8(zip['word/document.xml']!);
    const text = textOf(xml);
    expect(text).toContain('广东省 廉江市法治政府建设指标简报(2024年)');
    expect(says[0]).toBe('2024年全市共调处矛盾纠纷345余件,其中口头调解200件;已报告数值最大的是石岭镇(289件)。');
    for (const s of says) expect(text).toContain(s);
    expect(text).toContain('一、矛盾纠纷调处量');
    expect(text).toContain('图1 矛盾纠纷调处量(广东省 廉江市 · 2024年)');
    expect(text).toContain('表1 矛盾纠纷调处量');
    expect(xml).toContain('<w:tbl>');
    const cells = [...xml.matchAll(/<w:tc>.*?<\/w:tc>/g)].map((m) => textOf(m[0]));
    expect(cells).toEqual(['乡镇(街道)', '年份', '调处总数', '石岭镇', '2024', '289', '安铺镇', '2024', '≥ 56', '横山镇', '2024', '—', '营仔镇', '2024', '—']);
    expect(text).toContain('数据来源:2份年度报告(0份导入,2份经人工复核)');
    expect(text).toContain('生成日期:2026-12-02');
    const media = Object.keys(zip).filter((f) => f.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect([...zip[media[0]!]!.subarray(0, 4)]).toEqual([137, 80, 78, 71]);
    // The picture is placed 16 cm wide: 16 cm = 5,760,000 EMU.
    expect(xml).toMatch(/<wp:extent cx="576\d{4}"/);
    // A4 portrait with 2.5 cm side margins.
    expect(xml).toMatch(/<w:pgSz w:w="11907" w:h="16840"/);
  });

  it('opens in LibreOffice: converted to PDF and to PNG pages', async () => {
    if (!existsSync('/usr/bin/soffice') && !existsSync('/usr/lib/libreoffice/program/soffice')) throw new Error('LibreOffice (soffice) is not installed: .ci/run installs libreoffice-writer');
    const dir = mkdtempSync(join(tmpdir(), 'rol-brief-'));
    try {
      const docx = join(dir, 'briefing.docx');
      writeFileSync(docx, await buildBriefing(input));
      execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'pipe', timeout: 120_000 });
      const pdf = readFileSync(join(dir, 'briefing.pdf'));
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      execFileSync('pdftoppm', ['-png', '-r', '60', join(dir, 'briefing.pdf'), join(dir, 'page')], { stdio: 'pipe', timeout: 60_000 });
      const pages = readdirSync(dir).filter((f) => /^page-\d+\.png$/.test(f));
      expect(pages.length).toBeGreaterThanOrEqual(1);
      if (process.env.SAVE_BRIEFING) {
        mkdirSync(process.env.SAVE_BRIEFING, { recursive: true });
        for (const p of pages) writeFileSync(join(process.env.SAVE_BRIEFING, p), readFileSync(join(dir, p)));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
