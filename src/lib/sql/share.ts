/**
 * A query in a link: deflated and base64url-encoded into the URL fragment (#q=…). The fragment never
 * reaches the server, and opening the link only restores the text — nothing runs until the user asks.
 */
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';

const PREFIX = 'q=';
/**
 * The largest query a link restores (1 MiB of SQL text). A link is decompressed in steps and given up as
 * soon as its text would pass this: a 518 KB link that inflates to 400 MB used to crash the tab.
 */
export const MAX_SHARED_SQL_BYTES = 1024 * 1024;
// No 1 MiB query deflates to more than this (deflate never grows data by more than a few bytes per 16 KB),
// so a longer fragment is refused before it is even decoded (a 50 MB link froze the tab for 14 s).
const MAX_FRAGMENT_CHARS = Math.ceil((MAX_SHARED_SQL_BYTES * 1.01 + 1024) * 4 / 3);

export type SharedQuery = { status: 'none' } | { status: 'ok'; sql: string } | { status: 'damaged' } | { status: 'too-large'; limit: number };

class TooLarge extends Error {}

/** Inflates `bytes`, stopping as soon as the output would exceed `max` bytes. */
function inflateCapped(bytes: Uint8Array, max: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  let done = false;
  const inf = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size > max) throw new TooLarge();
    parts.push(chunk);
    if (final) done = true;
  });
  const STEP = 4096; // at most ~4 MB of output per step, whatever the input
  for (let i = 0; i < bytes.length; i += STEP) inf.push(bytes.subarray(i, i + STEP), i + STEP >= bytes.length);
  if (!done) throw new Error('truncated');
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const toB64Url = (bytes: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
};

const fromB64Url = (s: string): Uint8Array => {
  const b = atob(s.replaceAll('-', '+').replaceAll('_', '/') + '='.repeat((4 - (s.length % 4)) % 4));
  return Uint8Array.from(b, (c) => c.charCodeAt(0));
};

export const encodeQuery = (sql: string): string => PREFIX + toB64Url(deflateSync(strToU8(sql), { level: 9 }));

/** What a URL fragment (with or without '#') holds: no query, a query, a damaged one, or one over the cap. */
export function readShared(hash: string): SharedQuery {
  const h = hash.replace(/^#/, '');
  if (!h.startsWith(PREFIX)) return { status: 'none' };
  const body = h.slice(PREFIX.length);
  if (body.length > MAX_FRAGMENT_CHARS) return { status: 'too-large', limit: MAX_SHARED_SQL_BYTES };
  try {
    return { status: 'ok', sql: strFromU8(inflateCapped(fromB64Url(decodeURIComponent(body)), MAX_SHARED_SQL_BYTES)) };
  } catch (e) {
    return e instanceof TooLarge ? { status: 'too-large', limit: MAX_SHARED_SQL_BYTES } : { status: 'damaged' };
  }
}

/** The query in a URL fragment, or null when there is none, it is damaged or over the cap. */
export function decodeQuery(hash: string): string | null {
  const r = readShared(hash);
  return r.status === 'ok' ? r.sql : null;
}

export const shareUrl = (pageUrl: string, sql: string): string => `${pageUrl.replace(/#.*$/, '')}#${encodeQuery(sql)}`;
