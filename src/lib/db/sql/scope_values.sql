-- unit_values_of (views.sql) for the overview's scope: township-level units chosen by place, never by a
-- list of every id. Same semantics and row shape as unit_values.sql.
-- Scope: $1 province, $2 county, $3 town ids joined by U+001F ('' = any), $4 … $5 the first and last town_id
-- of the scope as a read hint (facts are stored in place order; '' = no hint; never changes the result);
-- $6 indicator ids joined by U+001F ('' = all), $7 first year, $8 last year, $9 1 = include partial-year figures.
SELECT * FROM unit_values_of('township', $1, $2, $3, $4, $5, $6, $7, $8, $9)
ORDER BY year, category, indicator_id, town_name;
