/**
 * Writes a validated dataset as the published extracts:
 *   <out>/<table>.parquet  (zstd) — the format users download, upload and point other engines at;
 *   <out>/rol.duckdb       — the same tables as one DuckDB file the browser ATTACHes over HTTP range reads;
 *   <out>/texts/<id>.txt   — bundled report texts, for highlighting evidence;
 *   <out>/manifest.json    — row counts, sizes and hashes, read by the app at start-up.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NodeDuck, readSql } from './duckdb-node.ts';

export const TABLES = ['categories', 'indicators', 'rules', 'towns', 'reports', 'facts', 'violations'] as const;
export type TableName = (typeof TABLES)[number];

const q = (p: string) => `'${p.replaceAll("'", "''")}'`;

export async function writeExtracts(
  out: string,
  tables: Record<TableName, object[]>,
  texts: Map<string, string>,
  meta: Record<string, unknown>,
): Promise<Record<string, { rows: number; bytes: number }>> {
  mkdirSync(out, { recursive: true });
  const tmp = join(out, '.tmp');
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  const dbFile = join(out, 'rol.duckdb');
  rmSync(dbFile, { force: true });
  rmSync(dbFile + '.wal', { force: true });

  const db = await NodeDuck.open(':memory:');
  try {
    await db.exec(readSql('schema.sql'));
    for (const t of TABLES) {
      const rows = tables[t];
      if (rows.length === 0) continue;
      const f = join(tmp, `${t}.ndjson`);
      writeFileSync(f, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
      // Columns come from schema.sql; the JSON reader only supplies values (cast on insert by name).
      await db.exec(`INSERT INTO ${t} BY NAME SELECT * FROM read_json(${q(f)}, format = 'newline_delimited', maximum_object_size = 104857600, sample_size = -1)`);
    }
    const stats: Record<string, { rows: number; bytes: number }> = {};
    for (const t of TABLES) {
      const file = join(out, `${t}.parquet`);
      const order = t === 'facts' ? ' ORDER BY town_id, year, indicator_id' : '';
      await db.exec(`COPY (SELECT * FROM ${t}${order}) TO ${q(file)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`);
      const [{ n }] = (await db.rows(`SELECT count(*)::INTEGER AS n FROM ${t}`)) as [{ n: number }];
      stats[t] = { rows: n, bytes: statSync(file).size };
    }
    // The browser's database file: same tables, sorted so a town filter touches few blocks.
    await db.exec(`ATTACH ${q(dbFile)} AS out (STORAGE_VERSION 'v1.4.0')`);
    for (const t of TABLES) {
      const order = t === 'facts' ? ' ORDER BY town_id, year, indicator_id' : '';
      await db.exec(`CREATE TABLE out.${t} AS SELECT * FROM ${t}${order}`);
    }
    await db.exec('DETACH out');
    stats['rol.duckdb'] = { rows: 0, bytes: statSync(dbFile).size };

    mkdirSync(join(out, 'texts'), { recursive: true });
    for (const [id, text] of texts) writeFileSync(join(out, 'texts', `${id}.txt`), text);

    const hash = createHash('sha256').update(readFileSync(dbFile)).digest('hex').slice(0, 16);
    writeFileSync(
      join(out, 'manifest.json'),
      JSON.stringify({ ...meta, built_at: new Date().toISOString(), db_file: 'rol.duckdb', db_hash: hash, tables: stats }, null, 1),
    );
    return stats;
  } finally {
    db.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}
