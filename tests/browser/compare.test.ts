import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openExtracts } from '../../scripts/lib/duckdb-node.ts';
import { runQuery } from '../../src/lib/db/query.ts';
import { countyTowns, type CountyTown } from '../../src/lib/db/queries.ts';
import { readPngMeta } from '../../src/lib/export/png-text.ts';
import { BUILD_DIR, foreignRequests, openSite, type Session } from './harness.ts';

let s: Session;
/** every township of 密云区 (110118) and 绥阳县 (520323) in the 2023 list, as the built data holds them */
let miyun: CountyTown[];
let suiyang: CountyTown[];
beforeAll(async () => {
  const db = await openExtracts(join(BUILD_DIR, 'data'));
  [miyun, suiyang] = [await runQuery(db, countyTowns, '110118'), await runQuery(db, countyTowns, '520323')];
  db.close();
  s = await openSite();
});
afterAll(async () => s?.close());

const rendered = (id: string) => s.page.locator(`[data-testid="${id}-chart"][data-rendered="true"]`).or(s.page.getByTestId(`${id}-empty`));

describe('compare /compare', () => {
  it('explains what to do when nothing is chosen', async () => {
    await s.page.goto(`${s.origin}/compare`);
    const empty = s.page.getByTestId('compare-empty');
    await empty.waitFor({ timeout: 60_000 });
    expect(await empty.textContent()).toContain('请选择一个县(区)');
  });

  it('choose a county → all its towns; one year → one bar per town, sorted, the others listed under the chart', async () => {
    await s.page.goto(`${s.origin}/compare`);
    await s.page.getByTestId('compare-empty').waitFor({ timeout: 60_000 });
    // The picker is grouped by province → county and sorted; the county list too.
    const counties = (await s.page.getByTestId('cmp-county').locator('option').allTextContents()).slice(1);
    expect(counties).toEqual([...counties].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    await s.page.getByTestId('cmp-county').selectOption('密云区');
    await s.page.waitForURL(/county=/);
    expect(decodeURIComponent(s.page.url())).toContain('province=北京市');
    // every township of the county in the 2023 list (issue 13), not only the two with data
    expect(miyun.length).toBe(21);
    await expect.poll(() => s.page.getByTestId('chosen').locator('li').count(), { timeout: 30_000 }).toBe(miyun.length);
    expect((await s.page.getByTestId('chosen').locator('li a').allTextContents()).sort()).toEqual(miyun.map((u) => u.name_zh).sort());
    // The latest year: bars, one per town that reported; the other towns are listed under the chart.
    await s.page.getByTestId('cmp-from').selectOption('2025');
    await s.page.getByTestId('cmp-to').selectOption('2025');
    await rendered('cmp-mediation').first().waitFor({ timeout: 30_000 });
    const chart = s.page.getByTestId('cmp-mediation-chart');
    expect(await chart.count()).toBe(1);
    const svg = (await chart.locator('svg').innerHTML()) ?? '';
    expect(svg).toContain('鼓楼街道');
    expect(svg).toMatch(/<path[^>]*d="M[^"]*"/); // drawn
    const nr = (await s.page.getByTestId('cmp-mediation-nonreporters').textContent())!;
    expect(nr).toMatch(new RegExp(`^未报告\\(${miyun.length - 1}个\\):`));
    for (const u of miyun) expect(nr.includes(u.name_zh)).toBe(u.name_zh !== '鼓楼街道');
    // Categories without any data for the selection are one line, not empty panels.
    const emptyLine = await s.page.getByTestId('empty-categories').textContent();
    expect(emptyLine).toMatch(/以下类别在所选范围2025年均无数据:/);
    for (const cat of await s.page.locator('.cat').evaluateAll((els) => els.map((e) => e.getAttribute('data-category')))) {
      expect(await s.page.locator(`.cat[data-category="${cat}"] [data-testid$="-empty"]`).count()).toBe(0);
    }
    expect(s.consoleErrors).toEqual([]);
  });

  it('a value in the table opens its source phrase and report, as the town page does', async () => {
    const cell = s.page.locator('[data-testid="matrix-mediation"] button.val').first();
    await cell.click();
    const dlg = s.page.locator('dialog[open][data-testid="provenance"]');
    await dlg.locator('.evidence').first().waitFor({ timeout: 15_000 });
    expect(await dlg.locator('.evidence').first().textContent()).toMatch(/^“.*\d.*”$/);
    expect(await dlg.textContent()).toContain('鼓楼街道');
    await dlg.locator('header button').click();
    await expect.poll(() => s.page.locator('dialog[open]').count()).toBe(0);
  });

  it('the briefing of the county: one section per category with data, its bars and the sentences', async () => {
    const [dl] = await Promise.all([s.page.waitForEvent('download', { timeout: 60_000 }), s.page.getByTestId('briefing').click()]);
    const zip = unzipSync(new Uint8Array(readFileSync((await dl.path())!)));
    const text = [...strFromU8(zip['word/document.xml']!).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain('北京市 密云区法治政府建设指标简报(2025年)');
    expect(text).toMatch(/人民调解:调处矛盾纠纷总件数/);
    expect(text).toMatch(/2025年全区共调处矛盾纠纷总件数[\d,.]+余?件/);
    // every township of 密云区 in the 2023 list is in the briefing's scope (issue 13): all but 鼓楼街道 did not report mediation
    const n = Number(/范围:北京市 密云区 · (\d+)个乡镇\(街道\)/.exec(text)?.[1]);
    expect(n).toBeGreaterThan(2);
    expect(text).toContain(`${n - 1}个乡镇(街道)未报告(`);
    const sections = (await s.page.locator('.cat').count());
    expect(Object.keys(zip).filter((f) => f.startsWith('word/media/'))).toHaveLength(sections);
  });

  it("the overview's scope and period carry over through the nav link", async () => {
    await s.page.goto(`${s.origin}/?province=${encodeURIComponent('北京市')}&county=${encodeURIComponent('密云区')}&from=2025&to=2025`);
    await s.page.locator('[data-testid="mediation-chart"][data-rendered="true"]').waitFor({ timeout: 60_000 });
    await s.page.locator('nav a', { hasText: '对比' }).click();
    await s.page.waitForURL(/\/compare\?/);
    const u = decodeURIComponent(s.page.url());
    for (const p of ['province=北京市', 'county=密云区', 'from=2025', 'to=2025']) expect(u).toContain(p);
    await expect.poll(() => s.page.getByTestId('chosen').locator('li').count(), { timeout: 30_000 }).toBe(miyun.length);
  });

  async function exportOf(panel: string, format: string): Promise<Buffer> {
    const p = s.page.locator(`[data-panel="${panel}"]`);
    if ((await p.locator('details.menu').getAttribute('open')) === null) await p.locator('details.menu summary').click();
    const [dl] = await Promise.all([s.page.waitForEvent('download', { timeout: 30_000 }), p.locator(`button[data-export="${format}"]`).click()]);
    return readFileSync((await dl.path())!);
  }

  it('choose 绥阳县 → every township of the 2023 list, 蒲场镇 the only reporter: one bar, the others listed as not reported', async () => {
    expect(suiyang.length).toBe(15);
    expect(suiyang.filter((u) => u.years.length).map((u) => u.name_zh)).toEqual(['蒲场镇']);
    await s.page.goto(`${s.origin}/compare`);
    await s.page.getByTestId('compare-empty').waitFor({ timeout: 60_000 });
    await s.page.getByTestId('cmp-province').selectOption('贵州省');
    await s.page.getByTestId('cmp-county').selectOption('520323');
    await s.page.waitForURL(/county=520323/);
    await expect.poll(() => s.page.getByTestId('chosen').locator('li').count(), { timeout: 30_000 }).toBe(15);
    expect(await s.page.getByTestId('county-all').textContent()).toMatch(/^绥阳县全部15个乡镇\(街道\).*其中1个在2024年有数据/);
    await rendered('cmp-mediation').first().waitFor({ timeout: 30_000 });
    // one year: bars, one for the one town that reported
    const labels = await s.page.locator('[data-testid="cmp-mediation-chart"] svg text').allTextContents();
    expect(labels).toContain('蒲场镇');
    for (const u of suiyang.filter((x) => x.name_zh !== '蒲场镇')) expect(labels).not.toContain(u.name_zh);
    const nr = (await s.page.getByTestId('cmp-mediation-nonreporters').textContent())!;
    expect(nr).toMatch(/^未报告\(14个\):/);
    expect(nr.slice(nr.indexOf(':') + 1).split('、').sort()).toEqual(suiyang.filter((u) => u.name_zh !== '蒲场镇').map((u) => u.name_zh).sort());
    // the category's table: the reporter's row; the others named under it, never a row of zeros
    expect(await s.page.locator('[data-testid="matrix-mediation"] tbody tr').count()).toBe(1);
    expect(await s.page.getByTestId('matrix-mediation-silent').textContent()).toMatch(/^未报告本类指标\(14个\):/);
    // the picker offers the whole county and lists the non-reporters as such
    await s.page.getByTestId('cmp-pick-towns').click();
    expect(await s.page.getByTestId('cmp-all-county').textContent()).toBe('绥阳县全部乡镇(街道)(15个)');
    expect(await s.page.getByTestId('cmp-all-county').isDisabled()).toBe(true);
    expect(await s.page.locator('.town-list label', { hasText: '洋川街道' }).textContent()).toContain('未报告');
    await s.page.getByTestId('cmp-pick-towns').click();
    expect(s.consoleErrors).toEqual([]);
  });

  it("绥阳县's exports: the PNG's frame lists the county's non-reporters; CSV and XLSX have a row per township of the list", async () => {
    const d = readPngMeta(new Uint8Array(await exportOf('cmp-mediation', 'png2'))).text.Description!;
    expect(d).toMatch(/范围:贵州省 绥阳县 · 15个乡镇\(街道\):/);
    const nrLine = d.split('\n').find((l) => l.startsWith('未报告'))!;
    expect(nrLine).toMatch(/^未报告\(14个\):/);
    for (const u of suiyang) expect(nrLine.includes(u.name_zh)).toBe(u.name_zh !== '蒲场镇');
    expect(d).toMatch(/数据来源:1份年度报告/);
    const csv = (await exportOf('cmp-mediation', 'csv')).toString('utf8').slice(1).trim().split('\r\n').map((l) => l.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/));
    const head = csv[0]!;
    expect(csv).toHaveLength(1 + 15);
    expect(csv.slice(1).map((l) => l[0]).sort()).toEqual(suiyang.map((u) => u.name_zh).sort());
    const [vi, si, ei] = [head.findIndex((h) => h.startsWith('数值')), head.indexOf('状态'), head.indexOf('原文依据')];
    for (const l of csv.slice(1)) {
      if (l[0] === '蒲场镇') expect([l[vi], l[si], /289/.test(l[ei]!)]).toEqual(['289', '', true]);
      else expect([l[vi], l[si]]).toEqual(['', '未报告']);
    }
    const sheet = strFromU8(unzipSync(new Uint8Array(await exportOf('cmp-mediation', 'xlsx')))['xl/worksheets/sheet1.xml']!);
    for (const u of suiyang) expect(sheet).toContain(u.name_zh);
    expect((sheet.match(/<row /g) ?? []).length).toBe(1 + 15);
  });

  it('a bar, or anywhere in its band (the tooltip), opens its source phrase and report', async () => {
    const dlg = s.page.locator('[data-panel="cmp-mediation"] dialog[data-testid="provenance"]');
    const chart = s.page.getByTestId('cmp-mediation-chart');
    await chart.scrollIntoViewIfNeeded();
    const box = (await chart.boundingBox())!;
    // beside the one bar, high in the grid: in its band, not on it
    await s.page.mouse.click(box.x + box.width * 0.2, box.y + box.height * 0.3);
    await dlg.locator('.evidence').first().waitFor({ timeout: 15_000 });
    expect(await dlg.textContent()).toContain('蒲场镇');
    expect(await dlg.locator('.evidence').allTextContents()).toContain('“调处矛盾纠纷289件”');
    await dlg.locator('header button').click();
    await expect.poll(() => s.page.locator('dialog[open]').count()).toBe(0);
  });

  it('per village: the derived figure (count ÷ village-level units), labelled, beside the stated one and its denominator', async () => {
    await s.page.getByTestId('cmp-per-village').check();
    await s.page.waitForURL(/per=village/);
    const p = s.page.locator('[data-panel="cmp-mediation"]');
    await expect.poll(() => p.locator('h2').textContent(), { timeout: 30_000 }).toContain('每村(社区)平均(派生)');
    await p.getByRole('button', { name: '显示数据表' }).click();
    const head = await p.locator('thead th').allTextContents();
    expect(head).toEqual(expect.arrayContaining(['报告值 (件)', '村(社区)数', '每村(社区)平均(派生) (件)']));
    const n = suiyang.find((u) => u.name_zh === '蒲场镇')!.n_villages!;
    const cells = await p.locator('tbody tr').first().locator('td, th').allTextContents();
    expect(cells).toEqual(expect.arrayContaining(['289', String(n), (Math.round((100 * 289) / n) / 100).toLocaleString('zh-CN')]));
    expect(await p.locator('.note').first().textContent()).toContain('派生值');
    await p.getByRole('button', { name: '显示图表' }).click();
    await s.page.getByTestId('cmp-per-village').uncheck();
  });

  it('compares chosen towns across categories with trend lines, all in the URL', async () => {
    await s.page.goto(`${s.origin}/compare?towns=js-xinbei-benniu,sh-baoshan-youyilu,gz-suiyang-puchang`);
    const chart = s.page.locator('[data-testid="cmp-mediation-chart"][data-rendered="true"]');
    await chart.waitFor({ timeout: 60_000 });
    const svg = (await s.page.locator('[data-testid="cmp-mediation-chart"] svg').textContent()) ?? '';
    for (const n of ['奔牛镇', '蒲场镇']) expect(svg).toContain(n);
    // The table lists 蒲场镇's 289 cases; a town that did not report shows "—", not 0.
    const col = (await s.page.locator('[data-testid="matrix-mediation"] thead th').allTextContents()).findIndex((h) => h.includes('调处矛盾纠纷总件数'));
    expect(col).toBeGreaterThan(0);
    const cells = await s.page.locator('[data-testid="matrix-mediation"] tbody tr').evaluateAll((trs, c) => trs.map((tr) => tr.children[c]!.textContent!.trim()), col);
    // a town with none of the category's indicators is named under the table, never a row of zeros
    const silent = (await s.page.getByTestId('matrix-mediation-silent').textContent()) ?? '';
    expect(cells.length + silent.split(':')[1]!.split('、').length).toBe(3);
    expect(cells).toContain('2024: 289');
    expect(cells.every((c) => c === '—' || /^(\d{4}: [\d,.≥ %*]+( · )?)+$/.test(c))).toBe(true);
    // Search the picker, add a fourth town, then remove it; back restores.
    await s.page.getByTestId('cmp-pick-towns').click();
    await s.page.getByTestId('cmp-search').fill('望疃');
    const boxes = s.page.locator('.town-list input[type="checkbox"]');
    await expect.poll(() => boxes.count()).toBeGreaterThan(0);
    expect(await s.page.locator('.town-list legend').first().textContent()).toMatch(/›/);
    await s.page.locator('.town-list input[value="341623118"]').check();
    await s.page.waitForURL(/341623118/);
    expect(await s.page.getByTestId('chosen').locator('li').count()).toBe(4);
    await s.page.goBack();
    await expect.poll(() => s.page.getByTestId('chosen').locator('li').count(), { timeout: 15_000 }).toBe(3);
    expect(s.consoleErrors).toEqual([]);
    expect(foreignRequests(s)).toEqual([]);
  });

  it('in English: units in English, a briefing button', async () => {
    await s.page.evaluate(() => localStorage.setItem('rol.locale', 'en'));
    await s.page.goto(`${s.origin}/compare?province=${encodeURIComponent('北京市')}&county=${encodeURIComponent('密云区')}&from=2025&to=2025`);
    await rendered('cmp-mediation').first().waitFor({ timeout: 60_000 });
    const head = (await s.page.locator('[data-testid="matrix-mediation"] thead').textContent()) ?? '';
    expect(head).toContain('(cases)');
    expect(head).not.toContain('(件)');
    expect(await s.page.getByTestId('briefing').textContent()).toBe('Briefing (Word)');
    expect(await s.page.getByTestId('cmp-mediation-nonreporters').textContent()).toMatch(new RegExp(`^Did not report \\(${miyun.length - 1}\\): .*果园街道`));
    await s.page.evaluate(() => localStorage.removeItem('rol.locale'));
  });
});
