-- The township-level units of a scope (briefing exports: every town of the selection is a row, and the
-- ones that did not report are named). Scope: $1 province, $2 county, $3 town ids joined by U+001F ('' = any);
-- $4 at most this many rows (n_scope still counts them all).
SELECT town_id, name_zh, unit_type, county, province, is_synthetic, count(*) OVER () AS n_scope
FROM towns
WHERE level = 'township' AND ($1 = '' OR province = $1) AND ($2 = '' OR county = $2)
  AND ($3 = '' OR list_contains(string_split($3, chr(31)), town_id))
ORDER BY province NULLS LAST, county NULLS LAST, name_zh
LIMIT $4;
