-- The reporting units of one scope, for the town picker and the county-level reports listed apart:
-- $1 province ('' = any), $2 county (6-digit code, '' = any), $3 at most this many rows (the page asks for a county's
-- units, or a whole small dataset; never for every town of the country). County-level units come first.
SELECT t.town_id, t.name_zh, t.unit_type, t.level, t.county, t.prefecture, t.province, t.is_synthetic, t.n_villages,
       coalesce(list(DISTINCT r.year::INTEGER ORDER BY r.year::INTEGER) FILTER (WHERE r.year IS NOT NULL), []) AS years
FROM towns t LEFT JOIN reports r USING (town_id)
WHERE ($1 = '' OR t.province = $1) AND ($2 = '' OR t.county_code = $2)
GROUP BY ALL
ORDER BY t.level, t.province NULLS LAST, t.county NULLS LAST, t.name_zh
LIMIT $3;
