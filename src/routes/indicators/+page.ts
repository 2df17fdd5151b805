// The catalog page is prerendered from the catalog sources themselves (validated with zod), so it needs
// no database and shows the same definitions `npm run data` publishes. A universal load (not a server
// load) so the static build has no indicators/__data.json directory shadowing indicators.html.
import { CatalogFile, RulesFile } from '$lib/catalog/schemas';
import catalogJson from '../../../data/indicators.json';
import rulesJson from '../../../data/rules.json';
import type { PageLoad } from './$types';

export const load: PageLoad = () => {
  const catalog = CatalogFile.parse(catalogJson);
  const rules = RulesFile.parse(rulesJson).rules;
  return { version: catalog.version, categories: catalog.categories, indicators: catalog.indicators, rules };
};
