import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EXTRACTOR_VERSION } from '../../../src/lib/extract/index';
import { sourcesHash, versionOf } from '../../../src/lib/extract/stamp';

function files(dir: string, prefix = ''): { name: string; content: string }[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p, `${prefix}${f}/`) : [{ name: `${prefix}${f}`, content: readFileSync(p, 'utf8') }];
  });
}

describe('EXTRACTOR_VERSION', () => {
  it('is the hash of the extractor sources and weights (run `npm run eval -- --stamp` after changing them)', () => {
    expect(EXTRACTOR_VERSION).toBe(versionOf(sourcesHash(files('src/lib/extract'))));
  });
  it('changes when a source changes, not when the order of files does', () => {
    const a = [{ name: 'a.ts', content: 'x' }, { name: 'b.ts', content: 'y' }];
    expect(sourcesHash(a)).toBe(sourcesHash([...a].reverse()));
    expect(sourcesHash(a)).not.toBe(sourcesHash([{ name: 'a.ts', content: 'x ' }, a[1]!]));
    expect(sourcesHash(a)).toBe(sourcesHash([...a, { name: 'metadata.ts', content: 'owned apart' }]));
  });
});
