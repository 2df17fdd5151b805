// /import in Chromium against the built site: a report reviewed and saved, then seen on the town page and in
// SQL; a GBK CSV and an XLSX; bad inputs refused with the data untouched; reload; export → import round trip.
// One browser session walks a user's story: each step builds on the data the steps before it saved, so the
// blocks are describe.sequential and run in file order (run the whole file, not one test with -t).
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toXlsx } from '../../src/lib/export/table.ts';
import { foreignRequests, openSite, type Session } from './harness.ts';

let s: Session;
let p: Page;

type FilePayload = { name: string; mimeType: string; buffer: Buffer };
const fixture = (n: string): FilePayload => ({ name: n, mimeType: 'application/octet-stream', buffer: readFileSync(`tests/fixtures/import/${n}`) });
const bytes = (name: string, b: Uint8Array | string): FilePayload => ({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(b) });

async function openImport(page: Page, origin: string): Promise<void> {
  // ?bench=1 exposes the page's own DuckDB as __rol.rows, to check what the dashboard's SQL sees.
  await page.goto(`${origin}/import?bench=1`);
  await page.waitForSelector('[data-testid=import-page][data-ready=true]', { timeout: 60_000 });
}
const sql = (page: Page, q: string) =>
  page.evaluate(async (text) => (globalThis as unknown as { __rol: { rows(s: string): Promise<Record<string, unknown>[]> } }).__rol.rows(text), q);
const dump = (page: Page) =>
  Promise.all(
    ['towns ORDER BY town_id', 'reports ORDER BY report_id', 'facts ORDER BY fact_id', 'violations ORDER BY report_id, rule_id'].map((t) => sql(page, `SELECT * FROM imported.${t}`)),
  );
const summary = (page: Page) => page.locator('[data-testid=local-summary]').textContent();
async function upload(page: Page, f: FilePayload | string): Promise<void> {
  await page.setInputFiles('[data-testid=file-input]', f);
}
async function importTable(page: Page, f: FilePayload): Promise<void> {
  await upload(page, f);
  await page.waitForSelector('[data-testid=table-ready]', { timeout: 60_000 });
  await page.click('[data-testid=confirm-table]');
  await page.waitForSelector('[data-testid=import-saved]', { timeout: 60_000 });
}
async function problemsFor(page: Page, f: FilePayload): Promise<string> {
  await upload(page, f);
  const el = page.locator('[data-testid=import-problems]');
  await el.waitFor({ timeout: 60_000 });
  return (await el.textContent()) ?? '';
}

beforeAll(async () => {
  s = await openSite({ viewport: { width: 1400, height: 1000 } });
  p = s.page;
  await openImport(p, s.origin);
});
afterAll(async () => {
  await s?.close();
});

