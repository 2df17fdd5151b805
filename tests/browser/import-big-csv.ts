// Seeded synthetic rows in the share export's long layout (示例数据, is_synthetic = true), for measuring
// large imports; written to a path the caller chooses (the OS temp dir), never committed.
import { createWriteStream } from 'node:fs';
import { EXPORT_COLUMNS } from '../../src/lib/import/columns.ts';

const IND = ['med_cases_total', 'med_success', 'out_events', 'out_reach', 'svc_legal_aid_cases', 'dm_legality_reviews', 'enf_inspections', 'ls_rol_meetings', 'pet_petitions_received'];
const UNIT: Record<string, string> = { med_cases_total: '件', med_success: '件', out_events: '场', out_reach: '人次', svc_legal_aid_cases: '件', dm_legality_reviews: '件', enf_inspections: '次', ls_rol_meetings: '次', pet_petitions_received: '件' };

/** Seeded rows until the file reaches `mb` megabytes; returns the number of facts written. */
export async function writeBigCsv(path: string, mb: number): Promise<number> {
  const out = createWriteStream(path);
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const esc = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  out.write('\uFEFF' + EXPORT_COLUMNS.join(',') + '\r\n');
  let bytes = 0;
  let n = 0;
  for (let town = 0; bytes < mb * 1_000_000; town++) {
    const tid = `syn-big-${town}`;
    for (let year = 2019; year <= 2024; year++) {
      const rid = `${tid}-${year}`;
      for (const ind of IND) {
        const v = Math.floor(rnd() * 500);
        const row: Record<string, unknown> = {
          fact_id: `${rid}-${ind}`, report_id: rid, town_id: tid, year, indicator_id: ind, sub_kind: null, measure: 'level', value: v,
          value_high: null, qualifier: 'exact', unit_raw: UNIT[ind], unit: UNIT[ind], scale: 1, numeral_type: 'arabic',
          is_zero_statement: v === 0, is_target: false, is_derived: false, period_start: `${year}-01-01`, period_end: `${year}-12-31`,
          period_basis: 'calendar_year', scope: null, section: '成效', evidence: `示例数据(synthetic)第${town}号乡镇${year}年, "${ind}" ${v}`,
          evidence_start: null, evidence_end: null, rule_id: 'synthetic', extractor_version: 'synth-1', review_status: 'accepted',
          source_url: null, is_synthetic: true, town_name_zh: `示例${town}镇`, town_unit_type: '镇', town_level: 'township',
          town_county: `示例${town % 97}县`, town_prefecture: null, town_province: '示例省', town_adcode: null, town_population: null,
          town_n_villages: null, town_is_synthetic: true, report_title: `示例${town}镇${year}年法治政府建设工作报告(示例数据)`,
          report_publisher: null, report_publication_date: null, report_url: null, report_text_path: null, report_full_text_hash: null,
          report_genre: 'report', report_source: 'import', report_is_synthetic: true,
        };
        const line = EXPORT_COLUMNS.map((c) => (row[c] === null ? '' : esc(String(row[c])))).join(',') + '\r\n';
        bytes += Buffer.byteLength(line);
        n++;
        if (!out.write(line)) await new Promise<void>((ok) => out.once('drain', () => ok()));
      }
    }
  }
  await new Promise<void>((ok) => out.end(ok));
  return n;
}

