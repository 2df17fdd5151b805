// Prerender a profile page for every unit in the bundled sources (towns added later by import are served
// by the SPA fallback), and for every old slug of one (saved links from before the move to official codes
// open the same town). Reads the same source files `npm run data` builds from.
import { existsSync, readFileSync } from 'node:fs';
import { LEGACY_TOWN_IDS } from '$lib/catalog/town-aliases';
import type { EntryGenerator } from './$types';

export const entries: EntryGenerator = () => {
  const ids = new Set<string>();
  for (const f of ['data/reports/index.json', 'data/real/eval-dev.json']) {
    if (!existsSync(f)) continue;
    const towns = (JSON.parse(readFileSync(f, 'utf8')) as { towns?: { town_id?: unknown }[] }).towns ?? [];
    for (const t of towns) if (typeof t.town_id === 'string') ids.add(t.town_id);
  }
  for (const [old, id] of Object.entries(LEGACY_TOWN_IDS)) if (ids.has(id)) ids.add(old);
  return [...ids].sort().map((id) => ({ id }));
};
