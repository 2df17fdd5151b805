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

  it('paints the build-time chart pictures first, then ECharts takes over in the same frame with the same chart', async () => {
    const html = await (await fetch(`${s.origin}/`)).text();
    expect(html.match(/<div class="chart-prerendered"/g)?.length).toBe(3);
    const page = await s.context.newPage();
    // Every animation frame, which of picture (P) and ECharts drawing (E) the mediation chart shows.
    await page.addInitScript({
      content: `globalThis.__frames = [];
        (function tick() {
          const el = document.querySelector('[data-testid="mediation-chart"]'), f = globalThis.__frames;
          if (el) {
            const st = (el.querySelector('.chart-prerendered') ? 'P' : '-') + (el.querySelector(':scope > div:not(.chart-prerendered) svg') ? 'E' : '-');
            if (f[f.length - 1] !== st) f.push(st);
          }
          requestAnimationFrame(tick);
        })();`,
    });
    await page.goto(`${s.origin}/`);
    await page.locator('[data-testid="mediation-chart"][data-rendered="true"]').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { __frames: string[] }).__frames.at(-1))).toBe('-E');
    const frames = await page.evaluate(() => (globalThis as unknown as { __frames: string[] }).__frames);
    expect(frames[0]).toBe('P-'); // the picture, before ECharts is loaded
    expect(frames).not.toContain('--'); // never a frame without a chart
    const painted = await page.evaluate(
      () =>
        new Promise<string[]>((ok) => {
          new PerformanceObserver((l) => ok(l.getEntries().map((e) => (e as PerformanceEntry & { identifier: string }).identifier))).observe({ type: 'element', buffered: true });
        }),
    );
    expect(painted.sort()).toEqual(['litigation-chart', 'mediation-chart', 'outreach-chart']);
    // ECharts draws the same bars the picture showed: the embedded first view's totals.
    const text = (await page.locator('[data-testid="mediation-chart"] > div:not(.chart-prerendered) svg').textContent()) ?? '';
    for (const v of ['289', '188', '101']) expect(text).toContain(v);
    await page.close();
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
    // The chart's draw counter, or 'empty' when the scope has no mediation figures (重庆市, 广东省 here).
    const state = () =>
      s.page.evaluate(() => document.querySelector('[data-testid="mediation-chart"]')?.getAttribute('data-render-seq') ?? (document.querySelector('[data-testid="mediation-empty"]') ? 'empty' : 'none'));
    for (const province of ['贵州省', '重庆市', '', '广东省', '']) {
      const before = await state();
      const t0 = await s.page.evaluate(() => performance.now());
      await s.page.getByTestId('pick-province').selectOption(province);
      await expect.poll(state, { timeout: 30_000, interval: 20 }).not.toBe(before);
      if ((await state()) === 'empty') continue;
      const at = Number(await s.page.locator('[data-testid="mediation-chart"]').getAttribute('data-rendered-at'));
      times.push(at - t0);
    }
    console.log(`filter change → mediation chart drawn: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
    expect(times).toHaveLength(3);
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