describe.sequential('import a report: review, save, see it everywhere', () => {
  it('shows the text as text with every fact highlighted, flags nothing for a consistent report', async () => {
    await upload(p, fixture('qinghe-2023.txt'));
    await p.waitForSelector('[data-testid=report-review]', { timeout: 60_000 });
    const text = await p.locator('[data-testid=report-text]').textContent();
    expect(text?.trim()).toBe(readFileSync('tests/fixtures/import/qinghe-2023.txt', 'utf8').trim());
    expect(await p.locator('[data-testid=report-text] mark').count()).toBe(12);
    expect(await p.locator('[data-testid=report-text] mark[data-fact=f7]').textContent()).toBe('调处矛盾纠纷56件');
    expect(await p.locator('[data-testid=violations]').count()).toBe(0);
    expect(await p.inputValue('[data-field=name_zh]')).toBe('青禾镇');
    expect(await p.inputValue('[data-field=year]')).toBe('2023');
  });

  it('accepts, edits and rejects facts, then saves them to the local dataset', async () => {
    await p.click('li[data-fact=f12] button:has-text("拒绝")');
    await p.click('li[data-fact=f11] button:has-text("修改")');
    await p.fill('li[data-fact=f11] input[data-field=value]', '3200');
    await p.click('li[data-fact=f11] button:has-text("保存修改")');
    await p.click('[data-testid=accept-all]');
    expect(await p.locator('li[data-fact][data-status=extracted]').count()).toBe(0);
    await p.fill('[data-field=county]', '宁远县');
    await p.fill('[data-field=province]', '湖南省');
    await p.click('[data-testid=save-report]');
    await p.waitForSelector('[data-testid=import-saved]');
    expect(await p.locator('[data-testid=report-review]').count()).toBe(0);
    expect(await summary(p)).toContain('1 个条目,12 个数值,1 个新乡镇');
  });

  it('is in SQL beside the bundled data, source marked import, review verdicts kept', async () => {
    const rows = await sql(p, `SELECT indicator_id, value, review_status, data_source, county FROM facts_named WHERE town_name = '青禾镇' ORDER BY indicator_id`);
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.data_source === 'import' && r.county === '宁远县')).toBe(true);
    expect(rows.find((r) => r.indicator_id === 'med_cases_total')).toMatchObject({ value: 56, review_status: 'accepted' });
    expect(rows.find((r) => r.indicator_id === 'out_materials')).toMatchObject({ value: 3200, review_status: 'corrected' });
    expect(rows.find((r) => r.indicator_id === 'out_reach')).toMatchObject({ review_status: 'rejected' });
    const ty = await sql(p, `SELECT value FROM town_year t JOIN towns USING (town_id) WHERE name_zh = '青禾镇' AND indicator_id = 'med_cases_total'`);
    expect(ty).toEqual([{ value: 56 }]);
  });

  it('appears on the town profile', async () => {
    await p.click('[data-testid=local-data] a:has-text("青禾镇")');
    await p.waitForSelector('[data-value="med_cases_total:2023"]', { timeout: 60_000 });
    expect((await p.locator('[data-testid=town-name]').textContent())?.trim()).toContain('青禾镇');
    expect((await p.locator('[data-value="med_cases_total:2023"]').textContent())?.trim()).toBe('56');
    expect(await p.locator('[data-value="out_reach:2023"]').count()).toBe(0); // rejected
    await openImport(p, s.origin);
  });

  it('detects a second report of the same town-year, and values that conflict with it', async () => {
    const text = readFileSync('tests/fixtures/import/qinghe-2023.txt', 'utf8').replace('调处矛盾纠纷56件', '调处矛盾纠纷58件');
    await upload(p, bytes('qinghe-2023-v2.txt', text));
    await p.waitForSelector('[data-testid=report-review]');
    await p.fill('[data-field=county]', '宁远县');
    await p.locator('[data-testid=duplicate]').waitFor();
    expect(await p.locator('[data-testid=duplicate]').textContent()).toContain('青禾镇');
    await p.locator('li[data-fact=f7] [data-testid=conflict]').waitFor();
    expect(await p.locator('li[data-fact=f7] [data-testid=conflict]').textContent()).toContain('56');
    expect(await p.locator('[data-testid=save-report]').isDisabled()).toBe(true);
    await p.click('[data-testid=report-review] .bar button:has-text("取消")');
  });
});

describe.sequential('a saved web page of a town the bundle already has', () => {
  it('reads the .html as text, matches the bundled town and flags the existing town-year', async () => {
    await upload(p, { name: 'puchang-2024.html', mimeType: 'text/html', buffer: readFileSync('tests/fixtures/reports/puchang-2024.html') });
    await p.waitForSelector('[data-testid=report-review]');
    expect(await p.inputValue('[data-field=name_zh]')).toBe('蒲场镇');
    expect(await p.locator('[data-testid=report-text] script, [data-testid=report-text] p').count()).toBe(0);
    // the bundled town, by its official code
    await p.waitForSelector('[data-testid=unit-match][data-state=matched][data-code="520323103"]');
    expect(await p.locator('[data-field=town] option').first().textContent()).toContain('蒲场镇');
    expect(await p.inputValue('[data-field=town]')).toBe('520323103');
    await p.locator('[data-testid=duplicate]').waitFor();
    expect(await p.locator('[data-testid=save-report]').isDisabled()).toBe(true);
    await p.click('[data-testid=report-review] .bar button:has-text("取消")');
  });
});

describe.sequential('import tables', () => {
  it('a GBK CSV in the wide layout with Chinese headers', async () => {
    await importTable(p, fixture('wide-gbk.csv'));
    expect(await summary(p)).toContain('4 个条目,23 个数值,3 个新乡镇');
    const r = await sql(p, `SELECT name_zh, year, value FROM town_year JOIN towns USING (town_id) WHERE indicator_id = 'med_success_rate' AND name_zh IN ('溪口镇', '柳塘街道') ORDER BY name_zh, year`);
    expect(r).toEqual([
      { name_zh: '柳塘街道', year: 2024, value: 90.9 },
      { name_zh: '溪口镇', year: 2023, value: 95.8 },
      { name_zh: '溪口镇', year: 2024, value: 97 },
    ]);
  });

  it('an XLSX in the wide layout with English headers, matching a town imported before', async () => {
    const xlsx = toXlsx({
      columns: ['town', 'county', 'year', 'Disputes mediated (total handled)', 'Legal-aid cases'],
      rows: [{ town: '青禾镇', county: '宁远县', year: 2024, 'Disputes mediated (total handled)': 61, 'Legal-aid cases': 4 }],
    });
    await importTable(p, bytes('qinghe-2024.xlsx', xlsx));
    const r = await sql(p, `SELECT indicator_id, value FROM facts_named WHERE town_name = '青禾镇' AND year = 2024 ORDER BY indicator_id`);
    expect(r).toEqual([
      { indicator_id: 'med_cases_total', value: 61 },
      { indicator_id: 'svc_legal_aid_cases', value: 4 },
    ]);
    expect(await summary(p)).toContain('5 个条目,25 个数值,3 个新乡镇');
  });
});

