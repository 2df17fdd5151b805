import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { initialReview, matchTowns, readReport, reviewedToDataset } from '../../../src/lib/import/report-import.ts';
import { ImportProblemError } from '../../../src/lib/import/problems.ts';

const fixture = (n: string) => new Uint8Array(readFileSync(`tests/fixtures/import/${n}`));

describe('reports: file → extraction → reviewed records', () => {
  it('reads the fixture report and proposes its unit, year and facts', () => {
    const ex = readReport(fixture('qinghe-2023.txt'), 'qinghe-2023.txt');
    const { meta, facts } = initialReview(ex);
    expect(meta).toMatchObject({ name_zh: '青禾镇', unit_type: '镇', year: 2023, publication_date: '2024-02-20' });
    expect(facts.find((f) => f.indicator_id === 'med_cases_total')).toMatchObject({ value: 56, review_status: 'extracted' });
    for (const f of facts) expect(ex.text.slice(f.evidence_start!, f.evidence_end!)).toBe(f.evidence);
  });
  it('reads a .docx with the same facts as the text', () => {
    const text = readFileSync('tests/fixtures/import/qinghe-2023.txt', 'utf8');
    const paras = text.split('\n').map((l) => `<w:p><w:r><w:t xml:space="preserve">${l}</w:t></w:r></w:p>`).join('');
    const docx = zipSync({ 'word/document.xml': strToU8(`<w:document><w:body>${paras}</w:body></w:document>`) });
    const a = readReport(docx, 'qinghe.docx').facts.map((f) => [f.indicator_id, f.value]);
    const b = readReport(fixture('qinghe-2023.txt'), 'qinghe-2023.txt').facts.map((f) => [f.indicator_id, f.value]);
    expect(a).toEqual(b);
  });
  it('reads GBK text', () => {
    const gbk = new Uint8Array(readFileSync('tests/fixtures/reports/puchang-2024.gbk.txt'));
    expect(readReport(gbk, 'p.txt').meta.encoding).toBe('gb18030');
  });
  it('refuses empty and binary files with clear messages', () => {
    const p = (b: Uint8Array, n: string) => {
      try {
        readReport(b, n);
      } catch (e) {
        return (e as ImportProblemError).problems[0]!;
      }
      throw new Error('accepted');
    };
    expect(p(new Uint8Array(), 'e.txt').problem_zh).toContain('空');
    expect(p(new Uint8Array(readFileSync('tests/fixtures/reports/binary.png')), 'photo.txt').problem_zh).toContain('二进制');
  });
  it('matches towns by name and county; builds records that pass zod, with deterministic ids', () => {
    const known = [
      { town_id: 'a', name_zh: '青禾镇', unit_type: '镇', county: '东县', province: null },
      { town_id: 'b', name_zh: '青禾镇', unit_type: '镇', county: '西县', province: null },
    ];
    expect(matchTowns({ name_zh: '青禾镇', county: '', province: '' }, known)).toHaveLength(2);
    expect(matchTowns({ name_zh: '青禾镇', county: '西县', province: '' }, known).map((t) => t.town_id)).toEqual(['b']);
    const ex = readReport(fixture('qinghe-2023.txt'), 'qinghe-2023.txt');
    const { meta, facts } = initialReview(ex);
    const ds = reviewedToDataset(ex, meta, facts, 'b', 'qinghe-2023.txt', 'now');
    expect(ds.towns).toEqual([]);
    expect(ds.reports[0]).toMatchObject({ town_id: 'b', year: 2023, source: 'import', genre: 'report', title: '青禾镇2023年法治政府建设工作报告' });
    expect(ds.facts).toHaveLength(facts.length);
    expect(reviewedToDataset(ex, meta, facts, 'b', 'x', 'now').facts[0]!.fact_id).toBe(ds.facts[0]!.fact_id);
  });
  it('asks for the unit and year when the text does not give them', () => {
    const ex = readReport(strToU8('全年调处矛盾纠纷5件。'), 'x.txt');
    const { meta, facts } = initialReview(ex);
    try {
      reviewedToDataset(ex, meta, facts, null, 'x.txt', 'now');
      expect.unreachable();
    } catch (e) {
      const ps = (e as ImportProblemError).problems;
      expect(ps.map((p) => p.problem_zh)).toEqual(['缺少单位名称', '缺少报告年度', '缺少单位类型']);
      // prose: no field names, no row / column
      for (const p of ps) {
        expect([p.row, p.column]).toEqual([0, '']);
        expect(`${p.problem_zh}${p.fix_zh}${p.problem_en}${p.fix_en}`).not.toMatch(/name_zh|unit_type|\byear\b(?! the)/);
      }
    }
  });
  it('a county report saves as a county, and a missing name asks for a county', () => {
    const ex = readReport(strToU8('海丰县2023年法治政府建设年度报告\n2023年,我县共调处矛盾纠纷120件。'), '海丰县2023年法治政府建设年度报告.txt');
    const { meta, facts } = initialReview(ex);
    expect(meta).toMatchObject({ name_zh: '海丰县', unit_type: '县', county: '海丰县', year: 2023 });
    const ds = reviewedToDataset(ex, meta, facts, null, 'x.txt', 'now');
    expect(ds.towns[0]).toMatchObject({ name_zh: '海丰县', unit_type: '县', level: 'county', county: '海丰县' });
    expect(ds.reports[0]!.text_path).toBe(`indexeddb:${ds.reports[0]!.report_id}`);
    try {
      reviewedToDataset(ex, { ...meta, name_zh: '' }, facts, null, 'x.txt', 'now');
      expect.unreachable();
    } catch (e) {
      const p = (e as ImportProblemError).problems[0]!;
      expect(p.fix_zh).toContain('县(区)名称');
      expect(p.fix_zh).not.toContain('乡镇');
      expect(p.fix_en).toContain('county');
    }
  });
  it('meta takes the county, prefecture and province the title names', () => {
    const ex = readReport(strToU8('广东省汕尾市海丰县海城镇2023年法治政府建设工作报告\n全年调处矛盾纠纷40件。'), 'a.txt');
    expect(initialReview(ex).meta).toMatchObject({ name_zh: '海城镇', county: '海丰县', prefecture: '汕尾市', province: '广东省' });
  });
});

