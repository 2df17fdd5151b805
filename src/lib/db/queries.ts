/**
 * Every named query of the app: SQL text (a file in ./sql, shared by browser and Node), its parameters
 * and the zod shape of its rows. Run them with runQuery(db, q, ...params).
 */
import { z } from 'zod';
import { defineQuery } from './query.ts';
import mediationSql from './sql/mediation_by_town_year.sql?raw';

const num = z.number().nullable();

/**
 * The overview's scope: a province, a county, or an explicit choice of towns — never "every id in the
 * country" as a list. A list travels as one U+001F-joined string and holds at most SCOPE_TOWNS_MAX ids.
 */
export const SCOPE_TOWNS_MAX = 200;
const townList = z.string().refine((s) => s === '' || s.split('\u001f').length <= SCOPE_TOWNS_MAX, {
  message: `at most ${SCOPE_TOWNS_MAX} towns: choose a province or county instead of listing every town`,
});
/** (province, county, town ids, first town_id, last town_id): the last two are a read hint, '' = none. */
const scope = [z.string(), z.string(), townList, z.string(), z.string()] as const;

/** (scope: $1 province, $2 county, $3 town ids, $4 … $5 town_id bounds; '' = any) ($6 first year, $7 last year) */
export const mediationByTownYear = defineQuery({
  name: 'mediation_by_town_year',
  sql: mediationSql,
  params: z.tuple([...scope, z.number().int(), z.number().int()]),
  row: z.object({
    town_id: z.string(),
    town_name: z.string(),
    county: z.string().nullable(),
    province: z.string().nullable(),
    year: z.number().int(),
    total: num,
    total_lower_bound: z.boolean().nullable(),
    oral: num,
    written: num,
    success: num,
    success_rate_reported: num,
    success_rate_derived: num,
    full_year: z.boolean(),
    is_synthetic: z.boolean(),
  }),
});
export type MediationRow = z.infer<typeof mediationByTownYear.row>;

// ---- Dashboard (issue 4): scope, values, aggregates, rankings, provenance -----------------------------
import scopeUnitsSql from './sql/scope_units.sql?raw';
import unitValuesSql from './sql/unit_values.sql?raw';
import scopeAggregateSql from './sql/scope_aggregate.sql?raw';
import rankingSql from './sql/ranking.sql?raw';
import unitFactsSql from './sql/unit_facts.sql?raw';
import unitViolationsSql from './sql/unit_violations.sql?raw';
import indicatorCatalogSql from './sql/indicator_catalog.sql?raw';

const int = z.number().int();
const flag = z.union([z.literal(0), z.literal(1)]);

export const scopeUnits = defineQuery({
  name: 'scope_units',
  sql: scopeUnitsSql,
  params: z.tuple([]),
  row: z.object({
    town_id: z.string(),
    name_zh: z.string(),
    unit_type: z.string(),
    level: z.enum(['township', 'county']),
    county: z.string().nullable(),
    prefecture: z.string().nullable(),
    province: z.string().nullable(),
    is_synthetic: z.boolean(),
    /** the official code (9 digits, 6 for a county-level unit); null: not in the 2023 list */
    adcode: z.string().nullable(),
    n_villages: int.nullable(),
    years: z.array(int),
    n_facts: int,
  }),
});
export type ScopeUnit = z.infer<typeof scopeUnits.row>;

/** ($1 unit ids, $2 level, $3 indicator ids, $4 first year, $5 last year, $6 include partial 0|1) */
export const unitValues = defineQuery({
  name: 'unit_values',
  sql: unitValuesSql,
  params: z.tuple([z.string(), z.enum(['township', 'county', '']), z.string(), int, int, flag]),
  row: z.object({
    town_id: z.string(),
    town_name: z.string(),
    unit_type: z.string(),
    level: z.string(),
    county: z.string().nullable(),
    province: z.string().nullable(),
    year: int,
    indicator_id: z.string(),
    category: z.string(),
    kind: z.enum(['flow', 'stock', 'rate', 'amount']),
    unit: z.string(),
    value: num,
    is_lower_bound: z.boolean(),
    derived_value: num,
    numerator: num,
    denominator: num,
    full_year: z.boolean(),
    is_synthetic: z.boolean(),
    is_zero_statement: z.boolean(),
    fact_ids: z.array(z.string()),
  }),
});
export type UnitValue = z.infer<typeof unitValues.row>;

