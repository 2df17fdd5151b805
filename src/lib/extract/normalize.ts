/**
 * Visible text → matching text. Full-width ASCII becomes half-width, traditional characters become
 * simplified, blanks inside Chinese text and pinyin glosses such as "(yīng)" disappear. Every character
 * of the matching text remembers the offset of the visible character it came from, so a span found in
 * the matching text maps back to the exact substring the user sees.
 */
import { TRAD_TO_SIMP } from './tradsimp';

export interface Normalized {
  /** The text rules run on. */
  norm: string;
  /** map[i] = offset in the visible text of norm[i]. */
  map: Int32Array;
  /** Length of the visible text. */
  visibleLength: number;
}

const PINYIN = /[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,8}[)）]/g;
const TONE = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]/;

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || c === 0xfeff || c === 0x0d;
}
/** Characters between which a blank is kept (so "A 1" stays two tokens). */
function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Character → matching character for the whole BMP, built once (128 KB). */
const TABLE: Uint16Array = (() => {
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = c;
  for (let c = 0xff01; c <= 0xff5e; c++) t[c] = c - 0xfee0;
  t[0xfe6a] = 0x25; // ﹪
  t[0x2236] = 0x3a; // ∶
  for (const [from, to] of TRAD_TO_SIMP) t[from] = to;
  return t;
})();

export function mapChar(c: number): number {
  return TABLE[c]!;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** Decodes the code-unit buffer in one call (much faster than String.fromCharCode on chunks). */
const UTF16 = new TextDecoder('utf-16le');

export function normalizeText(text: string): Normalized {
  const drop = new Uint8Array(text.length);
  for (const m of text.matchAll(PINYIN)) {
    if (TONE.test(m[0])) drop.fill(1, m.index!, m.index! + m[0].length);
  }
  const out = new Uint16Array(text.length);
  const map = new Int32Array(text.length);
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    if (drop[i]) continue;
    const raw = text.charCodeAt(i);
    if (isBlank(raw)) {
      // keep one blank only between two ASCII word characters
      const prev = k ? out[k - 1]! : 0;
      let j = i + 1;
      while (j < text.length && (isBlank(text.charCodeAt(j)) || drop[j])) j++;
      const next = j < text.length ? mapChar(text.charCodeAt(j)) : 0;
      if (isWordChar(prev) && isWordChar(next) && prev !== 0x20) {
        out[k] = 0x20;
        map[k++] = i;
      }
      continue;
    }
    out[k] = mapChar(raw);
    map[k++] = i;
  }
  let norm = '';
  if (LITTLE_ENDIAN) norm = UTF16.decode(out.subarray(0, k));
  else for (let j = 0; j < k; j += 4096) norm += String.fromCharCode(...out.subarray(j, Math.min(k, j + 4096)));
  return { norm, map: map.slice(0, k), visibleLength: text.length };
}

/** Maps the matching-text span [s, e) to the visible-text span. */
export function toVisibleSpan(n: Normalized, s: number, e: number): [number, number] {
  if (e <= s) {
    const p = s < n.map.length ? n.map[s]! : n.visibleLength;
    return [p, p];
  }
  return [n.map[s]!, n.map[e - 1]! + 1];
}
