/** Canonical units of the catalog, read from data/indicators.json (bundled as JSON; no file API). */
import catalog from '../../../data/indicators.json';

const UNIT = new Map<string, string>((catalog as { indicators: { id: string; unit: string }[] }).indicators.map((i) => [i.id, i.unit]));

export function canonicalUnit(indicator: string): string {
  const u = UNIT.get(indicator);
  if (!u) throw new Error(`extractor rule names an indicator missing from the catalog: ${indicator}`);
  return u;
}

export function isCatalogIndicator(id: string): boolean {
  return UNIT.has(id);
}
