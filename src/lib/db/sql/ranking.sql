-- A ranking of township-level units in a scope on one indicator in one year. Units that state no value
-- come last with rank NULL (not reported ≠ zero); in a county every township of the gazetteer is listed
-- (has_data false: no report at all). Rates rank on the reported value, else the one recomputed from the
-- unit's numerator and denominator. At most $9 rows reach the page (top N at national scale); n_scope and
-- n_ranked count every unit of the scope and every unit with a value, before the LIMIT.
-- Per village ($10 = 1): counts (flow, stock, amount; never rates) are also divided by the township's
-- village-level units in the gazetteer (每村(社区)平均, a derived value: per_village, with its denominator
-- n_villages) and ranked on that; a unit without a village count has no per-village value.
-- Scope: $1 province, $2 county (6-digit code), $3 town ids joined by U+001F, $4 … $5 the
-- first and last town_id of the scope as a read hint (facts are stored in place order, so the scan reads
-- only those blocks; '' = no hint; never changes the result) ('' = any). $6 indicator id, $7 year,
-- $8 1 = include partial-year figures, $9 the most rows returned, $10 1 = rank per village.
WITH sel AS (
  SELECT town_id, name_zh, unit_type, county, province, is_synthetic, n_villages, in_gazetteer, has_data
  FROM scope_towns($1, $2, $3)
), ty AS (
  SELECT ty.* FROM town_year ty JOIN sel USING (town_id)
  WHERE (($4 = '' OR ty.town_id >= $4) AND ($5 = '' OR ty.town_id <= $5)) AND ty.year = $7 AND ($8 = 1 OR ty.full_year)
    AND (ty.indicator_id = $6
         OR ty.indicator_id IN (SELECT numerator_id FROM rate_definitions WHERE rate_id = $6)
         OR ty.indicator_id IN (SELECT denominator_id FROM rate_definitions WHERE rate_id = $6))
), num AS (
  SELECT n.town_id, round(100.0 * n.value / dn.value, 2) AS derived_value
  FROM rate_definitions d
  JOIN ty n ON n.indicator_id = d.numerator_id
  JOIN ty dn ON dn.indicator_id = d.denominator_id AND dn.town_id = n.town_id
  WHERE d.rate_id = $6 AND NOT n.is_lower_bound AND NOT dn.is_lower_bound AND dn.value > 0
), v AS (
  SELECT sel.*, ty.value AS reported_value, num.derived_value,
         coalesce(ty.value, num.derived_value) AS value,
         coalesce(ty.is_lower_bound, false) AS is_lower_bound,
         ty.full_year, coalesce(ty.is_zero_statement, false) AS is_zero_statement,
         CASE WHEN (SELECT kind FROM indicators WHERE id = $6) <> 'rate' AND sel.n_villages > 0
              THEN round(coalesce(ty.value, num.derived_value) / sel.n_villages, 2) END AS per_village
  FROM sel
  LEFT JOIN ty ON ty.town_id = sel.town_id AND ty.indicator_id = $6
  LEFT JOIN num ON num.town_id = sel.town_id
), k AS (
  SELECT *, CASE WHEN $10 = 1 THEN per_village ELSE value END AS key FROM v
)
SELECT town_id, name_zh AS town_name, unit_type, county, province,
       CASE WHEN key IS NULL THEN NULL ELSE rank() OVER (ORDER BY key DESC NULLS LAST) END::INTEGER AS rank,
       value, reported_value, derived_value, is_lower_bound, full_year, is_zero_statement, is_synthetic,
       n_villages, per_village, in_gazetteer, has_data,
       (count(*) OVER ())::INTEGER AS n_scope, (count(key) OVER ())::INTEGER AS n_ranked
FROM k
ORDER BY key DESC NULLS LAST, value DESC NULLS LAST, name_zh
LIMIT $9;
