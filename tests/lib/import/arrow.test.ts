import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { toArrow } from '../../../src/lib/import/load-imported.ts';

describe('local dataset → Arrow (as inserted into schema imported)', () => {
  it('keeps strings, nulls, numbers, booleans and lists through IPC', () => {
    const rows = [
      { report_id: 'r1', rule_id: 'M5', severity: 'error', fact_ids: ['a', 'b'], message_zh: '调解成功率与件数不符', message_en: 'x' },
      { report_id: 'r2', rule_id: 'G1', severity: 'warning', fact_ids: [], message_zh: '', message_en: 'y' },
    ];
    const t = arrow.tableFromIPC(arrow.tableToIPC(toArrow('violations', rows)));
    expect(t.toArray().map((r) => ({ ...r.toJSON(), fact_ids: [...r.toJSON().fact_ids] }))).toEqual(rows);
    const towns = [
      { town_id: 't', name_zh: '溪口镇', unit_type: '镇', level: 'township', county: null, prefecture: null, province: '湖南省', adcode: null, population: 12000, n_villages: null, is_synthetic: false },
      { town_id: 'u', name_zh: '柳塘街道', unit_type: '街道', level: 'township', county: 'c', prefecture: null, province: null, adcode: null, population: null, n_villages: 9, is_synthetic: true },
    ];
    const back = arrow.tableFromIPC(arrow.tableToIPC(toArrow('towns', towns)));
    expect(back.toArray().map((r) => r.toJSON())).toEqual(towns);
  });
});
