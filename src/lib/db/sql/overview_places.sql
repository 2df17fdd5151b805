-- The overview's places, small at any scale: one row per province, or one row per county (prefecture and
-- county filled) when a province is chosen ($1) or the whole dataset has at most $2 township-level units.
-- n_towns counts township-level units, n_county_units the county-level reporting units (listed apart, never
-- towns); years = the years with a report. Feeds the province / county pickers, the year pickers, and the
-- choice between per-town detail and the pre-aggregates (src/lib/db/overview.ts).
WITH by_county AS (
  SELECT $1 <> '' OR (SELECT count(*) FROM towns WHERE level = 'township') <= $2 AS yes
)
SELECT t.province,
       CASE WHEN (SELECT yes FROM by_county) THEN t.prefecture END AS prefecture,
       CASE WHEN (SELECT yes FROM by_county) THEN t.county END AS county,
       count(DISTINCT t.town_id) FILTER (WHERE t.level = 'township')::INTEGER AS n_towns,
       count(DISTINCT t.town_id) FILTER (WHERE t.level = 'county')::INTEGER AS n_county_units,
       coalesce(list(DISTINCT r.year::INTEGER ORDER BY r.year::INTEGER) FILTER (WHERE r.year IS NOT NULL), []) AS years,
       bool_or(t.is_synthetic) AS is_synthetic,
       -- the first and last township id: a read hint for the detail queries (facts are stored in place order)
       min(t.town_id) FILTER (WHERE t.level = 'township') AS first_town,
       max(t.town_id) FILTER (WHERE t.level = 'township') AS last_town
FROM towns t LEFT JOIN reports r USING (town_id)
WHERE t.province IS NOT NULL AND ($1 = '' OR t.province = $1)
GROUP BY ALL
ORDER BY t.province, prefecture NULLS FIRST, county NULLS FIRST;