/** (scope: $1 … $5) ($6 indicator ids, $7 first year, $8 last year, $9 include partial, $10 matched panel) */
export const scopeAggregate = defineQuery({
  name: 'scope_aggregate',
  sql: scopeAggregateSql,
  params: z.tuple([...scope, z.string(), int, int, flag, flag]),
  row: z.object({
    indicator_id: z.string(),
    year: int,
    kind: z.enum(['flow', 'stock', 'rate', 'amount']),
    value: num,
    status: z.enum(['sum', 'mixed_dates', 'recomputed', 'single', 'not_computable']),
    is_lower_bound: z.boolean(),
    n_reporting: int,
    n_scope: int,
    numerator: num,
    denominator: num,
    any_partial: z.boolean(),
    is_synthetic: z.boolean(),
  }),
});
export type ScopeAggregate = z.infer<typeof scopeAggregate.row>;

/** (scope: $1 … $5) ($6 indicator id, $7 year, $8 include partial, $9 most rows, $10 rank per village 0|1) */
export const ranking = defineQuery({
  name: 'ranking',
  sql: rankingSql,
  params: z.tuple([...scope, z.string(), int, flag, int.positive(), flag]),
  row: z.object({
    town_id: z.string(),
    town_name: z.string(),
    unit_type: z.string(),
    county: z.string().nullable(),
    province: z.string().nullable(),
    rank: int.nullable(),
    value: num,
    reported_value: num,
    derived_value: num,
    is_lower_bound: z.boolean(),
    full_year: z.boolean().nullable(),
    is_zero_statement: z.boolean(),
    is_synthetic: z.boolean(),
    /** village-level units of the township in the gazetteer (the per-village denominator) */
    n_villages: int.nullable(),
    /** value ÷ n_villages: a derived figure (每村(社区)平均), never a stated one; null for rates */
    per_village: num,
    /** false: the unit is not in the 2023 list */
    in_gazetteer: z.boolean(),
    /** false: a township of the county with no report at all */
    has_data: z.boolean(),
    n_scope: int,
    n_ranked: int,
  }),
});
export type RankingRow = z.infer<typeof ranking.row>;

export const unitFacts = defineQuery({
  name: 'unit_facts',
  sql: unitFactsSql,
  params: z.tuple([z.string()]),
  row: z.object({
    fact_id: z.string(),
    report_id: z.string(),
    year: int,
    indicator_id: z.string(),
    sub_kind: z.string().nullable(),
    measure: z.string(),
    value: z.number(),
    value_high: num,
    qualifier: z.string(),
    unit: z.string(),
    unit_raw: z.string().nullable(),
    is_zero_statement: z.boolean(),
    is_target: z.boolean(),
    period_basis: z.string(),
    period_start: z.string().nullable(),
    period_end: z.string().nullable(),
    section: z.string(),
    evidence: z.string(),
    evidence_start: int.nullable(),
    evidence_end: int.nullable(),
    review_status: z.string(),
    source_url: z.string().nullable(),
    text_path: z.string().nullable(),
    report_title: z.string().nullable(),
    indicator_zh: z.string(),
    indicator_en: z.string(),
    category: z.string(),
    kind: z.string(),
    is_synthetic: z.boolean(),
    is_actual: z.boolean(),
  }),
});
export type UnitFact = z.infer<typeof unitFacts.row>;

export const unitViolations = defineQuery({
  name: 'unit_violations',
  sql: unitViolationsSql,
  params: z.tuple([z.string()]),
  row: z.object({
    report_id: z.string(),
    year: int,
    rule_id: z.string(),
    severity: z.enum(['error', 'warning']),
    fact_ids: z.array(z.string()),
    message_zh: z.string(),
    message_en: z.string(),
    rule_statement: z.string().nullable(),
  }),
});
export type UnitViolation = z.infer<typeof unitViolations.row>;

