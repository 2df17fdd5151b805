/**
 * ENUM values for results that arrived without them. duckdb-wasm's streaming send() delivers an ENUM
 * column as Arrow Dictionary indices with an empty dictionary (duckdb-wasm issue 1548; conn.query() does
 * send it, but cannot be cancelled). DuckDB numbers an ENUM's values in the order of its type, and
 * DESCRIBE of the same statement names that type with every value (ENUM('a', 'b')), without running it.
 */
import type { ResultSet } from './result.ts';

/** The values of DuckDB's ENUM type text, in order; null for any other type. */
export function enumValuesOf(typeText: string): string[] | null {
  const m = /^ENUM\(([\s\S]*)\)$/.exec(typeText.trim());
  if (!m) return null;
  return [...m[1]!.matchAll(/'((?:[^']|'')*)'/g)].map((x) => x[1]!.replaceAll("''", "'"));
}

/**
 * Supplies the values of every ENUM column of `result` that came without its dictionary, by asking
 * DuckDB to DESCRIBE `statement` (binding only: nothing is executed twice). When that is impossible (a
 * statement DESCRIBE does not accept), the cells say which ENUM position they hold rather than NULL.
 */
export async function fillMissingDictionaries(result: ResultSet, statement: string, rows: (sql: string) => Promise<Record<string, unknown>[]>): Promise<void> {
  const missing = result.missingDictionaries();
  if (!missing.length) return;
  let types: (string | null)[] = [];
  try {
    const described = await rows(`DESCRIBE ${statement.trim().replace(/;+\s*$/, '')}`);
    types = described.map((r) => (r.column_type === null || r.column_type === undefined ? null : String(r.column_type)));
  } catch {
    types = [];
  }
  for (const col of missing) {
    const values = types.length === result.columns.length ? enumValuesOf(types[col] ?? '') : null;
    result.setDictionary(col, values ? (i) => values[i] ?? null : (i) => `ENUM #${i}`);
  }
}
