import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toCsv, toParquet } from '../../../src/lib/export/table.ts';
import { readTable } from '../../../src/lib/import/read-table.ts';
import { importTable } from '../../../src/lib/import/table-import.ts';
import { initialReview, readReport, reviewedToDataset, editFact } from '../../../src/lib/import/report-import.ts';
import { shortHash } from '../../../src/lib/import/hash.ts';
import { emptyDataset, mergeDatasets, removeReport, sortDataset, toExportTable, type KnownTown, type LocalDataset } from '../../../src/lib/import/dataset.ts';

const bundled: KnownTown[] = [{ town_id: 'puchang', name_zh: '蒲场镇', unit_type: '镇', county: null, province: null }];
const at = '2025-01-01T00:00:00Z';

/** A local dataset as a user builds it: a reviewed report (one fact edited, one rejected) and a GBK wide table. */
async function buildLocal(): Promise<LocalDataset> {
  const ex = readReport(new Uint8Array(readFileSync('tests/fixtures/import/songlin-2024.txt')), 'songlin-2024.txt');
  const { meta, facts } = initialReview(ex);
  meta.county = '青山县';
  meta.province = '湖南省';
  const reviewed = facts.map((f) =>
    f.indicator_id === 'out_events' ? { ...f, review_status: 'rejected' as const } : f.indicator_id === 'med_success_rate' ? editFact(f, { value: 95 }) : { ...f, review_status: 'accepted' as const },
  );
  const rep = reviewedToDataset(ex, meta, reviewed, null, 'songlin-2024.txt', at);
  const { rows } = await readTable(new Uint8Array(readFileSync('tests/fixtures/import/wide-gbk.csv')), 'wide-gbk.csv');
  const tab = importTable(rows, { fileName: 'wide-gbk.csv', knownTowns: bundled, importedAt: at }).dataset;
  const onBundled = importTable([['乡镇', '年份', '法律援助案件数'], ['蒲场镇', '2022', '3']], { fileName: 'p.xlsx', knownTowns: bundled, importedAt: at }).dataset;
  return mergeDatasets(mergeDatasets(mergeDatasets(emptyDataset(), rep), tab), onBundled);
}

const shared = (ds: LocalDataset) => {
  const { origins: _o, ...rest } = sortDataset(ds);
  return rest;
};

