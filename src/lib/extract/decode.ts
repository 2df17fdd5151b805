/**
 * Bytes → text. UTF-8 (with or without BOM), UTF-16 with BOM, GBK/GB18030.
 * Uses only TextDecoder, so it runs unchanged in a browser Web Worker.
 */
import { ExtractInputError } from './errors';

export type SourceEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'string';

export interface Decoded {
  text: string;
  encoding: SourceEncoding;
}

/** Share of C0 control bytes (other than tab/CR/LF/FF/ESC) above which a file is treated as binary. */
const CONTROL_RATIO = 0.02;

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return n > 0 && control / n > CONTROL_RATIO;
}

function replacementShare(s: string): number {
  if (!s.length) return 0;
  let bad = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 0xfffd) bad++;
  return bad / s.length;
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw new ExtractInputError('empty', 'the file is empty (0 bytes)');
  // BOMs first: they are unambiguous.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  // UTF-16 only when the BOM is followed by well-formed UTF-16 (0xFF 0xFE also starts some binaries)
  for (const [b0, b1, enc] of [[0xff, 0xfe, 'utf-16le'], [0xfe, 0xff, 'utf-16be']] as const) {
    if (bytes[0] === b0 && bytes[1] === b1 && bytes.length % 2 === 0) {
      try {
        return { text: new TextDecoder(enc, { fatal: true }).decode(bytes.subarray(2)), encoding: enc };
      } catch {
        /* not UTF-16 after all */
      }
    }
  }
  if (looksBinary(bytes)) throw new ExtractInputError('binary', 'the file is binary (NUL or control bytes), not text');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    /* not UTF-8: try the Chinese legacy encodings */
  }
  let text: string;
  try {
    text = new TextDecoder('gb18030').decode(bytes);
  } catch {
    throw new ExtractInputError('encoding', 'the text is neither UTF-8 nor GBK/GB18030 and this runtime cannot decode GB18030');
  }
  if (replacementShare(text) > 0.01)
    throw new ExtractInputError('encoding', 'the text is neither valid UTF-8 nor GBK/GB18030');
  return { text, encoding: 'gb18030' };
}

/** Accepts a string (already decoded) or raw bytes. Throws ExtractInputError for empty/binary/undecodable input. */
export function decodeInput(input: string | Uint8Array): Decoded {
  const d = typeof input === 'string' ? { text: stripBom(input), encoding: 'string' as const } : decodeBytes(input);
  if (typeof input === 'string' && /\u0000/.test(d.text))
    throw new ExtractInputError('binary', 'the text contains NUL characters: it looks like a binary file');
  if (!d.text.trim()) throw new ExtractInputError('empty', 'the file contains only whitespace');
  return d;
}
