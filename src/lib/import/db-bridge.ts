/**
 * What the import page asks the database: the towns it knows (to match names and ids), values already held
 * for some towns (to find conflicts), reports of a town-year (duplicates), and bundled towns' records for the
 * share export. Parameters are bound, never spliced.
 */
import type { SqlRunner } from '../db/query.ts';
import { listParam } from '../db/query.ts';
import type { Town } from '../catalog/schemas.ts';
import type { ExistingValue, KnownTown } from './dataset.ts';

export async function knownTowns(db: SqlRunner): Promise<KnownTown[]> {
  return (await db.rows('SELECT town_id, name_zh, unit_type, county, province FROM towns ORDER BY town_id')) as unknown as KnownTown[];
}

export async function existingValues(db: SqlRunner, townIds: string[]): Promise<ExistingValue[]> {
  if (!townIds.length) return [];
  const rows = await db.rows(
    `SELECT f.town_id, f.year, f.indicator_id, f.sub_kind, f.value, f.report_id, r.source, f.evidence
     FROM facts_actual f JOIN reports r USING (report_id)
     WHERE f.town_id IN (SELECT unnest(string_split($1, chr(31))))`,
    [listParam(townIds)],
  );
  return rows as unknown as ExistingValue[];
}

export async function reportsOf(db: SqlRunner, townId: string, year: number) {
  return (await db.rows('SELECT report_id, source, title FROM reports WHERE town_id = $1 AND year = $2 ORDER BY report_id', [townId, year])) as {
    report_id: string;
    source: string;
    title: string | null;
  }[];
}

export async function townRecords(db: SqlRunner, townIds: string[]): Promise<Map<string, Town>> {
  if (!townIds.length) return new Map();
  const rows = await db.rows('SELECT * FROM towns WHERE town_id IN (SELECT unnest(string_split($1, chr(31))))', [listParam(townIds)]);
  return new Map(rows.map((r) => [r.town_id as string, r as unknown as Town]));
}
