/**
 * The state of one report under review, as pure functions: its facts (the extractor's, with the reviewer's
 * verdicts and edits, plus facts the reviewer added), the numbers marked in the text that are not facts
 * (each open, turned into a fact, or "not a fact"), how many are decided and left, the keyboard order, the
 * indicator list ranked for a picker, and span → value parsing. The Svelte components only call these.
 */
import type { Qualifier } from '../catalog/schemas.ts';
import type { ExtractionResult } from '../extract/types.ts';
import { findQuantities, parseChineseNumber } from '../extract/numbers.ts';
import { normalizeText } from '../extract/normalize.ts';
import { findSections, sectionAt } from '../extract/sections.ts';
import { INDICATORS, INDICATOR_BY_ID, type CatalogIndicator } from './headers.ts';
import { candidatesOf, clauseBefore, suggestIndicators, type Candidate, type Suggestion } from './candidates.ts';
import type { ReviewFact } from './report-import.ts';

/** What the fact editor hands back. */
export interface FactDraft {
  indicator_id: string;
  value: number;
  value_high: number | null;
  qualifier: Qualifier;
}

export type MarkDecision = 'open' | 'fact' | 'not_fact';
/** A number in the text that is not a fact, and what the reviewer decided about it. */
export type Mark = Candidate & { decision: MarkDecision };

export const initialMarks = (ex: Pick<ExtractionResult, 'facts' | 'candidates'>): Mark[] =>
  candidatesOf(ex).map((c) => ({ ...c, decision: 'open' as const }));

/** A value parsed from a span of text: the first number in it (with its unit and qualifier when it has one). */
export interface SpanValue {
  value: number;
  value_high: number | null;
  qualifier: Qualifier;
  unit_raw: string | null;
  scale: number;
  numeral_type: 'arabic' | 'chinese' | 'mixed';
}

const BARE = /(\d+(?:\.\d+)?)\s*(万|亿)?|([〇零一二两三四五六七八九十百千万亿]+)/;

/** "调处矛盾纠纷40余件" → 40, lower bound; "两万元" → 20000; "共3人" → 3; a span with no number → null. */
export function parseSpanValue(span: string): SpanValue | null {
  const norm = normalizeText(span).norm.replace(/(\d),(?=\d{3})/g, '$1');
  const q = findQuantities(norm).find((x) => !x.unitRaw.includes('百分点'));
  if (q) return { value: q.value, value_high: q.valueHigh, qualifier: q.qualifier, unit_raw: q.unitRaw, scale: q.scale, numeral_type: q.numeralType };
  const m = BARE.exec(norm);
  if (!m) return null;
  if (m[1]) {
    const scale = m[2] === '万' ? 1e4 : m[2] === '亿' ? 1e8 : 1;
    return { value: Math.round(Number(m[1]) * scale * 1e6) / 1e6, value_high: null, qualifier: 'exact', unit_raw: null, scale, numeral_type: scale > 1 ? 'mixed' : 'arabic' };
  }
  const v = parseChineseNumber(m[3]!);
  return v === null ? null : { value: v, value_high: null, qualifier: 'exact', unit_raw: null, scale: 1, numeral_type: 'chinese' };
}

const PAD = /[\s,，。;；、:：!！?？]/;
/** [start, end) without blanks and punctuation at its ends (a selection often takes the comma with it). */
export function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && PAD.test(text[start]!)) start++;
  while (end > start && PAD.test(text[end - 1]!)) end--;
  return [start, end];
}

/** The evidence phrase of a marked number: its clause, from the last 。，；: before it to the number's end. */
export const markEvidence = (text: string, m: Pick<Mark, 'start' | 'end'>): [number, number] => trimSpan(text, clauseBefore(text, m.start), m.end);

/**
 * A fact the reviewer adds: `span` of the text is its evidence; the value is parsed from it unless given.
 * Period and basis follow the report's other facts (an annual report's facts share them).
 */
