/**
 * matchUnit over the database's gazetteer (the browser's import page, or any SqlRunner): reads only the rows
 * the name could match (gazetteer_candidates.sql), then matches them with the pure matcher.
 */
import { listParam, runQuery, type SqlRunner } from '../db/query.ts';
import { gazetteerCandidates } from '../db/queries.ts';
import { buildIndex, lookupNames, matchUnit, type MatchQuery, type MatchResult } from './match.ts';

export async function matchInDb(db: SqlRunner, q: MatchQuery): Promise<MatchResult> {
  const { names, cores } = lookupNames(q.name ?? '');
  if (!names.length) return matchUnit(q, buildIndex([]));
  const rows = await runQuery(db, gazetteerCandidates, listParam(names), listParam(cores));
  const towns = rows.filter((r) => r.level === 'township').map((r) => ({ ...r, unit_type: r.unit_type ?? undefined }));
  const counties = rows.filter((r) => r.level === 'county').map((r) => ({ ...r, unit_type: undefined, county: null }));
  return matchUnit(q, buildIndex(towns, counties));
}