export const indicatorCatalog = defineQuery({
  name: 'indicator_catalog',
  sql: indicatorCatalogSql,
  params: z.tuple([]),
  row: z.object({
    id: z.string(),
    category: z.string(),
    category_zh: z.string(),
    category_en: z.string(),
    label_zh: z.string(),
    label_en: z.string(),
    unit: z.string(),
    kind: z.enum(['flow', 'stock', 'rate', 'amount']),
    additive: z.boolean(),
    core: z.boolean(),
  }),
});
export type CatalogRow = z.infer<typeof indicatorCatalog.row>;


// ---- Overview at scale (issue 6): places, the scope's units, values by place, pre-aggregates -------------
import overviewPlacesSql from './sql/overview_places.sql?raw';
import overviewUnitsSql from './sql/overview_units.sql?raw';
import scopeValuesSql from './sql/scope_values.sql?raw';
import aggValuesSql from './sql/agg_values.sql?raw';
import aggKpiSql from './sql/agg_kpi.sql?raw';

/** ($1 province ('' = all), $2 one row per county when the data has at most this many towns, else per province) */
export const overviewPlaces = defineQuery({
  name: 'overview_places',
  sql: overviewPlacesSql,
  params: z.tuple([z.string(), int]),
  row: z.object({
    province: z.string(),
    prefecture: z.string().nullable(),
    county: z.string().nullable(),
    /** the county's 6-digit code: its key in the URL and in every scope */
    county_code: z.string().nullable(),
    n_towns: int,
    n_county_units: int,
    /** every township of the county (gazetteer + unlisted ones with data); null for province rows */
    n_county_towns: int.nullable(),
    years: z.array(int),
    first_town: z.string().nullable(),
    last_town: z.string().nullable(),
    is_synthetic: z.boolean(),
  }),
});
export type Place = z.infer<typeof overviewPlaces.row>;

/** ($1 province, $2 county, $3 most rows) */
export const overviewUnits = defineQuery({
  name: 'overview_units',
  sql: overviewUnitsSql,
  params: z.tuple([z.string(), z.string(), int.positive()]),
  row: scopeUnits.row.omit({ n_facts: true, adcode: true }),
});
export type OverviewUnit = z.infer<typeof overviewUnits.row>;

/** unit_values by place: (scope: $1 … $5) ($6 indicator ids, $7 first year, $8 last year, $9 include partial) */
export const scopeValues = defineQuery({
  name: 'scope_values',
  sql: scopeValuesSql,
  params: z.tuple([...scope, z.string(), int, int, flag]),
  row: unitValues.row,
});

/** ($1 'province' | 'prefecture' | 'year', $2 province, $3 indicator ids, $4 first year, $5 last year, $6 include partial) */
export const aggValues = defineQuery({
  name: 'agg_values',
  sql: aggValuesSql,
  params: z.tuple([z.enum(['province', 'prefecture', 'year']), z.string(), z.string(), int, int, flag]),
  row: unitValues.row.extend({ n_towns: int }),
});
export type AggValue = z.infer<typeof aggValues.row>;

/** ($1 province, $2 indicator ids, $3 first year, $4 last year, $5 include partial) */
export const aggKpi = defineQuery({
  name: 'agg_kpi',
  sql: aggKpiSql,
  params: z.tuple([z.string(), z.string(), int, int, flag]),
  row: scopeAggregate.row,
});

// ---- Briefings (issue 14): the statements behind a scope's values, and the scope's towns ---------------
import scopeEvidenceSql from './sql/scope_evidence.sql?raw';
import scopeTownsSql from './sql/scope_towns.sql?raw';

/** (scope: $1 … $5) ($6 indicator ids, $7 first year, $8 last year, $9 include partial) */
export const scopeEvidence = defineQuery({
  name: 'scope_evidence',
  sql: scopeEvidenceSql,
  params: z.tuple([...scope, z.string(), int, int, flag]),
  row: z.object({
    town_id: z.string(),
    town_name: z.string(),
    year: int,
    indicator_id: z.string(),
    fact_id: z.string(),
    report_id: z.string(),
    report_title: z.string().nullable(),
    report_source: z.string(),
    report_imported: z.boolean(),
    report_reviewed: z.boolean(),
    is_synthetic: z.boolean(),
    evidence: z.string(),
    qualifier: z.string(),
    value: z.number(),
    value_high: num,
    review_status: z.string(),
  }),
});
export type EvidenceRow = z.infer<typeof scopeEvidence.row>;

