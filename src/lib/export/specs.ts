/**
 * What the overview's and compare's panels tell an export: the selection they show (ExportScope) and what
 * their briefing sentences say (BriefSpec) — one place, so the pages only pass them on.
 */
import type { MessageKey } from '../i18n/messages.ts';
import type { BriefSpec } from './chart-files.ts';
import type { ExportScope } from './context.ts';
import { LITIGATION_IDS } from '../charts/litigation.ts';
import { OUTREACH_IDS } from '../charts/outreach.ts';

type T = (k: MessageKey, vars?: Record<string, string | number>) => string;

export const MEDIATION_IDS = ['med_cases_total', 'med_oral', 'med_written', 'med_success', 'med_success_rate'] as const;

export const mediationBrief = (t: T): BriefSpec => ({
  what: t('brief.med.what'), most: t('brief.med.most'), unit: '件', additive: true, key: 'total', lowerKey: 'total_lower_bound',
  parts: [{ key: 'oral', what: t('brief.med.oral') }, { key: 'written', what: t('brief.med.written') }],
});
export const litigationBrief = (t: T): BriefSpec => ({
  what: t('brief.lit.what'), most: t('brief.lit.most'), unit: '件', additive: true, key: 'total', lowerKey: 'totalLowerBound',
  parts: [{ key: 'first', what: t('brief.lit.first') }, { key: 'second', what: t('brief.lit.second') }, { key: 'retrial', what: t('brief.lit.retrial') }],
});
export const outreachBrief = (t: T): BriefSpec => ({
  what: t('brief.out.what'), most: t('brief.out.most'), unit: '场', additive: true, key: 'events', lowerKey: 'eventsLowerBound',
});
/** One indicator over towns (compare's bars and lines): rows carry `value` and `lower`. */
export const indicatorBrief = (label: string, unit: string, additive: boolean): BriefSpec => ({
  what: label, most: label, unit, additive, key: 'value', lowerKey: 'lower',
});

export interface ViewLike {
  province: string;
  county: string;
  towns: string[];
  lo?: string;
  hi?: string;
  y0: number;
  y1: number;
  partial: 0 | 1;
  by?: string;
}

export const exportScope = (v: ViewLike | null | undefined, indicators: readonly string[]): ExportScope | null =>
  v ? { province: v.province, county: v.county, towns: v.towns, lo: v.lo, hi: v.hi, y0: v.y0, y1: v.y1, partial: v.partial, indicators, perTown: (v.by ?? 'towns') === 'towns' } : null;

export const PANEL_IDS = { mediation: MEDIATION_IDS, litigation: LITIGATION_IDS, outreach: OUTREACH_IDS } as const;

/** Data column → the indicators whose statements it shows (provenance from a table cell or a bar). */
export const MEDIATION_SOURCES = {
  total: ['med_cases_total'], oral: ['med_oral'], written: ['med_written'], success: ['med_success'],
  success_rate: ['med_success_rate', 'med_success', 'med_cases_total'],
} as const;
export const LITIGATION_SOURCES = {
  total: ['lit_admin_suits_total'], first: ['lit_first_instance'], second: ['lit_second_instance'], retrial: ['lit_retrial'],
  concluded: ['lit_admin_suits_concluded'], lost: ['lit_admin_suits_lost'], notLost: ['lit_admin_suits_concluded', 'lit_admin_suits_lost'],
  lossRate: ['lit_loss_rate', 'lit_admin_suits_lost', 'lit_admin_suits_concluded'],
} as const;
export const OUTREACH_SOURCES = { events: ['out_events'], materials: ['out_materials'], reach: ['out_reach'] } as const;
/** The ranking's value column. */
/** The ranking's stated column and its per-village column (derived from it) open the same statements. */
export const rankingSources = (id: string) => ({ value: [id, ...(RATE_PARTS[id] ?? [])], per_village: [id] });
export const RATE_PARTS: Record<string, string[]> = {
  med_success_rate: ['med_success', 'med_cases_total'],
  lit_loss_rate: ['lit_admin_suits_lost', 'lit_admin_suits_concluded'],
};
/** Outreach's bars are drawn bottom-up (the option reverses the rows). */
export const reversedPick = (rows: () => Record<string, unknown>[]) => (p: { dataIndex: number }) => rows()[rows().length - 1 - p.dataIndex];
