/**
 * Numbers in a report's text that are not (yet) facts: the extractor's `candidates` when it returns them
 * (unclaimed, low-confidence and dropped numbers, with indicator suggestions), else derived here from the
 * number finder — every number with a catalog unit that no fact's evidence covers. The derivation is the
 * stand-in until ExtractionResult.candidates lands; `candidatesOf` is the only door to it.
 */
import type { Qualifier } from '../catalog/schemas.ts';
import type { ExtractionResult } from '../extract/types.ts';
import { findQuantities } from '../extract/numbers.ts';
import { normalizeText, toVisibleSpan } from '../extract/normalize.ts';
import { INDICATORS } from './headers.ts';

export interface Suggestion {
  indicator_id: string;
  score: number;
}

/** One number the extractor saw (shape of ExtractionResult.candidates). Offsets into result.text. */
export interface Candidate {
  id: string;
  start: number;
  end: number;
  value: number;
  unit: string;
  qualifier: Qualifier;
  status: 'fact' | 'low_confidence' | 'dropped' | 'unclaimed';
  fact_local_id?: string;
  reason?: string;
  suggestions: Suggestion[];
}

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

function derive(ex: Pick<ExtractionResult, 'text' | 'facts'>): Candidate[] {
  const n = normalizeText(ex.text);
  const covered = ex.facts
    .filter((f) => f.evidence_start !== null && f.evidence_end !== null)
    .map((f) => [f.evidence_start!, f.evidence_end!] as const);
  const out: Candidate[] = [];
  for (const q of findQuantities(n.norm)) {
    if (q.unitRaw.includes('百分点')) continue;
    const [start, end] = toVisibleSpan(n, q.start, q.end);
    if (covered.some(([s, e]) => start < e && end > s)) continue;
    if (q.loneOne) continue;
    out.push({
      id: `c${start}`, start, end, value: q.value, unit: q.unitRaw, qualifier: q.qualifier, status: 'unclaimed',
      suggestions: suggestIndicators(ex.text.slice(clauseBefore(ex.text, start), start), q.unitRaw),
    });
  }
  return out;
}

/** The report's numbers that are not facts (the ones a person still has to decide on). */
export function candidatesOf(ex: Pick<ExtractionResult, 'text' | 'facts'> & { candidates?: Candidate[] }): Candidate[] {
  const list = ex.candidates ?? derive(ex);
  return list.filter((c) => c.status !== 'fact');
}
