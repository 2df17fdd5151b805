-- The KPI tiles at national and provincial scale, from the pre-aggregates, in scope_aggregate's row shape.
-- Flows and amounts: sums over the reporting towns (n_reporting); rates: recomputed from the summed
-- numerators and denominators of the towns stating both ('recomputed'), not computable when a term is a
-- lower bound. Not a matched panel: a change between two years compares all towns reporting in each year.
-- $1 province ('' = the whole country), $2 indicator ids joined by U+001F, $3 first year, $4 last year,
-- $5 1 = include partial-year figures.
WITH g AS (
  SELECT indicator_id, year, sum(value) AS value, sum(numerator) AS numerator, sum(denominator) AS denominator,
         sum(n_towns)::INTEGER AS n_reporting, bool_or(lower_bound) AS lb,
         bool_or(NOT full_year) AS any_partial, bool_or(is_synthetic) AS is_synthetic
  FROM rol.agg_province
  WHERE ($1 = '' OR province = $1) AND year BETWEEN $3 AND $4 AND ($5 = 1 OR full_year)
    AND ($2 = '' OR list_contains(string_split($2, chr(31)), indicator_id))
  GROUP BY ALL
)
SELECT g.indicator_id, g.year::INTEGER AS year, i.kind,
       CASE WHEN i.kind <> 'rate' THEN g.value
            WHEN NOT g.lb AND g.denominator > 0 THEN round(100.0 * g.numerator / g.denominator, 2) END AS value,
       CASE WHEN i.kind <> 'rate' THEN 'sum'
            WHEN NOT g.lb AND g.denominator > 0 THEN 'recomputed' ELSE 'not_computable' END AS status,
       i.kind <> 'rate' AND g.lb AS is_lower_bound,
       g.n_reporting,
       (SELECT count(*) FROM towns WHERE level = 'township' AND ($1 = '' OR province = $1))::INTEGER AS n_scope,
       g.numerator, g.denominator, g.any_partial, g.is_synthetic
FROM g JOIN indicators i ON i.id = g.indicator_id
ORDER BY g.indicator_id, g.year;
