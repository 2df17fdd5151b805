/**
 * The overview's default view as page data: places, catalog, the scope's units and every query result of
 * the default view. Runs on any SqlRunner that can ATTACH the published rol.duckdb (Node at build time;
 * tests run it too, and compare with the same queries run one by one).
 */
import viewsSql from './sql/views.sql?raw';
import { runQuery, type SqlRunner } from './query.ts';
import { indicatorCatalog, overviewPlaces, overviewUnits, type CatalogRow, type OverviewUnit, type Place } from './queries.ts';
import { DETAIL_MAX, resolveView, runOverview, type OverviewResult } from './overview.ts';
import { parseOverview } from '../url-state.ts';
import { splitStatements } from './statements.ts';

export interface FirstView {
  national: Place[];
  catalog: CatalogRow[];
  /** the default view's units (town picker, county-level reports), when it is drawn per town */
  units: OverviewUnit[];
  first: OverviewResult | null;
}

export async function firstView(db: SqlRunner & { exec?(sql: string): Promise<void> }, dbFile: string): Promise<FirstView> {
  const exec = (sql: string) => (db.exec ? db.exec(sql) : db.rows(sql).then(() => undefined));
  await exec(`ATTACH '${dbFile.replaceAll("'", "''")}' AS rol (READ_ONLY)`);
  for (const s of splitStatements(viewsSql)) await exec(s.sql);
  const national = await runQuery(db, overviewPlaces, '', DETAIL_MAX);
  const catalog = await runQuery(db, indicatorCatalog);
  const view = resolveView(parseOverview(new URLSearchParams()), national, null);
  if (!view) return { national, catalog, units: [], first: null };
  const units = view.by === 'towns' ? await runQuery(db, overviewUnits, '', '', DETAIL_MAX * 5) : [];
  return { national, catalog, units, first: await runOverview(db, view, '') };
}