import { segments } from '../../../src/lib/import/highlight.ts';
describe('highlight segments', () => {
  it('cuts at every evidence boundary, overlaps carry both ids, text is preserved', () => {
    const text = 'abcdefghij';
    const s = segments(text, [
      { id: 'f1', start: 2, end: 5 },
      { id: 'f2', start: 4, end: 7 },
      { id: 'bad', start: 8, end: 20 },
    ]);
    expect(s.map((x) => [x.text, x.ids])).toEqual([
      ['ab', []],
      ['cd', ['f1']],
      ['e', ['f1', 'f2']],
      ['fg', ['f2']],
      ['hij', []],
    ]);
    expect(s.map((x) => x.text).join('')).toBe(text);
  });
});

import { withoutReport } from '../../../src/lib/import/report-import.ts';
import { editFact } from '../../../src/lib/import/report-import.ts';
describe('a reopened report saved again', () => {
  it('replaces the saved version and keeps the town it was matched to', () => {
    const ex = readReport(strToU8('海丰县海城镇2023年法治政府建设工作报告\n全年调处矛盾纠纷40件。'), 'a.txt');
    const { meta, facts } = initialReview(ex);
    const first = reviewedToDataset(ex, meta, facts, null, 'a.txt', 'now');
    const town = first.towns[0]!.town_id;
    const again = reviewedToDataset(ex, meta, facts.map((f) => ({ ...f, review_status: 'rejected' as const })), town, 'a.txt', 'later');
    expect(again.towns).toEqual([]);
    const { rest, kept } = withoutReport(first, first.reports[0]!.report_id, again);
    expect(rest.reports).toEqual([]);
    expect(rest.towns.map((t) => t.town_id)).toEqual([town]);
    expect(kept.map((t) => t.town_id)).toEqual([town]);
  });
  it('an edit to another indicator drops the old indicator’s sub-kind', () => {
    const ex = readReport(strToU8('某镇2023年法治政府建设工作报告\n全年调处矛盾纠纷40件。'), 'a.txt');
    const f = { ...initialReview(ex).facts[0]!, sub_kind: 'study' };
    expect(editFact(f, { indicator_id: 'out_events' })).toMatchObject({ indicator_id: 'out_events', sub_kind: null, unit: '场', review_status: 'corrected' });
  });
});
