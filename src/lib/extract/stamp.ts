/**
 * EXTRACTOR_VERSION is `extract-2.<hash>`, the hash of the extractor's own sources and weights
 * (src/lib/extract/**, without metadata.ts, whose owner changes it apart, and without version.ts).
 * `npm run eval -- --stamp` (and `--fit`) writes it into version.ts; a unit test fails when the
 * sources changed and the stamp did not, so stored facts always say which extractor made them.
 */
export const STAMP_EXCLUDE = new Set(['metadata.ts', 'version.ts']);

/** FNV-1a over the files in name order (64 bits as two 32-bit halves; no Node API, runs anywhere). */
export function sourcesHash(files: readonly { name: string; content: string }[]): string {
  let h1 = 0x811c9dc5, h2 = 0xcbf29ce4;
  const sorted = [...files].filter((f) => !STAMP_EXCLUDE.has(f.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const f of sorted) {
    const s = `${f.name}\u0000${f.content.replace(/\r\n/g, '\n')}\u0000`;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ (c + 0x9e37), 0x01000193) >>> 0;
    }
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0').slice(0, 4);
}

export const versionOf = (hash: string) => `extract-2.${hash}`;
