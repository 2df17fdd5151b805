// A county's reports through /import in Chromium: five files at once with one broken (queue, statuses,
// "n / 5", next report, the failure with why not blocking the rest); a report completed (a fact added from a
// marked number and from a selection, one rejected, one edited, decided / left counts, keyboard review);
// a county report saved as a county with messages that say county; save, reload, reopen the same screen;
// the town page highlighting the added fact in the stored full text; the reviewed facts exported as the
// eval set's JSONL (and scored by `npm run eval -- --set` when that script exists); qualifiers in zh and en;
// every report's unit against the 2023 list (海城镇 → 441521115, the county report → 441521, two 绥阳镇 →
// the reviewer chooses, an unknown name kept and flagged); the share export carrying the full text, so
// another browser importing it highlights the evidence on the town page.
// The report texts are invented for the test and say 示例数据. SHOTS=dir saves screenshots (zh and en).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, openSite, type Session } from './harness.ts';

const SHOTS = process.env.SHOTS;
let s: Session;
let p: Page;
const file = (name: string, text: string | Uint8Array) => ({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(text) });

const HAICHENG = `广东省汕尾市海丰县海城镇2024年法治政府建设工作报告(示例数据)
发布日期:2025-01-10
2024年,海城镇坚持依法行政。
一、工作成效
全年共调处矛盾纠纷86件,调解成功84件。开展普法宣传活动24场次。召开院坝会26场,走访群众1200人,排查风险隐患15项。建成法治长廊2条。村(居)法律顾问为群众提供法律咨询三百余人次。
二、存在问题
基层法治力量薄弱。
海丰县海城镇人民政府
2025年1月10日`;
const COUNTY = `海丰县2024年法治政府建设年度报告(示例数据)
2024年,我县深入推进依法行政。全县共办理行政复议案件52件,行政机关负责人出庭应诉率达100%。全县调处矛盾纠纷1320件。`;
const MEILONG = `海丰县梅陇镇2024年法治政府建设工作报告(示例数据)
2024年,全镇调处矛盾纠纷40件,开展普法宣传活动12场次。`;
const SUIYANG = `绥阳镇2024年法治政府建设工作报告(示例数据)
2024年,全镇调处矛盾纠纷12件。`;
const UNKNOWN = `白云示例乡2024年法治政府建设工作报告(示例数据)
2024年,全乡调处矛盾纠纷3件。`;
const GONGPING = `海丰县公平镇2024年法治政府建设工作报告(示例数据)
2024年,全镇调处矛盾纠纷31件。`;

const queueStatus = (page: Page) =>
  page.$$eval('[data-testid=import-queue] li[data-queue]', (ls) => ls.map((l) => [l.getAttribute('data-queue'), l.getAttribute('data-status')]));
const sql = (page: Page, q: string) =>
  page.evaluate(async (text) => (globalThis as unknown as { __rol: { rows(s: string): Promise<Record<string, unknown>[]> } }).__rol.rows(text), q);
const shot = async (name: string, at?: string) => {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  if (at) await p.locator(at).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
};
const left = async () => Number(await p.getAttribute('[data-testid=review-progress]', 'data-left'));

/** Selects a phrase of the review text (across runs, as a person dragging over it would) and releases the mouse. */
async function selectText(page: Page, phrase: string): Promise<void> {
  await page.evaluate((ph) => {
    const box = document.querySelector('[data-testid=report-text]')!;
    const at = box.textContent!.indexOf(ph);
    if (at < 0) throw new Error(`not in the text: ${ph}`);
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    const r = document.createRange();
    let pos = 0;
    let node: Node | null;
    while ((node = walker.nextNode())) {
      const len = node.textContent!.length;
      if (pos <= at && at < pos + len) r.setStart(node, at - pos);
      if (pos < at + ph.length && at + ph.length <= pos + len) r.setEnd(node, at + ph.length - pos);
      pos += len;
    }
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(r);
    box.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  }, phrase);
}

