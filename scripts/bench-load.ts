/**
 * npm run bench:load [-- DIR...] — the data-loading strategies of the README's architecture section,
 * measured on our own extracts in one run:
 *   (a) decode the Parquet in JS (hyparquet) into rows, then insert them into DuckDB;
 *   (b) ATTACH the build's DuckDB file and run the first query (what the browser does, over HTTP ranges).
 * Defaults to the bundled data (static/data) and, when present, the national synthetic set.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { NodeDuck } from './lib/duckdb-node.ts';

const dirs = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['static/data', '.bench/synthetic-38000x10-s1/data'].filter((d) => existsSync(join(d, 'manifest.json')));

const factFiles = (dir: string): string[] =>
  existsSync(join(dir, 'facts.parquet'))
    ? [join(dir, 'facts.parquet')]
    : readdirSync(join(dir, 'facts'), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith('.parquet'))
        .map((e) => join(e.parentPath, e.name));

console.log('| data | facts | Parquet MB | (a) decode s | (a) insert s | (a) total s | (b) DuckDB file MB | (b) attach + first query s |');
console.log('|---|---|---|---|---|---|---|---|');
for (const dir of dirs) {
  const files = factFiles(dir);
  const mb = files.reduce((s, f) => s + statSync(f).size, 0) / 1e6;
  // (a) decode …
  let t0 = performance.now();
  const columns = ['fact_id', 'town_id', 'year', 'indicator_id', 'value', 'qualifier'];
  const decoded: Record<string, unknown>[][] = [];
  let n = 0;
  for (const f of files) {
    const buf = readFileSync(f);
    const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
    const rows = (await parquetReadObjects({ file: ab, columns, compressors })) as Record<string, unknown>[];
    n += rows.length;
    decoded.push(rows);
  }
  const decodeS = (performance.now() - t0) / 1000;
  // … then insert (through DuckDB's own JSON reader — the fastest bulk path available without Arrow here)
  t0 = performance.now();
  const db = await NodeDuck.open();
  await db.exec(`CREATE TABLE f (fact_id VARCHAR, town_id VARCHAR, year SMALLINT, indicator_id VARCHAR, value DOUBLE, qualifier VARCHAR)`);
  const app = await db.conn.createAppender('f');
  for (const rows of decoded)
    for (const r of rows) {
      app.appendVarchar(String(r.fact_id));
      app.appendVarchar(String(r.town_id));
      app.appendSmallInt(Number(r.year));
      app.appendVarchar(String(r.indicator_id));
      app.appendDouble(Number(r.value));
      app.appendVarchar(String(r.qualifier));
      app.endRow();
    }
  app.closeSync();
  const insertS = (performance.now() - t0) / 1000;
  db.close();
  // (b) attach the compiled file and answer the first query
  t0 = performance.now();
  const db2 = await NodeDuck.open();
  await db2.exec(`ATTACH '${join(dir, 'rol.duckdb')}' AS rol (READ_ONLY)`);
  await db2.rows(`SELECT indicator_id, sum(value) FROM rol.facts WHERE year = 2024 GROUP BY ALL`);
  const attachS = (performance.now() - t0) / 1000;
  db2.close();
  const dbMb = statSync(join(dir, 'rol.duckdb')).size / 1e6;
  console.log(
    `| ${dir} | ${n} | ${mb.toFixed(1)} | ${decodeS.toFixed(2)} | ${insertS.toFixed(2)} | ${(decodeS + insertS).toFixed(2)} | ${dbMb.toFixed(1)} | ${attachS.toFixed(2)} |`,
  );
}
