/**
 * The one way to run a query: a named SQL text, its parameters bound positionally ($1, $2 …, never
 * spliced into the SQL), and its rows validated with zod. The same definitions run in the browser
 * (DuckDB-wasm, db/worker-client.ts) and in Node (tests, benchmarks: scripts/lib/duckdb-node.ts).
 */
import { z } from 'zod';

/** Anything that can run SQL with positional parameters and return plain row objects. */
export interface SqlRunner {
  rows(sql: string, params?: readonly SqlParam[]): Promise<Record<string, unknown>[]>;
}
export type SqlParam = string | number | boolean | null;

export interface QueryDef<P extends z.ZodTuple, R extends z.ZodType> {
  name: string;
  sql: string;
  params: P;
  row: R;
}

export const defineQuery = <P extends z.ZodTuple, R extends z.ZodType>(q: QueryDef<P, R>) => q;

export class QueryError extends Error {
  constructor(
    readonly query: string,
    message: string,
  ) {
    super(`${query}: ${message}`);
    this.name = 'QueryError';
  }
}

export async function runQuery<P extends z.ZodTuple, R extends z.ZodType>(
  db: SqlRunner,
  q: QueryDef<P, R>,
  ...params: z.input<P>
): Promise<z.infer<R>[]> {
  const bound = q.params.safeParse(params);
  if (!bound.success) throw new QueryError(q.name, `bad parameters: ${z.prettifyError(bound.error)}`);
  const raw = await db.rows(q.sql, bound.data as SqlParam[]);
  const rows = z.array(q.row).safeParse(raw.map(plainRow));
  if (!rows.success) throw new QueryError(q.name, `unexpected result shape: ${z.prettifyError(rows.error)}`);
  return rows.data;
}

/** A list parameter travels as one string joined by U+001F and is split in SQL (no list binding needed). */
export const LIST_SEP = '\u001f';
export const listParam = (xs: readonly string[]): string => xs.join(LIST_SEP);

/**
 * Normalise DuckDB values from either engine to plain JSON-like values: BigInt → number when safe
 * (string otherwise), dates → 'YYYY-MM-DD', Arrow vectors/lists → arrays, structs → objects.
 */
export function plainValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (Array.isArray(v)) return v.map(plainValue);
  if (typeof v === 'object') {
    const o = v as { toArray?: () => unknown[]; toJSON?: () => unknown; items?: unknown[] };
    // Arrow vectors (from duckdb-wasm's own arrow copy) — duck-typed, never instanceof across Arrow majors.
    if (typeof o.toArray === 'function' && !(v instanceof Uint8Array)) return Array.from(o.toArray(), plainValue);
    if (Array.isArray(o.items)) return o.items.map(plainValue); // @duckdb/node-api list value
    if (typeof o.toJSON === 'function') return plainValue(o.toJSON());
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plainValue(x)]));
  }
  return v;
}

export const plainRow = (r: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plainValue(v)]));
