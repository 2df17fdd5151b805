// schema.sql (the tables of the Parquet extracts and rol.duckdb) and the zod schemas describe the same
// records: the same columns, in the same order (src/lib/db/sql/schema.sql promises this).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeDuck, readSql } from '../../scripts/lib/duckdb-node.ts';
import { Category, FactFields, Indicator, Report, Rule, Town, Violation } from '../../src/lib/catalog/schemas.ts';

let db: NodeDuck;
beforeAll(async () => {
  db = await NodeDuck.open();
  await db.exec(readSql('schema.sql'));
});
afterAll(() => db.close());

const SCHEMAS = { categories: Category, indicators: Indicator, rules: Rule, towns: Town, reports: Report, facts: FactFields, violations: Violation };

describe('schema.sql and the zod schemas', () => {
  for (const [table, schema] of Object.entries(SCHEMAS))
    it(`${table}: the same columns`, async () => {
      const cols = await db.rows(`SELECT column_name FROM duckdb_columns() WHERE table_name = $1 ORDER BY column_index`, [table]);
      expect(cols.map((c) => c.column_name)).toEqual(Object.keys(schema.shape));
    });
});
