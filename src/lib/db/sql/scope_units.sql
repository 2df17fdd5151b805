-- Every reporting unit with its place in the hierarchy and the years it has figures for: feeds the
-- scope pickers (province → county → towns) and the town list. County-level units are listed with
-- level = 'county' so the UI can show them apart; they are never counted as towns.
SELECT t.town_id, t.name_zh, t.unit_type, t.level, t.county, t.prefecture, t.province, t.is_synthetic, t.adcode, t.n_villages,
       coalesce(list(DISTINCT r.year::INTEGER ORDER BY r.year::INTEGER) FILTER (WHERE r.year IS NOT NULL), []) AS years,
       (SELECT count(*) FROM facts f WHERE f.town_id = t.town_id)::INTEGER AS n_facts
FROM towns t LEFT JOIN reports r USING (town_id)
GROUP BY ALL
ORDER BY t.province NULLS LAST, t.county NULLS LAST, t.level DESC, t.name_zh;
