import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_DIR, foreignRequests, openSite, type Session } from './harness.ts';
import { readPngMeta } from '../../src/lib/export/png-text.ts';

// The Word briefing from the built site (issue 14): one click on the overview, a .docx of the page's charts.
let s: Session;
beforeAll(async () => {
  s = await openSite();
});
afterAll(async () => s?.close());

const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

async function briefing(): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([s.page.waitForEvent('download', { timeout: 60_000 }), s.page.getByTestId('briefing').click()]);
  return { name: dl.suggestedFilename(), bytes: readFileSync((await dl.path())!) };
}

describe('生成简报 / Briefing (Word)', () => {
  it('builds a .docx of the county: title, scope, chart images, sentences with the chart numbers, the table, sources', async () => {
    // 密云区: of its townships only 鼓楼街道 reports mediation in 2025 (the bundled real data; 果园街道 has a report without it).
    await s.page.goto(`${s.origin}/?province=${encodeURIComponent('北京市')}&county=${encodeURIComponent('密云区')}&from=2025&to=2025`);
    await s.page.locator('[data-testid="mediation-chart"][data-rendered="true"]').waitFor({ timeout: 60_000 });
    // An exported PNG names the county, its towns, the one that did not report, and the sources (its frame
    // text, decoded from the file's iTXt chunk: the same text model the picture is drawn from).
    const p = s.page.locator('[data-panel="mediation"]');
    await p.locator('details.menu summary').click();
    const [dl] = await Promise.all([s.page.waitForEvent('download'), p.locator('button[data-export="png2"]').click()]);
    const png = new Uint8Array(readFileSync((await dl.path())!));
    const d = readPngMeta(png).text.Description!;
    // every township of 密云区 in the 2023 list counts (issue 13), not only the two with data
    const n = Number(/范围:北京市 密云区 · (\d+)个乡镇\(街道\):/.exec(d)?.[1]);
    expect(n).toBeGreaterThan(2);
    expect(d).toMatch(new RegExp(`未报告\\(${n - 1}个\\):.*果园街道`));
    expect(d).toMatch(/数据来源:1份年度报告\(0份导入,\d份经人工复核\)/);
    if (process.env.SAVE_BRIEFING) writeFileSync(join(process.env.SAVE_BRIEFING, 'miyun-mediation@2x.png'), png);
    // docx is not part of the first load: no request for it until the button is pressed.
    const before = s.requests.length;
    const { name, bytes } = await briefing();
    expect(name).toMatch(/简报.*\.docx$/);
    const zip = unzipSync(new Uint8Array(bytes));
    const xml = strFromU8(zip['word/document.xml']!);
    const text = textOf(xml);
    expect(text).toContain('北京市 密云区法治政府建设指标简报(2025年)');
    expect(text).toContain('一、矛盾纠纷调处量');
    // The sentence carries the number the chart labels.
    const label = (await s.page.locator('[data-testid="mediation-chart"] svg text').allTextContents()).filter((x) => /^≥?[\d,.]+万?$/.test(x));
    const m = text.match(/2025年鼓楼街道调处矛盾纠纷([\d,.]+万?)(余)?件/) ?? text.match(/2025年全区共调处矛盾纠纷([\d,.]+万?)(余)?件/);
    expect(m, text.slice(0, 400)).not.toBeNull();
    expect(label.map((x) => x.replace('≥', ''))).toContain(m![1]);
    expect(text).toMatch(new RegExp(`${n - 1}个(镇|乡镇\\(街道\\))未报告\\(`));
    expect(xml).toContain('<w:tbl>');
    expect(text).toMatch(/数据来源:\d+份年度报告\(\d+份导入,\d+份经人工复核\)/);
    expect(text).toMatch(/生成日期:\d{4}-\d{2}-\d{2}/);
    const media = Object.keys(zip).filter((f) => f.startsWith('word/media/'));
    expect(media.length).toBeGreaterThanOrEqual(1);
    for (const f of media) expect([...zip[f]!.subarray(0, 4)]).toEqual([137, 80, 78, 71]);
    // The docx package's chunk (the one that writes WordprocessingML) is fetched on the click, never before.
    const docxChunks = readdirSync(join(BUILD_DIR, '_app/immutable/chunks')).filter((f) => f.endsWith('.js') && readFileSync(join(BUILD_DIR, '_app/immutable/chunks', f), 'utf8').includes('wordprocessingml/2006/main'));
    expect(docxChunks).toHaveLength(1);
    expect(s.requests.slice(0, before).some((u) => u.endsWith(docxChunks[0]!))).toBe(false);
    expect(s.requests.slice(before).some((u) => u.endsWith(docxChunks[0]!))).toBe(true);
    if (process.env.SAVE_BRIEFING) {
      mkdirSync(process.env.SAVE_BRIEFING, { recursive: true });
      writeFileSync(join(process.env.SAVE_BRIEFING, 'overview-zh.docx'), bytes);
    }
    // LibreOffice opens it (what a Word / WPS user sees): PDF, then PNG pages.
    const dir = mkdtempSync(join(tmpdir(), 'rol-brief-'));
    try {
      writeFileSync(join(dir, 'b.docx'), bytes);
      execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'pdf', '--outdir', dir, join(dir, 'b.docx')], { stdio: 'pipe', timeout: 120_000 });
      execFileSync('pdftoppm', ['-png', '-r', '70', join(dir, 'b.pdf'), join(dir, 'page')], { stdio: 'pipe', timeout: 60_000 });
      const pages = readdirSync(dir).filter((f) => /^page-\d+\.png$/.test(f));
      expect(pages.length).toBeGreaterThanOrEqual(2);
      if (process.env.SAVE_BRIEFING) for (const p of pages) writeFileSync(join(process.env.SAVE_BRIEFING, `overview-zh-${p}`), readFileSync(join(dir, p)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('in English the document is English', async () => {
    await s.page.evaluate(() => localStorage.setItem('rol.locale', 'en'));
    await s.page.reload();
    await s.page.locator('[data-testid="mediation-chart"][data-rendered="true"]').waitFor({ timeout: 60_000 });
    await s.page.getByTestId('briefing').filter({ hasText: 'Briefing (Word)' }).waitFor();
    const { bytes } = await briefing();
    const text = textOf(strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!));
    expect(text).toContain('Rule-of-law indicators briefing: 北京市 密云区, 2025');
    expect(text).toMatch(/In 2025, /);
    expect(text).toMatch(/Sources: \d+ annual reports/);
    expect(text).not.toContain('数据来源');
    if (process.env.SAVE_BRIEFING) writeFileSync(join(process.env.SAVE_BRIEFING, 'overview-en.docx'), bytes);
    await s.page.evaluate(() => localStorage.removeItem('rol.locale'));
    expect(s.consoleErrors).toEqual([]);
    expect(foreignRequests(s)).toEqual([]);
  });
});
