-- Coverage of one county ($1: 6-digit code) from year $2 to $3: one row per township and report (a
-- township without a report in the period has one row with year NULL), with how many facts the report
-- holds that count as achieved levels (facts_actual), how many indicators, and which categories.
-- $4 … $5: the first and last town_id of the county's towns with data, a read hint ('' = none).
WITH c AS (
  SELECT town_id, name_zh, unit_type, code, in_gazetteer, has_data, is_synthetic FROM towns_in_county($1)
), r AS (
  SELECT r.town_id, r.year::INTEGER AS year, r.report_id, r.title, r.source, r.genre
  FROM reports r JOIN c USING (town_id) WHERE r.year BETWEEN $2 AND $3
), f AS (
  SELECT f.report_id, count(*)::INTEGER AS n_facts, count(DISTINCT f.indicator_id)::INTEGER AS n_indicators,
         list(DISTINCT i.category ORDER BY i.category) AS categories
  FROM facts_actual f JOIN r USING (report_id) JOIN indicators i ON i.id = f.indicator_id
  WHERE ($4 = '' OR f.town_id >= $4) AND ($5 = '' OR f.town_id <= $5)
  GROUP BY f.report_id
)
SELECT c.town_id, c.name_zh, c.unit_type, c.in_gazetteer, c.has_data, c.is_synthetic, r.year, r.report_id, r.title, r.source, r.genre,
       coalesce(f.n_facts, 0)::INTEGER AS n_facts, coalesce(f.n_indicators, 0)::INTEGER AS n_indicators,
       coalesce(f.categories, []) AS categories
FROM c LEFT JOIN r USING (town_id) LEFT JOIN f USING (report_id)
ORDER BY c.code NULLS LAST, c.name_zh, r.year, r.report_id;
