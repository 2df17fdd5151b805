-- The semantic layer, defined once and run by the browser (over the attached rol.duckdb) and by
-- Node (over the Parquet extracts). Every dashboard query reads these views, never raw tables.
CREATE OR REPLACE VIEW categories AS SELECT * FROM rol.categories;
CREATE OR REPLACE VIEW indicators AS SELECT * FROM rol.indicators;
CREATE OR REPLACE VIEW rules AS SELECT * FROM rol.rules;
-- Data the user imported in this browser (the import page) lives in schema `imported`, with the same
-- columns; it stands beside the bundled data, told apart by reports.source = 'import'.
CREATE SCHEMA IF NOT EXISTS imported;
CREATE TABLE IF NOT EXISTS imported.towns AS SELECT * FROM rol.towns LIMIT 0;
CREATE TABLE IF NOT EXISTS imported.reports AS SELECT * FROM rol.reports LIMIT 0;
CREATE TABLE IF NOT EXISTS imported.facts AS SELECT * FROM rol.facts LIMIT 0;
CREATE TABLE IF NOT EXISTS imported.violations AS SELECT * FROM rol.violations LIMIT 0;
-- Towns with their county's official code (county_code, 6 digits: the county's key in the URL and in every
-- scope) and in_gazetteer: whether the unit has an official code of the 2023 list (adcode; the build checks
-- every bundled adcode against the list, imported ones come from the matcher). A unit the
-- list lacks keeps its own id, in_gazetteer false, and its county's code when the county's name is unique in
-- its province.
CREATE OR REPLACE VIEW towns AS
SELECT t.*, CASE WHEN t.adcode IS NOT NULL THEN substr(t.adcode, 1, 6) ELSE c.code END AS county_code,
       t.adcode IS NOT NULL AS in_gazetteer
FROM (SELECT * FROM rol.towns UNION ALL SELECT * FROM imported.towns) t
LEFT JOIN rol.gazetteer_counties c
  ON t.adcode IS NULL AND c.name_unique_in_province AND c.province = t.province AND c.name_zh = t.county;
CREATE OR REPLACE VIEW reports AS SELECT * FROM rol.reports UNION ALL SELECT * FROM imported.reports;
CREATE OR REPLACE VIEW facts AS SELECT * FROM rol.facts UNION ALL SELECT * FROM imported.facts;
CREATE OR REPLACE VIEW violations AS SELECT * FROM rol.violations UNION ALL SELECT * FROM imported.violations;

-- Rates that can be recomputed from their own numerator and denominator (spec M5, L4).
CREATE OR REPLACE VIEW rate_definitions AS
SELECT * FROM (VALUES
  ('med_success_rate', 'med_success', 'med_cases_total'),
  ('lit_loss_rate', 'lit_admin_suits_lost', 'lit_admin_suits_concluded')
) AS t(rate_id, numerator_id, denominator_id);

-- Facts that count as achieved levels: no targets, no year-on-year changes, nothing rejected in review,
-- nothing from the 问题/计划 sections.
CREATE OR REPLACE VIEW facts_actual AS
SELECT * FROM facts
WHERE measure = 'level' AND NOT is_target AND review_status <> 'rejected' AND section IN ('成效', '其他');

-- Facts joined to their town, report and indicator names (for analysts and provenance panels).
CREATE OR REPLACE VIEW facts_named AS
SELECT f.*, t.name_zh AS town_name, t.unit_type, t.level, t.county, t.prefecture, t.province, t.county_code,
       i.label_zh AS indicator_zh, i.label_en AS indicator_en, i.category, i.kind, i.core,
       r.title AS report_title, r.publication_date, r.url AS report_url, r.text_path, r.source AS data_source
FROM facts f
JOIN towns t USING (town_id)
JOIN reports r USING (report_id)
JOIN indicators i ON i.id = f.indicator_id;

