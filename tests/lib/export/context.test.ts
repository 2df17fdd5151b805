import { describe, expect, it } from 'vitest';
import { completeTable, frameNotes, lowerBoundShown, nonReporters, sourceCounts, type ExportContext } from '../../../src/lib/export/context.ts';
import { briefTable, figuresFor, mergeNotes, missingFor, scopeRef } from '../../../src/lib/export/brief-data.ts';
import { mediationData } from '../../../src/lib/charts/mediation.ts';
import type { EvidenceRow, MediationRow, ScopeTown } from '../../../src/lib/db/queries.ts';
import { en, zh, type MessageKey } from '../../../src/lib/i18n/messages.ts';

const t = (k: MessageKey, v: Record<string, string | number> = {}) => zh[k].replace(/\{(\w+)\}/g, (_, x: string) => String(v[x] ?? `{${x}}`));
const tEn = (k: MessageKey, v: Record<string, string | number> = {}) => en[k].replace(/\{(\w+)\}/g, (_, x: string) => String(v[x] ?? `{${x}}`));

const town = (town_id: string, name_zh: string): ScopeTown => ({ town_id, name_zh, unit_type: '镇', county: '测试县', province: '测试省', is_synthetic: false, n_scope: 4 });
const towns = [town('a', '甲镇'), town('b', '乙镇'), town('c', '丙镇'), town('d', '丁镇')];
const med = (town_id: string, town_name: string, total: number | null, o: Partial<MediationRow> = {}): MediationRow => ({
  town_id, town_name, county: '测试县', province: '测试省', year: 2024, total, total_lower_bound: false, oral: null, written: null, success: null,
  success_rate_reported: null, success_rate_derived: null, full_year: true, is_synthetic: false, ...o,
});
const data = mediationData([med('a', '甲镇', 100, { oral: 60, written: 40 }), med('b', '乙镇', 50, { total_lower_bound: true }), med('c', '丙镇', 0)], t);
const ev = (town_id: string, report_id: string, evidence: string, o: Partial<EvidenceRow> = {}): EvidenceRow => ({
  town_id, town_name: town_id, year: 2024, indicator_id: 'med_cases_total', fact_id: `${report_id}#1`, report_id, report_title: `${report_id}报告`,
  report_source: 'real', report_imported: false, report_reviewed: false, is_synthetic: false, evidence, qualifier: 'exact', value: 1, value_high: null, review_status: 'extracted', ...o,
});
const ctx: ExportContext = {
  towns,
  nScope: 4,
  evidence: [
    ev('a', 'ra', '调处矛盾纠纷100件', { report_reviewed: true }),
    ev('b', 'rb', '调处矛盾纠纷50余件', { qualifier: 'lower_bound', report_imported: true }),
    ev('c', 'rc', '未发生矛盾纠纷'),
  ],
};

describe('complete exports', () => {
  it('every town of the selection is a row; no value = empty cells (never 0), with status; evidence, report, qualifier', () => {
    const tab = completeTable(data, ctx, [2024], t);
    expect(tab.columns.slice(-4)).toEqual(['状态', '报告', '原文依据', '数值性质']);
    expect(tab.rows.map((r) => r['乡镇(街道)'])).toEqual(['甲镇', '乙镇', '丙镇', '丁镇']);
    expect(tab.rows.map((r) => r['调处总数'])).toEqual([100, 50, 0, null]);
    expect(tab.rows[3]).toMatchObject({ 年份: 2024, 调处总数: null, 口头调解: null, 状态: '未报告', 报告: null, 原文依据: null });
    expect(tab.rows[1]).toMatchObject({ 报告: 'rb报告', 原文依据: '调处矛盾纠纷50余件', 数值性质: zh['town.q.lower_bound'] });
    expect(tab.rows[2]!['状态']).toBeNull(); // an explicit zero is a value
  });
  it('several years: a row per town and year', () => {
    const tab = completeTable(data, ctx, [2023, 2024], t);
    expect(tab.rows).toHaveLength(8);
    expect(tab.rows.filter((r) => r['年份'] === 2023).every((r) => r['状态'] === '未报告')).toBe(true);
  });
  it('without a per-town scope the rows pass through', () => {
    expect(completeTable(data, null, [2024], t).rows).toHaveLength(3);
  });
});

