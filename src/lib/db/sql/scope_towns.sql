-- The township-level units of a scope (briefing exports: every town of the selection is a row, and the
-- ones that did not report are named). In a county, every township of the gazetteer (views.sql scope_towns:
-- those without any report too). Scope: $1 province, $2 county (6-digit code), $3 town ids joined by U+001F
-- ('' = any); $4 at most this many rows (n_scope still counts them all).
-- n_scope comes from a scalar subquery, not count(*) OVER (): over the attached rol.duckdb that window
-- hit a DuckDB internal error (empty vector) in the FULL OUTER JOIN of towns_in_county.
SELECT town_id, name_zh, unit_type, county, province, is_synthetic,
       (SELECT count(*) FROM scope_towns($1, $2, $3)) AS n_scope
FROM scope_towns($1, $2, $3)
ORDER BY province NULLS LAST, county NULLS LAST, name_zh
LIMIT $4;