beforeAll(async () => {
  s = await openSite({ viewport: { width: 1400, height: 1000 } });
  p = s.page;
  await p.goto(`${s.origin}/import?bench=1`);
  await p.waitForSelector('[data-testid=import-page][data-ready=true]', { timeout: 60_000 });
});
afterAll(async () => {
  await s?.close();
});

describe('a county’s reports: queue, complete, save, reopen', () => {
  it('takes five files at once; the broken one fails with why and blocks nothing', async () => {
    await p.fill('[data-field=reviewer]', '县司法局 张三');
    await p.locator('[data-field=reviewer]').dispatchEvent('change');
    await p.setInputFiles('[data-testid=file-input]', [
      file('海城镇2024.txt', HAICHENG),
      file('broken.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0, 255, 0])),
      file('海丰县2024年度报告.txt', COUNTY),
      file('梅陇镇2024.txt', MEILONG),
      file('公平镇2024.txt', GONGPING),
    ]);
    await p.waitForSelector('[data-testid=report-review]', { timeout: 60_000 });
    await expect.poll(() => queueStatus(p), { timeout: 60_000 }).toEqual([
      ['海城镇2024.txt', 'review'], ['broken.txt', 'failed'], ['海丰县2024年度报告.txt', 'review'], ['梅陇镇2024.txt', 'review'], ['公平镇2024.txt', 'review'],
    ]);
    expect(await p.textContent('[data-testid=queue-count]')).toBe('1 / 5');
    expect(await p.textContent('li[data-queue="broken.txt"] [data-testid=queue-why]')).toContain('二进制');
    expect(await p.inputValue('[data-field=name_zh]')).toBe('海城镇');
    expect([await p.inputValue('[data-field=county]'), await p.inputValue('[data-field=prefecture]'), await p.inputValue('[data-field=province]')]).toEqual(['海丰县', '汕尾市', '广东省']);
    // three 海城镇 in the list; the title's 海丰县 tells which
    await p.waitForSelector('[data-testid=unit-match][data-state=matched][data-code="441521115"]');
    expect(await p.textContent('[data-testid=unit-code]')).toContain('海城镇 · 海丰县 · 汕尾市 · 广东省 (441521115)');
    await shot('queue-zh');
  });

  it('marks the numbers that are not facts; one becomes a fact from the mark', async () => {
    expect(await p.$$eval('[data-testid=report-text] [data-mark]', (els) => els.map((e) => e.textContent))).toEqual(['26场', '1200人', '15项', '2条']);
    const before = await left();
    await shot('review-marks-zh', '[data-testid=review-progress]');
    await p.click('[data-testid=report-text] [data-mark]:has-text("26场")');
    const li = p.locator('li[data-mark]', { hasText: '26场' });
    await li.locator('[data-testid=make-fact]').click();
    await li.locator('[data-field=indicator-search]').fill('宣传活动');
    await li.locator('[data-field=indicator-search]').press('Enter');
    expect(await li.textContent()).toContain('普法宣传活动场次');
    expect(await li.locator('[data-field=value]').inputValue()).toBe('26');
    await li.locator('[data-testid=editor-save]').click();
    const added = p.locator('li[data-fact]', { hasText: '召开院坝会26场' });
    await added.waitFor();
    expect(await added.getAttribute('data-status')).toBe('corrected');
    expect(await p.textContent('[data-testid=report-text] mark.added')).toBe('召开院坝会26场');
    expect(await left()).toBe(before - 1);
    // not a fact
    await p.locator('li[data-mark]', { hasText: '15项' }).locator('[data-testid=not-fact]').click();
    expect(await left()).toBe(before - 2);
  });

  it('adds a fact from selected text: value parsed from the span, editable, indicator from a searchable list', async () => {
    const before = await left();
    await selectText(p, '建成法治长廊2条');
    await p.click('[data-testid=add-selection]');
    const ed = p.locator('[data-testid=add-fact]');
    await ed.waitFor();
    expect(await ed.locator('[data-field=value]').inputValue()).toBe('2');
    await ed.locator('[data-field=indicator-search]').fill('文化阵地');
    expect(await ed.locator('[data-testid=indicator-list] [data-indicator]').evaluateAll((els) => els.map((e) => e.getAttribute('data-indicator')))).toEqual(['out_culture_sites']);
    await ed.locator('[data-field=indicator-search]').press('Enter');
    await ed.locator('[data-field=value]').fill('3');
    await ed.locator('[data-field=value]').fill('2');
    await shot('added-fact-zh', '[data-testid=review-progress]');
    await ed.locator('[data-testid=editor-save]').click();
    const f = p.locator('li[data-fact]', { hasText: '建成法治长廊2条' });
    await f.waitFor();
    expect(await f.textContent()).toContain('法治文化阵地数');
    expect(await p.textContent('[data-testid=report-text] mark.added >> nth=1')).toBe('建成法治长廊2条');
    // the marked number inside the added span is decided with it
    expect(await p.locator('[data-testid=report-text] [data-mark]', { hasText: '2条' }).count()).toBe(0);
    expect(await left()).toBe(before - 1);
  });

  it('rejects one, edits one (qualifiers translated), and reviews the rest from the keyboard', async () => {
    await p.click('li[data-fact=f2] button:has-text("拒绝")');
    expect(await p.getAttribute('li[data-fact=f2]', 'data-status')).toBe('rejected');
    await p.click('li[data-fact=f4] button:has-text("修改")');
    const opts = await p.$$eval('li[data-fact=f4] [data-field=qualifier] option', (os) => os.map((o) => o.textContent));
    expect(opts).toEqual(['确数', '下限(余、多、以上)', '上限(近、不到)', '约数', '区间']);
    expect(await p.inputValue('li[data-fact=f4] [data-field=qualifier]')).toBe('lower_bound');
    await p.fill('li[data-fact=f4] [data-field=value]', '320');
    await p.click('li[data-fact=f4] button:has-text("保存修改")');
    expect(await p.getAttribute('li[data-fact=f4]', 'data-status')).toBe('corrected');
    // keyboard: J / K move through the list in text order, A accepts, U undoes, E edits, R sets a number aside
    await p.click('li[data-fact=f1] .evid');
    expect(await p.getAttribute('li.sel', 'data-fact')).toBe('f1');
    await p.keyboard.press('a');
    expect(await p.getAttribute('li[data-fact=f1]', 'data-status')).toBe('accepted');
    await p.keyboard.press('j');
    expect(await p.getAttribute('li.sel', 'data-fact')).toBe('f2');
    await p.keyboard.press('k');
    expect(await p.getAttribute('li.sel', 'data-fact')).toBe('f1');
    await p.keyboard.press('u');
    expect(await p.getAttribute('li[data-fact=f1]', 'data-status')).toBe('extracted');
    await p.keyboard.press('a');
    await p.keyboard.press('j');
    await p.keyboard.press('j');
    expect(await p.getAttribute('li.sel', 'data-fact')).toBe('f3');
    await p.keyboard.press('e');
    await p.locator('li[data-fact=f3] [data-testid=fact-editor]').waitFor();
    await p.keyboard.press('Escape');
    await p.keyboard.press('a');
    expect(await p.getAttribute('li[data-fact=f3]', 'data-status')).toBe('accepted');
    await p.keyboard.press('j');
    await p.keyboard.press('j');
    expect(await p.textContent('li.sel')).toContain('1200人');
    await p.keyboard.press('r');
    expect(await p.getAttribute('li.sel', 'data-decision')).toBe('not_fact');
    expect(await left()).toBe(0);
    expect(await p.textContent('[data-testid=review-progress]')).toContain('剩余 0');
  });

  it('saves; the next report opens with its count', async () => {
    await p.click('[data-testid=save-report]');
    await expect.poll(() => p.textContent('[data-testid=queue-count]')).toBe('3 / 5');
    expect(await p.getAttribute('li[data-queue="海城镇2024.txt"]', 'data-status')).toBe('saved');
    expect(await p.textContent('li[data-queue="海城镇2024.txt"]')).toContain('剩余 0');
    const rows = await sql(p, `SELECT indicator_id, value, review_status, evidence FROM facts_named WHERE town_name = '海城镇' ORDER BY evidence_start`);
    expect(rows.map((r) => [r.indicator_id, r.value, r.review_status])).toEqual([
      ['med_cases_total', 86, 'accepted'], ['med_success', 84, 'rejected'], ['out_events', 24, 'accepted'], ['out_events', 26, 'corrected'],
      ['out_culture_sites', 2, 'corrected'], ['svc_legal_consultations', 320, 'corrected'],
    ]);
    // keyed by its official code, with the list's village count
    expect(await sql(p, `SELECT town_id, adcode, in_gazetteer, n_villages FROM towns WHERE name_zh = '海城镇'`)).toEqual([
      { town_id: '441521115', adcode: '441521115', in_gazetteer: true, n_villages: 24 },
    ]);
  });

  it('a county report saves as a county, and its messages say county, in words, without a table', async () => {
    expect(await p.inputValue('[data-field=name_zh]')).toBe('海丰县');
    expect(await p.inputValue('[data-field=unit_type]')).toBe('县');
    await p.locator('[data-testid=county-level]').waitFor();
    await p.fill('[data-field=name_zh]', '');
    await p.click('[data-testid=save-report]');
    const msg = (await p.textContent('[data-testid=report-review] [data-testid=import-problems]')) ?? '';
    expect(msg).toContain('县(区)名称');
    expect(msg).not.toMatch(/name_zh|乡镇\(街道\)|整个文件/);
    expect(await p.locator('[data-testid=report-review] [data-testid=import-problems] table').count()).toBe(0);
    await p.fill('[data-field=name_zh]', '海丰县');
    await p.click('[data-testid=accept-all]');
    await p.click('[data-testid=save-report]');
    await expect.poll(() => p.getAttribute('li[data-queue="海丰县2024年度报告.txt"]', 'data-status')).toBe('saved');
    expect(await sql(p, `SELECT town_id, name_zh, unit_type, level, county, prefecture, province, adcode FROM towns WHERE name_zh = '海丰县'`)).toEqual([
      { town_id: '441521', name_zh: '海丰县', unit_type: '县', level: 'county', county: '海丰县', prefecture: '汕尾市', province: '广东省', adcode: '441521' },
    ]);
  });

  it('"next report" skips ahead; the rest save', async () => {
    expect(await p.textContent('[data-testid=queue-count]')).toBe('4 / 5');
    await p.click('[data-testid=queue-next]');
    expect(await p.textContent('[data-testid=queue-count]')).toBe('5 / 5');
    expect(await p.inputValue('[data-field=name_zh]')).toBe('公平镇');
    await p.click('[data-testid=accept-all]');
    await p.click('[data-testid=save-report]');
    await expect.poll(() => p.textContent('[data-testid=queue-count]')).toBe('4 / 5');
    await p.click('[data-testid=accept-all]');
    await p.click('[data-testid=save-report]');
    await expect.poll(() => queueStatus(p)).toEqual([
      ['海城镇2024.txt', 'saved'], ['broken.txt', 'failed'], ['海丰县2024年度报告.txt', 'saved'], ['梅陇镇2024.txt', 'saved'], ['公平镇2024.txt', 'saved'],
    ]);
    expect(await p.locator('[data-testid=report-review]').count()).toBe(0);
  });

  it('two 绥阳镇: the reviewer chooses one, shown with county and province; saving waits until then', async () => {
    await p.setInputFiles('[data-testid=file-input]', [file('绥阳镇2024.txt', SUIYANG), file('白云示例乡2024.txt', UNKNOWN)]);
    await p.waitForSelector('[data-testid=unit-match][data-state=choose]', { timeout: 60_000 });
    expect(await p.inputValue('[data-field=name_zh]')).toBe('绥阳镇');
    const labels = await p.$$eval('[data-testid=unit-candidates] label', (ls) => ls.map((l) => l.textContent!.trim()));
    expect(labels).toEqual(['绥阳镇 · 东宁市 · 牡丹江市 · 黑龙江省 (231086105)', '绥阳镇 · 凤冈县 · 遵义市 · 贵州省 (520327106)', '都不是:保存为不在2023年区划代码中的单位']);
    expect(await p.isDisabled('[data-testid=save-report]')).toBe(true);
    expect(await p.textContent('[data-testid=unit-must-choose]')).toContain('先在上面选择是哪一个“绥阳镇”');
    await shot('unit-choose-zh', '[data-testid=unit-match]');
    await p.check('[data-testid=unit-candidates] input[data-code="520327106"]');
    await p.waitForSelector('[data-testid=unit-match][data-state=chosen][data-code="520327106"]');
    // the place the report left empty comes from the unit chosen
    expect([await p.inputValue('[data-field=county]'), await p.inputValue('[data-field=prefecture]'), await p.inputValue('[data-field=province]')]).toEqual(['凤冈县', '遵义市', '贵州省']);
    await p.click('[data-testid=accept-all]');
    await p.click('[data-testid=save-report]');
    await expect.poll(() => p.getAttribute('li[data-queue="绥阳镇2024.txt"]', 'data-status')).toBe('saved');
    expect(await sql(p, `SELECT town_id, county, province, in_gazetteer FROM towns WHERE name_zh = '绥阳镇'`)).toEqual([
      { town_id: '520327106', county: '凤冈县', province: '贵州省', in_gazetteer: true },
    ]);
  });

  it('a name the list lacks: flagged "not in the 2023 list", saved and kept', async () => {
    await p.waitForSelector('[data-testid=unit-match][data-state=unknown]', { timeout: 60_000 });
    expect(await p.textContent('[data-testid=unit-unknown]')).toContain('“白云示例乡”不在2023年区划代码中');
    await p.click('[data-testid=accept-all]');
    await p.click('[data-testid=save-report]');
    await expect.poll(() => p.getAttribute('li[data-queue="白云示例乡2024.txt"]', 'data-status')).toBe('saved');
    const [town] = await sql(p, `SELECT town_id, adcode, in_gazetteer FROM towns WHERE name_zh = '白云示例乡'`);
    expect(town).toMatchObject({ adcode: null, in_gazetteer: false });
    expect(String(town!.town_id)).toMatch(/^imp-/);
    expect(await sql(p, `SELECT count(*)::INT AS n FROM facts WHERE town_id = '${town!.town_id}'`)).toEqual([{ n: 1 }]);
  });

  it('survives a reload; reopening a saved report brings the same screen back, and saving it again replaces it', async () => {
    await p.reload();
    await p.waitForSelector('[data-testid=import-page][data-ready=true]', { timeout: 60_000 });
    expect(await p.textContent('[data-testid=local-summary]')).toContain('6 个条目');
    const summary = await p.textContent('[data-testid=local-summary]');
    await p.locator('[data-testid=local-data] tr', { hasText: '海城镇2024.txt' }).locator('[data-testid=reopen]').click();
    await p.waitForSelector('[data-testid=reopened]');
    expect(await p.getAttribute('li[data-fact=f2]', 'data-status')).toBe('rejected');
    expect(await p.getAttribute('li[data-fact=f4]', 'data-status')).toBe('corrected');
    expect(await p.locator('li[data-fact]', { hasText: '召开院坝会26场' }).getAttribute('data-status')).toBe('corrected');
    expect(await p.$$eval('li[data-mark]', (ls) => ls.map((l) => l.getAttribute('data-decision')))).toEqual(['not_fact', 'not_fact']);
    expect(await left()).toBe(0);
    expect(await p.locator('[data-testid=duplicate]').count()).toBe(0);
    await p.click('[data-testid=save-report]');
    await p.waitForSelector('[data-testid=import-saved]');
    expect(await p.textContent('[data-testid=local-summary]')).toBe(summary);
  });

  it('the town page highlights the added fact in the stored full text', async () => {
    await p.click('[data-testid=local-data] a:has-text("海城镇")');
    await p.waitForSelector('[data-value="out_culture_sites:2024"]', { timeout: 60_000 });
    await p.click('[data-value="out_culture_sites:2024"]');
    await p.waitForSelector('[data-testid=provenance] [data-testid=report-text] mark', { timeout: 60_000 });
    expect(await p.textContent('[data-testid=provenance] [data-testid=report-text] mark')).toBe('建成法治长廊2条');
    expect(await p.textContent('[data-testid=provenance] [data-testid=report-text]')).toBe(HAICHENG);
  });

  it('exports the reviewed facts as the eval set’s JSONL, which `npm run eval -- --set` scores', async () => {
    await p.goto(`${s.origin}/import?bench=1`);
    await p.waitForSelector('[data-testid=import-page][data-ready=true]', { timeout: 60_000 });
    const [d] = await Promise.all([p.waitForEvent('download'), p.click('[data-testid=export-reviewed]')]);
    const lines = readFileSync((await d.path())!, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(6);
    const hc = lines.find((l) => l.unit_name === '海城镇');
    expect(hc).toMatchObject({ county: '海丰县', prefecture: '汕尾市', province: '广东省', report_year: 2024, text: HAICHENG, reviewer: '县司法局 张三' });
    expect(hc.facts).toEqual([
      { indicator: 'med_cases_total', value: 86, qualifier: 'exact', evidence: '调处矛盾纠纷86件' },
      { indicator: 'out_events', value: 24, qualifier: 'exact', evidence: '开展普法宣传活动24场次' },
      { indicator: 'out_events', value: 26, qualifier: 'exact', evidence: '召开院坝会26场' },
      { indicator: 'out_culture_sites', value: 2, qualifier: 'exact', evidence: '建成法治长廊2条' },
      { indicator: 'svc_legal_consultations', value: 320, qualifier: 'lower_bound', evidence: '提供法律咨询三百余人次' },
    ]);
    expect(Date.parse(hc.reviewed_at)).toBeGreaterThan(0);
    const dir = mkdtempSync(join(tmpdir(), 'rol-reviewed-'));
    try {
      const set = join(dir, 'reviewed.jsonl');
      writeFileSync(set, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
      const out = execFileSync('npm', ['run', '--silent', 'eval', '--', '--set', set], { encoding: 'utf8', timeout: 120_000 });
      const gold = lines.reduce((n, l) => n + l.facts.length, 0);
      expect(out).toContain(`6 reports · ${gold} gold facts`);
      expect(out).toMatch(new RegExp(`\\nall\\s+${gold}\\s+\\d+\\s+[01]\\.\\d{3}\\s+[01]\\.\\d{3}`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the share export carries the full text: another browser importing it highlights the added fact on the town page', async () => {
    const [d] = await Promise.all([p.waitForEvent('download'), p.click('[data-testid=export-csv]')]);
    const csv = readFileSync((await d.path())!);
    const other = await openSite({ viewport: { width: 1280, height: 900 } });
    try {
      const o = other.page;
      await o.goto(`${other.origin}/import?bench=1`);
      await o.waitForSelector('[data-testid=import-page][data-ready=true]', { timeout: 60_000 });
      await o.setInputFiles('[data-testid=file-input]', [{ name: 'shared.csv', mimeType: 'text/csv', buffer: csv }]);
      await o.click('[data-testid=confirm-table]', { timeout: 60_000 });
      await o.waitForSelector('[data-testid=import-saved]', { timeout: 60_000 });
      // the reports came with their texts: they can be reopened here too
      expect(await o.locator('[data-testid=local-data] tr', { hasText: '海城镇' }).locator('[data-testid=reopen]').count()).toBe(1);
      await o.click('[data-testid=local-data] a[href$="/town/441521115"]');
      await o.waitForSelector('[data-value="out_culture_sites:2024"]', { timeout: 60_000 });
      await o.click('[data-value="out_culture_sites:2024"]');
      await o.waitForSelector('[data-testid=provenance] [data-testid=report-text] mark', { timeout: 60_000 });
      expect(await o.textContent('[data-testid=provenance] [data-testid=report-text] mark')).toBe('建成法治长廊2条');
      expect(await o.textContent('[data-testid=provenance] [data-testid=report-text]')).toBe(HAICHENG);
      expect(other.consoleErrors, other.consoleErrors.join('\n')).toEqual([]);
      expect(foreignRequests(other)).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('in English: the queue, the marks and the qualifier options', async () => {
    await p.evaluate(() => localStorage.setItem('rol.locale', 'en'));
    await p.reload();
    await p.waitForSelector('[data-testid=import-page][data-ready=true]', { timeout: 60_000 });
    await p.setInputFiles('[data-testid=file-input]', [file('海城镇2024-copy.txt', HAICHENG.replace('86件', '87件')), file('empty.txt', '')]);
    await p.waitForSelector('[data-testid=report-review]', { timeout: 60_000 });
    await expect.poll(() => queueStatus(p)).toEqual([['海城镇2024-copy.txt', 'review'], ['empty.txt', 'failed']]);
    expect(await p.textContent('[data-testid=import-queue]')).toContain('to review');
    expect(await p.$$eval('[data-field=unit_type] option', (os) => os.map((o) => o.textContent))).toContain('sub-district (街道)');
    await shot('queue-en');
    await shot('review-marks-en', '[data-testid=review-progress]');
    await p.locator('li[data-mark]', { hasText: '26场' }).locator('[data-testid=make-fact]').click();
    expect(await p.$$eval('li[data-mark] [data-field=qualifier] option', (os) => os.map((o) => o.textContent))).toEqual([
      'exact', 'at least (余, 多, 以上)', 'at most (近, 不到)', 'approximately', 'range',
    ]);
    await p.locator('li[data-mark] [data-field=indicator-search]').fill('events');
    await shot('added-fact-en', '[data-testid=review-progress]');
    await p.locator('li[data-mark] [data-field=indicator-search]').press('Escape');
    await p.click('[data-testid=report-review] .bar button:not(.primary)');
    await p.setInputFiles('[data-testid=file-input]', [file('绥阳镇2023.txt', SUIYANG.replaceAll('2024', '2023'))]);
    await p.waitForSelector('[data-testid=unit-match][data-state=choose]', { timeout: 60_000 });
    expect(await p.textContent('[data-testid=unit-match]')).toContain('The 2023 list has 2 units named "绥阳镇"');
    expect(await p.textContent('[data-testid=unit-must-choose]')).toContain('Choose which "绥阳镇" above before saving.');
    await shot('unit-choose-en', '[data-testid=unit-match]');
    await p.evaluate(() => localStorage.setItem('rol.locale', 'zh'));
  });

  it('takes a whole folder: its files with their paths, folder junk left out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rol-folder-'));
    try {
      mkdirSync(join(dir, '海丰县'), { recursive: true });
      writeFileSync(join(dir, '海丰县', '梅陇镇2023.txt'), MEILONG.replaceAll('2024', '2023'));
      writeFileSync(join(dir, '海丰县', '.DS_Store'), 'junk');
      await p.setInputFiles('[data-testid=folder-input]', dir);
      await p.waitForSelector('li[data-queue="梅陇镇2023.txt"][data-status=review]', { timeout: 60_000 });
      expect(await p.textContent('li[data-queue="梅陇镇2023.txt"] .name')).toMatch(/海丰县\/梅陇镇2023\.txt$/);
      expect(await p.locator('li[data-queue=".DS_Store"]').count()).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('no console errors, no request outside the origin', () => {
    expect(s.consoleErrors, s.consoleErrors.join('\n')).toEqual([]);
    expect(foreignRequests(s)).toEqual([]);
  });
});
