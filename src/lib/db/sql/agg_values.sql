-- The overview at national and provincial scale, from the build-time pre-aggregates (aggregates.sql), in
-- the row shape of scope_values (one "unit" per province, prefecture, or the whole scope per year) so the
-- same chart functions draw it. Flows and amounts are sums over the reporting towns (n_towns says how
-- many); a rate is 100·Σnumerator/Σdenominator over the towns stating both (derived_value; never an average
-- of rates), not computable when a term is a lower bound.
-- $1 grouping: 'province' (one row per province), 'prefecture' (per prefecture of province $2), 'year' (the
-- whole scope per year); $2 province ('' = the whole country); $3 indicator ids joined by U+001F ('' = all);
-- $4 first year, $5 last year, $6 1 = include partial-year figures, 0 = full calendar years only.
WITH src AS (
  SELECT province, NULL::VARCHAR AS prefecture, year, indicator_id, full_year, value, numerator, denominator,
         n_towns, lower_bound, is_synthetic
  FROM rol.agg_province WHERE $1 <> 'prefecture' AND ($2 = '' OR province = $2)
  UNION ALL
  SELECT province, prefecture, year, indicator_id, full_year, value, numerator, denominator,
         n_towns, lower_bound, is_synthetic
  FROM rol.agg_prefecture WHERE $1 = 'prefecture' AND province = $2
), g AS (
  SELECT CASE $1 WHEN 'year' THEN coalesce(nullif($2, ''), '') WHEN 'prefecture' THEN prefecture ELSE province END AS unit,
         year, indicator_id,
         sum(value) AS value, sum(numerator) AS numerator, sum(denominator) AS denominator,
         sum(n_towns)::INTEGER AS n_towns, bool_or(lower_bound) AS lb, bool_and(full_year) AS full_year,
         bool_or(is_synthetic) AS is_synthetic
  FROM src
  WHERE year BETWEEN $4 AND $5 AND ($6 = 1 OR full_year)
    AND ($3 = '' OR list_contains(string_split($3, chr(31)), indicator_id))
  GROUP BY ALL
)
SELECT g.unit AS town_id, g.unit AS town_name, '' AS unit_type, $1 AS level,
       NULL::VARCHAR AS county, CASE WHEN $1 = 'province' THEN g.unit ELSE nullif($2, '') END AS province,
       g.year::INTEGER AS year, g.indicator_id, i.category, i.kind, i.unit,
       CASE WHEN i.kind = 'rate' THEN NULL ELSE g.value END AS value,
       i.kind <> 'rate' AND g.lb AS is_lower_bound,
       CASE WHEN i.kind = 'rate' AND NOT g.lb AND g.denominator > 0 THEN round(100.0 * g.numerator / g.denominator, 2) END AS derived_value,
       g.numerator, g.denominator, g.full_year, g.is_synthetic,
       false AS is_zero_statement, []::VARCHAR[] AS fact_ids, g.n_towns
FROM g JOIN indicators i ON i.id = g.indicator_id
ORDER BY g.year, i.category, g.indicator_id, g.unit;
