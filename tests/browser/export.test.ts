import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExtracts } from '../../scripts/lib/duckdb-node.ts';
import { listParam, runQuery } from '../../src/lib/db/query.ts';
import { mediationByTownYear, scopeTowns } from '../../src/lib/db/queries.ts';
import { readPngMeta } from '../../src/lib/export/png-text.ts';
import { BUILD_DIR, foreignRequests, openSite, type Session } from './harness.ts';

// Briefing exports from the built site: PNG 2×/3×, SVG, CSV, XLSX of a chart, and "Export all".
let s: Session;
beforeAll(async () => {
  s = await openSite();
  await s.page.goto(`${s.origin}/?province=${encodeURIComponent('贵州省')}&from=2024&to=2024`);
  await s.page.locator('[data-testid="mediation-chart"][data-rendered="true"]').waitFor({ timeout: 60_000 });
  await s.page.waitForFunction(() => document.querySelector('[data-testid="mediation-chart"] svg')?.textContent?.includes('蒲场镇'), null, { timeout: 15_000 });
});
afterAll(async () => s?.close());

async function exportOf(panel: string, format: string): Promise<{ name: string; bytes: Buffer }> {
  const p = s.page.locator(`[data-panel="${panel}"]`);
  if ((await p.locator('details.menu').getAttribute('open')) === null) await p.locator('details.menu summary').click();
  const [dl] = await Promise.all([
    s.page.waitForEvent('download', { timeout: 20_000 }).catch(async (e) => {
      throw new Error(`${String(e)}; panel says: ${(await p.locator('.notice').allInnerTexts()).join(' | ')}`);
    }),
    p.locator(`button[data-export="${format}"]`).click(),
  ]);
  return { name: dl.suggestedFilename(), bytes: readFileSync((await dl.path())!) };
}

