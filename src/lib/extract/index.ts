/**
 * The extraction library: report prose (plain text or a saved HTML page; UTF-8, UTF-8 BOM or
 * GBK/GB18030) → indicator facts with provenance. Pure TypeScript with no Node-only API, so it runs
 * unchanged in a browser Web Worker.
 */
import { decodeInput } from './decode';
import { extractFacts } from './engine';
import { htmlToText, looksLikeHtml } from './html';
import { extractMeta } from './metadata';
import { normalizeText } from './normalize';
import { checkConsistency } from './consistency';
import type { ExtractionResult } from './types';

export { ExtractInputError } from './errors';
export type { ExtractInputErrorCode } from './errors';
export type { ExtractionResult, LocalFact, RuleViolation, ReportMeta, Candidate, CandidateSuggestion } from './types';
export { parseChineseNumber, findQuantities } from './numbers';

/** Bumped whenever rules or parsing change what is extracted. */
export const EXTRACTOR_VERSION = 'extract-1.0.0';

export function extractReport(input: string | Uint8Array, opts: { fileName?: string } = {}): ExtractionResult {
  const { text: raw, encoding } = decodeInput(input);
  const isHtml = looksLikeHtml(raw);
  const text = isHtml ? htmlToText(raw) : raw.replace(/\r\n?/g, '\n');
  const meta = extractMeta(text, opts.fileName);
  const n = normalizeText(text);
  const { facts, candidates } = extractFacts({ n, text, meta, version: EXTRACTOR_VERSION });
  const violations = checkConsistency(facts);
  return { text, meta: { ...meta, encoding, is_html: isHtml }, facts, candidates, violations };
}

