import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, openSite, type Session } from './harness.ts';

let s: Session;
beforeAll(async () => {
  s = await openSite();
});
afterAll(async () => s?.close());

describe('built site in Chromium: overview mediation chart from DuckDB-wasm', () => {
  it('renders 289 = 188 + 101 for 蒲场镇 2024, offline, without console errors', async () => {
    await s.page.goto(`${s.origin}/`);
    const chart = s.page.locator('[data-testid="mediation-chart"][data-rendered="true"]');
    await chart.waitFor({ timeout: 60_000 });
    const svg = s.page.locator('[data-testid="mediation-chart"] svg');
    await expect.poll(async () => (await svg.textContent()) ?? '', { timeout: 10_000 }).toContain('蒲场镇');
    const texts = await svg.locator('text').allTextContents();
    expect(texts).toEqual(expect.arrayContaining(['289', '188', '101']));
    expect(s.consoleErrors).toEqual([]);
    expect(foreignRequests(s)).toEqual([]);
  });

  it('offers the same numbers as a table', async () => {
    await s.page.getByRole('button', { name: /显示数据表|Show table/ }).first().click();
    const row = s.page.locator('[data-testid="mediation-table"] tr', { hasText: '蒲场镇' });
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(0, 5)).toEqual(['蒲场镇', '2024', '289', '188', '101']);
  });

  it('refuses SQL that would read a file or URL of its own, without making the request', async () => {
    // Without ?bench=1 the page exposes its timings only, no way to run SQL.
    await s.page.waitForFunction(() => (globalThis as { __rol?: { timings?: unknown } }).__rol?.timings, undefined, { timeout: 60_000 });
    expect(await s.page.evaluate(() => Object.keys((globalThis as unknown as { __rol: object }).__rol))).toEqual(['timings']);
    await s.page.goto(`${s.origin}/?bench=1`);
    await s.page.waitForFunction(() => (globalThis as { __rol?: { rows?: unknown } }).__rol?.rows, undefined, { timeout: 60_000 });
    const url = 'http://127.0.0.1:9/outside.csv';
    const err = await s.page.evaluate(
      (u) => (globalThis as unknown as { __rol: { rows(q: string): Promise<unknown> } }).__rol.rows(`SELECT * FROM read_csv('${u}')`).then(() => 'no error', (e: unknown) => String(e)),
      url,
    );
    expect(err).toMatch(/Permission Error: Cannot access file .*disabled by configuration/);
    expect(s.requests).not.toContain(url);
    const [n] = await s.page.evaluate(() =>
      (globalThis as unknown as { __rol: { rows(q: string): Promise<{ n: number }[]> } }).__rol.rows(`SELECT count(*)::INT AS n FROM facts WHERE town_id = '520323103'`),
    );
    expect(n).toEqual({ n: 20 });
  });

  it('serves pages with a Content-Security-Policy limited to its own origin', async () => {
    const html = await (await fetch(`${s.origin}/`)).text();
    const csp = /http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("'wasm-unsafe-eval'");
    expect(csp).not.toMatch(/https?:\/\//);
    expect(csp).not.toContain("'unsafe-eval'");
  });
});
