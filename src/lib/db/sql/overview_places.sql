-- The overview's places, small at any scale: one row per province, or one row per county (prefecture,
-- county and its 6-digit county_code filled) when a province is chosen ($1) or the whole dataset has at most
-- $2 township-level units. n_towns counts township-level units with data, n_county_units the county-level
-- reporting units (listed apart, never towns); n_county_towns (per county) every township of the county: the
-- gazetteer's plus those with data the list lacks — the county view lists them all. years = the years with a
-- report. Feeds the province / county pickers, the year pickers, and the choice between per-town detail and
-- the pre-aggregates (src/lib/db/overview.ts).
WITH by_county AS (
  SELECT $1 <> '' OR (SELECT count(*) FROM towns WHERE level = 'township') <= $2 AS yes
), p AS (
  -- towns placed in no province are one row with province '' (counted nationally, never a picker option)
  SELECT coalesce(t.province, '') AS province,
         CASE WHEN (SELECT yes FROM by_county) THEN t.prefecture END AS prefecture,
         CASE WHEN (SELECT yes FROM by_county) THEN t.county END AS county,
         CASE WHEN (SELECT yes FROM by_county) THEN t.county_code END AS county_code,
         count(DISTINCT t.town_id) FILTER (WHERE t.level = 'township')::INTEGER AS n_towns,
         count(DISTINCT t.town_id) FILTER (WHERE t.level = 'county')::INTEGER AS n_county_units,
         count(DISTINCT t.town_id) FILTER (WHERE t.level = 'township' AND g.code IS NULL)::INTEGER AS n_unlisted,
         coalesce(list(DISTINCT r.year::INTEGER ORDER BY r.year::INTEGER) FILTER (WHERE r.year IS NOT NULL), []) AS years,
         bool_or(t.is_synthetic) AS is_synthetic,
         -- the first and last township id: a read hint for the detail queries (facts are stored in place order)
         min(t.town_id) FILTER (WHERE t.level = 'township') AS first_town,
         max(t.town_id) FILTER (WHERE t.level = 'township') AS last_town
  FROM towns t LEFT JOIN reports r USING (town_id) LEFT JOIN gazetteer g ON g.code = t.town_id
  WHERE ($1 = '' OR t.province = $1)
  GROUP BY ALL
)
SELECT p.province, p.prefecture, p.county, p.county_code, p.n_towns, p.n_county_units,
       CASE WHEN p.county_code IS NOT NULL THEN (coalesce(c.n_towns, 0) + p.n_unlisted)::INTEGER END AS n_county_towns,
       p.years, p.is_synthetic, p.first_town, p.last_town
FROM p LEFT JOIN gazetteer_counties c ON c.code = p.county_code
ORDER BY p.province, p.prefecture NULLS FIRST, p.county NULLS FIRST, p.county_code NULLS FIRST;
