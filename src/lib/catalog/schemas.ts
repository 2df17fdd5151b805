/**
 * The data model (spec §4) as zod schemas. Every record that enters the project — catalog files,
 * report metadata, extracted or imported facts, query results — is parsed with one of these, and
 * every TypeScript type of the data model is derived from them (never written twice).
 */
import { z } from 'zod';
import { TEXT_PATH, webHref } from '../links.ts';

export const INDICATOR_ID = /^(ls|dm|lit|enf|tr|out|med|svc|pet)_[a-z0-9_]+$/;

export const CategoryId = z.enum([
  'leadership_study',
  'decision_making',
  'litigation',
  'enforcement',
  'transparency',
  'outreach',
  'mediation',
  'legal_services',
  'petitions',
]);
export type CategoryId = z.infer<typeof CategoryId>;

export const IndicatorKind = z.enum(['flow', 'stock', 'rate', 'amount']);
export type IndicatorKind = z.infer<typeof IndicatorKind>;

export const Category = z.object({
  id: CategoryId,
  label_zh: z.string().min(1),
  label_en: z.string().min(1),
});
export type Category = z.infer<typeof Category>;

export const Indicator = z.object({
  id: z.string().regex(INDICATOR_ID, 'an indicator id such as med_cases_total'),
  category: CategoryId,
  label_zh: z.string().min(1),
  label_en: z.string().min(1),
  /** Canonical unit: 件, 次, 场, 人次, 名, %, 元 … */
  unit: z.string().min(1),
  units_accepted: z.array(z.string().min(1)).min(1),
  kind: IndicatorKind,
  additive: z.boolean(),
  additive_note: z.string(),
  phrasings: z.array(z.string()),
  seen: z.string(),
  /** Core indicators feed the default charts; extension ones are captured when present. */
  core: z.boolean(),
  notes: z.array(z.string()),
});
export type Indicator = z.infer<typeof Indicator>;

export const Rule = z.object({
  id: z.string().regex(/^[A-Z]\d+$/),
  severity: z.enum(['hard', 'soft']),
  severity_note: z.string(),
  statement: z.string().min(1),
  note: z.string(),
  indicators: z.array(z.string()),
});
export type Rule = z.infer<typeof Rule>;

export const CatalogFile = z
  .object({
    version: z.string(),
    source: z.string(),
    categories: z.array(Category),
    indicators: z.array(Indicator),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.indicators.forEach((ind, i) => {
      if (seen.has(ind.id))
        ctx.addIssue({ code: 'custom', path: ['indicators', i, 'id'], message: `duplicate indicator id ${ind.id}` });
      seen.add(ind.id);
    });
  });
export type CatalogFile = z.infer<typeof CatalogFile>;

export const RulesFile = z.object({ version: z.string(), rules: z.array(Rule) });

/** 镇/乡/街道/民族乡 are township-level units; 县/区/县级市 reports are county-level and never counted as a town. */
export const UnitType = z.enum(['镇', '乡', '民族乡', '街道', '县', '区', '县级市', '市']);
export type UnitType = z.infer<typeof UnitType>;
export const UnitLevel = z.enum(['township', 'county']);
export type UnitLevel = z.infer<typeof UnitLevel>;
export const levelOf = (t: UnitType): UnitLevel =>
  t === '镇' || t === '乡' || t === '民族乡' || t === '街道' ? 'township' : 'county';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const Town = z.object({
  town_id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and hyphens'),
  name_zh: z.string().min(1),
  unit_type: UnitType,
  level: UnitLevel,
  county: z.string().nullable(),
  prefecture: z.string().nullable(),
  province: z.string().nullable(),
  adcode: z.string().nullable(),
  population: z.number().int().positive().nullable(),
  n_villages: z.number().int().positive().nullable(),
  is_synthetic: z.boolean(),
});
export type Town = z.infer<typeof Town>;

/** A source address the app may render as a link: http: or https: only (never javascript:, data:, file:). */
export const WebUrl = z.string().refine((s) => webHref(s) !== null, { message: 'only http:// or https:// addresses are accepted as a source URL' });

export const DataSource = z.enum(['seed', 'real', 'synthetic', 'import']);
export type DataSource = z.infer<typeof DataSource>;

