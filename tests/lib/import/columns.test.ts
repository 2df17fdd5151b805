import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TABLE_COLUMNS } from '../../../src/lib/import/columns.ts';

describe('the imported tables have the columns and types of schema.sql', () => {
  const sql = readFileSync('src/lib/db/sql/schema.sql', 'utf8');
  for (const [table, cols] of Object.entries(TABLE_COLUMNS)) {
    it(table, () => {
      const body = new RegExp(`CREATE TABLE ${table} \\(([\\s\\S]*?)\\n\\);`).exec(sql)![1]!;
      const declared = [...body.matchAll(/^\s+(\w+) ([A-Z]+(?:\[\])?)/gm)].map((m) => [m[1], m[2]]);
      expect(declared).toEqual(Object.entries(cols));
    });
  }
});
