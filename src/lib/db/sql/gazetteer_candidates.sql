-- Gazetteer rows a unit's name could match, for src/lib/gazetteer/match.ts in the browser: $1 names and
-- $2 cores (names without their type: 蒲场镇 → 蒲场), each joined by U+001F (lookupNames() makes both).
SELECT code, name_zh, unit_type, county_code, county, prefecture, province, n_villages, 'township' AS level
FROM gazetteer
WHERE list_contains(string_split($1, chr(31)), name_zh)
   OR list_contains(string_split($2, chr(31)), regexp_replace(name_zh, '(街道|民族乡|镇|乡)$', ''))
UNION ALL
SELECT code, name_zh, NULL, code, name_zh, prefecture, province, NULL, 'county'
FROM gazetteer_counties
WHERE list_contains(string_split($1, chr(31)), name_zh)
ORDER BY code;
