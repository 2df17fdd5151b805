/**
 * The extraction library: report prose (plain text or a saved HTML page; UTF-8, UTF-8 BOM or
 * GBK/GB18030) → indicator facts with provenance. Pure TypeScript with no Node-only API, so it runs
 * unchanged in a browser Web Worker.
 */
import { decodeInput } from './decode';
import { extractFacts, type PairRow } from './engine';
import type { Weights } from './classify';
import { htmlToText, looksLikeHtml } from './html';
import { extractMeta } from './metadata';
import { normalizeText } from './normalize';
import { checkConsistency } from './consistency';
import type { ExtractionResult } from './types';

export { ExtractInputError } from './errors';
export type { ExtractInputErrorCode } from './errors';
export type { ExtractionResult, LocalFact, RuleViolation, ReportMeta, Candidate, CandidateSuggestion } from './types';
export { parseChineseNumber, findQuantities } from './numbers';
export type { PairRow } from './engine';
export type { Weights } from './classify';

import { EXTRACTOR_VERSION } from './version';
/** A hash of the extractor's sources and weights (stamp.ts), so stored facts say which extractor made them. */
export { EXTRACTOR_VERSION };

export interface ExtractOptions {
  fileName?: string;
  /** Classifier weights other than the shipped ones (evaluation, fitting); null = rules only. */
  weights?: Weights | null;
  tau?: number;
  veto?: number;
  /** Receives every classified candidate with its features (fitting). */
  collect?: (row: PairRow) => void;
}

export function extractReport(input: string | Uint8Array, opts: ExtractOptions = {}): ExtractionResult {
  const { text: raw, encoding } = decodeInput(input);
  const isHtml = looksLikeHtml(raw);
  const text = isHtml ? htmlToText(raw) : raw.replace(/\r\n?/g, '\n');
  const meta = extractMeta(text, opts.fileName);
  const n = normalizeText(text);
  const { facts, candidates } = extractFacts({
    n, text, meta, version: EXTRACTOR_VERSION, collect: opts.collect, tau: opts.tau, veto: opts.veto,
    ...(opts.weights !== undefined ? { weights: opts.weights } : {}),
  });
  const violations = checkConsistency(facts);
  return { text, meta: { ...meta, encoding, is_html: isHtml }, facts, candidates, violations };
}

