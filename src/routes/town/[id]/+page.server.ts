// Prerender a profile page for every unit in the bundled sources (towns added later by import are served
// by the SPA fallback). Reads the same source files `npm run data` builds from.
import { existsSync, readFileSync } from 'node:fs';
import type { EntryGenerator } from './$types';

export const entries: EntryGenerator = () => {
  const ids = new Set<string>();
  for (const f of ['data/reports/index.json', 'data/real/eval-dev.json']) {
    if (!existsSync(f)) continue;
    const towns = (JSON.parse(readFileSync(f, 'utf8')) as { towns?: { town_id?: unknown }[] }).towns ?? [];
    for (const t of towns) if (typeof t.town_id === 'string') ids.add(t.town_id);
  }
  return [...ids].sort().map((id) => ({ id }));
};
