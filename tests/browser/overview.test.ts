import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, openSite, type Session } from './harness.ts';

// The built site in Chromium over the bundled real data: scope pickers, URL state, KPI tiles, panels.
let s: Session;
beforeAll(async () => {
  s = await openSite();
});
afterAll(async () => s?.close());

const rendered = (id: string) => s.page.locator(`[data-testid="${id}-chart"][data-rendered="true"]`);
const seqOf = (id: string) => s.page.locator(`[data-testid="${id}-chart"]`).getAttribute('data-render-seq');

describe('overview /', () => {
  it('opens on every township with KPI tiles and the three panels, offline and without console errors', async () => {
    await s.page.goto(`${s.origin}/`);
    await rendered('mediation').waitFor({ timeout: 60_000 });
    await expect.poll(() => s.page.locator('[data-kpi]').count()).toBe(6);
    await rendered('litigation').waitFor();
    await rendered('outreach').waitFor();
    const line = await s.page.getByTestId('scope-line').textContent();
    expect(line).toContain('全部地区');
    expect(line).toContain('县级报告单列'); // county-level reports listed apart, not as towns
    expect(s.consoleErrors).toEqual([]);
    expect(foreignRequests(s)).toEqual([]);
  });

  it('keeps every filter in the URL: pick, reload, back/forward and a shared link restore the view', async () => {
    await s.page.getByTestId('pick-province').selectOption('贵州省');
    await s.page.waitForURL(/province=/);
    await s.page.getByTestId('pick-from').selectOption('2022');
    await s.page.waitForURL(/from=2022/);
    await s.page.getByTestId('pick-from').selectOption('2024');
    await s.page.waitForURL(/from=2024/);
    const url = s.page.url();
    expect(decodeURIComponent(url)).toContain('province=贵州省');
    const svgText = async () => (await s.page.locator('[data-testid="mediation-chart"] svg').textContent()) ?? '';
    await expect.poll(svgText, { timeout: 15_000 }).toContain('蒲场镇');
    await expect.poll(async () => s.page.locator('[data-kpi="med_cases_total"] .value').textContent(), { timeout: 15_000 }).toContain('289');

    await s.page.reload();
    await rendered('mediation').waitFor({ timeout: 60_000 });
    expect(await s.page.getByTestId('pick-province').inputValue()).toBe('贵州省');
    expect(await s.page.getByTestId('pick-to').inputValue()).toBe('2024');
    await expect.poll(svgText, { timeout: 15_000 }).toContain('蒲场镇');

    await s.page.goBack(); // to from=2022
    await expect.poll(() => s.page.url(), { timeout: 15_000 }).toContain('from=2022');
    await expect.poll(() => s.page.getByTestId('pick-from').inputValue(), { timeout: 15_000 }).toBe('2022');
    expect(await s.page.getByTestId('pick-to').inputValue()).toBe('2024');
    await s.page.goForward();
    await expect.poll(() => s.page.url(), { timeout: 15_000 }).toContain('from=2024');
    await expect.poll(() => s.page.getByTestId('pick-from').inputValue(), { timeout: 15_000 }).toBe('2024');

    const other = await s.context.newPage(); // a shared link, opened fresh
    await other.goto(url);
    await other.locator('[data-testid="mediation-chart"][data-rendered="true"]').waitFor({ timeout: 60_000 });
    expect(await other.getByTestId('pick-province').inputValue()).toBe('贵州省');
    expect(await other.getByTestId('scope-line').textContent()).toContain('2024年');
    await other.close();
  });

  it('shows the litigation split and the ranking for the chosen indicator', async () => {
    await rendered('litigation').waitFor();
    const lit = (await s.page.locator('[data-testid="litigation-chart"] svg').textContent()) ?? '';
    expect(lit).toContain('蒲场镇');
    await s.page.getByTestId('pick-rank').selectOption('out_materials');
    await s.page.waitForURL(/rank=out_materials/);
    const row = s.page.locator('[data-testid="ranking-table"] tr', { hasText: '蒲场镇' });
    await expect.poll(async () => (await row.locator('td').allTextContents()).slice(0, 4), { timeout: 15_000 }).toEqual(['1', '蒲场镇', '绥阳县', '≥ 20,000']);
  });

  it('explains an empty scope ("该县暂无2025年…数据")', async () => {
    await s.page.goto(`${s.origin}/?province=${encodeURIComponent('贵州省')}&county=${encodeURIComponent('绥阳县')}&from=2025&to=2025`);
    const empty = s.page.getByTestId('mediation-empty');
    await empty.waitFor({ timeout: 60_000 });
    expect(await empty.textContent()).toBe('绥阳县暂无2025年矛盾纠纷调处量数据');
  });

  it('measures a filter change → updated chart', async () => {
    await s.page.goto(`${s.origin}/`);
    await rendered('mediation').waitFor({ timeout: 60_000 });
    const times: number[] = [];
    for (const province of ['贵州省', '重庆市', '', '广东省', '']) {
      const before = await seqOf('mediation');
      const t0 = await s.page.evaluate(() => performance.now());
      await s.page.getByTestId('pick-province').selectOption(province);
      await expect.poll(() => seqOf('mediation'), { timeout: 30_000, interval: 20 }).not.toBe(before);
      const at = Number(await s.page.locator('[data-testid="mediation-chart"]').getAttribute('data-rendered-at'));
      times.push(at - t0);
    }
    console.log(`filter change → mediation chart drawn: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
    expect(times.every((t) => t > 0)).toBe(true);
  });

  it('switches to English, formats numbers for the locale, and remembers the choice', async () => {
    await s.page.goto(`${s.origin}/?province=${encodeURIComponent('贵州省')}&from=2024&to=2024`);
    await rendered('mediation').waitFor({ timeout: 60_000 });
    await s.page.locator('button.lang').click();
    await expect.poll(() => s.page.locator('#mediation-title').textContent(), { timeout: 15_000 }).toBe('Disputes mediated');
    await s.page.reload();
    await rendered('mediation').waitFor({ timeout: 60_000 });
    expect(await s.page.locator('#mediation-title').textContent()).toBe('Disputes mediated');
    expect(await s.page.locator('html').getAttribute('lang')).toBe('en');
    await s.page.locator('button.lang').click(); // back to zh for later tests
    expect(s.consoleErrors).toEqual([]);
    expect(foreignRequests(s)).toEqual([]);
  });

  it('lets the keyboard walk the chart and offers a table alternative', async () => {
    await s.page.locator('[data-testid="mediation-chart"]').focus();
    await s.page.keyboard.press('ArrowRight');
    await expect.poll(() => s.page.locator('[data-testid="mediation-chart"]').textContent(), { timeout: 15_000 }).toContain('蒲场镇');
    await s.page.locator('[data-panel="mediation"] button[aria-pressed]').click();
    const cells = await s.page.locator('[data-testid="mediation-table"] tr', { hasText: '蒲场镇' }).locator('td').allTextContents();
    expect(cells.slice(0, 5)).toEqual(['蒲场镇', '2024', '289', '188', '101']);
  });
});
