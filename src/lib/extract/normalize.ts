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

export function mapChar(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  if (c === 0xfe6a) return 0x25; // ﹪
  if (c === 0x2236) return 0x3a; // ∶
  return TRAD_TO_SIMP.get(c) ?? c;
}

export function normalizeText(text: string): Normalized {
  const drop = new Uint8Array(text.length);
  for (const m of text.matchAll(PINYIN)) {
    if (TONE.test(m[0])) drop.fill(1, m.index!, m.index! + m[0].length);
  }
  const out: number[] = [];
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (drop[i]) continue;
    const raw = text.charCodeAt(i);
    if (isBlank(raw)) {
      // keep one blank only between two ASCII word characters
      const prev = out.length ? out[out.length - 1]! : 0;
      let j = i + 1;
      while (j < text.length && (isBlank(text.charCodeAt(j)) || drop[j])) j++;
      const next = j < text.length ? mapChar(text.charCodeAt(j)) : 0;
      if (isWordChar(prev) && isWordChar(next) && prev !== 0x20) {
        out.push(0x20);
        map.push(i);
      }
      continue;
    }
    out.push(mapChar(raw));
    map.push(i);
  }
  let norm = '';
  for (let k = 0; k < out.length; k += 4096) norm += String.fromCharCode(...out.slice(k, k + 4096));
  return { norm, map: Int32Array.from(map), visibleLength: text.length };
}

/** Maps the matching-text span [s, e) to the visible-text span. */
export function toVisibleSpan(n: Normalized, s: number, e: number): [number, number] {
  if (e <= s) {
    const p = s < n.map.length ? n.map[s]! : n.visibleLength;
    return [p, p];
  }
  return [n.map[s]!, n.map[e - 1]! + 1];
}
