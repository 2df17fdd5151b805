/**
 * Full texts that come back with a share export (its `report_text` column, src/lib/import/columns.ts):
 * each is checked against the report's `full_text_hash`, the report's text then lives in this browser's
 * store (`indexeddb:<report_id>`), and a review record is made of it (the report's facts with their
 * verdicts, its unit and place), so the town page highlights the evidence in context and the report can be
 * reopened, as in the browser it was reviewed in. Pure: the worker stores the records once the table is saved.
 */
import type { Fact, Report } from '../catalog/schemas.ts';
import type { LocalDataset } from './dataset.ts';
import { shortHash } from './hash.ts';
import { msg, type ImportProblem } from './problems.ts';
import { importedTextPath, type ReviewFact } from './report-import.ts';
import type { ReviewRecord } from './review-record.ts';

/** A town as the record needs it (a bundled one, or one the table makes). */
export interface TextTown {
  name_zh: string;
  unit_type: string;
  county: string | null;
  prefecture?: string | null;
  province: string | null;
  adcode?: string | null;
}

/**
 * The text as written, or with the apostrophe the CSV export put before a leading = + - @ taken off again
 * (src/lib/export/table.ts neutralises formulas): whichever matches the report's hash.
 */
function restored(raw: string, hash: string | null): string | null {
  if (!hash || shortHash(raw) === hash) return raw;
  if (raw.startsWith("'") && shortHash(raw.slice(1)) === hash) return raw.slice(1);
  return null;
}

/** A stored fact back as the review screen holds it (its id within the report). */
export function asReviewFact(f: Fact): ReviewFact {
  const { fact_id, report_id, town_id: _t, year: _y, source_url: _s, is_synthetic: _i, ...rest } = f;
  const prefix = `${report_id}-`;
  return { ...rest, local_id: fact_id.startsWith(prefix) ? fact_id.slice(prefix.length) : fact_id } as ReviewFact;
}

export function recordOf(report: Report, town: TextTown | undefined, facts: Fact[], text: string, file: string, at: string): ReviewRecord {
  const meta = {
    name_zh: town?.name_zh ?? '', unit_type: town?.unit_type ?? '', county: town?.county ?? '', prefecture: town?.prefecture ?? '',
    province: town?.province ?? '', year: report.year, title: report.title ?? '', publication_date: report.publication_date ?? '',
  };
  return {
    report_id: report.report_id, town_id: report.town_id, file, text, extracted_meta: {}, meta,
    facts: facts.filter((f) => f.report_id === report.report_id).sort((a, b) => (a.evidence_start ?? 0) - (b.evidence_start ?? 0)).map(asReviewFact),
    marks: [], town_choice: report.town_id, unit_code: town?.adcode ?? '', reviewer: '', reviewed_at: at,
  };
}

/**
 * Attaches the texts (`texts`: report id → the cell and its spreadsheet row) to the dataset's reports:
 * their text_path points into this browser's store. Returns the review records to store, or the problems
 * (a text that is not the one its hash names: edited or cut short in a spreadsheet).
 */
export function attachTexts(
  ds: LocalDataset,
  texts: ReadonlyMap<string, { text: string; row: number; column: string }>,
  townOf: (id: string) => TextTown | undefined,
  file: string,
  at: string,
): { reviews: ReviewRecord[]; problems: ImportProblem[] } {
  const reviews: ReviewRecord[] = [];
  const problems: ImportProblem[] = [];
  for (const r of ds.reports) {
    const cell = texts.get(r.report_id);
    if (!cell) continue;
    const text = restored(cell.text, r.full_text_hash);
    if (text === null) {
      problems.push({
        row: cell.row, column: cell.column,
        ...msg(
          `报告 ${r.report_id} 的全文与它的校验值(${r.full_text_hash})不符:全文在表格中被改动或截断了`,
          `the full text of report ${r.report_id} is not the one its hash (${r.full_text_hash}) names: it was changed or cut short in the spreadsheet`,
          '用导出的原文件重新导入,或清空这一格(只导入数值,不带全文)',
          'import the exported file as it was, or empty this cell (the values are imported without the text)',
        ),
      });
      continue;
    }
    r.text_path = importedTextPath(r.report_id);
    r.full_text_hash = shortHash(text);
    reviews.push(recordOf(r, townOf(r.town_id), ds.facts, text, file, at));
  }
  return { reviews, problems };
}
