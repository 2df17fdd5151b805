import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../src/lib/import/read-table.ts';

// The published extracts are zstd-compressed (DuckDB COPY … COMPRESSION zstd): a user who downloads
// static/data/facts.parquet must be able to import it back. npm test builds static/data first.
describe('reading our own published Parquet', () => {
  it('reads the zstd facts extract with its rows and columns', async () => {
    const bytes = new Uint8Array(readFileSync('static/data/facts.parquet'));
    const { kind, rows } = await readTable(bytes, 'facts.parquet');
    expect(kind).toBe('parquet');
    const [header, ...body] = rows;
    expect(header).toEqual(expect.arrayContaining(['fact_id', 'indicator_id', 'value', 'evidence']));
    const col = (name: string) => header!.indexOf(name);
    const med = body.find((r) => r[col('town_id')] === '520323103' && r[col('indicator_id')] === 'med_cases_total');
    expect(med?.[col('value')]).toBe('289');
    expect(med?.[col('evidence')]).toBe('调处矛盾纠纷289件');
  });
});
