-- A ranking of township-level units in a scope on one indicator in one year. Every unit in the scope is
-- listed: those that state no value come last with rank NULL (not reported ≠ zero). Rates rank on the
-- reported value, else the one recomputed from the unit's numerator and denominator.
-- $1 unit ids joined by U+001F ('' = all township-level units), $2 indicator id, $3 year,
-- $4 1 = include partial-year figures.
WITH sel AS (
  SELECT town_id, name_zh, unit_type, county, province, is_synthetic FROM towns
  WHERE level = 'township' AND ($1 = '' OR list_contains(string_split($1, chr(31)), town_id))
), ty AS (
  SELECT * FROM town_year WHERE year = $3 AND ($4 = 1 OR full_year)
), num AS (
  SELECT n.town_id, round(100.0 * n.value / dn.value, 2) AS derived_value
  FROM rate_definitions d
  JOIN ty n ON n.indicator_id = d.numerator_id
  JOIN ty dn ON dn.indicator_id = d.denominator_id AND dn.town_id = n.town_id
  WHERE d.rate_id = $2 AND NOT n.is_lower_bound AND NOT dn.is_lower_bound AND dn.value > 0
), v AS (
  SELECT sel.*, ty.value AS reported_value, num.derived_value,
         coalesce(ty.value, num.derived_value) AS value,
         coalesce(ty.is_lower_bound, false) AS is_lower_bound,
         ty.full_year, coalesce(ty.is_zero_statement, false) AS is_zero_statement
  FROM sel
  LEFT JOIN ty ON ty.town_id = sel.town_id AND ty.indicator_id = $2
  LEFT JOIN num ON num.town_id = sel.town_id
)
SELECT town_id, name_zh AS town_name, unit_type, county, province,
       CASE WHEN value IS NULL THEN NULL ELSE rank() OVER (ORDER BY value DESC NULLS LAST) END::INTEGER AS rank,
       value, reported_value, derived_value, is_lower_bound, full_year, is_zero_statement, is_synthetic
FROM v
ORDER BY value DESC NULLS LAST, name_zh;