describe('frame notes', () => {
  it('name the scope and its towns, the non-reporters, the sources and the ≥ note', () => {
    expect(nonReporters(data, towns).map((x) => x.name_zh)).toEqual(['丁镇']);
    expect(sourceCounts(ctx.evidence)).toEqual({ n: 3, imported: 1, reviewed: 1 });
    expect(lowerBoundShown(data)).toBe(true);
    expect(frameNotes(data, ctx, '测试省 测试县', t)).toEqual([
      '范围:测试省 测试县 · 4个乡镇(街道):甲镇、乙镇、丙镇、丁镇',
      '未报告(1个):丁镇',
      '数据来源:3份年度报告(1份导入,1份经人工复核)',
      zh['frame.lowerBound'],
    ]);
    expect(frameNotes(data, ctx, '测试县', tEn, ', ')[1]).toBe('Did not report (1): 丁镇');
  });
});

describe('briefing data', () => {
  it("takes the sentence's figures and the table from the chart's own rows", () => {
    expect(figuresFor(data, 'total', 'total_lower_bound', 2024)).toEqual([
      { name: '甲镇', value: 100, lower: false, zero: false },
      { name: '乙镇', value: 50, lower: true, zero: false },
      { name: '丙镇', value: 0, lower: false, zero: true },
    ]);
    expect(missingFor(data, towns, 'oral', 2024)).toEqual(['乙镇', '丙镇', '丁镇']);
    const bt = briefTable(data, completeTable(data, ctx, [2024], t), 'zh');
    expect(bt.header).toEqual(['乡镇(街道)', '年份', '调处总数', '口头调解', '书面调解', '调解成功', '调解成功率']);
    expect(bt.rows.map((r) => r[2])).toEqual(['100', '≥ 50', '0', '—']);
    expect(briefTable(data, completeTable(data, ctx, [2024], t), 'zh', true).header[1]).toBe('调处总数'); // one year: no year column
    expect(scopeRef({ province: '测试省', county: '测试县', towns: [], y0: 2024, y1: 2024, partial: 0, indicators: [], perTown: true }, ctx, '测试县')).toEqual({ kind: 'county', name: '测试县', n: 4 });
  });
});

describe("the briefing's sources and notes (mergeNotes)", () => {
  // Two charts of one county whose non-reporters differ: each frame says "未报告(N个)" with its own towns.
  // Listed as they were (de-duplicated by text only), the briefing said "未报告" twice, unlabelled, with
  // different towns (with 20 towns each: "未报告(20个)" twice).
  const lit = mediationData([med('a', '甲镇', 3), med('d', '丁镇', 1)], t);
  const litNotes = frameNotes(lit, { ...ctx, towns, nScope: 4 }, '测试县', t);
  it('the frames of two charts name different non-reporters', () => {
    const a = frameNotes(data, ctx, '测试县', t).find((n) => n.startsWith('未报告'))!;
    const b = litNotes.find((n) => n.startsWith('未报告'))!;
    expect([a, b]).toEqual(['未报告(1个):丁镇', '未报告(2个):乙镇、丙镇']);
  });
  it('a note every chart carries is said once; the others name their charts, so no two lines contradict', () => {
    const a = frameNotes(data, ctx, '测试县', t);
    const out = mergeNotes([{ ref: '图1', notes: a }, { ref: '图2', notes: litNotes }, { ref: '图3', notes: a }], '、', ':');
    expect(out.filter((n) => n.includes('未报告'))).toEqual(['图1、图3:未报告(1个):丁镇', '图2:未报告(2个):乙镇、丙镇']);
    expect(out.filter((n) => n.startsWith('范围:'))).toHaveLength(1); // same scope line in all three: once, unlabelled
    expect(out.filter((n) => /未报告\(\d+个\)/.test(n)).every((n) => /^图\d/.test(n))).toBe(true);
    // the same notes everywhere: said once each, no labels
    expect(mergeNotes([{ ref: '图1', notes: a }, { ref: '图2', notes: a }], '、', ':')).toEqual(a);
  });
});
