// The SQL workbench in Chromium against the built site: keyboard runs, values in the grid, cancel, errors
// with a mark, persistence across reloads, downloads, share links, the scratch schema and reset.
import { readFileSync } from 'node:fs';
import { deflateSync, unzipSync, strFromU8 } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, openSite, type Session } from './harness.ts';

let s: Session;
let p: Page;

async function ready(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid=sql-editor][data-ready=true]', { timeout: 60_000 });
  await page.waitForSelector('[data-testid="rel-wide"]', { timeout: 60_000 });
}

/** Replace the editor's text by typing it (as a user would, through CodeMirror). */
async function setSql(page: Page, sql: string): Promise<void> {
  await page.click('.cm-content');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(sql);
}

const editorText = (page: Page) => page.evaluate(() => (document.querySelector('.cm-content') as HTMLElement).innerText.replace(/\u200b/g, ''));

async function runAndWait(page: Page, rows?: number): Promise<void> {
  // data-run counts finished runs: a new result is told apart even when it has the old one's time.
  const before = await page.evaluate(() => document.querySelector('[data-testid=result-status]')?.getAttribute('data-run') ?? null);
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction(
    ([b, n]) => {
      const el = document.querySelector('[data-testid=result-status]');
      const err = document.querySelector('[data-testid=sql-error]');
      if (err) return true;
      return el && el.getAttribute('data-render-ms') !== '' && el.getAttribute('data-run') !== b && (n === null || el.getAttribute('data-rows') === String(n));
    },
    [before, rows ?? null] as const,
    { timeout: 60_000 },
  );
}

const cells = (page: Page, row: number) =>
  page.locator(`[data-testid=result-grid] .row[data-row="${row}"] [role=gridcell]`).allTextContents().then((xs) => xs.map((x) => x.trim()));

beforeAll(async () => {
  s = await openSite({ viewport: { width: 1400, height: 1000 } });
  p = s.page;
  await p.goto(`${s.origin}/sql`);
  await ready(p);
});
afterAll(async () => {
  await s?.close();
});