-- One value per town, year and indicator.
-- Several statements of the same (indicator, sub_kind) in one year are one quantity said twice: the
-- largest is kept. A statement without sub_kind is the total and wins; otherwise additive sub-kinds sum
-- (study + seminar + party lecture sessions). A non-additive indicator with only sub-kinds has no value.
CREATE OR REPLACE VIEW town_year AS
WITH per_sub AS (
  SELECT town_id, year, indicator_id, sub_kind,
         max(value) AS value,
         arg_max(qualifier, value) AS qualifier,
         -- A year-to-date figure counts as the full year when its end date reaches 31 December
         -- (e.g. "2024年1月以来" in a report published in March 2025).
         bool_and(period_basis = 'calendar_year'
                  OR (period_basis = 'ytd_as_of' AND period_end >= make_date(year, 12, 31))) AS full_year,
         bool_or(is_synthetic) AS is_synthetic,
         bool_or(is_zero_statement) AS is_zero_statement,
         list(fact_id ORDER BY evidence_start NULLS LAST, fact_id) AS fact_ids
  FROM facts_actual
  GROUP BY ALL
), per_ind AS (
  SELECT p.town_id, p.year, p.indicator_id, i.kind, i.additive,
         bool_or(p.sub_kind IS NULL) AS has_total,
         max(p.value) FILTER (WHERE p.sub_kind IS NULL) AS total_value,
         arg_max(p.qualifier, p.value) FILTER (WHERE p.sub_kind IS NULL) AS total_qualifier,
         sum(p.value) FILTER (WHERE p.sub_kind IS NOT NULL) AS parts_value,
         count(*) FILTER (WHERE p.sub_kind IS NOT NULL) AS n_parts,
         bool_or(p.qualifier = 'lower_bound') FILTER (WHERE p.sub_kind IS NOT NULL) AS parts_lower,
         bool_and(p.full_year) AS full_year,
         bool_or(p.is_synthetic) AS is_synthetic,
         bool_and(p.is_zero_statement) AS is_zero_statement,
         flatten(list(p.fact_ids)) AS fact_ids
  FROM per_sub p JOIN indicators i ON i.id = p.indicator_id
  GROUP BY ALL
)
SELECT town_id, year, indicator_id, kind,
       CASE WHEN has_total THEN total_value
            WHEN additive OR n_parts = 1 THEN parts_value END AS value,
       CASE WHEN has_total THEN total_qualifier = 'lower_bound'
            ELSE coalesce(parts_lower, false) END AS is_lower_bound,
       full_year, is_synthetic, is_zero_statement, fact_ids
FROM per_ind;

-- One row per town and year, one column per indicator of the catalog, holding town_year's value (NULL where
-- the town's report states nothing). DuckDB cannot keep a PIVOT whose column names are found at run time in
-- a view, so the catalog's ids are spelled out here, in catalog order; tests/lib/sql/wide-view.test.ts fails
-- when this list and data/indicators.json differ.
CREATE OR REPLACE VIEW wide AS
SELECT p.town_id, t.name_zh AS town_name, p.* EXCLUDE (town_id)
FROM (
  SELECT town_id, year, indicator_id, value FROM town_year
) PIVOT (
  first(value) FOR indicator_id IN (
    'ls_theory_study_sessions', 'ls_law_study_sessions', 'ls_rol_meetings', 'ls_training_sessions',
    'ls_training_attendance', 'ls_exam_pass_rate', 'dm_legality_reviews', 'dm_contract_reviews',
    'dm_major_decisions', 'dm_legal_opinions', 'dm_legal_advisers', 'lit_admin_suits_total',
    'lit_first_instance', 'lit_second_instance', 'lit_retrial', 'lit_admin_suits_concluded',
    'lit_admin_suits_lost', 'lit_loss_rate', 'lit_head_appearances', 'lit_head_appearance_rate',
    'lit_reconsideration_cases', 'lit_reconsideration_corrected', 'lit_reconsideration_correction_rate', 'enf_certified_officers',
    'enf_certification_rate', 'enf_inspections', 'enf_penalty_cases', 'enf_penalty_amount',
    'tr_proactive_disclosures', 'tr_disclosure_requests', 'out_events', 'out_materials',
    'out_reach', 'out_banners', 'out_posters', 'out_law_savvy_persons',
    'med_disputes_screened', 'med_cases_total', 'med_oral', 'med_written',
    'med_success', 'med_success_rate', 'med_judicial_confirmation', 'med_joint',
    'med_amount_involved', 'svc_legal_consultations', 'svc_legal_aid_cases', 'pet_petitions_received',
    'pet_hotline_tickets', 'pet_closure_rate', 'ls_exam_participation_rate', 'dm_normative_docs',
    'dm_review_issues_found', 'dm_adviser_engagements', 'dm_village_adviser_coverage_rate', 'dm_duty_list_items',
    'lit_civil_cases', 'lit_mediated_withdrawal_rate', 'enf_case_file_reviews', 'enf_listed_matters',
    'out_demo_villages', 'out_online_posts', 'out_culture_sites', 'med_case_files_reviewed',
    'med_subsidy_amount', 'med_mediators', 'med_agreements_fulfilled', 'med_prevented_escalations',
    'svc_service_center_visits', 'svc_convenience_services', 'pet_satisfaction_rate'
  ) GROUP BY town_id, year
) AS p
JOIN towns t ON t.town_id = p.town_id;