export const Report = z.object({
  report_id: z.string().regex(/^[a-z0-9-]+$/),
  town_id: z.string(),
  year: z.number().int().min(1990).max(2100),
  title: z.string().nullable(),
  publisher: z.string().nullable(),
  publication_date: isoDate.nullable(),
  url: WebUrl.nullable(),
  /** Path of the bundled full text, relative to the site root; null when only evidence phrases are bundled. */
  text_path: z.string().regex(TEXT_PATH, { message: "a text path points inside the app's own data: data/texts/<report_id>.txt (or indexeddb:<report_id> for an import)" }).nullable(),
  full_text_hash: z.string().nullable(),
  /** 'report' for an annual 法治政府建设 report; summaries and news items carry no stated period. */
  genre: z.enum(['report', 'pufa_summary', 'mediation_summary', 'other']),
  source: DataSource,
  is_synthetic: z.boolean(),
});
export type Report = z.infer<typeof Report>;

export const Qualifier = z.enum(['exact', 'lower_bound', 'upper_bound', 'approx', 'range']);
export type Qualifier = z.infer<typeof Qualifier>;
export const PeriodBasis = z.enum(['calendar_year', 'ytd_as_of', 'cumulative_since', 'half_year', 'unknown']);
export type PeriodBasis = z.infer<typeof PeriodBasis>;
export const Section = z.enum(['成效', '问题', '计划', '其他']);
export type Section = z.infer<typeof Section>;
export const Measure = z.enum(['level', 'yoy_change_pp', 'yoy_change_pct']);
export const Scope = z.enum(['government_as_party', 'jurisdiction', 'town_and_villages', 'adviser', 'judicial_office']);
export const NumeralType = z.enum(['arabic', 'chinese', 'mixed', 'none']);
export const ReviewStatus = z.enum(['extracted', 'accepted', 'corrected', 'rejected']);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

/**
 * One observation (spec §4): a number a report states, with everything needed to trust it.
 * `evidence` is the exact source phrase; `evidence_start/end` are offsets into the report's
 * visible text (null only when the text itself is not bundled).
 */
export const FactFields = z.object({
    fact_id: z.string().min(1),
    report_id: z.string(),
    town_id: z.string(),
    year: z.number().int(),
    indicator_id: z.string().regex(INDICATOR_ID),
    sub_kind: z.string().nullable(),
    measure: Measure,
    value: z.number().finite(),
    value_high: z.number().finite().nullable(),
    qualifier: Qualifier,
    unit_raw: z.string().nullable(),
    unit: z.string(),
    scale: z.number().positive(),
    numeral_type: NumeralType,
    is_zero_statement: z.boolean(),
    is_target: z.boolean(),
    is_derived: z.boolean(),
    period_start: isoDate.nullable(),
    period_end: isoDate.nullable(),
    period_basis: PeriodBasis,
    scope: Scope.nullable(),
    section: Section,
    evidence: z.string().min(1),
    evidence_start: z.number().int().nonnegative().nullable(),
    evidence_end: z.number().int().nonnegative().nullable(),
    rule_id: z.string(),
    extractor_version: z.string(),
    review_status: ReviewStatus,
    source_url: WebUrl.nullable(),
    is_synthetic: z.boolean(),
});

export const Fact = FactFields.superRefine((f, ctx) => {
    if ((f.evidence_start === null) !== (f.evidence_end === null))
      ctx.addIssue({ code: 'custom', path: ['evidence_end'], message: 'evidence_start and evidence_end are both set or both null' });
    if (f.evidence_start !== null && f.evidence_end !== null && f.evidence_end - f.evidence_start !== f.evidence.length)
      ctx.addIssue({ code: 'custom', path: ['evidence_end'], message: `evidence_end − evidence_start must equal the evidence length (${f.evidence.length})` });
    if (f.qualifier === 'range' && f.value_high === null)
      ctx.addIssue({ code: 'custom', path: ['value_high'], message: 'a range needs value_high' });
    if (f.value < 0) ctx.addIssue({ code: 'custom', path: ['value'], message: 'values are never negative (rule G1)' });
    if (f.unit === '%' && f.value > 100)
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'a rate lies in [0, 100] (rule G1)' });
  });
export type Fact = z.infer<typeof Fact>;

/** What the extractor emits for one report, before the store assigns report, town and review fields. */
export const ExtractedFact = FactFields.omit({
  report_id: true,
  town_id: true,
  year: true,
  review_status: true,
  source_url: true,
  is_synthetic: true,
});
export type ExtractedFact = z.infer<typeof ExtractedFact>;

/** A consistency-rule finding for one report (spec §2), attached to the facts involved. */
export const Violation = z.object({
  report_id: z.string(),
  rule_id: z.string(),
  severity: z.enum(['error', 'warning']),
  fact_ids: z.array(z.string()),
  message_zh: z.string(),
  message_en: z.string(),
});
export type Violation = z.infer<typeof Violation>;
