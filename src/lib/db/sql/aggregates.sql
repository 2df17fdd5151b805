-- Build-time pre-aggregates: province / prefecture / county × year × indicator, township-level units only
-- (a county's own report is never one more town). Flows and amounts sum; stocks sum within the year (the
-- same date); rates are not stored here — they are recomputed from numerator and denominator rows.
-- `lower_bound` marks sums that include a lower-bound value ("≥"). Run on base tables at build time.
CREATE OR REPLACE TABLE agg_county AS
WITH one AS (
  -- one value per town, year, indicator and sub_kind (the largest statement), totals preferred
  SELECT f.town_id, f.year, f.indicator_id, f.sub_kind, max(f.value) AS value,
         bool_or(f.qualifier = 'lower_bound') AS lower_bound,
         bool_and(f.period_basis = 'calendar_year') AS full_year,
         bool_or(f.is_synthetic) AS is_synthetic
  FROM facts f
  WHERE f.measure = 'level' AND NOT f.is_target AND f.review_status <> 'rejected' AND f.section IN ('成效', '其他')
  GROUP BY ALL
), per_town AS (
  SELECT town_id, year, indicator_id,
         coalesce(max(value) FILTER (WHERE sub_kind IS NULL), sum(value)) AS value,
         bool_or(lower_bound) AS lower_bound, bool_and(full_year) AS full_year, bool_or(is_synthetic) AS is_synthetic
  FROM one GROUP BY ALL
)
SELECT t.province, t.prefecture, t.county, p.year, p.indicator_id,
       sum(p.value) AS value, count(*)::INTEGER AS n_towns, bool_or(p.lower_bound) AS lower_bound,
       bool_and(p.full_year) AS full_year, bool_or(p.is_synthetic) AS is_synthetic
FROM per_town p JOIN towns t USING (town_id) JOIN indicators i ON i.id = p.indicator_id
WHERE t.level = 'township' AND i.kind IN ('flow', 'amount', 'stock')
GROUP BY ALL;

CREATE OR REPLACE TABLE agg_prefecture AS
SELECT province, prefecture, year, indicator_id, sum(value) AS value, sum(n_towns)::INTEGER AS n_towns,
       bool_or(lower_bound) AS lower_bound, bool_and(full_year) AS full_year, bool_or(is_synthetic) AS is_synthetic
FROM agg_county GROUP BY ALL;

CREATE OR REPLACE TABLE agg_province AS
SELECT province, year, indicator_id, sum(value) AS value, sum(n_towns)::INTEGER AS n_towns,
       bool_or(lower_bound) AS lower_bound, bool_and(full_year) AS full_year, bool_or(is_synthetic) AS is_synthetic
FROM agg_prefecture GROUP BY ALL;
