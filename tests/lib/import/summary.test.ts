// What the import page holds of the local dataset (the worker keeps the facts), and existing values crossing
// to the worker as Arrow bytes: both give the same answers as the objects they stand for.
import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { importTable } from '../../../src/lib/import/table-import.ts';
import { mergeDatasets, summarize, type ExistingValue } from '../../../src/lib/import/dataset.ts';
import { existingFromIpc } from '../../../src/lib/import/db-bridge.ts';
import { parseCsv } from '../../../src/lib/import/csv.ts';

const known = [{ town_id: 'puchang', name_zh: '蒲场镇', unit_type: '镇', county: '某县', province: '湖南省' }];
const table = (csv: string, fileName: string, importedAt: string) => importTable(parseCsv(csv), { fileName, knownTowns: known, importedAt }).dataset;

describe('summarize', () => {
  const a = table('乡镇,年份,调处矛盾纠纷总件数,调解成功件数\n蒲场镇,2023,10,8\n溪口镇,2023,5,4\n', 'a.csv', '2025-01-01T00:00:00Z');
  const b = table('乡镇,年份,调处矛盾纠纷总件数\n溪口镇,2024,7\n', 'b.csv', '2025-02-01T00:00:00Z');
  const ds = mergeDatasets(a, b);
  it('counts, newest entries first with their fact counts and origins, names of local towns, bundled towns referred to', () => {
    const s = summarize(ds);
    expect([s.reports, s.facts, s.towns]).toEqual([3, 5, 1]);
    expect(s.entries.map((e) => [e.year, e.facts, e.origin?.file])).toEqual([
      [2024, 1, 'b.csv'],
      ...[...a.reports].sort((x, y) => x.report_id.localeCompare(y.report_id)).map((r) => [r.year, 2, 'a.csv']),
    ]);
    expect(s.townNames).toEqual([[ds.towns[0]!.town_id, '溪口镇']]);
    expect(s.foreignTownIds).toEqual(['puchang']);
  });
  it('lists at most `limit` entries', () => {
    expect(summarize(ds, 2).entries).toHaveLength(2);
    expect(summarize(ds, 2).reports).toBe(3);
  });
});

describe('existing values as Arrow IPC', () => {
  it('read back as the same values', () => {
    const rows: ExistingValue[] = [
      { town_id: 'puchang', year: 2024, indicator_id: 'med_cases_total', sub_kind: null, value: 289, report_id: 'puchang-2024', source: 'seed', evidence: '调处矛盾纠纷289件' },
      { town_id: 'puchang', year: 2023, indicator_id: 'med_success_rate', sub_kind: 'x', value: 96.5, report_id: 'r2', source: 'import', evidence: '成功率96.5%' },
    ];
    const str = (xs: (string | null)[]) => arrow.vectorFromArray(xs, new arrow.Utf8());
    const t = new arrow.Table({
      town_id: str(rows.map((r) => r.town_id)),
      year: arrow.makeVector(Int16Array.from(rows.map((r) => r.year))),
      indicator_id: str(rows.map((r) => r.indicator_id)),
      sub_kind: str(rows.map((r) => r.sub_kind)),
      value: arrow.makeVector(Float64Array.from(rows.map((r) => r.value))),
      report_id: str(rows.map((r) => r.report_id)),
      source: str(rows.map((r) => r.source)),
      evidence: str(rows.map((r) => r.evidence)),
    });
    expect(existingFromIpc(arrow.tableToIPC(t, 'stream'))).toEqual(rows);
    expect(existingFromIpc(null)).toEqual([]);
  });
});