describe('SQL workbench', () => {
  it('runs the statement under the cursor with Ctrl+Enter and shows exact values, NULL distinctly', async () => {
    const manifest = JSON.parse(readFileSync('static/data/manifest.json', 'utf8')) as { tables: Record<string, { rows: number }> };
    await setSql(p, `SELECT 1 AS not_this_one;\nSELECT count(*) AS n FROM towns;`);
    await runAndWait(p);
    expect(await cells(p, 0)).toEqual([String(manifest.tables.towns!.rows)]);
    expect(await p.getAttribute('[data-testid=result-status]', 'data-rows')).toBe('1');

    await setSql(p, `SELECT 9007199254740993::BIGINT AS big, NULL AS nothing, '' AS empty, 1.50::DECIMAL(5,2) AS dec, DATE '2024-03-01' AS d, [1, 2, NULL] AS l, {'k': 'v'} AS st`);
    await runAndWait(p);
    expect(await cells(p, 0)).toEqual(['9007199254740993', 'NULL', '', '1.50', '2024-03-01', '[1, 2, NULL]', "{'k': 'v'}"]);
    expect(await p.locator('[data-testid=result-grid] .row[data-row="0"] .null').count()).toBe(1);
    expect(await p.textContent('[data-testid=result-grid] .head')).toContain('DECIMAL(5,2)');
  });

  it('sorts by a column header, both ways', async () => {
    await setSql(p, `SELECT * FROM (VALUES (2, 'b'), (3, 'c'), (1, 'a')) t(n, s)`);
    await runAndWait(p, 3);
    await p.click('[data-testid=col-0]');
    expect([await cells(p, 0), await cells(p, 2)]).toEqual([['1', 'a'], ['3', 'c']]);
    await p.click('[data-testid=col-0]');
    expect((await cells(p, 0))[0]).toBe('3');
  });

  it('shows 1,000,000 rows and scrolls to the last one', async () => {
    await setSql(p, `SELECT range AS i, 'row ' || range AS s FROM range(1000000)`);
    const t0 = Date.now();
    await runAndWait(p, 1_000_000);
    const st = p.locator('[data-testid=result-status]');
    console.log(`1M rows: exec ${await st.getAttribute('data-exec-ms')} ms, all fetched ${await st.getAttribute('data-total-ms')} ms, grid painted ${await st.getAttribute('data-render-ms')} ms (wall ${Date.now() - t0} ms)`);
    expect(await p.locator('[data-testid=result-grid] .row[data-row]').count()).toBeLessThan(100); // virtualised
    const t1 = Date.now();
    await p.locator('[data-testid=result-grid]').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await p.waitForSelector('[data-testid=result-grid] .row[data-row="999999"]');
    console.log(`1M rows: scrolled to the end in ${Date.now() - t1} ms`);
    expect(await cells(p, 999_999)).toEqual(['999999', 'row 999999']);
  });

  it('cancels a long query; the page keeps responding and the next query runs', async () => {
    await setSql(p, `SELECT sum(a.range * b.range) FROM range(200000) a CROSS JOIN range(200000) b`);
    await p.keyboard.press('Control+Enter');
    await p.waitForSelector('[data-testid=cancel]');
    // The page keeps working while DuckDB runs in its worker: typing reaches the editor while the query
    // is still running (checked by DOM state, not by a timing, which a loaded machine would make flaky).
    await p.keyboard.type(' -- typed while running');
    await p.waitForFunction(() => (document.querySelector('.cm-content') as HTMLElement).innerText.includes('typed while running'));
    expect(await p.locator('[data-testid=running]').isVisible()).toBe(true);
    const t0 = Date.now();
    await p.click('[data-testid=cancel]');
    await p.waitForSelector('[data-testid=sql-error][data-kind=cancelled]', { timeout: 10_000 });
    console.log(`cancel: ${Date.now() - t0} ms from click to the cancelled message`);
    await setSql(p, 'SELECT 42 AS answer');
    await runAndWait(p, 1);
    expect(await cells(p, 0)).toEqual(['42']);
  });

  it('explains a syntax error, marks its position and keeps the text', async () => {
    const bad = 'SELECT town_name\nFROM towns\nWHER n_villages > 3';
    await setSql(p, bad);
    await p.keyboard.press('Control+Enter');
    await p.waitForSelector('[data-testid=sql-error][data-kind=syntax]');
    expect(await p.textContent('[data-testid=sql-error]')).toContain('语法错误');
    expect(await p.textContent('[data-testid=error-mark]')).toBe('n_villages');
    expect(await editorText(p)).toBe(bad);
  });

  it('keeps user tables in scratch, refuses to write the bundled data, and reset clears scratch', async () => {
    await setSql(p, 'CREATE TABLE my_counts AS SELECT town_id, count(*) AS n FROM facts GROUP BY 1;\nSELECT count(*) AS k FROM scratch.my_counts;');
    await p.click('[data-testid=run-all]');
    await p.waitForSelector('[data-testid="rel-scratch.my_counts"]');
    await setSql(p, 'INSERT INTO rol.towns SELECT * FROM rol.towns');
    await p.keyboard.press('Control+Enter');
    await p.waitForSelector('[data-testid=sql-error][data-kind=readonly]');
    await p.click('[data-testid=reset]');
    await p.click('[data-testid=reset-confirm]');
    await ready(p);
    expect(await p.locator('[data-testid="rel-scratch.my_counts"]').count()).toBe(0);
    await setSql(p, 'SELECT count(*) AS n FROM towns');
    await runAndWait(p, 1);
  });

  it('downloads CSV (UTF-8 with BOM) and XLSX with the result', async () => {
    await setSql(p, `SELECT '甲镇' AS town, 3 AS n UNION ALL SELECT '乙镇, 东', NULL ORDER BY n NULLS LAST`);
    await runAndWait(p, 2);
    const [csv] = await Promise.all([p.waitForEvent('download'), p.click('[data-testid=dl-csv]')]);
    const csvText = readFileSync((await csv.path())!, 'utf8');
    expect(csvText).toBe('\uFEFFtown,n\r\n甲镇,3\r\n"乙镇, 东",\r\n');
    const [xlsx] = await Promise.all([p.waitForEvent('download'), p.click('[data-testid=dl-xlsx]')]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const sheet = strFromU8(unzipSync(readFileSync((await xlsx.path())!))['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('<t xml:space="preserve">甲镇</t>');
    expect(sheet).toContain('<v>3</v>');
    expect(sheet).toContain('乙镇, 东');
  });

  it('shows ENUM columns (Arrow dictionaries) by their values, in the grid and the CSV', async () => {
    // facts.indicator_id is an ENUM in rol.duckdb; streamed through duckdb-wasm it used to read as NULL.
    const manifest = JSON.parse(readFileSync('static/data/manifest.json', 'utf8')) as { tables: Record<string, { rows: number }> };
    await setSql(p, 'select indicator_id, count(*) from rol.facts group by 1 order by 1');
    await runAndWait(p);
    expect(await p.textContent('[data-testid=result-grid] .head')).toContain('ENUM');
    expect(await p.locator('[data-testid=result-grid] .row[data-row] .null').count()).toBe(0);
    const [csv] = await Promise.all([p.waitForEvent('download'), p.click('[data-testid=dl-csv]')]);
    const lines = readFileSync((await csv.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('indicator_id,count_star()');
    const body = lines.slice(1).map((l) => l.split(','));
    expect(body.every(([id]) => /^[a-z][a-z0-9_]+$/.test(id!))).toBe(true);
    expect(body.reduce((n, [, k]) => n + Number(k), 0)).toBe(manifest.tables.facts!.rows);
  });

  it('keeps tabs, history and saved queries across a reload', async () => {
    await setSql(p, `SELECT 'kept across reloads' AS note`);
    await runAndWait(p, 1);
    await p.click('[data-testid=save]');
    await p.fill('[data-testid=save-name]', '重载测试');
    await p.click('[data-testid=save-confirm]');
    await p.waitForSelector('[data-testid=notice]');
    await p.reload();
    await ready(p);
    expect(await editorText(p)).toBe(`SELECT 'kept across reloads' AS note`);
    await p.click('[data-testid=tab-history]');
    expect(await p.textContent('[data-testid=history-panel]')).toContain(`SELECT 'kept across reloads' AS note`);
    await p.fill('[data-testid=history-panel] input[type=search]', 'reloads');
    expect(await p.locator('[data-testid=history-panel] li').count()).toBe(1);
    await p.click('[data-testid=tab-saved]');
    expect(await p.textContent('[data-testid=saved-panel]')).toContain('重载测试');
  });

  it('restores a shared query from its URL without running it', async () => {
    const q = `SELECT town_name, med_cases_total FROM wide WHERE town_name LIKE '%镇' -- 分享`;
    await setSql(p, q);
    await p.click('[data-testid=share]');
    const link = await p.inputValue('[data-testid=share-link]');
    expect(link).toMatch(/\/sql#q=/);
    const other = await s.context.newPage();
    await other.goto(link);
    await ready(other);
    expect(await editorText(other)).toBe(q);
    expect(await other.locator('[data-testid=result-status]').count()).toBe(0);
    expect(await other.textContent('[data-testid=notice]')).toContain('未自动运行');
    await other.close();
  });

  it('refuses a share link that would inflate past the cap, says so, and keeps working', async () => {
    // 64 MB of spaces deflates to a ~65 KB link (the 400 MB one of the report crashed the tab).
    const bomb = Buffer.from(deflateSync(new Uint8Array(64 * 1024 * 1024).fill(32), { level: 9 })).toString('base64url');
    const other = await s.context.newPage();
    await other.goto(`${s.origin}/sql#q=${bomb}`);
    await ready(other);
    await other.waitForSelector('[data-testid=notice]');
    expect(await other.textContent('[data-testid=notice]')).toContain('超过 1 MB');
    await setSql(other, 'SELECT 7 AS n');
    await runAndWait(other, 1);
    expect(await cells(other, 0)).toEqual(['7']);
    await other.close();
  });

  it('draws a chart from the result with the chosen x, y and series', async () => {
    await setSql(p, `SELECT town_name, year, med_cases_total FROM wide WHERE med_cases_total IS NOT NULL ORDER BY med_cases_total DESC`);
    await runAndWait(p);
    await p.click('[data-testid=view-chart]');
    await p.waitForSelector('[data-testid=sql-chart-chart][data-rendered=true] svg');
    expect(await p.inputValue('[data-testid=chart-y]')).toBe('2'); // the measure, not the year
    expect(await p.locator('[data-testid=sql-chart-chart] svg path').count()).toBeGreaterThan(3);
    await p.click('[data-testid=view-chart] >> xpath=preceding-sibling::button');
  });

  it('logged no console errors and made no request outside the site', () => {
    expect(s.consoleErrors).toEqual([]);
    expect(foreignRequests(s)).toEqual([]);
  });
});
