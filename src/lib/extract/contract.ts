/**
 * The contract between the catalog and the extractor, checked when the extractor loads: every rule
 * names a catalog indicator, its units lie within that indicator's `units_accepted`, and `%` goes with
 * rates only (a rate indicator takes nothing but `%`). A violation is an error: the extractor refuses to
 * run rather than store a number under an indicator whose unit it is not.
 */
import { unitsOf } from './classify';

export interface CatalogIndicator { id: string; kind: string; units_accepted: string[] }
export interface ContractRule { id: string; indicator: string; units: readonly string[]; also?: readonly { indicator: string }[] }

export function contractViolations(rules: readonly ContractRule[], indicators: readonly CatalogIndicator[], lexicon: readonly string[] = []): string[] {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const out: string[] = [];
  for (const r of rules) {
    for (const id of [r.indicator, ...(r.also ?? []).map((a) => a.indicator)]) {
      const ind = byId.get(id);
      if (!ind) {
        out.push(`rule ${r.id}: indicator ${id} is not in the catalog`);
        continue;
      }
      const ok = unitsOf(ind);
      for (const u of r.units) {
        if (!ok.includes(u)) out.push(`rule ${r.id}: unit ${u} is not among ${id}'s units_accepted (${ind.units_accepted.join(', ')})`);
        if (u === '%' && ind.kind !== 'rate') out.push(`rule ${r.id}: % under ${id}, which is a ${ind.kind}, not a rate`);
        if (u !== '%' && ind.kind === 'rate') out.push(`rule ${r.id}: unit ${u} under the rate ${id} (rates take %)`);
      }
    }
  }
  for (const id of lexicon) if (!byId.has(id)) out.push(`lexicon: cue words for ${id}, which is not in the catalog`);
  return out;
}

export function assertContract(rules: readonly ContractRule[], indicators: readonly CatalogIndicator[], lexicon: readonly string[] = []): void {
  const v = contractViolations(rules, indicators, lexicon);
  if (v.length) throw new Error(`extractor rules break the catalog contract (data/indicators.json):\n  ${v.join('\n  ')}`);
}
