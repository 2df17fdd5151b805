/**
 * The overview's first view, computed at build time: the default view (every region, the default period)
 * is queried with the same queries (src/lib/db/overview.ts, sql/*.sql) by DuckDB in Node over the same
 * rol.duckdb the browser attaches, and embedded in the prerendered page — so the first chart draws before
 * DuckDB-wasm is ready, and DuckDB-wasm then takes over with the same numbers (tests/db/overview.test.ts, 'first view computed at build time').
 * Server-only: @duckdb/node-api never reaches the browser bundle.
 */
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { NodeDuck } from '../../scripts/lib/duckdb-node';
import { firstView } from '$lib/db/first-view';

export const prerender = true;

export async function load() {
  const dataDir = join(process.env.STATIC_DIR ?? 'static', 'data');
  const dbFile = join(dataDir, 'rol.duckdb');
  if (!existsSync(dbFile)) throw new Error(`overview first view: ${dbFile} is missing — run \`npm run data\` before building`);
  const db = await NodeDuck.open(':memory:');
  try {
    return await firstView(db, dbFile);
  } finally {
    db.close();
  }
}
