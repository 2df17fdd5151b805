/**
 * A small static file server for the built site: precompressed brotli/gzip (adapter-static writes
 * .br/.gz beside each file), Range and HEAD requests (DuckDB-wasm reads the database file by ranges),
 * ETag / Last-Modified validators, the SPA fallback for paths that were not prerendered, and no outside
 * requests of its own. It is what users deploy (npm start), so no request, however malformed, may end it:
 * every error is answered (400 for a target that cannot be decoded, 500 otherwise) and every file stream is
 * closed when its client goes away (stream.pipeline).
 */
import { createReadStream, readFileSync, statSync, type Stats } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';

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
// A <meta> CSP cannot carry frame-ancestors: the header adds it, so no other site can frame the dashboard.
const FRAME_ANCESTORS = "frame-ancestors 'none'";

class BadRequest extends Error {}

const statFile = (p: string): Stats | null => {
  try {
    return statSync(p);
  } catch {
    return null;
  }
};

/** The decoded path of an origin-form request target; BadRequest when it cannot be parsed or decoded. */
function requestPath(target: string): string {
  if (!target.startsWith('/')) throw new BadRequest('not an origin-form target');
  try {
    new URL(target, 'http://x'); // rejects what no browser would send (`//[`)
    const path = decodeURIComponent(target.split(/[?#]/, 1)[0]!);
    if (path.includes('\0')) throw new BadRequest('NUL in path');
    return path;
  } catch {
    throw new BadRequest('malformed request target');
  }
}

/** The CSP of a prerendered page (SvelteKit writes it as a <meta> with the inline scripts' hashes), cached by mtime. */
const cspCache = new Map<string, { mtime: number; csp: string | null }>();
function pageCsp(file: string, st: Stats): string | null {
  const hit = cspCache.get(file);
  if (hit && hit.mtime === st.mtimeMs) return hit.csp;
  const head = readFileSync(file, 'utf8').slice(0, 65536);
  const m = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i.exec(head);
  const csp = m ? m[1]!.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&') : null;
  cspCache.set(file, { mtime: st.mtimeMs, csp });
  return csp;
}

/** RFC 9110 §14: one byte range or nothing. Multi-range, other units and bad syntax are ignored (full 200). */
type RangeAsk = { start: number; end: number } | 'unsatisfiable' | null;
function parseRange(header: string | undefined, size: number): RangeAsk {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const n = Number(m[2]);
    return n === 0 || size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (m[2] !== '' && Number(m[2]) < start) return null; // invalid range-spec: ignored
  return start >= size ? 'unsatisfiable' : { start, end };
}

const etagOf = (st: Stats) => `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;

/** If-None-Match takes precedence over If-Modified-Since (RFC 9110 §13.2.2). */
function notModified(req: IncomingMessage, etag: string, st: Stats): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) return inm.split(',').some((t) => t.trim() === '*' || t.trim().replace(/^W\//, '') === etag);
  const ims = req.headers['if-modified-since'];
  if (ims === undefined) return false;
  const since = Date.parse(ims);
  return Number.isFinite(since) && Math.floor(st.mtimeMs / 1000) * 1000 <= since;
}

function send(res: ServerResponse, file: string, opts?: { start: number; end: number }) {
  const stream = createReadStream(file, opts);
  // pipeline destroys the file stream when the client aborts, so its descriptor is closed at once.
  pipeline(stream, res, () => {});
}

function handle(dir: string, req: IncomingMessage, res: ServerResponse) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  let rel = normalize(requestPath(req.url ?? '/')).replace(/^(\.\.[/\\])+/, '');
  let file = join(dir, rel);
  if (file !== dir && !file.startsWith(dir + sep)) {
    res.writeHead(403).end();
    return;
  }
  let st = statFile(file);
  if (st?.isDirectory()) {
    file = join(file, 'index.html');
    st = statFile(file);
  }
  if (!st && statFile(file + '.html')?.isFile()) {
    file += '.html';
    st = statFile(file);
  }
  let status = 200;
  if (!st?.isFile()) {
    // Unknown page paths get the SPA shell (404.html) with a 404 status, so client routing can take over.
    file = join(dir, '404.html');
    status = 404;
    rel = '/404.html';
    st = statFile(file);
    if (!st?.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain', 'Content-Security-Policy': FRAME_ANCESTORS }).end('not found');
      return;
    }
  }
  const ext = extname(file);
  const csp = ext === '.html' ? pageCsp(file, st) : null;
  const headers: Record<string, string | number> = {
    'Content-Type': TYPES[ext] ?? 'application/octet-stream',
    'Accept-Ranges': 'bytes',
    'Cache-Control': ext === '.html' || ext === '.json' ? 'no-cache' : rel.includes('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': csp ? `${csp}; ${FRAME_ANCESTORS}` : FRAME_ANCESTORS,
    Vary: 'Accept-Encoding',
  };
  // Ranges and validators apply to files that exist; the 404 page is always sent whole.
  if (status === 200) {
    const range = parseRange(req.headers.range, st.size);
    const etag = etagOf(st);
    const ifRange = req.headers['if-range'];
    const rangeApplies = range !== null && (ifRange === undefined || ifRange === etag || ifRange === st.mtime.toUTCString());
    if (rangeApplies) {
      if (range === 'unsatisfiable') {
        res.writeHead(416, { 'Content-Range': `bytes */${st.size}` }).end();
        return;
      }
      res.writeHead(206, { ...headers, ETag: etag, 'Last-Modified': st.mtime.toUTCString(), 'Content-Range': `bytes ${range.start}-${range.end}/${st.size}`, 'Content-Length': range.end - range.start + 1 });
      if (req.method === 'HEAD') res.end();
      else send(res, file, range);
      return;
    }
  }
  const accept = String(req.headers['accept-encoding'] ?? '');
  let body = file;
  let bodyStat = st;
  if (!NO_COMPRESS.has(ext)) {
    const br = /\bbr\b/.test(accept) ? statFile(file + '.br') : null;
    const gz = !br && /\bgzip\b/.test(accept) ? statFile(file + '.gz') : null;
    if (br?.isFile()) {
      [body, bodyStat] = [file + '.br', br];
      headers['Content-Encoding'] = 'br';
    } else if (gz?.isFile()) {
      [body, bodyStat] = [file + '.gz', gz];
      headers['Content-Encoding'] = 'gzip';
    }
  }
  if (status === 200) {
    // One validator per representation: the brotli and gzip bodies have their own sizes, hence their own tags.
    const etag = etagOf(bodyStat);
    headers.ETag = etag;
    headers['Last-Modified'] = st.mtime.toUTCString();
    if (notModified(req, etag, st)) {
      delete headers['Content-Type'];
      res.writeHead(304, headers).end();
      return;
    }
  }
  headers['Content-Length'] = bodyStat.size;
  res.writeHead(status, headers);
  if (req.method === 'HEAD') res.end();
  else send(res, body);
}

export function startStaticServer(root: string, port: number, host = '127.0.0.1'): Promise<Server> {
  const dir = resolve(root);
  const server = createServer((req, res) => {
    try {
      handle(dir, req, res);
    } catch (e) {
      const bad = e instanceof BadRequest;
      if (!bad) console.error(`static server: ${req.method} ${req.url}:`, e);
      if (res.headersSent) res.destroy();
      else res.writeHead(bad ? 400 : 500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(bad ? 'bad request' : 'server error');
    }
  });
  // A client that sends garbage at the HTTP level gets a 400 from Node; it must not become an 'error' on the server.
  server.on('clientError', (_e, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}
