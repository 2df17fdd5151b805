// A failed import leaves the tab usable (issue 15 item 15). The 50 MB wide CSV ended in "memory access out of
// bounds" inside DuckDB-wasm, and every later import in that tab failed until a reload. Here the engine is made
// to fail exactly that way — its worker script is served with a shim that, once switched on from the test,
// answers every request with that RuntimeError — during a save; the page says what happened, the engine is
// replaced, the same page then saves the table and a second one, and nothing of the failed attempt is kept.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, openSite, type Session } from './harness.ts';

let s: Session;
let p: Page;

// Prepended to DuckDB's worker script: its own handler is `globalThis.onmessage`, assigned later, so this
// listener runs first and can answer in its place (the reply format of duckdb-wasm's worker: type ERROR).
const SHIM = `(() => {
  globalThis.addEventListener('message', (e) => {
    if (!globalThis.__rolBroken || !e.data || typeof e.data.messageId !== 'number') return;
    e.stopImmediatePropagation();
    globalThis.postMessage({ messageId: 1e9 + e.data.messageId, requestId: e.data.messageId, type: 'ERROR', data: { name: 'RuntimeError', message: 'memory access out of bounds' } });
  });
})();
`;

const csv = (town: string, v: number) => Buffer.from(`乡镇,县,年份,调处矛盾纠纷总件数\n${town},恢复县,2024,${v}\n`);
const files = (page: Page) => page.locator('[data-testid=local-data] tr[data-report] td.file').allTextContents().then((xs) => xs.map((x) => x.trim()).sort());
const duckWorkers = (page: Page) => page.workers().filter((w) => /duckdb-browser/.test(w.url()));

async function parse(page: Page, name: string, town: string, v: number): Promise<void> {
  await page.setInputFiles('[data-testid=file-input]', { name, mimeType: 'text/csv', buffer: csv(town, v) });
  await page.waitForSelector('[data-testid=table-ready]', { timeout: 60_000 });
}

beforeAll(async () => {
  s = await openSite({ viewport: { width: 1400, height: 1000 } });
  p = s.page;
  await p.route(/duckdb-browser-(eh|mvp)\.worker[^/]*\.js/, async (route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, body: SHIM + (await res.text()) });
  });
  await p.goto(`${s.origin}/import`);
  await p.waitForSelector('[data-testid=import-page][data-ready=true]', { timeout: 60_000 });
});
afterAll(async () => {
  await s?.close();
});

describe('after a failed import the tab keeps working', () => {
  it('an engine that fails during the save is replaced; the same page saves the table, then another', async () => {
    await parse(p, 'recover-1.csv', '恢复一镇', 7);
    const [engine] = duckWorkers(p);
    expect(engine).toBeTruthy();
    await engine!.evaluate(() => ((globalThis as { __rolBroken?: boolean }).__rolBroken = true));
    await p.click('[data-testid=confirm-table]');
    const failed = p.locator('[data-testid=import-failed]');
    await failed.waitFor({ timeout: 60_000 });
    expect(await failed.textContent()).toContain('memory access out of bounds');
    expect(await failed.textContent()).toContain('已重新启动');
    expect(await files(p)).toEqual([]);
    // The same table, again: a fresh engine takes it.
    await p.click('[data-testid=confirm-table]');
    await p.waitForSelector('[data-testid=import-saved]', { timeout: 60_000 });
    expect(await files(p)).toEqual(['recover-1.csv']);
    await parse(p, 'recover-2.csv', '恢复二镇', 8);
    await p.click('[data-testid=confirm-table]');
    await p.waitForFunction(() => document.querySelectorAll('[data-testid=local-data] tr[data-report]').length === 2, undefined, { timeout: 60_000 });
    expect(await files(p)).toEqual(['recover-1.csv', 'recover-2.csv']);
    // One engine in the tab: the failed one was stopped.
    expect(duckWorkers(p).filter((w) => w !== engine)).toHaveLength(1);
    // And the new engine holds both imports (its SQL, through the workbench).
    await p.click('nav a[href$="/sql"]');
    await p.waitForSelector('[data-testid="rel-wide"]', { timeout: 60_000 });
    await p.click('.cm-content');
    await p.keyboard.press('Control+a');
    await p.keyboard.press('Delete');
    await p.keyboard.insertText("SELECT string_agg(CAST(value AS INTEGER)::VARCHAR, ',' ORDER BY value) AS v FROM imported.facts WHERE evidence LIKE 'recover-%'");
    await p.keyboard.press('Control+Enter');
    await p.waitForSelector('[data-testid=result-status][data-rows="1"]', { timeout: 60_000 });
    expect((await p.locator('[data-testid=result-grid] .row[data-row="0"] [role=gridcell]').allTextContents()).map((x) => x.trim())).toEqual(['7,8']);
  });

  it('made no request outside the site', () => {
    expect(foreignRequests(s)).toEqual([]);
  });
});
