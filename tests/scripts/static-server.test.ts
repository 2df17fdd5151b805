// The server users deploy (npm start / npm run serve): hostile or odd requests get a proper answer and never
// take it down; aborted downloads release their file descriptors; Range, validators and CSP follow RFC 9110
// and the site's policy. Each test ends by checking the server still answers.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer } from '../../scripts/lib/static-server.ts';

const CSP = "default-src 'self'; script-src 'self' 'sha256-abc='; object-src 'none'";
let root: string;
let server: Server;
let port: number;
const BIG = 8 * 1024 * 1024;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw request (the path is sent exactly as given, unlike fetch, which would normalise it). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((ok, fail) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

/** Sends a request line as raw bytes: some targets (`//[`) cannot even be sent by Node's client as typed. */
function rawGet(target: string): Promise<number> {
  return new Promise((ok, fail) => {
    const sock = connect(port, '127.0.0.1', () => sock.write(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
    let data = '';
    sock.on('data', (c) => (data += c.toString('latin1')));
    sock.on('end', () => ok(Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0)));
    sock.on('error', fail);
  });
}

async function stillAnswers() {
  const r = await get('/');
  expect(r.status).toBe(200);
  expect(r.body.toString()).toContain('home');
}

const openFds = () => readdirSync('/proc/self/fd').length;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'rol-serve-'));
  writeFileSync(join(root, 'index.html'), `<!doctype html><html><head><meta http-equiv="content-security-policy" content="${CSP}"></head><body>home</body></html>`);
  writeFileSync(join(root, '404.html'), `<!doctype html><html><head><meta http-equiv="content-security-policy" content="${CSP}"></head><body>spa shell</body></html>`);
  writeFileSync(join(root, 'big.wasm'), Buffer.alloc(BIG, 7));
  writeFileSync(join(root, 'small.txt'), '0123456789');
  server = await startStaticServer(root, 0);
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((ok) => server.close(ok));
  rmSync(root, { recursive: true, force: true });
});

describe('static server: malformed URLs', () => {
  it('answers 400 to undecodable or unparsable targets, and keeps serving', async () => {
    expect((await get('/%')).status).toBe(400);
    expect((await get('/%zz')).status).toBe(400);
    expect((await get('/town/100%')).status).toBe(400);
    expect(await rawGet('//[')).toBe(400);
    await stillAnswers();
  });
});

describe('static server: aborted downloads', () => {
  it('releases the file descriptor of every download aborted after its first bytes (300 of them)', async () => {
    // Warm up once so lazily opened descriptors of the runtime are not counted.
    await get('/small.txt');
    const before = openFds();
    for (let i = 0; i < 300; i++) {
      await new Promise<void>((ok, fail) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: '/big.wasm', agent: false }, (res) => {
          res.once('data', () => {
            req.destroy();
            ok();
          });
        });
        req.on('error', (e) => ((e as NodeJS.ErrnoException).code === 'ECONNRESET' ? ok() : fail(e)));
        req.end();
      });
    }
    // The server notices each closed socket asynchronously: wait until the count settles (bounded).
    let after = openFds();
    for (let i = 0; i < 100 && after > before + 5; i++) {
      await new Promise((r) => setTimeout(r, 20));
      after = openFds();
    }
    expect(after).toBeLessThanOrEqual(before + 5);
    await stillAnswers();
  });
});

describe('static server: Range (RFC 9110)', () => {
  it('serves a single range with 206', async () => {
    const r = await get('/small.txt', { Range: 'bytes=2-4' });
    expect(r.status).toBe(206);
    expect(r.headers['content-range']).toBe('bytes 2-4/10');
    expect(r.body.toString()).toBe('234');
  });

  it('answers a Range on a missing path with 404, not 206', async () => {
    const r = await get('/no/such/file.bin', { Range: 'bytes=0-10' });
    expect(r.status).toBe(404);
    expect(r.headers['content-range']).toBeUndefined();
    await stillAnswers();
  });

  it('ignores multi-range and unknown units: 200 with the whole file', async () => {
    for (const range of ['bytes=0-1,4-5', 'items=0-3', 'bytes=x-y']) {
      const r = await get('/small.txt', { Range: range });
      expect(r.status, range).toBe(200);
      expect(r.body.toString()).toBe('0123456789');
    }
    await stillAnswers();
  });

  it('still answers 416 to a satisfiable-looking range past the end', async () => {
    const r = await get('/small.txt', { Range: 'bytes=50-60' });
    expect(r.status).toBe(416);
    expect(r.headers['content-range']).toBe('bytes */10');
  });
});

describe('static server: validators', () => {
  it('sends ETag and Last-Modified and answers 304 to a matching conditional request', async () => {
    const r = await get('/small.txt');
    const etag = r.headers.etag as string;
    const lastModified = r.headers['last-modified'] as string;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(new Date(lastModified).getTime()).not.toBeNaN();
    const byTag = await get('/small.txt', { 'If-None-Match': etag });
    expect(byTag.status).toBe(304);
    expect(byTag.body.length).toBe(0);
    expect((await get('/small.txt', { 'If-Modified-Since': lastModified })).status).toBe(304);
    expect((await get('/small.txt', { 'If-None-Match': '"other"' })).status).toBe(200);
    // If-Range with a stale validator gets the whole file, not a piece of a newer one.
    expect((await get('/small.txt', { Range: 'bytes=0-1', 'If-Range': '"stale"' })).status).toBe(200);
    expect((await get('/small.txt', { Range: 'bytes=0-1', 'If-Range': etag })).status).toBe(206);
    await stillAnswers();
  });
});

describe('static server: CSP header', () => {
  it("sends the page's CSP as a header too, with frame-ancestors 'none'", async () => {
    for (const path of ['/', '/some/spa/path']) {
      const csp = String((await get(path)).headers['content-security-policy']);
      expect(csp, path).toContain("script-src 'self' 'sha256-abc='");
      expect(csp, path).toContain("frame-ancestors 'none'");
    }
    const wasm = await get('/small.txt', {}, 'HEAD');
    expect(String(wasm.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    await stillAnswers();
  });
});
