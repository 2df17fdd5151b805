/**
 * Traditional → simplified characters, from opencc-js's dictionaries (TSCharacters, after folding the
 * Taiwan/Hong Kong variant forms into standard traditional ones). Only one-to-one mappings of single
 * UTF-16 units are kept, so the matching text never shifts offsets: evidence keeps the original glyphs.
 * Characters that are themselves ordinary simplified characters (a key of STCharacters, or 著, 乾 …)
 * are left alone, so simplified text is never changed by the table.
 */
import TS from 'opencc-js/dict/TSCharacters';
import ST from 'opencc-js/dict/STCharacters';
import TWRev from 'opencc-js/dict/TWVariantsRev';
import HKRev from 'opencc-js/dict/HKVariantsRev';

function entries(dict: string): [string, string][] {
  const out: [string, string][] = [];
  for (const e of dict.split('|')) {
    const [from, to] = e.split(' ');
    if (from && to) out.push([from, to]);
  }
  return out;
}

const single = (s: string) => s.length === 1;
/** Traditional forms that are also ordinary simplified characters (显著, 乾坤, 慰藉, 瞭望 …): kept as they are. */
const ALSO_SIMPLIFIED = new Set([...'著乾藉瞭麽馀夥傢钜祇']);

export const TRAD_TO_SIMP: ReadonlyMap<number, number> = (() => {
  const ts = new Map(entries(TS).filter(([a, b]) => single(a) && single(b)));
  const simplified = new Set(entries(ST).map(([a]) => a).filter(single));
  const variant = new Map([...entries(TWRev), ...entries(HKRev)].filter(([a, b]) => single(a) && single(b)));
  const m = new Map<number, number>();
  for (const [from, to] of ts) if (from !== to && !simplified.has(from) && !ALSO_SIMPLIFIED.has(from)) m.set(from.charCodeAt(0), to.charCodeAt(0));
  // variant forms (羣 → 群, 着 → 著 is not one: variants that are simplified characters are skipped)
  for (const [v, std] of variant) {
    if (simplified.has(v) || ALSO_SIMPLIFIED.has(v) || m.has(v.charCodeAt(0))) continue;
    const s = ts.get(std) ?? std;
    if (s !== v) m.set(v.charCodeAt(0), s.charCodeAt(0));
  }
  return m;
})();
