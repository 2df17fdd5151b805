import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExtracts, type NodeDuck } from '../../scripts/lib/duckdb-node.ts';
import { runQuery } from '../../src/lib/db/query.ts';
import { mediationByTownYear } from '../../src/lib/db/queries.ts';
import { foreignRequests, openSite, type Session } from './harness.ts';

// The built site in Chromium over the bundled real data: scope pickers, URL state, KPI tiles, panels.
// Expectations that depend on the data come from DuckDB (Node) over the same built data, never from
// knowing which places and years the bundled data happens to hold.
let s: Session;
let truth: NodeDuck;
beforeAll(async () => {
  s = await openSite();
  truth = await openExtracts('static/data', 'duckdb');
});
afterAll(async () => {
  truth?.close();
  await s?.close();
});

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

  it('explains an empty scope ("该县暂无{年}年…数据")', async () => {
    // A county that has mediation figures, in the year after the last year of the data: none there, whatever
    // the bundled data holds.
    const [c] = await truth.rows(
      `SELECT t.province, t.county, (SELECT max(year) FROM town_year) + 1 AS y FROM town_year ty JOIN towns t USING (town_id)
       WHERE ty.indicator_id = 'med_cases_total' AND t.level = 'township' ORDER BY t.town_id LIMIT 1`,
    );
    const { province, county, y } = c as { province: string; county: string; y: number };
    await s.page.goto(`${s.origin}/?province=${encodeURIComponent(province)}&county=${encodeURIComponent(county)}&from=${y}&to=${y}`);
    const empty = s.page.getByTestId('mediation-empty');
    await empty.waitFor({ timeout: 60_000 });
    expect(await empty.textContent()).toBe(`${county}暂无${y}年矛盾纠纷调处量数据`);
  });

  it('shows every township of 绥阳县 (by its code), 蒲场镇 the only reporter, the others 未报告 — one count everywhere', async () => {
    await s.page.goto(`${s.origin}/?province=${encodeURIComponent('贵州省')}&county=520323`);
    const table = s.page.getByTestId('ranking-table');
    const cells = () => table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
    // the county's rows (every one in 绥阳县), not the previous view's
    await expect.poll(async () => { const r = await cells(); return r.length > 10 && r.every((c) => c[2] === '绥阳县'); }, { timeout: 60_000 }).toBe(true);
    const rows = await cells();
    const n = rows.length;
    expect(rows[0]!.slice(0, 4)).toEqual(['1', '蒲场镇', '绥阳县', '289']);
    expect(rows.slice(1).every((r) => r[0] === '—' || r[0] === '')).toBe(true);
    expect(rows.slice(1).every((r) => r[3] === '—' && r.some((c) => c.includes('未报告')))).toBe(true);
    // one count: the scope line, the town picker and the ranking's note agree
    expect(await s.page.getByTestId('scope-line').textContent()).toContain(`${n}个乡镇(街道)`);
    expect(await s.page.getByTestId('pick-towns').textContent()).toContain(`全部(${n})`);
    expect(await s.page.locator('[data-panel="ranking"]').textContent()).toContain(`共${n}个乡镇(街道)`);
    // the charts list the county's non-reporters under them (from the 2023 list), never as 0
    for (const panel of ['mediation', 'litigation', 'outreach'])
      await expect.poll(() => s.page.getByTestId(`${panel}-nonreporters`).textContent(), { timeout: 30_000 }).toMatch(new RegExp(`^未报告\\(${n - 1}个\\):.*洋川街道`));
    expect(await s.page.getByTestId('mediation-nonreporters').textContent()).not.toContain('蒲场镇');
    // the coverage view: every township × every year, 蒲场镇's 2024 report in
    const cov = s.page.getByTestId('coverage');
    await cov.waitFor({ timeout: 30_000 });
    expect(await cov.locator('tbody tr').count()).toBe(n);
    expect(await cov.locator('td.in').count()).toBe(1);
    expect(await cov.locator('tr[data-town="520323103"] td.in[data-year="2024"]').textContent()).toMatch(/✓ \d+个指标/);
    expect(s.consoleErrors).toEqual([]);
  });

  it('ranks per village as a labelled derived value beside the stated one', async () => {
    await s.page.goto(`${s.origin}/?province=${encodeURIComponent('贵州省')}&county=520323&per=village`);
    const table = s.page.getByTestId('ranking-table');
    await expect.poll(() => table.locator('thead').textContent(), { timeout: 60_000 }).toContain('每村(社区)平均(派生)');
    await expect.poll(() => table.locator('tbody tr').first().locator('td').nth(1).textContent(), { timeout: 60_000 }).toBe('蒲场镇');
    const head = await table.locator('thead th').allTextContents();
    const row = await table.locator('tbody tr').first().locator('td').allTextContents();
    const villages = Number(row[head.findIndex((h) => h.includes('村(社区)数'))]);
    expect(villages).toBeGreaterThan(0);
    const per = Number(row[head.findIndex((h) => h.includes('每村(社区)平均'))]!.replace(/,/g, ''));
    expect(per).toBeCloseTo(289 / villages, 1);
    expect(row[head.findIndex((h) => h.includes('报告值'))]).toBe('289');
    expect(await s.page.locator('[data-panel="ranking"]').textContent()).toContain('每村(社区)平均 = 报告值 ÷ 该乡镇村级单位数');
  });

  it('names the year the ranking shows when it is empty (not the whole period)', async () => {
    await s.page.goto(`${s.origin}/?province=${encodeURIComponent('贵州省')}&from=2023&to=2024&rank=pet_satisfaction_rate`);
    const empty = s.page.getByTestId('ranking-empty');
    await empty.waitFor({ timeout: 60_000 });
    expect(await empty.textContent()).toBe('贵州省暂无2024年诉求满意率数据');
  });

  it('measures a filter change → updated chart', async () => {
    await s.page.goto(`${s.origin}/`);
    await rendered('mediation').waitFor({ timeout: 60_000 });
    // Provinces from the page's own picker; whether each has mediation figures in the shown period comes
    // from DuckDB over the same built data, so the test holds for any bundled data.
    const provinces = (await s.page.locator('[data-testid="pick-province"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).filter(Boolean).slice(0, 3);
    const [y0, y1] = [Number(await s.page.getByTestId('pick-from').inputValue()), Number(await s.page.getByTestId('pick-to').inputValue())];
    const partial = await s.page.getByTestId('pick-partial').isChecked();
    const hasMed = async (province: string) =>
      (await runQuery(truth, mediationByTownYear, province, '', '', '', '', y0, y1)).some((r) => partial || r.full_year);
    const times: number[] = [];
    const state = () =>
      s.page.evaluate(() => document.querySelector('[data-testid="mediation-chart"]')?.getAttribute('data-render-seq') ?? (document.querySelector('[data-testid="mediation-empty"]') ? 'empty' : 'none'));
    const picks = [provinces[0]!, provinces[1] ?? '', '', provinces[2] ?? provinces[0]!, ''].filter((p, i, a) => i === 0 || p !== a[i - 1]);
    let expectedDraws = 0;
    for (const province of picks) {
      const before = await state();
      const t0 = await s.page.evaluate(() => performance.now());
      await s.page.getByTestId('pick-province').selectOption(province);
      const drawn = province === '' || (await hasMed(province));
      if (drawn) expectedDraws++;
      // The chart's draw counter changes, or the empty message replaces it: whichever the data says.
      await expect.poll(state, { timeout: 30_000, interval: 20 }).not.toBe(before);
      if (drawn) expect(await state(), province).not.toBe('empty');
      else {
        expect(await state(), province).toBe('empty');
        continue;
      }
      const at = Number(await s.page.locator('[data-testid="mediation-chart"]').getAttribute('data-rendered-at'));
      times.push(at - t0);
    }
    console.log(`filter change → mediation chart drawn: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
    expect(times).toHaveLength(expectedDraws);
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