describe('share export → import elsewhere gives the identical dataset', () => {
  it('the reviewed report keeps review statuses, edits and its recomputed violations', async () => {
    const ds = await buildLocal();
    const songlin = ds.facts.filter((f) => f.evidence_start !== null);
    expect(songlin.map((f) => [f.indicator_id, f.review_status, f.value])).toContainEqual(['out_events', 'rejected', 12]);
    expect(songlin.map((f) => [f.indicator_id, f.review_status, f.value])).toContainEqual(['med_success_rate', 'corrected', 95]);
    // 38/40 = 95%: the corrected rate satisfies M5, so no violation remains
    expect(ds.violations.filter((v) => v.report_id === songlin[0]!.report_id)).toEqual([]);
    expect(ds.towns.map((t) => t.name_zh).sort()).toEqual(['柳塘街道', '松林乡', '溪口镇'].sort());
  });

  for (const format of ['csv', 'parquet'] as const) {
    it(`via ${format}`, async () => {
      const ds = await buildLocal();
      const table = toExportTable(ds, new Map());
      const bytes = format === 'csv' ? new TextEncoder().encode(toCsv(table)) : await toParquet(table);
      const name = `rol-local.${format}`;
      const { rows } = await readTable(bytes, name);
      const back = importTable(rows, { fileName: name, knownTowns: bundled, importedAt: at });
      expect(back.layout).toBe('long');
      expect(shared(back.dataset)).toEqual(shared(ds));
    });
  }

  for (const format of ['csv', 'parquet'] as const) {
    it(`keeps the report's full text via ${format}: back in this browser's store with its review, so provenance highlights it`, async () => {
      const ds = await buildLocal();
      const rep = ds.reports.find((r) => r.genre === 'report')!;
      const text = readReport(new Uint8Array(readFileSync('tests/fixtures/import/songlin-2024.txt')), 'songlin-2024.txt').text;
      const table = toExportTable(ds, new Map(), new Map([[rep.report_id, text]]));
      // once per report, on its first row
      expect(table.rows.filter((r) => r.report_text !== null)).toHaveLength(1);
      const bytes = format === 'csv' ? new TextEncoder().encode(toCsv(table)) : await toParquet(table);
      const { rows } = await readTable(bytes, `x.${format}`);
      const back = importTable(rows, { fileName: `x.${format}`, knownTowns: bundled, importedAt: at });
      expect(shared(back.dataset)).toEqual(shared(ds));
      expect(back.reviews).toHaveLength(1);
      const rec = back.reviews[0]!;
      expect(rec).toMatchObject({ report_id: rep.report_id, town_id: rep.town_id, text, meta: { name_zh: '松林乡', county: '青山县', province: '湖南省', year: 2024 } });
      expect(back.dataset.reports.find((r) => r.report_id === rep.report_id)!.text_path).toBe(`indexeddb:${rep.report_id}`);
      // every fact's evidence is where its offsets say, in the restored text (what the town page highlights)
      for (const f of rec.facts) expect(text.slice(f.evidence_start!, f.evidence_end!)).toBe(f.evidence);
      // the facts come back with their verdicts and ids: saving the reopened review gives the same records
      const again = reviewedToDataset({ text }, rec.meta, rec.facts, rec.town_id, 'x', at);
      expect(again.facts.map((f) => [f.fact_id, f.review_status, f.value]).sort()).toEqual(
        ds.facts.filter((f) => f.report_id === rep.report_id).map((f) => [f.fact_id, f.review_status, f.value]).sort(),
      );
    });
  }

  it('a full text changed in the spreadsheet is refused with its row; a leading = the CSV export guarded comes back as written', async () => {
    const ds = await buildLocal();
    const rep = ds.reports.find((r) => r.genre === 'report')!;
    const text = readReport(new Uint8Array(readFileSync('tests/fixtures/import/songlin-2024.txt')), 'songlin-2024.txt').text;
    const table = toExportTable(ds, new Map(), new Map([[rep.report_id, text]]));
    const row = table.rows.find((r) => r.report_text !== null)!;
    row.report_text = text.slice(0, 100);
    const { rows } = await readTable(new TextEncoder().encode(toCsv(table)), 'x.csv');
    try {
      importTable(rows, { fileName: 'x.csv', knownTowns: bundled, importedAt: at });
      expect.unreachable();
    } catch (e) {
      expect((e as { problems: { problem_zh: string; column: string }[] }).problems[0]).toMatchObject({ column: 'report_text' });
      expect((e as { problems: { problem_zh: string }[] }).problems[0]!.problem_zh).toContain('校验值');
    }
    const eq = `=${text}`;
    const guarded = { ...rep, full_text_hash: shortHash(eq) };
    const t2 = toExportTable({ ...ds, reports: ds.reports.map((r) => (r.report_id === rep.report_id ? guarded : r)) }, new Map(), new Map([[rep.report_id, eq]]));
    const { rows: rows2 } = await readTable(new TextEncoder().encode(toCsv(t2)), 'y.csv');
    expect(importTable(rows2, { fileName: 'y.csv', knownTowns: bundled, importedAt: at }).reviews[0]!.text).toBe(eq);
  });

  it('deleting an entry removes its facts, violations and its town when nothing else uses it', async () => {
    const ds = await buildLocal();
    const songlin = ds.reports.find((r) => r.genre === 'report')!;
    const after = removeReport(ds, songlin.report_id);
    expect(after.reports).toHaveLength(ds.reports.length - 1);
    expect(after.facts.some((f) => f.report_id === songlin.report_id)).toBe(false);
    expect(after.towns.map((t) => t.name_zh).sort()).toEqual(['柳塘街道', '溪口镇']);
    expect(after.origins[songlin.report_id]).toBeUndefined();
  });
});
