// The catalog page is prerendered from the catalog sources themselves (validated with zod), so it needs
// no database and shows the same definitions `npm run data` publishes. A universal load (not a server
// load) so the static build has no indicators/__data.json directory shadowing indicators.html.
import { base } from '$app/paths';
import { CatalogFile, RulesFile } from '$lib/catalog/schemas';
import { GazetteerSource } from '$lib/catalog/gazetteer';
import catalogJson from '../../../data/indicators.json';
import rulesJson from '../../../data/rules.json';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
  const catalog = CatalogFile.parse(catalogJson);
  const rules = RulesFile.parse(rulesJson).rules;
  // The gazetteer's source and date, as the data build recorded them in the manifest (null when missing).
  const manifest = await fetch(`${base}/data/manifest.json`).then((r) => (r.ok ? r.json() : null), () => null);
  const g = GazetteerSource.safeParse((manifest as { gazetteer?: unknown } | null)?.gazetteer);
  return { version: catalog.version, categories: catalog.categories, indicators: catalog.indicators, rules, gazetteer: g.success ? g.data : null };
};