-- One value per unit, year and indicator (town_year) for the units a query selects, with names, the
-- indicator's kind and unit, and for rates the value recomputed from the unit's own numerator and
-- denominator (rate_definitions). unit_values.sql (by id list) and scope_values.sql (by place) both read
-- it, so the derivation lives here once. Missing stays missing: no statement, no row; an explicit zero is
-- a row with value 0 and is_zero_statement. A derived rate is only computed from exact (not "余") counts.
-- Parameters ('' / 0 = no restriction): p_level, p_province, p_county, p_towns (ids joined by U+001F),
-- p_lo / p_hi (first and last town_id of the scope: a read hint over the place-sorted facts, never changes
-- the result), p_inds (indicator ids joined by U+001F; a rate's numerator and denominator are read too),
-- p_y0 / p_y1 (years), p_partial (1 = include partial-year figures).
CREATE OR REPLACE MACRO unit_values_of(p_level, p_province, p_county, p_towns, p_lo, p_hi, p_inds, p_y0, p_y1, p_partial) AS TABLE
WITH sel AS (
  SELECT town_id, name_zh, unit_type, level, county, province FROM towns
  WHERE (p_level = '' OR level = p_level) AND (p_province = '' OR province = p_province)
    AND (p_county = '' OR county_code = p_county)
    AND (p_towns = '' OR list_contains(string_split(p_towns, chr(31)), town_id))
), ty AS (
  SELECT ty.* FROM town_year ty JOIN sel USING (town_id)
  WHERE ((p_lo = '' OR ty.town_id >= p_lo) AND (p_hi = '' OR ty.town_id <= p_hi)) AND ty.year BETWEEN p_y0 AND p_y1
    AND (p_partial = 1 OR ty.full_year)
    AND (p_inds = '' OR list_contains(string_split(p_inds, chr(31)), ty.indicator_id)
         OR ty.indicator_id IN (SELECT numerator_id FROM rate_definitions WHERE list_contains(string_split(p_inds, chr(31)), rate_id))
         OR ty.indicator_id IN (SELECT denominator_id FROM rate_definitions WHERE list_contains(string_split(p_inds, chr(31)), rate_id)))
), derived AS (
  SELECT n.town_id, n.year, d.rate_id AS indicator_id,
         round(100.0 * n.value / nullif(dn.value, 0), 2) AS derived_value,
         n.value AS numerator, dn.value AS denominator,
         n.full_year AND dn.full_year AS full_year,
         n.is_synthetic OR dn.is_synthetic AS is_synthetic
  FROM rate_definitions d
  JOIN ty n ON n.indicator_id = d.numerator_id
  JOIN ty dn ON dn.indicator_id = d.denominator_id AND dn.town_id = n.town_id AND dn.year = n.year
  WHERE NOT n.is_lower_bound AND NOT dn.is_lower_bound AND dn.value > 0
), joined AS (
  SELECT coalesce(ty.town_id, d.town_id) AS town_id, coalesce(ty.year, d.year) AS year,
         coalesce(ty.indicator_id, d.indicator_id) AS indicator_id,
         ty.value, coalesce(ty.is_lower_bound, false) AS is_lower_bound,
         coalesce(ty.full_year, d.full_year) AS full_year,
         coalesce(ty.is_synthetic, d.is_synthetic) AS is_synthetic,
         coalesce(ty.is_zero_statement, false) AS is_zero_statement,
         coalesce(ty.fact_ids, []) AS fact_ids,
         d.derived_value, d.numerator, d.denominator
  FROM ty FULL OUTER JOIN derived d ON d.town_id = ty.town_id AND d.year = ty.year AND d.indicator_id = ty.indicator_id
)
SELECT j.town_id, sel.name_zh AS town_name, sel.unit_type, sel.level, sel.county, sel.province,
       j.year::INTEGER AS year, j.indicator_id, i.category, i.kind, i.unit,
       j.value, j.is_lower_bound, j.derived_value, j.numerator, j.denominator,
       j.full_year, j.is_synthetic, j.is_zero_statement, j.fact_ids
FROM joined j JOIN sel USING (town_id) JOIN indicators i ON i.id = j.indicator_id
WHERE p_inds = '' OR list_contains(string_split(p_inds, chr(31)), j.indicator_id);

-- The gazetteer (国家统计局 2023年统计用区划代码): every township-level unit, every county.
CREATE OR REPLACE VIEW gazetteer AS SELECT * FROM rol.gazetteer;
CREATE OR REPLACE VIEW gazetteer_counties AS SELECT * FROM rol.gazetteer_counties;

-- Every township-level unit of one county (p_county: its 6-digit code): the gazetteer's townships and the
-- county's towns with data that the list lacks (in_gazetteer false). has_data: the unit is in `towns` (it
-- has a report); n_villages / n_village_committees / n_resident_committees: the list's counts.
CREATE OR REPLACE MACRO towns_in_county(p_county) AS TABLE
SELECT coalesce(t.town_id, g.code) AS town_id, coalesce(t.name_zh, g.name_zh) AS name_zh,
       coalesce(t.unit_type, g.unit_type) AS unit_type, g.code AS code,
       coalesce(g.county, t.county) AS county, p_county AS county_code,
       coalesce(g.prefecture, t.prefecture) AS prefecture, coalesce(g.province, t.province) AS province,
       coalesce(g.n_villages, t.n_villages) AS n_villages, g.n_village_committees, g.n_resident_committees,
       g.code IS NOT NULL AS in_gazetteer, t.town_id IS NOT NULL AS has_data, coalesce(t.is_synthetic, false) AS is_synthetic
