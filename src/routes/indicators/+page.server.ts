// The catalog page is prerendered from the catalog sources themselves (validated with zod), so it needs
// no database and reads the same definitions `npm run data` publishes.
import { readFileSync } from 'node:fs';
import { CatalogFile, RulesFile } from '$lib/catalog/schemas';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
  const catalog = CatalogFile.parse(JSON.parse(readFileSync('data/indicators.json', 'utf8')));
  const rules = RulesFile.parse(JSON.parse(readFileSync('data/rules.json', 'utf8'))).rules;
  return { version: catalog.version, categories: catalog.categories, indicators: catalog.indicators, rules };
};
