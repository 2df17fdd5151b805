// duckdb-wasm's Node build: the same wasm engine the browser runs, for unit tests of what it sends.
import { resolve } from 'node:path';

export async function openWasm() {
  const duck = await import('@duckdb/duckdb-wasm/blocking');
  const dist = resolve('node_modules/@duckdb/duckdb-wasm/dist');
  const db = await duck.createDuckDB(
    { mvp: { mainModule: `${dist}/duckdb-mvp.wasm`, mainWorker: '' }, eh: { mainModule: `${dist}/duckdb-eh.wasm`, mainWorker: '' } },
    new duck.VoidLogger(),
    duck.NODE_RUNTIME,
  );
  await db.instantiate();
  return db.connect();
}