export function manualFact(
  ex: Pick<ExtractionResult, 'text' | 'facts'>,
  span: [number, number],
  indicatorId: string,
  set: { value?: number; value_high?: number | null; qualifier?: Qualifier } = {},
): ReviewFact | null {
  const [start, end] = trimSpan(ex.text, span[0], span[1]);
  if (end <= start) return null;
  const evidence = ex.text.slice(start, end);
  const parsed = parseSpanValue(evidence);
  const value = set.value ?? parsed?.value;
  if (value === undefined || !Number.isFinite(value)) return null;
  const ind = INDICATOR_BY_ID.get(indicatorId);
  const peer = ex.facts.find((f) => f.period_basis !== 'unknown') ?? ex.facts[0];
  const n = normalizeText(ex.text);
  const section = sectionAt(findSections(n.norm), Math.max(0, n.map.findIndex((v) => v >= start)));
  const qualifier = set.qualifier ?? parsed?.qualifier ?? 'exact';
  return {
    local_id: `m${start}-${end}`,
    fact_id: `m${start}-${end}`,
    indicator_id: indicatorId,
    sub_kind: null,
    measure: 'level',
    value,
    value_high: set.value_high !== undefined ? set.value_high : qualifier === 'range' ? (parsed?.value_high ?? null) : null,
    qualifier,
    unit_raw: parsed?.unit_raw ?? null,
    unit: ind?.unit ?? parsed?.unit_raw ?? '',
    scale: parsed?.scale ?? 1,
    numeral_type: parsed?.numeral_type ?? 'arabic',
    is_zero_statement: value === 0,
    is_target: false,
    is_derived: false,
    period_start: peer?.period_start ?? null,
    period_end: peer?.period_end ?? null,
    period_basis: peer?.period_basis ?? 'unknown',
    scope: null,
    section,
    evidence,
    evidence_start: start,
    evidence_end: end,
    rule_id: 'reviewer',
    extractor_version: 'review',
    review_status: 'corrected',
    confidence: 1,
  };
}

/** Turns a marked number into a fact: the value is the mark's, the evidence its clause. */
export function markToFact(ex: Pick<ExtractionResult, 'text' | 'facts'>, m: Mark, indicatorId: string): ReviewFact | null {
  const f = manualFact(ex, markEvidence(ex.text, m), indicatorId, { value: m.value, qualifier: m.qualifier });
  return f && { ...f, local_id: `m${m.id}`, fact_id: `m${m.id}` };
}

/** Decided: facts accepted, edited, rejected or added, and marks set aside; left: the rest. */
export function progress(facts: ReviewFact[], marks: Mark[]): { decided: number; left: number; total: number } {
  const open = marks.filter((m) => m.decision === 'open').length;
  const notFact = marks.filter((m) => m.decision === 'not_fact').length;
  const undecidedFacts = facts.filter((f) => f.review_status === 'extracted').length;
  const decided = facts.length - undecidedFacts + notFact;
  const left = undecidedFacts + open;
  return { decided, left, total: decided + left };
}

/** Everything the keyboard walks through, in text order: facts and open / set-aside marks. */
export interface ReviewItem {
  kind: 'fact' | 'mark';
  id: string;
  start: number;
}
export function reviewOrder(facts: ReviewFact[], marks: Mark[]): ReviewItem[] {
  return [
    ...facts.map((f) => ({ kind: 'fact' as const, id: f.local_id, start: f.evidence_start ?? Number.MAX_SAFE_INTEGER })),
    ...marks.filter((m) => m.decision !== 'fact').map((m) => ({ kind: 'mark' as const, id: m.id, start: m.start })),
  ].sort((a, b) => a.start - b.start || (a.kind < b.kind ? -1 : 1));
}

/** The next (dir 1) or previous (-1) item from `current`; from nothing, the first undecided one. */
export function step(items: ReviewItem[], current: string | null, dir: 1 | -1, undecided?: (it: ReviewItem) => boolean): string | null {
  if (!items.length) return null;
  const i = current === null ? -1 : items.findIndex((x) => x.id === current);
  if (i < 0) return (undecided ? items.find(undecided) : undefined)?.id ?? items[dir === 1 ? 0 : items.length - 1]!.id;
  return items[Math.min(items.length - 1, Math.max(0, i + dir))]!.id;
}

/**
 * The indicator picker's list: indicators matching the query (label in either language, id or phrasing),
 * the extractor's suggestions first by score, then the catalog's order.
 */
export function rankIndicators(query: string, suggestions: Suggestion[] = [], list: CatalogIndicator[] = INDICATORS): CatalogIndicator[] {
  const q = normalizeText(query.trim().toLowerCase()).norm;
  const score = new Map(suggestions.map((s) => [s.indicator_id, s.score]));
  const hits = list.filter((ind) => {
    if (!q) return true;
    const hay = [ind.id, ind.label_zh, ind.label_en, ...((ind as { phrasings?: string[] }).phrasings ?? [])].join('\u001f').toLowerCase();
    return normalizeText(hay).norm.includes(q);
  });
  const order = new Map(list.map((ind, i) => [ind.id, i]));
  return hits.sort((a, b) => (score.get(b.id) ?? -1) - (score.get(a.id) ?? -1) || order.get(a.id)! - order.get(b.id)!);
}

/** Suggestions for any span the reviewer selected (the words before its number). */
export function suggestForSpan(text: string, start: number, end: number): Suggestion[] {
  const span = text.slice(start, end);
  const p = parseSpanValue(span);
  return suggestIndicators(text.slice(clauseBefore(text, start), end), p?.unit_raw ?? '');
}
