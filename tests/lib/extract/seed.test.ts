import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { extractReport, EXTRACTOR_VERSION } from '../../../src/lib/extract/index';
import { ExtractedFact } from '../../../src/lib/catalog/schemas';

const FIX = 'tests/fixtures/reports/';
const bytes = (f: string) => new Uint8Array(readFileSync(FIX + f));

/** The labeling.md worked example: the seed's 20 facts. */
const GOLD: [string, string, number, string][] = [
  ['常态化学习习近平法治思想2次', 'ls_theory_study_sessions', 2, 'exact'],
  ['开展专题学习研讨2次', 'ls_theory_study_sessions', 2, 'exact'],
  ['专题党课2次', 'ls_theory_study_sessions', 2, 'exact'],
  ['召开法治政府建设专题会议2次', 'ls_rol_meetings', 2, 'exact'],
  ['出具法律意见书5件', 'dm_legal_opinions', 5, 'exact'],
  ['代理行政诉讼案件9件', 'lit_admin_suits_total', 9, 'exact'],
  ['1件一审', 'lit_first_instance', 1, 'exact'],
  ['8件再审', 'lit_retrial', 8, 'exact'],
  ['均未败诉', 'lit_admin_suits_lost', 0, 'exact'],
  ['开展普法宣传活动21场', 'out_events', 21, 'exact'],
  ['发放宣传材料20000余份', 'out_materials', 20000, 'lower_bound'],
  ['悬挂条幅30余条', 'out_banners', 30, 'lower_bound'],
  ['张贴宣传海报30余张', 'out_posters', 30, 'lower_bound'],
  ['调处矛盾纠纷289件', 'med_cases_total', 289, 'exact'],
  ['口头调解188件', 'med_oral', 188, 'exact'],
  ['书面调解101件', 'med_written', 101, 'exact'],
  ['达成司法确认16件', 'med_judicial_confirmation', 16, 'exact'],
  ['评查了上交的调解卷宗合计207件', 'med_case_files_reviewed', 207, 'exact'],
  ['申报奖补金额达39680元', 'med_subsidy_amount', 39680, 'exact'],
  ['开展联合调解21件', 'med_joint', 21, 'exact'],
];

function checkSeed(file: string, evidenceExact = true) {
  const r = extractReport(bytes(file), { fileName: file });
  expect(r.facts).toHaveLength(20);
  GOLD.forEach(([ev, ind, value, qual], i) => {
    const f = r.facts[i]!;
    expect([f.indicator_id, f.value, f.qualifier]).toEqual([ind, value, qual]);
    if (evidenceExact) expect(f.evidence).toBe(ev);
    expect(r.text.slice(f.evidence_start!, f.evidence_end!)).toBe(f.evidence);
  });
  return r;
}

describe('seed report (puchang 2024)', () => {
  it('gives exactly the 20 facts of labeling.md with exact evidence offsets', () => {
    const r = checkSeed('puchang-2024.txt');
    for (const f of r.facts) {
      expect(() => ExtractedFact.parse(f)).not.toThrow();
      expect(f.extractor_version).toBe(EXTRACTOR_VERSION);
      expect(f.is_target).toBe(false);
      expect(f.measure).toBe('level');
      expect(f.section).toBe('成效');
    }
    expect(r.violations).toEqual([]);
  });

  it('reads the report metadata', () => {
    const r = extractReport(bytes('puchang-2024.txt'));
    expect(r.meta).toMatchObject({ unit_name: '蒲场镇', unit_type: '镇', report_year: 2024, publication_date: '2025-03-14', title: '蒲场镇2024年法治政府建设工作报告' });
  });

  it('records sub kinds, units, scope and period', () => {
    const r = extractReport(bytes('puchang-2024.txt'));
    const by = (ev: string) => r.facts.find((f) => f.evidence === ev)!;
    expect(r.facts.slice(0, 3).map((f) => f.sub_kind)).toEqual(['study', 'seminar', 'party_lecture']);
    expect(by('口头调解188件').sub_kind).toBe('oral');
    expect(by('书面调解101件').sub_kind).toBe('written');
    expect(by('出具法律意见书5件')).toMatchObject({ unit: '份', unit_raw: '件', scope: 'adviser' });
    expect(by('均未败诉')).toMatchObject({ is_zero_statement: true, value: 0, numeral_type: 'none' });
    expect(by('调处矛盾纠纷289件')).toMatchObject({ period_basis: 'ytd_as_of', period_start: '2024-01-01' });
    expect(by('专题党课2次')).toMatchObject({ period_basis: 'calendar_year', period_start: '2024-01-01', period_end: '2024-12-31' });
  });

  it('gives the same facts from the GBK and UTF-8-BOM copies', () => {
    const gbk = checkSeed('puchang-2024.gbk.txt');
    expect(gbk.meta.encoding).toBe('gb18030');
    const bom = checkSeed('puchang-2024.bom.txt');
    expect(bom.meta.encoding).toBe('utf-8');
    expect(bom.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('gives the same facts from the HTML page, ignoring nav, script, footer and related links', () => {
    const r = checkSeed('puchang-2024.html', false);
    expect(r.meta.is_html).toBe(true);
    expect(r.meta.publication_date).toBe('2025-03-14');
    expect(r.text).not.toMatch(/访问量|相关链接|track\(|首页|99场|77场|3000条/);
    expect(r.text).toContain('“枫桥经验”');
    // full-width digits: the evidence is the text as shown
    const med = r.facts.find((f) => f.indicator_id === 'med_cases_total')!;
    expect(med.evidence).toBe('调处矛盾纠纷２８９件');
    expect(med.value).toBe(289);
  });
});
