import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, openSite, type Session } from './harness.ts';

let s: Session;
beforeAll(async () => {
  s = await openSite();
});
afterAll(async () => s?.close());

describe('compare /compare', () => {
  it('explains what to do with fewer than two towns and suggests towns with several years', async () => {
    await s.page.goto(`${s.origin}/compare`);
    const empty = s.page.getByTestId('compare-empty');
    await empty.waitFor({ timeout: 60_000 });
    expect(await empty.textContent()).toContain('请选择2–8个乡镇');
    await empty.locator('a').click();
    await s.page.waitForURL(/towns=/);
    await s.page.locator('[data-testid="cmp-mediation-chart"][data-rendered="true"]').or(s.page.getByTestId('cmp-mediation-empty')).waitFor({ timeout: 30_000 });
  });

  it('compares chosen towns across categories with trend lines, all in the URL', async () => {
    await s.page.goto(`${s.origin}/compare?towns=js-xinbei-benniu,sh-baoshan-youyilu,gz-suiyang-puchang`);
    const chart = s.page.locator('[data-testid="cmp-mediation-chart"][data-rendered="true"]');
    await chart.waitFor({ timeout: 60_000 });
    const svg = (await s.page.locator('[data-testid="cmp-mediation-chart"] svg').textContent()) ?? '';
    for (const n of ['奔牛镇', '蒲场镇']) expect(svg).toContain(n);
    // The matrix lists 蒲场镇's 289 cases; a town that did not report shows "—", not 0.
    const row = s.page.locator('[data-testid="matrix-mediation"] tr', { hasText: '调处矛盾纠纷总件数' });
    const cells = await row.locator('td').allTextContents();
    expect(cells).toHaveLength(3);
    expect(cells[2]).toContain('2024: 289');
    expect(cells).toContain('—');
    // Add a fourth town, then remove it; back restores.
    await s.page.getByTestId('add-town').selectOption('ah-lixin-wangtuan');
    await s.page.waitForURL(/ah-lixin-wangtuan/);
    expect(await s.page.getByTestId('chosen').locator('li').count()).toBe(4);
    await s.page.goBack();
    await expect.poll(() => s.page.getByTestId('chosen').locator('li').count(), { timeout: 15_000 }).toBe(3);
    expect(s.consoleErrors).toEqual([]);
    expect(foreignRequests(s)).toEqual([]);
  });
});
