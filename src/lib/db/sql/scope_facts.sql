-- The statements behind a scope's figure (a KPI tile: an indicator summed or recomputed over the scope's
-- towns), with their provenance, in unit_facts.sql's shape plus the town's name: achieved levels only.
-- Scope: $1 province, $2 county (6-digit code), $3 town ids joined by U+001F, $4 … $5 first and last town_id (a read hint,
-- '' = none) ('' = any); township-level units only. $6 indicator ids joined by U+001F, $7 first year,
-- $8 last year, $9 at most this many rows.
SELECT f.fact_id, f.report_id, f.year::INTEGER AS year, f.indicator_id, f.sub_kind, f.measure, f.value, f.value_high,
       f.qualifier, f.unit, f.unit_raw, f.is_zero_statement, f.is_target, f.period_basis,
       f.period_start::VARCHAR AS period_start, f.period_end::VARCHAR AS period_end, f.section, f.evidence, f.evidence_start, f.evidence_end,
       f.review_status, coalesce(f.source_url, f.report_url) AS source_url, f.text_path, f.report_title,
       f.indicator_zh, f.indicator_en, f.category, f.kind, f.is_synthetic, true AS is_actual, f.town_id, f.town_name
FROM facts_named f
WHERE f.level = 'township' AND ($1 = '' OR f.province = $1) AND ($2 = '' OR f.county_code = $2)
  AND ($3 = '' OR list_contains(string_split($3, chr(31)), f.town_id))
  AND ($4 = '' OR f.town_id >= $4) AND ($5 = '' OR f.town_id <= $5)
  AND list_contains(string_split($6, chr(31)), f.indicator_id) AND f.year BETWEEN $7 AND $8
  AND f.measure = 'level' AND NOT f.is_target AND f.review_status <> 'rejected' AND f.section IN ('成效', '其他')
ORDER BY f.town_name, f.year, f.indicator_id, f.evidence_start NULLS LAST, f.fact_id
LIMIT $9;