describe.sequential('bad input: a clear message, existing data untouched', () => {
  let before: unknown;
  beforeAll(async () => {
    before = await dump(p);
  });
  const untouched = async () => {
    expect(await dump(p)).toEqual(before);
    expect(await summary(p)).toContain('5 个条目,25 个数值');
  };

  it('an empty file', async () => {
    expect(await problemsFor(p, bytes('empty.txt', ''))).toContain('是空的');
    await untouched();
  });
  it('a binary file renamed to .txt', async () => {
    expect(await problemsFor(p, { ...fixture('../reports/binary.png'), name: 'photo.txt' })).toContain('二进制');
    await untouched();
  });
  it('text in an encoding that is neither UTF-8 nor GBK', async () => {
    const junk = new Uint8Array(400).map((_, i) => (i % 2 ? 0xff : 0x41));
    expect(await problemsFor(p, bytes('report.txt', junk))).toContain('编码');
    await untouched();
  });
  it('a malformed Parquet file', async () => {
    expect(await problemsFor(p, bytes('data.parquet', 'PAR1 this is not really parquet PAR1'))).toContain('Parquet');
    await untouched();
  });
  it('a table with bad cells: every problem with row, column and fix, nothing imported', async () => {
    const text = await problemsFor(p, bytes('bad.csv', '乡镇,年份,调处矛盾纠纷总件数,调解成功率\n甲镇,2024,十二,96\n乙镇,2024,5,120\n'));
    expect(text).toContain('“十二”不是数字');
    expect(text).toContain('写不带单位和文字的数字');
    expect(await p.locator('[data-testid=import-problems] tbody tr').count()).toBe(2);
    await untouched();
  });
  it('conflicting values for the same town, year and indicator', async () => {
    const text = await problemsFor(p, bytes('conflict.csv', '乡镇,县(区),年份,调处矛盾纠纷总件数,法律援助案件数\n溪口镇,宁远县,2024,999,9\n'));
    expect(text).toContain('冲突');
    expect(text).toContain('132');
    await untouched();
  });
});

describe.sequential('persistence and sharing', () => {
  let exported: { parquet: Buffer; csv: Buffer };
  let original: unknown;

  it('survives a reload: loaded into DuckDB at start-up', async () => {
    original = await dump(p);
    await p.reload();
    await p.waitForSelector('[data-testid=import-page][data-ready=true]', { timeout: 60_000 });
    expect(await summary(p)).toContain('5 个条目,25 个数值,3 个新乡镇');
    expect(await dump(p)).toEqual(original);
  });

  it('exports Parquet and CSV', async () => {
    const get = async (id: string) => {
      const [d] = await Promise.all([p.waitForEvent('download'), p.click(`[data-testid=${id}]`)]);
      return readFileSync((await d.path())!);
    };
    exported = { parquet: await get('export-parquet'), csv: await get('export-csv') };
    expect(exported.parquet.subarray(0, 4).toString()).toBe('PAR1');
    expect(exported.csv.toString('utf8')).toMatch(/^\uFEFFfact_id,report_id,town_id,year,indicator_id/);
  });

  it('deletes one entry and clears all, each after a confirmation', async () => {
    const row = p.locator('[data-testid=local-data] tr', { hasText: 'qinghe-2024.xlsx' });
    await row.locator('button:has-text("删除")').click();
    expect(await summary(p)).toContain('5 个条目'); // not yet: needs the confirmation
    await row.locator('button:has-text("确认删除")').click();
    await expect.poll(() => summary(p)).toContain('4 个条目,23 个数值');
    expect(await sql(p, `SELECT count(*) AS n FROM facts_named WHERE town_name = '青禾镇' AND year = 2024`)).toEqual([{ n: 0 }]);
    await p.click('[data-testid=clear-all]');
    await p.click('[data-testid=confirm-clear]');
    await p.waitForSelector('[data-testid=local-empty]');
    expect(await sql(p, `SELECT count(*) AS n FROM reports WHERE source = 'import'`)).toEqual([{ n: 0 }]);
  });

  it('importing the Parquet export gives the identical dataset', async () => {
    await importTable(p, bytes('export.parquet', exported.parquet));
    expect(await dump(p)).toEqual(original);
  });

  it('importing the CSV export in another browser gives the identical dataset', async () => {
    const other = await openSite({ viewport: { width: 1280, height: 900 } });
    try {
      await openImport(other.page, other.origin);
      await importTable(other.page, bytes('export.csv', exported.csv));
      expect(await dump(other.page)).toEqual(original);
      expect(other.consoleErrors).toEqual([]);
      expect(foreignRequests(other)).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('no console errors, no request outside the origin', () => {
    expect(s.consoleErrors).toEqual([]);
    expect(foreignRequests(s)).toEqual([]);
  });
});
