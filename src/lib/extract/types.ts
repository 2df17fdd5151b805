import type { ExtractedFact } from '../catalog/schemas';
import type { ReportMeta } from './metadata';
import type { SourceEncoding } from './decode';

export type { ReportMeta };

export type LocalFact = ExtractedFact & { local_id: string };

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
  violations: RuleViolation[];
}
