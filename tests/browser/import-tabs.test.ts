// Two tabs of one browser, one local dataset (issue 15 item 5): a save in one tab never overwrites what the
// other saved (the worker merges into the newest stored revision under a Web Lock), and the other tab is told
// and refreshes what it shows (BroadcastChannel) — the import list and schema `imported` of its DuckDB.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, openSite, type Session } from './harness.ts';

let s: Session;

const csv = (town: string, value: number) => Buffer.from(`乡镇,县,年份,调处矛盾纠纷总件数\n${town},标签页县,2024,${value}\n`);

async function openImport(page: Page): Promise<void> {
  await page.goto(`${s.origin}/import`);
  await page.waitForSelector('[data-testid=import-page][data-ready=true]', { timeout: 60_000 });
}
async function importCsv(page: Page, name: string, town: string, value: number): Promise<void> {
  await page.setInputFiles('[data-testid=file-input]', { name, mimeType: 'text/csv', buffer: csv(town, value) });
  await page.waitForSelector('[data-testid=table-ready]', { timeout: 60_000 });
  await page.click('[data-testid=confirm-table]');
  await page.waitForSelector('[data-testid=import-saved]', { timeout: 60_000 });
}
/** The files of the local data list, sorted. */
const files = (page: Page) => page.locator('[data-testid=local-data] tr[data-report] td.file').allTextContents().then((xs) => xs.map((x) => x.trim()).sort());
const waitForFiles = (page: Page, want: string[]) =>
  page.waitForFunction(
    (w) => JSON.stringify([...document.querySelectorAll('[data-testid=local-data] tr[data-report] td.file')].map((e) => e.textContent!.trim()).sort()) === JSON.stringify(w),
    want,
    // Polled by time, not by animation frame: a tab in the background paints no frames.
    { timeout: 60_000, polling: 100 },
  );

beforeAll(async () => {
  s = await openSite({ viewport: { width: 1400, height: 1000 } });
});
afterAll(async () => {
  await s?.close();
});

describe('two tabs, one dataset', () => {
  it('a tab that saves from an old copy merges into what the other tab saved (nothing is lost)', async () => {
    const a = s.page;
    const b = await s.context.newPage();
    // Tab B never hears of A's save (as if the message were lost): only the save itself can keep A's import.
    await b.addInitScript(() => {
      delete (globalThis as { BroadcastChannel?: unknown }).BroadcastChannel;
    });
    await openImport(a);
    await openImport(b);
    expect(await files(b)).toEqual([]);
    await importCsv(a, 'tab-a.csv', '甲标签镇', 11);
    await importCsv(b, 'tab-b.csv', '乙标签镇', 22);
    // B's list and its DuckDB now hold both (its save was applied to A's revision, so it reloaded).
    await waitForFiles(b, ['tab-a.csv', 'tab-b.csv']);
    await b.reload();
    await b.waitForSelector('[data-testid=import-page][data-ready=true]', { timeout: 60_000 });
    expect(await files(b)).toEqual(['tab-a.csv', 'tab-b.csv']);
    await b.close();
  });

  it('the other tab is told: its list and its SQL see the new import without a reload', async () => {
    const a = s.page;
    const b = await s.context.newPage();
    await openImport(a);
    await openImport(b);
    await waitForFiles(b, ['tab-a.csv', 'tab-b.csv']);
    await importCsv(a, 'tab-c.csv', '丙标签镇', 33);
    await waitForFiles(b, ['tab-a.csv', 'tab-b.csv', 'tab-c.csv']);
    // B's DuckDB (opened before C was saved) has C's facts: the SQL workbench shows them.
    await b.click('nav a[href$="/sql"]');
    await b.waitForSelector('[data-testid="rel-wide"]', { timeout: 60_000 });
    await b.click('.cm-content');
    await b.keyboard.press('Control+a');
    await b.keyboard.press('Delete');
    await b.keyboard.insertText("SELECT string_agg(CAST(value AS INTEGER)::VARCHAR, ',' ORDER BY value) AS v FROM imported.facts WHERE evidence LIKE 'tab-%'");
    await b.keyboard.press('Control+Enter');
    await b.waitForSelector('[data-testid=result-status][data-rows="1"]', { timeout: 60_000 });
    expect((await b.locator('[data-testid=result-grid] .row[data-row="0"] [role=gridcell]').allTextContents()).map((x) => x.trim())).toEqual(['11,22,33']);
    // And back the other way: B deletes A's first import, A's list follows.
    await b.click('nav a[href$="/import"]');
    await b.waitForSelector('[data-testid=import-page][data-ready=true]', { timeout: 60_000 });
    await waitForFiles(a, ['tab-a.csv', 'tab-b.csv', 'tab-c.csv']);
    const row = b.locator('[data-testid=local-data] tr[data-report]', { hasText: 'tab-a.csv' });
    await row.locator('button').click();
    await row.locator('button.danger').click();
    await waitForFiles(b, ['tab-b.csv', 'tab-c.csv']);
    await waitForFiles(a, ['tab-b.csv', 'tab-c.csv']);
    await b.close();
  });

  it('logged no console errors and made no request outside the site', () => {
    expect(s.consoleErrors).toEqual([]);
    expect(foreignRequests(s)).toEqual([]);
  });
});

describe('a dashboard in the other tab', () => {
  // Its own browser profile: no imports yet, so the view DuckDB draws first is the build's.
  let t: Session;
  beforeAll(async () => {
    t = await openSite({ viewport: { width: 1400, height: 1000 } });
  });
  afterAll(async () => {
    await t?.close();
  });
  it('queries its view again when another tab imports', async () => {
    const b = await t.context.newPage();
    await b.goto(`${t.origin}/`);
    // DuckDB has drawn the view once (data-med-at is set when its mediation rows are shown).
    await b.waitForFunction(() => Number(document.querySelector('.grid')?.getAttribute('data-med-at') ?? 0) > 0, undefined, { timeout: 60_000, polling: 100 });
    // The KPI tiles say "k/N个乡镇报告了该指标": N counts the towns in scope, imported ones included.
    const towns = () => b.evaluate(() => Number(/\/(\d+)个乡镇/.exec(document.querySelector('[data-testid=kpis]')?.textContent ?? '')?.[1] ?? NaN));
    const before = await towns();
    expect(before).toBeGreaterThan(0);
    const a = t.page;
    await a.goto(`${t.origin}/import`);
    await a.waitForSelector('[data-testid=import-page][data-ready=true]', { timeout: 60_000 });
    // (with a province: the national view counts the towns of the provinces)
    await a.setInputFiles('[data-testid=file-input]', { name: 'tab-d.csv', mimeType: 'text/csv', buffer: Buffer.from('乡镇,县,省份,年份,调处矛盾纠纷总件数\n丁标签镇,标签页县,湖南省,2024,44\n') });
    await a.waitForSelector('[data-testid=table-ready]', { timeout: 60_000 });
    await a.click('[data-testid=confirm-table]');
    await a.waitForSelector('[data-testid=import-saved]', { timeout: 60_000 });
    await b.waitForFunction((n) => new RegExp(`/${n + 1}个乡镇`).test(document.querySelector('[data-testid=kpis]')?.textContent ?? ''), before, { timeout: 60_000, polling: 100 });
    expect(await towns()).toBe(before + 1);
    expect(t.consoleErrors).toEqual([]);
  });
});