/** Width and height from the PNG header (IHDR). */
function pngSize(b: Buffer): { width: number; height: number } {
  expect([...b.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  expect(b.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** Share of pixels that are not white: decodes 8-bit RGBA/RGB PNGs (what Chromium's canvas writes). */
function inkShare(b: Buffer): number {
  const { width, height } = pngSize(b);
  const colorType = b[25]!;
  const channels = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
  expect(b[24]).toBe(8);
  expect(channels).toBeGreaterThan(0);
  const idat: Buffer[] = [];
  for (let o = 8; o < b.length; ) {
    const len = b.readUInt32BE(o);
    const type = b.subarray(o + 4, o + 8).toString('latin1');
    if (type === 'IDAT') idat.push(b.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const prev = new Uint8Array(stride);
  const cur = new Uint8Array(stride);
  let ink = 0;
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? cur[x - channels]! : 0;
      const up = prev[x]!;
      const c = x >= channels ? prev[x - channels]! : 0;
      const v = line[x]!;
      const p = a + up - c;
      const pred = f === 0 ? 0 : f === 1 ? a : f === 2 ? up : f === 3 ? (a + up) >> 1 : Math.abs(p - a) <= Math.abs(p - up) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - up) <= Math.abs(p - c) ? up : c;
      cur[x] = (v + pred) & 255;
    }
    for (let x = 0; x < width; x++) {
      const i = x * channels;
      if (cur[i]! < 235 || cur[i + 1]! < 235 || cur[i + 2]! < 235) ink++;
    }
    prev.set(cur);
  }
  return ink / (width * height);
}

describe('chart exports', () => {
  it('PNG 2× and 3×: the framed chart at the right size, on white, not blank', async () => {
    const two = await exportOf('mediation', 'png2');
    expect(two.name).toMatch(/^矛盾纠纷调处量_\d{4}-\d{2}-\d{2}@2x\.png$/);
    const size2 = pngSize(two.bytes);
    expect(size2.width).toBe(1600); // 800 px frame at 2×
    expect(size2.height).toBeGreaterThan(2 * 380);
    const share = inkShare(two.bytes);
    expect(share).toBeGreaterThan(0.01);
    expect(share).toBeLessThan(0.5); // white background, not a black box
    const corner = await s.page.evaluate(async (b64) => {
      const bmp = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bmp, 0, 0);
      return [...ctx.getImageData(2, 2, 1, 1).data];
    }, two.bytes.toString('base64'));
    expect(corner).toEqual([255, 255, 255, 255]);
    const three = await exportOf('mediation', 'png3');
    expect(pngSize(three.bytes)).toEqual({ width: 2400, height: (size2.height / 2) * 3 });
    if (process.env.SAVE_EXPORTS) writeFileSync(process.env.SAVE_EXPORTS, two.bytes);
  });

  it('the PNG says what it shows: its frame text (decoded from the file) names the scope, towns, non-reporters, sources; 16 cm wide', async () => {
    const { bytes } = await exportOf('mediation', 'png2');
    const meta = readPngMeta(new Uint8Array(bytes));
    const d = meta.text.Description!;
    expect(meta.text.Title).toBe('矛盾纠纷调处量');
    expect(d).toContain('贵州省 · 2024年');
    expect(d).toMatch(/范围:贵州省 · \d+个乡镇\(街道\):/);
    expect(d).toContain('蒲场镇');
    expect(d).toContain('范围内乡镇(街道)均有报告'); // 贵州省's one town reported (密云区's non-reporter: briefing.test.ts)
    expect(d).toMatch(/数据来源:1份年度报告\(0份导入,\d份经人工复核\)/);
    expect(d).toMatch(/制图日期:\d{4}-\d{2}-\d{2}/);
    expect(d).not.toContain('示例数据');
    expect(meta.pxPerMetre).toBe(10000); // 1600 px over 16 cm
    // The menu closed after the download.
    expect(await s.page.locator('[data-panel="mediation"] details.menu').getAttribute('open')).toBeNull();
  });

  it('SVG keeps the Chinese title, scope, source and date as text', async () => {
    const { bytes } = await exportOf('mediation', 'svg');
    const svg = bytes.toString('utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toMatch(/<text[^>]*>矛盾纠纷调处量<\/text>/);
    expect(svg).toMatch(/<text[^>]*>贵州省 · 2024年<\/text>/);
    expect(svg).toMatch(/<text[^>]*>数据来源:1份年度报告\(0份导入,\d份经人工复核\)<\/text>/);
    expect(svg).toMatch(/<text[^>]*>制图日期:\d{4}-\d{2}-\d{2}<\/text>/);
    expect(svg).toContain('>蒲场镇</text>');
    expect(svg).not.toContain('示例数据'); // the bundled data is real
  });

  it("CSV (UTF-8 with BOM) and XLSX: every town of the scope a row, the query's values, the report and evidence; empty where nothing was reported", async () => {
    const db = await openExtracts(join(BUILD_DIR, 'data'));
    const [q] = await runQuery(db, mediationByTownYear, '', '', listParam(['520323103']), '', '', 2024, 2024);
    const towns = await runQuery(db, scopeTowns, '贵州省', '', '', 500);
    db.close();
    const csv = (await exportOf('mediation', 'csv')).bytes;
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).trim().split('\r\n').map((l) => l.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/));
    expect(lines[0]).toEqual(['乡镇(街道)', '年份', '调处总数', '口头调解', '书面调解', '调解成功', '调解成功率', '下限值(≥)', '非整年', '状态', '报告', '原文依据', '数值性质']);
    expect(lines).toHaveLength(1 + towns.length);
    expect(lines.slice(1).map((l) => l[0]).sort()).toEqual(towns.map((t) => t.name_zh).sort());
    const num = (s: string) => (s === '' ? null : Number(s));
    expect(lines[1]!.slice(0, 2)).toEqual([q!.town_name, String(q!.year)]);
    expect(lines[1]!.slice(2, 6).map(num)).toEqual([q!.total, q!.oral, q!.written, q!.success]);
    expect(num(lines[1]![6]!)).toEqual(q!.success_rate_reported ?? q!.success_rate_derived);
    expect(lines[1]![10]).toContain('蒲场镇'); // the report's title
    expect(lines[1]![11]).toMatch(/\d/); // the evidence phrase
    expect(lines[1]![12]).toBe('确数');
    // A town that did not report: a row with empty value cells (never 0) and the status.
    for (const l of lines.slice(2)) {
      expect(l.slice(2, 7)).toEqual(['', '', '', '', '']);
      expect(l[9]).toBe('未报告');
    }
    const xlsx = unzipSync(new Uint8Array((await exportOf('mediation', 'xlsx')).bytes));
    const sheet = strFromU8(xlsx['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain(`<v>${q!.total}</v>`);
    expect(sheet).toContain('蒲场镇');
  });

  it('"Export all" zips every chart of the page', async () => {
    const [dl] = await Promise.all([s.page.waitForEvent('download'), s.page.getByTestId('export-all').click()]);
    const files = Object.keys(unzipSync(new Uint8Array(readFileSync((await dl.path())!))));
    expect(dl.suggestedFilename()).toMatch(/\.zip$/);
    for (const stem of ['矛盾纠纷调处量', '行政诉讼结果', '普法宣传覆盖']) {
      for (const ext of ['@2x.png', '.svg', '.csv', '.xlsx']) expect(files.some((f) => f.includes(stem) && f.endsWith(ext))).toBe(true);
    }
    expect(files.some((f) => f.includes('排名') && f.endsWith('.csv'))).toBe(true);
    expect(s.consoleErrors).toEqual([]);
    expect(foreignRequests(s)).toEqual([]);
  });

  it('values in a chart table, the ranking and a bar open their source phrase and report, as the town page does', async () => {
    const p = s.page.locator('[data-panel="mediation"]');
    await p.getByRole('button', { name: '显示数据表' }).click();
    await p.locator('button.val', { hasText: '289' }).first().click();
    const dlg = p.getByTestId('provenance');
    await dlg.locator('.evidence').first().waitFor({ timeout: 15_000 });
    expect(await dlg.locator('.evidence').first().textContent()).toContain('289');
    expect(await dlg.textContent()).toContain('蒲场镇');
    await dlg.locator('header button').click();
    await expect.poll(() => dlg.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    await p.getByRole('button', { name: '显示图表' }).click();
    // The ranking's cells too.
    const r = s.page.locator('[data-panel="ranking"]');
    await r.locator('button.val').first().click();
    await r.getByTestId('provenance').locator('.evidence').first().waitFor({ timeout: 15_000 });
    await r.getByTestId('provenance').locator('header button').click();
    // A bar of the chart.
    await s.page.locator('[data-testid="mediation-chart"][data-rendered="true"]').waitFor();
    await s.page.getByTestId('mediation-chart').scrollIntoViewIfNeeded();
    // The tallest coloured path is a bar (legend icons are small).
    const bars = s.page.locator('[data-testid="mediation-chart"] svg path[fill="#009E73"], [data-testid="mediation-chart"] svg path[fill="#0072B2"], [data-testid="mediation-chart"] svg path[fill="#E69F00"]');
    const boxes = (await Promise.all((await bars.all()).map((b) => b.boundingBox()))).filter((b) => b !== null);
    const box = boxes.sort((a, b) => b.height - a.height)[0]!;
    await s.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await dlg.locator('.evidence').first().waitFor({ timeout: 15_000 });
    expect(await dlg.textContent()).toContain('蒲场镇');
    await dlg.locator('header button').click();
    // A key-figure tile: the statements of every town behind the scope's figure.
    await s.page.getByTestId('kpi-source-med_cases_total').click();
    const tile = s.page.locator('dialog[open][data-testid="provenance"]');
    await tile.locator('.evidence').first().waitFor({ timeout: 15_000 });
    expect(await tile.locator('h2').textContent()).toContain('贵州省');
    expect(await tile.locator('.evidence').allTextContents()).toContain('“调处矛盾纠纷289件”');
    await tile.locator('header button').click();
    await expect.poll(() => s.page.locator('dialog[open]').count()).toBe(0);
  });

  it('prints as A4 landscape without the controls', async () => {
    const css = await s.page.evaluate(() =>
      [...document.styleSheets].flatMap((ss) => [...ss.cssRules].map((r) => r.cssText)).filter((t) => t.includes('@page') || t.includes('@media print')).join('\n'),
    );
    expect(css).toMatch(/size: A4 landscape/i);
    await s.page.emulateMedia({ media: 'print' });
    expect(await s.page.locator('.export-all').isVisible()).toBe(false);
    await s.page.emulateMedia({ media: 'screen' });
  });
});
