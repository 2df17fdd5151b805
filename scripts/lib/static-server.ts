/**
 * A small static file server for the built site: precompressed brotli/gzip (adapter-static writes
 * .br/.gz beside each file), Range and HEAD requests (DuckDB-wasm reads the database file by ranges),
 * the SPA fallback for paths that were not prerendered, and no outside requests of its own.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.parquet': 'application/vnd.apache.parquet',
  '.duckdb': 'application/octet-stream',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};
// Range-read binaries are served as they are: compressing them would break byte offsets.
const NO_COMPRESS = new Set(['.duckdb', '.parquet', '.png', '.woff2']);

export function startStaticServer(root: string, port: number, host = '127.0.0.1'): Promise<Server> {
  const dir = resolve(root);
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://x');
    let rel = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, rel);
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) && existsSync(file + '.html')) file += '.html';
    let status = 200;
    if (!existsSync(file)) {
      // Unknown page paths get the SPA shell (404.html) with a 404 status, so client routing can take over.
      file = join(dir, '404.html');
      status = 404;
      rel = '/404.html';
      if (!existsSync(file)) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        return;
      }
    }
    const ext = extname(file);
    const size = statSync(file).size;
    const headers: Record<string, string | number> = {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Accept-Ranges': 'bytes',
      'Cache-Control': ext === '.html' || ext === '.json' ? 'no-cache' : rel.includes('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      Vary: 'Accept-Encoding',
    };
    const range = req.headers.range;
    if (range) {
      const m = /^bytes=(\d*)-(\d*)$/.exec(range);
      if (!m || (m[1] === '' && m[2] === '')) {
        res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
        return;
      }
      const start = m[1] === '' ? Math.max(0, size - Number(m[2])) : Number(m[1]);
      const end = m[1] !== '' && m[2] !== '' ? Math.min(Number(m[2]), size - 1) : size - 1;
      if (start >= size || start > end) {
        res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
        return;
      }
      res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': end - start + 1 });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file, { start, end }).pipe(res);
      return;
    }
    const accept = String(req.headers['accept-encoding'] ?? '');
    let body = file;
    if (!NO_COMPRESS.has(ext)) {
      if (/\bbr\b/.test(accept) && existsSync(file + '.br')) {
        body = file + '.br';
        headers['Content-Encoding'] = 'br';
      } else if (/\bgzip\b/.test(accept) && existsSync(file + '.gz')) {
        body = file + '.gz';
        headers['Content-Encoding'] = 'gzip';
      }
    }
    headers['Content-Length'] = statSync(body).size;
    res.writeHead(status, headers);
    if (req.method === 'HEAD') res.end();
    else createReadStream(body).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}
