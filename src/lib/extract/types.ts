import type { ExtractedFact, Qualifier } from '../catalog/schemas';
import type { ReportMeta } from './metadata';
import type { SourceEncoding } from './decode';

export type { ReportMeta };

/**
 * A fact of one report. `confidence` in [0,1] says how well its evidence supports the indicator; the
 * extractor always sets it (facts an analyst adds by hand in review have none).
 */
export type LocalFact = ExtractedFact & { local_id: string; confidence?: number };

/** An indicator a candidate number may belong to, with the classifier's score in [0,1]. */
export interface CandidateSuggestion {
  indicator_id: string;
  score: number;
}

/**
 * Every number of a report with a catalog unit, with its fate: claimed as a fact, kept for review at
 * low confidence, dropped by a guard (plan, change, other unit …) or unclaimed (no indicator fits).
 */
export interface Candidate {
  /** Stable within a report: `c${start}`. */
  id: string;
  /** Offsets into `ExtractionResult.text` of the number (+unit) phrase. */
  start: number;
  end: number;
  value: number;
  unit: string;
  qualifier: Qualifier;
  status: 'fact' | 'low_confidence' | 'dropped' | 'unclaimed';
  /** The fact's local_id when status === 'fact'. */
  fact_local_id?: string;
  /** Guard id when dropped: 'plan', 'problem_section', 'other_unit', 'change', 'multi_year', 'village_count' … */
  reason?: string;
  /** Best first (can be empty). */
  suggestions: CandidateSuggestion[];
}

export interface RuleViolation {
  rule_id: string;
  severity: 'error' | 'warning';
  /** local ids of the facts involved */
  fact_ids: string[];
  message_zh: string;
  message_en: string;
}

export interface ExtractionResult {
  /** Visible text; every evidence offset refers to it. */
  text: string;
  meta: ReportMeta & { encoding: SourceEncoding; is_html: boolean };
  facts: LocalFact[];
  /** Every quantity with a catalog unit, in text order, with its status. */
  candidates: Candidate[];
  violations: RuleViolation[];
}
