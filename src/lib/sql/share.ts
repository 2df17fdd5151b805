/**
 * A query in a link: deflated and base64url-encoded into the URL fragment (#q=…). The fragment never
 * reaches the server, and opening the link only restores the text — nothing runs until the user asks.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';

const PREFIX = 'q=';

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

/** The query in a URL fragment (with or without '#'), or null when there is none or it is damaged. */
export function decodeQuery(hash: string): string | null {
  const h = hash.replace(/^#/, '');
  if (!h.startsWith(PREFIX)) return null;
  try {
    return strFromU8(inflateSync(fromB64Url(decodeURIComponent(h.slice(PREFIX.length)))));
  } catch {
    return null;
  }
}

export const shareUrl = (pageUrl: string, sql: string): string => `${pageUrl.replace(/#.*$/, '')}#${encodeQuery(sql)}`;
