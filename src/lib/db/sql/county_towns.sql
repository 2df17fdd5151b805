-- Every township-level unit of one county ($1: its 6-digit code): the gazetteer's townships and the
-- county's towns with data that the 2023 list lacks (in_gazetteer false), with the village-level counts
-- and the years each has a report (empty: has not reported). The overview's county view and the compare
-- page's "all towns of this county" read it.
SELECT c.town_id, c.name_zh, c.unit_type, c.code, c.county, c.county_code, c.prefecture, c.province,
       c.n_villages, c.n_village_committees, c.n_resident_committees, c.in_gazetteer, c.has_data, c.is_synthetic,
       coalesce(list(DISTINCT r.year::INTEGER ORDER BY r.year::INTEGER) FILTER (WHERE r.year IS NOT NULL), []) AS years
FROM towns_in_county($1) c LEFT JOIN reports r USING (town_id)
GROUP BY ALL
ORDER BY c.code NULLS LAST, c.name_zh;
