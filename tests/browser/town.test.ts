import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, openSite, type Session } from './harness.ts';

// Town profiles over the bundled real data: every indicator by year, provenance, county-level units apart.
let s: Session;
beforeAll(async () => {
  s = await openSite();
});
afterAll(async () => s?.close());

describe('town profile /town/[id]', () => {
  it('is prerendered for every bundled unit', async () => {
    const res = await fetch(`${s.origin}/town/341623118`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<dialog');
  });

  it('opens the right town from an old slug (links saved before towns were keyed by their official codes)', async () => {
    expect((await fetch(`${s.origin}/town/gz-suiyang-puchang`)).status).toBe(200);
    await s.page.goto(`${s.origin}/town/520323103`);
    const cell = s.page.locator('button[data-value="med_cases_total:2024"]');
    await cell.waitFor({ timeout: 60_000 });
    expect((await cell.textContent())?.trim()).toBe('289');
    expect(await s.page.locator('h1').first().textContent()).toContain('蒲场镇');
  });

  it('lists every indicator by year and highlights the evidence in the bundled text, as text', async () => {
    await s.page.goto(`${s.origin}/town/520323103`);
    const cell = s.page.locator('button[data-value="med_cases_total:2024"]');
    await cell.waitFor({ timeout: 60_000 });
    expect((await cell.textContent())?.trim()).toBe('289');
    expect((await s.page.locator('button[data-value="out_materials:2024"]').textContent())?.trim()).toBe('≥ 20,000');
    expect(await s.page.locator('button[data-value="lit_admin_suits_lost:2024"] + .badge').textContent()).toBe('明确为零');
    await cell.click();
    await s.page.waitForURL(/open=med_cases_total%3A2024|open=med_cases_total:2024/);
    const mark = s.page.locator('[data-testid="provenance"] [data-testid="report-text"] mark');
    await mark.waitFor({ timeout: 15_000 });
    expect(await mark.textContent()).toBe('调处矛盾纠纷289件');
    expect(await mark.evaluate((m) => m.children.length)).toBe(0); // text, never HTML
    const text = (await s.page.getByTestId('report-text').textContent()) ?? '';
    expect(text).toContain('口头调解188件');
    await s.page.keyboard.press('Escape');
    await expect.poll(() => s.page.url(), { timeout: 10_000 }).not.toContain('open=');
    expect(await s.page.getByTestId('provenance').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
  });

  it('restores an opened provenance from a shared link; without a bundled text it shows the phrase and the source URL', async () => {
    await s.page.goto(`${s.origin}/town/341623118`);
    const first = s.page.locator('button[data-value]').first();
    await first.waitFor({ timeout: 60_000 });
    const key = (await first.getAttribute('data-value'))!;
    await s.page.goto(`${s.origin}/town/341623118?open=${encodeURIComponent(key)}`);
    const link = s.page.locator('[data-testid="provenance"] [data-testid="source-url"]').first();
    await link.waitFor({ timeout: 60_000 });
    expect(await link.getAttribute('href')).toBe('https://lixin.gov.cn/XxgkContent/show/2933448.html');
    expect(await s.page.locator('[data-testid="provenance"] .evidence').first().textContent()).toMatch(/^“.+”$/);
    expect(await s.page.getByTestId('provenance').textContent()).toContain('未附报告全文');
  });

  it('shows consistency findings (none for these reports) and keeps a county-level unit apart', async () => {
    await s.page.goto(`${s.origin}/town/520323103`);
    await s.page.getByTestId('no-violations').or(s.page.getByTestId('violations')).waitFor({ timeout: 60_000 });
    await s.page.goto(`${s.origin}/town/450222`); // 柳城县: a county-level unit, keyed by its 6-digit code
    await s.page.getByText('县级单位').waitFor({ timeout: 60_000 });
    expect(await s.page.locator('.notice').first().textContent()).toContain('不计入任何乡镇汇总');
    expect(s.consoleErrors).toEqual([]);
    expect(foreignRequests(s)).toEqual([]);
  });
});
