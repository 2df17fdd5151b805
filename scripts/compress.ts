/**
 * Precompresses the built site (build/) into .br and .gz siblings, served by scripts/serve.ts.
 * Brotli quality scales with size: max for small text assets, 5 for the multi-MB wasm bundles
 * (quality 11 on those took over two minutes here for a few percent less).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { promisify } from 'node:util';

const br = promisify(brotliCompress);
const gz = promisify(gzip);
const EXT = new Set(['.html', '.js', '.css', '.json', '.svg', '.wasm', '.txt', '.map', '.xml']);
const root = process.argv[2] ?? process.env.BUILD_DIR ?? 'build';

function* walk(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (EXT.has(extname(p))) yield p;
  }
}

const t0 = performance.now();
let n = 0;
let raw = 0;
let packed = 0;
await Promise.all(
  [...walk(root)].map(async (f) => {
    const buf = readFileSync(f);
    if (buf.length < 512) return;
    const big = statSync(f).size > 1 << 20;
    const [b, g] = await Promise.all([
      br(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: big ? 5 : 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }),
      gz(buf, { level: big ? 6 : 9 }),
    ]);
    writeFileSync(f + '.br', b);
    writeFileSync(f + '.gz', g);
    n++;
    raw += buf.length;
    packed += b.length;
  }),
);
console.log(`compressed ${n} files: ${(raw / 1e6).toFixed(1)} MB → ${(packed / 1e6).toFixed(1)} MB brotli in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
