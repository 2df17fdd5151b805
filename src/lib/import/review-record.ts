/**
 * What is kept of a reviewed report besides its records in the local dataset: its full text, the review
 * as the reviewer left it (every fact with its verdict, rejected ones too, and every marked number with
 * its decision), who reviewed it and when. It reopens the same review screen, feeds the town page's
 * provenance (evidence highlighted in the full text), and is what "Export reviewed facts" writes — the
 * evaluation set's JSONL shape, so a county's corrections measure the extractor.
 */
import type { ExtractionResult, ReportMeta } from '../extract/types.ts';
import type { ReviewFact, ReviewMeta } from './report-import.ts';
import type { Mark } from './review.ts';

export interface ReviewRecord {
  report_id: string;
  town_id: string;
  file: string;
  text: string;
  /** What the extractor read of the unit (kept so a reopened review shows the same hints). */
  extracted_meta: Partial<ReportMeta>;
  meta: ReviewMeta;
  facts: ReviewFact[];
  marks: Mark[];
  /** The existing town chosen, or '' for a new one. */
  town_choice: string;
  /** The unit of the 2023 list the reviewer stood on (its code), or '' for none (not in the list). */
  unit_code?: string;
  reviewer: string;
  reviewed_at: string;
}

/** One line of the evaluation set (../shared/eval/dev.jsonl's shape) plus reviewer and reviewed_at. */
export interface EvalLine {
  id: string;
  title: string | null;
  unit_name: string;
  unit_type: string;
  county: string | null;
  prefecture: string | null;
  province: string | null;
  report_year: number | null;
  publish_date: string | null;
  text: string;
  facts: { indicator: string; value: number; qualifier: string; evidence: string; value_high?: number; sub_kind?: string }[];
  reviewer: string;
  reviewed_at: string;
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** Gold facts are what a report states as achieved: not rejected, not targets, levels (not changes). */
export function toEvalLine(r: ReviewRecord): EvalLine {
  return {
    id: r.report_id,
    title: orNull(r.meta.title),
    unit_name: r.meta.name_zh.trim(),
    unit_type: r.meta.unit_type,
    county: orNull(r.meta.county),
    prefecture: orNull(r.meta.prefecture),
    province: orNull(r.meta.province),
    report_year: r.meta.year,
    publish_date: orNull(r.meta.publication_date),
    text: r.text,
    facts: r.facts
      .filter((f) => f.review_status !== 'rejected' && !f.is_target && f.measure === 'level')
      .sort((a, b) => (a.evidence_start ?? 0) - (b.evidence_start ?? 0))
      .map((f) => ({
        indicator: f.indicator_id,
        value: f.value,
        qualifier: f.qualifier,
        evidence: f.evidence,
        ...(f.value_high !== null ? { value_high: f.value_high } : {}),
        ...(f.sub_kind ? { sub_kind: f.sub_kind } : {}),
      })),
    reviewer: r.reviewer,
    reviewed_at: r.reviewed_at,
  };
}

export const toEvalJsonl = (records: ReviewRecord[]): string =>
  [...records].sort((a, b) => a.report_id.localeCompare(b.report_id)).map((r) => JSON.stringify(toEvalLine(r))).join('\n') + (records.length ? '\n' : '');

/** What the review screen needs of a reopened report (its facts and marks come from the record). */
export const asResult = (r: ReviewRecord): ExtractionResult => ({
  text: r.text,
  meta: { ...(r.extracted_meta as ExtractionResult['meta']) },
  facts: [],
  candidates: [],
  violations: [],
});
