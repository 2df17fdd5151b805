-- The statements behind a scope's values (briefing exports, issue 14): for every town-year-indicator value of
-- town_year in the scope, the facts it was made from (town_year.fact_ids) — the evidence phrase, the
-- qualifier, the report it came from, whether that report was imported and whether it was reviewed (any of
-- its statements accepted, corrected or rejected by a person). Partial-year values only when asked for, as
-- the charts do. Scope: $1 province, $2 county, $3 town ids joined by U+001F, $4 … $5 first and last
-- town_id (a read hint, '' = none) ('' = any; the county by its 6-digit code); township-level units only.
-- $6 indicator ids joined by U+001F ('' = all), $7 first year, $8 last year, $9 1 = include partial years.
WITH sel AS (
  SELECT town_id, name_zh FROM towns
  WHERE level = 'township' AND ($1 = '' OR province = $1) AND ($2 = '' OR county_code = $2)
    AND ($3 = '' OR list_contains(string_split($3, chr(31)), town_id))
), ty AS (
  SELECT ty.town_id, ty.year, ty.indicator_id, unnest(ty.fact_ids) AS fact_id
  FROM town_year ty JOIN sel USING (town_id)
  WHERE (($4 = '' OR ty.town_id >= $4) AND ($5 = '' OR ty.town_id <= $5)) AND ty.year BETWEEN $7 AND $8
    AND ($9 = 1 OR ty.full_year)
    AND ($6 = '' OR list_contains(string_split($6, chr(31)), ty.indicator_id))
), f AS (
  SELECT ty.town_id, ty.year, ty.indicator_id, x.fact_id, x.report_id, x.evidence, x.qualifier, x.value, x.value_high,
         x.review_status, x.evidence_start
  FROM ty JOIN facts x ON x.fact_id = ty.fact_id
), rev AS (
  SELECT report_id, bool_or(review_status <> 'extracted') AS reviewed
  FROM facts WHERE report_id IN (SELECT report_id FROM f) GROUP BY report_id
)
SELECT f.town_id, sel.name_zh AS town_name, f.year::INTEGER AS year, f.indicator_id, f.fact_id, f.report_id,
       r.title AS report_title, r.source AS report_source, (r.source = 'import') AS report_imported,
       coalesce(rev.reviewed, false) AS report_reviewed, r.is_synthetic,
       f.evidence, f.qualifier, f.value, f.value_high, f.review_status
FROM f JOIN sel USING (town_id) JOIN reports r ON r.report_id = f.report_id LEFT JOIN rev ON rev.report_id = f.report_id
ORDER BY f.year, sel.name_zh, f.indicator_id, f.evidence_start NULLS LAST, f.fact_id;
