-- unit_values_of (views.sql) for a list of units.
-- $1 unit ids joined by U+001F ('' = every unit of the level), $2 level ('township' | 'county' | '' = any),
-- $3 indicator ids joined by U+001F ('' = all), $4 first year, $5 last year,
-- $6 1 = include partial-year figures (ytd, half-year, unknown period), 0 = full calendar years only.
SELECT * FROM unit_values_of($2, '', '', $1, '', '', $3, $4, $5, $6)
ORDER BY year, category, indicator_id, town_name;
