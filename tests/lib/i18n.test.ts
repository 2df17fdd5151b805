// Every UI string exists in both languages (src/lib/i18n/messages.ts promises this).
import { describe, expect, it } from 'vitest';
import { en, zh } from '../../src/lib/i18n/messages.ts';

describe('i18n catalogs', () => {
  it('have the same keys in zh and en, none empty, with the same {placeholders}', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const k of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(zh[k].trim(), k).not.toBe('');
      expect(en[k].trim(), k).not.toBe('');
      const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(ph(en[k]), k).toEqual(ph(zh[k]));
    }
  });
});