FROM (SELECT * FROM rol.gazetteer WHERE county_code = p_county) g
FULL OUTER JOIN (SELECT * FROM towns WHERE level = 'township' AND county_code = p_county) t ON t.town_id = g.code;

-- The township-level units of a scope: a county's every unit (towns_in_county: reporters and non-reporters),
-- else the towns with data of the province / chosen towns. p_province ('' = any), p_county (6-digit code,
-- '' = any), p_towns (ids joined by U+001F, '' = all). Rankings and the reporting counts read it, so a
-- county's towns that did not report are counted and listed as not reported, never as zero.
CREATE OR REPLACE MACRO scope_towns(p_province, p_county, p_towns) AS TABLE
SELECT town_id, name_zh, unit_type, county, county_code, province, is_synthetic, n_villages, in_gazetteer, has_data
FROM towns_in_county(p_county)
WHERE p_county <> '' AND (p_province = '' OR province = p_province)
  AND (p_towns = '' OR list_contains(string_split(p_towns, chr(31)), town_id))
UNION ALL
SELECT town_id, name_zh, unit_type, county, county_code, province, is_synthetic, n_villages, in_gazetteer, true
FROM towns
WHERE p_county = '' AND level = 'township' AND (p_province = '' OR province = p_province)
  AND (p_towns = '' OR list_contains(string_split(p_towns, chr(31)), town_id));
