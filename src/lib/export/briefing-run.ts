/**
 * Browser side of the Word briefing: gathers every chart panel of the page (chartRegistry) — its framed PNG
 * at print resolution, caption, sentences, table — and hands them to briefing.ts, loaded with import() only
 * now (the docx package is not part of the dashboard's first load).
 */
import { chartPng, chartRegistry } from './chart-files.ts';
import type { BriefingSection } from './briefing.ts';
import { mergeNotes } from './brief-data.ts';
import type { Locale, MessageKey } from '../i18n/messages.ts';

/** 800 px frames at 2.5× = 2000 px over 16 cm: 317 dpi, print resolution. */
export const BRIEF_SCALE = 2.5;

export interface BriefingRequest {
  locale: Locale;
  t: (k: MessageKey, vars?: Record<string, string | number>) => string;
  /** the scope as a reader names it, and the period ("2024年") */
  scope: string;
  period: string;
  /** further lines under the title (the number of towns, partial years included …) */
  meta?: string[];
  date?: string;
}

export async function buildPageBriefing(r: BriefingRequest): Promise<{ bytes: Uint8Array; sections: number }> {
  const sections: BriefingSection[] = [];
  const noted: { ref: string; notes: string[] }[] = [];
  let synthetic = false;
  for (const src of chartRegistry.values()) {
    const part = await src.brief?.();
    if (!part) continue;
    synthetic ||= part.synthetic;
    let png: Uint8Array | null = null;
    let width = 0;
    let height = 0;
    if (src.option()) ({ png, width, height } = await chartPng(src, BRIEF_SCALE, await src.frame()));
    sections.push({ title: part.title, caption: part.caption, png, width, height, sentences: part.sentences, table: part.table });
    // a section is referred to by its figure when it has one, else by its table
    noted.push({ ref: r.t(png ? 'brief.figureRef' : 'brief.tableRef', { n: sections.length }), notes: part.notes });
  }
  if (!sections.length) throw new Error(r.t('brief.nothing'));
  const { buildBriefing } = await import('./briefing.ts');
  const t = r.t;
  const notes = mergeNotes(noted, r.locale === 'zh' ? '、' : ', ', r.locale === 'zh' ? ':' : ': ');
  const bytes = await buildBriefing({
    locale: r.locale,
    title: t('brief.title', { scope: r.scope, period: r.period }),
    meta: [t('brief.scopeLine', { scope: r.scope }), t('brief.period', { period: r.period }), ...(r.meta ?? [])],
    synthetic: synthetic ? t('brief.syntheticNote') : '',
    sections,
    sourcesHead: t('brief.sourcesHead'),
    sources: [...notes, t('brief.generated')],
    made: t('brief.made', { date: r.date ?? new Date().toISOString().slice(0, 10) }),
    figureLabel: t('brief.figure', { n: '{n}', caption: '{caption}' }),
    tableLabel: t('brief.table', { n: '{n}', caption: '{caption}' }),
    headingLabel: t('brief.heading', { n: '{n}', title: '{title}' }),
  });
  return { bytes, sections: sections.length };
}
