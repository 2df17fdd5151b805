import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, openSite, type Session } from './harness.ts';

let s: Session;
beforeAll(async () => {
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
    await expect.poll(() => s.page.getByTestId('chosen').locator('li').count(), { timeout: 30_000 }).toBe(2);
    expect((await s.page.getByTestId('chosen').locator('li a').allTextContents()).sort()).toEqual(['果园街道', '鼓楼街道'].sort());
    // The latest year: bars, one per town that reported; the other town is listed under the chart.
    await s.page.getByTestId('cmp-from').selectOption('2025');
    await s.page.getByTestId('cmp-to').selectOption('2025');
    await rendered('cmp-mediation').first().waitFor({ timeout: 30_000 });
    const chart = s.page.getByTestId('cmp-mediation-chart');
    expect(await chart.count()).toBe(1);
    const svg = (await chart.locator('svg').innerHTML()) ?? '';
    expect(svg).toContain('鼓楼街道');
    expect(svg).toMatch(/<path[^>]*d="M[^"]*"/); // drawn
    expect(await s.page.getByTestId('cmp-mediation-nonreporters').textContent()).toBe('未报告(1个):果园街道');
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
    await expect.poll(() => s.page.getByTestId('chosen').locator('li').count(), { timeout: 30_000 }).toBe(2);
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
    expect(cells).toHaveLength(3);
    expect(cells).toContain('2024: 289');
    expect(cells).toContain('—');
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
    expect(await s.page.getByTestId('cmp-mediation-nonreporters').textContent()).toBe('Did not report (1): 果园街道');
    await s.page.evaluate(() => localStorage.removeItem('rol.locale'));
  });
});
