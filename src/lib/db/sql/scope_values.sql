-- scope_values: unit_values for the overview's scope — township-level units chosen by place, never by a list
-- of every id. Same semantics and row shape as unit_values.sql:
-- One value per unit, year and indicator (the town_year view), with names, the indicator's kind and unit,
-- and for rates the value recomputed from the unit's own numerator and denominator (rate_definitions).
-- Missing stays missing: a unit/indicator/year without a statement has no row; an explicit zero is a row
-- with value 0 and is_zero_statement. A derived rate is only computed from exact (not "余") counts.
-- Scope: $1 province, $2 county, $3 town ids joined by U+001F, $4 … $5 the
-- first and last town_id of the scope as a read hint (facts are stored in place order, so the scan reads
-- only those blocks; '' = no hint; never changes the result) ('' = any); $6 indicator ids joined by U+001F
-- ('' = all), $7 first year, $8 last year, $9 1 = include partial-year figures, 0 = full calendar years only.
WITH sel AS (
  SELECT town_id, name_zh, unit_type, level, county, province FROM towns
  WHERE level = 'township' AND ($1 = '' OR province = $1) AND ($2 = '' OR county = $2)
    AND ($3 = '' OR list_contains(string_split($3, chr(31)), town_id))
), ty AS (
  SELECT ty.* FROM town_year ty JOIN sel USING (town_id)
  WHERE (($4 = '' OR ty.town_id >= $4) AND ($5 = '' OR ty.town_id <= $5)) AND ty.year BETWEEN $7 AND $8 AND ($9 = 1 OR ty.full_year)
    AND ($6 = '' OR list_contains(string_split($6, chr(31)), ty.indicator_id)
         OR ty.indicator_id IN (SELECT numerator_id FROM rate_definitions WHERE list_contains(string_split($6, chr(31)), rate_id))
         OR ty.indicator_id IN (SELECT denominator_id FROM rate_definitions WHERE list_contains(string_split($6, chr(31)), rate_id)))
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
WHERE $6 = '' OR list_contains(string_split($6, chr(31)), j.indicator_id)
ORDER BY j.year, i.category, j.indicator_id, sel.name_zh;
