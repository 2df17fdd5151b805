/**
 * PNG metadata written into exported chart images: iTXt chunks (UTF-8 text: the frame's title and every line
 * it shows, so the picture says what it shows to a machine too) and pHYs (the physical size: Word and WPS
 * insert the picture 16 cm wide instead of guessing from 96 dpi). Pure, bytes in and out.
 */
const CRC = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (const x of b) c = CRC[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  v.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Inserts iTXt chunks (keyword → UTF-8 text) and a pHYs chunk (pixels per metre) right after IHDR. */
export function addPngMeta(png: Uint8Array, text: Record<string, string>, pxPerMetre?: number): Uint8Array {
  if (png[12] !== 0x49 || png[13] !== 0x48 || png[14] !== 0x44 || png[15] !== 0x52) throw new Error('not a PNG (no IHDR)');
  const ihdrEnd = 8 + 12 + new DataView(png.buffer, png.byteOffset).getUint32(8);
  const parts: Uint8Array[] = [png.subarray(0, ihdrEnd)];
  if (pxPerMetre) {
    const d = new Uint8Array(9);
    const v = new DataView(d.buffer);
    v.setUint32(0, Math.round(pxPerMetre));
    v.setUint32(4, Math.round(pxPerMetre));
    d[8] = 1; // unit: metre
    parts.push(chunk('pHYs', d));
  }
  for (const [k, s] of Object.entries(text)) {
    // keyword \0, compression flag 0, method 0, language tag \0, translated keyword \0, text
    const kw = utf8(k.slice(0, 79));
    const body = utf8(s);
    const d = new Uint8Array(kw.length + 5 + body.length);
    d.set(kw, 0);
    d.set(body, kw.length + 5);
    parts.push(chunk('iTXt', d));
  }
  parts.push(png.subarray(ihdrEnd));
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) out.set(p, (o += p.length) - p.length);
  return out;
}

/** The iTXt texts and the pHYs density of a PNG (tests; anyone checking what a picture says). */
export function readPngMeta(png: Uint8Array): { text: Record<string, string>; pxPerMetre: number | null } {
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const text: Record<string, string> = {};
  let ppm: number | null = null;
  for (let o = 8; o + 8 <= png.length; ) {
    const len = v.getUint32(o);
    const type = String.fromCharCode(...png.subarray(o + 4, o + 8));
    const d = png.subarray(o + 8, o + 8 + len);
    if (type === 'iTXt') {
      const z = d.indexOf(0);
      const kw = new TextDecoder().decode(d.subarray(0, z));
      let p = z + 3;
      p = d.indexOf(0, p) + 1; // language tag
      p = d.indexOf(0, p) + 1; // translated keyword
      text[kw] = new TextDecoder().decode(d.subarray(p));
    } else if (type === 'pHYs') ppm = new DataView(d.buffer, d.byteOffset).getUint32(0);
    o += 12 + len;
  }
  return { text, pxPerMetre: ppm };
}
