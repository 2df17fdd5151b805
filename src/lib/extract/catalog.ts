/** Canonical units of the catalog, read from data/indicators.json (bundled as JSON; no file API). */
import catalog from '../../../data/indicators.json';

const INDICATORS = (catalog as { indicators: { id: string; unit: string; kind: string }[] }).indicators;
const UNIT = new Map<string, string>(INDICATORS.map((i) => [i.id, i.unit]));
const KIND = new Map<string, string>(INDICATORS.map((i) => [i.id, i.kind]));

/** flow | stock | rate | amount */
export function kindOf(indicator: string): string | undefined {
  return KIND.get(indicator);
}

export function canonicalUnit(indicator: string): string {
  const u = UNIT.get(indicator);
  if (!u) throw new Error(`extractor rule names an indicator missing from the catalog: ${indicator}`);
  return u;
}

export function isCatalogIndicator(id: string): boolean {
  return UNIT.has(id);
}
