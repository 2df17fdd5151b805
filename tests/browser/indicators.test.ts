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

  it('filters by text and kind, kept in the URL', async () => {
    await s.page.getByTestId('ind-search').fill('调解');
    await s.page.waitForURL(/q=/);
    const n = await s.page.locator('tr[data-indicator]').count();
    expect(n).toBeGreaterThan(3);
    expect(n).toBeLessThan(20);
    await s.page.reload();
    expect(await s.page.getByTestId('ind-search').inputValue()).toBe('调解');
    await expect.poll(() => s.page.locator('tr[data-indicator]').count()).toBe(n);
    expect(s.consoleErrors).toEqual([]);
    expect(foreignRequests(s)).toEqual([]);
  });
});