/** ($1 province, $2 county, $3 town ids, $4 most rows) */
export const scopeTowns = defineQuery({
  name: 'scope_towns',
  sql: scopeTownsSql,
  params: z.tuple([z.string(), z.string(), townList, int.positive()]),
  row: z.object({
    town_id: z.string(),
    name_zh: z.string(),
    unit_type: z.string(),
    county: z.string().nullable(),
    province: z.string().nullable(),
    is_synthetic: z.boolean(),
    n_scope: int,
  }),
});
export type ScopeTown = z.infer<typeof scopeTowns.row>;

import scopeFactsSql from './sql/scope_facts.sql?raw';
/** (scope: $1 … $5) ($6 indicator ids, $7 first year, $8 last year, $9 most rows): a KPI tile's statements */
export const scopeFacts = defineQuery({
  name: 'scope_facts',
  sql: scopeFactsSql,
  params: z.tuple([...scope, z.string(), int, int, int.positive()]),
  row: unitFacts.row.extend({ town_id: z.string(), town_name: z.string() }),
});

// ---- The gazetteer (issue 13): every township of a county, coverage, name → code candidates ---------------
import countyTownsSql from './sql/county_towns.sql?raw';
import coverageSql from './sql/coverage.sql?raw';
import gazetteerCandidatesSql from './sql/gazetteer_candidates.sql?raw';

/** ($1 county code, 6 digits) — every township-level unit of the county, reporters or not */
export const countyTowns = defineQuery({
  name: 'county_towns',
  sql: countyTownsSql,
  params: z.tuple([z.string().regex(/^\d{6}$/, 'a 6-digit county code')]),
  row: z.object({
    town_id: z.string(),
    name_zh: z.string(),
    unit_type: z.string(),
    /** the 9-digit code; null for a unit the 2023 list lacks */
    code: z.string().nullable(),
    county: z.string().nullable(),
    county_code: z.string(),
    prefecture: z.string().nullable(),
    province: z.string().nullable(),
    n_villages: int.nullable(),
    n_village_committees: int.nullable(),
    n_resident_committees: int.nullable(),
    in_gazetteer: z.boolean(),
    has_data: z.boolean(),
    is_synthetic: z.boolean(),
    years: z.array(int),
  }),
});
export type CountyTown = z.infer<typeof countyTowns.row>;

/** ($1 county code, $2 first year, $3 last year, $4 … $5 town_id bounds of the county's towns with data) */
export const coverage = defineQuery({
  name: 'coverage',
  sql: coverageSql,
  params: z.tuple([z.string().regex(/^\d{6}$/, 'a 6-digit county code'), int, int, z.string(), z.string()]),
  row: z.object({
    town_id: z.string(),
    name_zh: z.string(),
    unit_type: z.string(),
    in_gazetteer: z.boolean(),
    has_data: z.boolean(),
    is_synthetic: z.boolean(),
    year: int.nullable(),
    report_id: z.string().nullable(),
    title: z.string().nullable(),
    source: z.string().nullable(),
    genre: z.string().nullable(),
    n_facts: int,
    n_indicators: int,
    categories: z.array(z.string()),
  }),
});
export type CoverageRow = z.infer<typeof coverage.row>;

/** ($1 names, $2 cores, each joined by U+001F: lookupNames()) — rows for matchUnit's index */
export const gazetteerCandidates = defineQuery({
  name: 'gazetteer_candidates',
  sql: gazetteerCandidatesSql,
  params: z.tuple([z.string(), z.string()]),
  row: z.object({
    code: z.string(),
    name_zh: z.string(),
    unit_type: z.string().nullable(),
    county_code: z.string(),
    county: z.string(),
    prefecture: z.string().nullable(),
    province: z.string(),
    n_villages: int.nullable(),
    level: z.enum(['township', 'county']),
  }),
});
