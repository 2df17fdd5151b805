/**
 * The catalog's analyst notes (data/indicators.json notes, data/rules.json note) are written in English, from
 * the spec. The Chinese UI shows only notes that read as Chinese; English ones stay for the English UI
 * (issue 14: no English notes inside the Chinese UI). Pure (tests/lib/i18n/notes.test.ts).
 */
import type { Locale } from './messages.ts';

/** True when a note is mostly English prose: more Latin letters than CJK characters, with at least two words. */
export function isEnglishNote(s: string): boolean {
  const latin = (s.match(/[A-Za-z]/g) ?? []).length;
  const cjk = (s.match(/[\u4e00-\u9fff]/g) ?? []).length;
  return latin > cjk && /[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(s);
}

export const notesFor = (notes: readonly string[], locale: Locale): string[] =>
  notes.filter((n) => n.trim() && (locale === 'en' || !isEnglishNote(n)));
