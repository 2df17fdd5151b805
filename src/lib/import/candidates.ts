/**
 * Numbers in a report's text that are not facts — the extractor's unclaimed and low-confidence candidates
 * (ExtractionResult.candidates) — and indicator suggestions for any span a reviewer selects (from the
 * catalog's labels and phrasings found in the words before it, and its unit).
 */
import type { Candidate, CandidateSuggestion, ExtractionResult } from '../extract/types.ts';
import { normalizeText } from '../extract/normalize.ts';
import { INDICATORS } from './headers.ts';

export type { Candidate };
export type Suggestion = CandidateSuggestion;

const STEMS = INDICATORS.map((ind) => ({
  id: ind.id,
  units: new Set([ind.unit, ...((ind as { units_accepted?: string[] }).units_accepted ?? [])]),
  stems: [ind.label_zh, ...((ind as { phrasings?: string[] }).phrasings ?? [])]
    .map((p) => normalizeText(p.replace(/N\S*$/, '').replace(/[（(].*?[)）]/g, '').replace(/[N\d]/g, '')).norm)
    .filter((s) => s.length >= 2),
}));

/** Length of the longest common substring of a and b (both short). */
function lcs(a: string, b: string): number {
  let best = 0;
  const prev = new Uint8Array(b.length + 1);
  const cur = new Uint8Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : 0;
      if (cur[j]! > best) best = cur[j]!;
    }
    prev.set(cur);
  }
  return best;
}

/**
 * Indicators a number could be, from the words before it (its clause) and its unit: each indicator scores
 * the best share of one of its phrasings found in the context, plus 0.25 when it accepts the unit.
 */
export function suggestIndicators(context: string, unit: string, limit = 5): Suggestion[] {
  const ctx = normalizeText(context).norm.slice(-40);
  const out: Suggestion[] = [];
  for (const s of STEMS) {
    let best = 0;
    for (const stem of s.stems) best = Math.max(best, lcs(ctx, stem) / Math.min(stem.length, 8));
    const score = Math.min(1, best) * 0.75 + (s.units.has(unit) ? 0.25 : 0);
    if (best >= 0.25 && score > 0.3) out.push({ indicator_id: s.id, score: Math.round(score * 100) / 100 });
  }
  return out.sort((a, b) => b.score - a.score || (a.indicator_id < b.indicator_id ? -1 : 1)).slice(0, limit);
}

/** The clause before a visible offset: back to the previous 。；，\n (at most 40 characters). */
export function clauseBefore(text: string, at: number): number {
  let i = at;
  while (i > 0 && at - i < 40 && !/[。；;，,\n：:]/.test(text[i - 1]!)) i--;
  return i;
}

/** The report's numbers a person still has to decide on: unclaimed or low-confidence, not already a fact. */
export function candidatesOf(ex: Pick<ExtractionResult, 'facts' | 'candidates'>): Candidate[] {
  const facts = new Set(ex.facts.map((f) => f.local_id));
  return (ex.candidates ?? []).filter(
    (c) => (c.status === 'unclaimed' || c.status === 'low_confidence') && !(c.fact_local_id && facts.has(c.fact_local_id)),
  );
}
