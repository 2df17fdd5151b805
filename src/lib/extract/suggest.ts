/**
 * Suggestions for a candidate number: which catalog indicators it may belong to, scored from the
 * catalog's own words (label and phrasings) found in the counted phrase before the number, restricted
 * to indicators whose accepted units include the candidate's unit. Used for unclaimed and dropped
 * candidates, so the review screen can offer a choice; it never makes a fact by itself.
 */
import catalog from '../../../data/indicators.json';
import type { CandidateSuggestion } from './types';

interface CatalogEntry { id: string; label_zh: string; units_accepted: string[]; phrasings: string[] }
const INDICATORS = (catalog as { indicators: CatalogEntry[] }).indicators;

/** Accepted units of an indicator, without the catalog's "(flag)" notes. */
export function acceptedUnits(i: { units_accepted: string[] }): string[] {
  return i.units_accepted.map((u) => u.replace(/\(.*\)$/, ''));
}

/** Words that say nothing about which indicator (verbs, fillers, the N placeholder). */
const FILLER = /[N\d\s,，。、;；:：()（）“”"'…/余次件场份名人个项条%]|开展|组织|举办|全年|共计?|累计|其中|进行|完成/g;

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** bigram → indicators whose catalog words contain it, and how many distinct bigrams each has. */
const INDEX = (() => {
  const byBigram = new Map<string, Set<string>>();
  for (const i of INDICATORS) {
    const words = [i.label_zh, ...i.phrasings].map((w) => w.replace(FILLER, ' '));
    for (const w of words) for (const part of w.split(' ')) for (const b of bigrams(part)) (byBigram.get(b) ?? byBigram.set(b, new Set()).get(b)!).add(i.id);
  }
  return byBigram;
})();
const UNITS_OF = new Map(INDICATORS.map((i) => [i.id, new Set(acceptedUnits(i))]));

/** Up to `max` indicators for a number with unit `unit` whose counted phrase is `phrase`, best first. */
export function suggestIndicators(phrase: string, unit: string, max = 3): CandidateSuggestion[] {
  const grams = [...new Set(bigrams(phrase.replace(FILLER, ' ').replace(/ /g, '')))];
  if (!grams.length) return [];
  const hits = new Map<string, number>();
  for (const g of grams) for (const id of INDEX.get(g) ?? []) if (UNITS_OF.get(id)?.has(unit)) hits.set(id, (hits.get(id) ?? 0) + 1);
  return [...hits.entries()]
    .map(([indicator_id, n]) => ({ indicator_id, score: Math.round((n / grams.length) * 1000) / 1000 }))
    .sort((a, b) => b.score - a.score || a.indicator_id.localeCompare(b.indicator_id))
    .slice(0, max);
}
