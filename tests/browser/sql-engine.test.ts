// The SQL workbench on the tab's one DuckDB engine (issue 15 items 6 and 7): a Ctrl+Enter pressed while the
// engine loads is queued, said, and run once it is ready; visits to /sql add no engine; imports are there at
// once; reset drops the scratch schema in the same engine.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, openSite, type Session } from './harness.ts';

let s: Session;

async function setSql(page: Page, sql: string): Promise<void> {
  await page.click('.cm-content');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(sql);
}

/** Runs with Ctrl+Enter and waits for a new painted result (data-run counts finished runs) or an error. */
async function runAndWait(page: Page): Promise<void> {
  const before = await page.evaluate(() => document.querySelector('[data-testid=result-status]')?.getAttribute('data-run') ?? null);
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction(
    (b) => {
      const el = document.querySelector('[data-testid=result-status]');
      return !!document.querySelector('[data-testid=sql-error]') || (!!el && el.getAttribute('data-render-ms') !== '' && el.getAttribute('data-run') !== b);
    },
    before,
    { timeout: 60_000 },
  );
}

const firstCells = (page: Page) =>
  page.locator('[data-testid=result-grid] .row[data-row="0"] [role=gridcell]').allTextContents().then((xs) => xs.map((x) => x.trim()));
const duckWorkers = (page: Page) => page.workers().filter((w) => /duckdb-browser/.test(w.url())).length;
const workbenchReady = (page: Page) => page.waitForSelector('[data-testid="rel-wide"]', { timeout: 60_000 });

beforeAll(async () => {
  s = await openSite({ viewport: { width: 1400, height: 1000 } });
});
afterAll(async () => {
  await s?.close();
});

describe('SQL workbench before the engine is ready (item 6)', () => {
  it('queues a Ctrl+Enter, says so, runs it once the engine is ready and records it in the history', async () => {
    const page = await s.context.newPage();
    // Hold the engine's wasm until the query has been asked for: no sleeps, the test decides when it loads.
    let release!: () => void;
    const released = new Promise<void>((ok) => (release = ok));
    let held = false;
    await page.route(/duckdb-(eh|mvp)[^/]*\.wasm/, async (route) => {
      held = true;
      await released;
      await route.continue();
    });
    await page.goto(`${s.origin}/sql`);
    await page.waitForSelector('[data-testid=sql-editor][data-ready=true]', { timeout: 60_000 });
    await page.locator('[data-testid=tab-history]').click();
    const historyBefore = await page.locator('[data-testid=history-item]').count();
    await setSql(page, "SELECT 41 + 1 AS answer, 'queued' AS how");
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('[data-testid=queued]');
    expect(await page.locator('[data-testid=queued]').textContent()).toContain('将在引擎就绪后运行');
    expect(held).toBe(true);
    expect(await page.locator('[data-testid=result-status]').count()).toBe(0);
    release();
    await page.waitForSelector('[data-testid=result-status][data-rows="1"]', { timeout: 60_000 });
    expect(await firstCells(page)).toEqual(['42', 'queued']);
    expect(await page.locator('[data-testid=queued]').count()).toBe(0);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=history-item]').length === n + 1, historyBefore, { timeout: 30_000 });
    expect(await page.locator('[data-testid=history-item]').first().textContent()).toContain('41 + 1');
    await page.close();
  });
});

describe('one DuckDB engine per tab (item 7)', () => {
  it('dashboard → /sql → dashboard → /sql keeps one engine; imports show at once; reset keeps the engine', async () => {
    const page = await s.context.newPage();
    await page.goto(`${s.origin}/`);
    await page.waitForFunction(() => (globalThis as { __rol?: { timings?: { ready_ms?: number } } }).__rol?.timings?.ready_ms, undefined, { timeout: 60_000 });
    expect(duckWorkers(page)).toBe(1);
    await page.click('nav a[href$="/sql"]');
    await workbenchReady(page);
    expect(duckWorkers(page)).toBe(1);
    // Exact numbers through the shared engine: BIGINT and DECIMAL to the last digit.
    await setSql(page, 'SELECT 9007199254740993::BIGINT AS big, 12345678901234567.89::DECIMAL(20,2) AS dec');
    await runAndWait(page);
    expect(await firstCells(page)).toEqual(['9007199254740993', '12345678901234567.89']);
    await setSql(page, 'CREATE TABLE kept AS SELECT 1 AS x');
    await runAndWait(page);
    await page.waitForSelector('[data-testid="rel-scratch.kept"]');

    await page.click('nav a[href$="/import"]');
    await page.waitForSelector('[data-testid=import-page][data-ready=true]', { timeout: 60_000 });
    await page.setInputFiles('[data-testid=file-input]', {
      name: 'engine.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('乡镇,县,年份,调处矛盾纠纷总件数\n引擎测试镇,示例县,2024,321\n'),
    });
    await page.click('[data-testid=confirm-table]');
    await page.waitForSelector('[data-testid=import-saved]');

    await page.click('nav a[href$="/"]');
    await page.waitForSelector('[data-testid="mediation-chart"]', { timeout: 60_000 });
    await page.click('nav a[href$="/sql"]');
    await workbenchReady(page);
    expect(duckWorkers(page)).toBe(1);
    // The scratch table of the first visit is still there, and the import is visible at once.
    await page.waitForSelector('[data-testid="rel-scratch.kept"]');
    await setSql(page, "SELECT value FROM facts WHERE evidence LIKE 'engine.csv%'");
    await runAndWait(page);
    expect(await firstCells(page)).toEqual(['321']);

    await page.click('[data-testid=reset]');
    await page.click('[data-testid=reset-confirm]');
    await page.waitForSelector('[data-testid=notice]');
    await workbenchReady(page);
    expect(await page.locator('[data-testid="rel-scratch.kept"]').count()).toBe(0);
    expect(duckWorkers(page)).toBe(1);
    // Typed SQL still reads no file or URL of its own: external access stays off in the shared engine.
    await setSql(page, `SELECT * FROM read_csv('${s.origin}/data/manifest.json')`);
    await runAndWait(page);
    expect(await page.locator('[data-testid=sql-error]').count()).toBe(1);
    // The import is still there after the reset (reset is the workbench's, not the data's).
    await setSql(page, "SELECT count(*) AS n FROM imported.facts WHERE evidence LIKE 'engine.csv%'");
    await runAndWait(page);
    expect(await firstCells(page)).toEqual(['1']);
    await page.close();
  });

  it('logged no console errors and made no request outside the site', () => {
    expect(s.consoleErrors.filter((e) => !/read_csv|external access|Failed to load resource/i.test(e))).toEqual([]);
    expect(foreignRequests(s)).toEqual([]);
  });
});
