-- Build-time pre-aggregates: province / prefecture / county × year × indicator × full_year, township-level
-- units only (a county's own report is never one more town). Run on base tables at build time; the page
-- reads them as rol.agg_* (the national and provincial views open on them, never on the detail).
-- One value per town, year and indicator first, exactly as the town_year view decides it (a total wins,
-- else additive sub-kinds sum; a "余" total is a lower bound; a year-to-date figure reaching 31 December is a
-- full year), then:
--   flow / amount / stock: summed (`value`; stocks are summed within the year, taken as the same date);
--   rates (the pairs of views.sql's rate_definitions, spelled out here because aggregates run before the
--   views exist): `numerator` and `denominator` summed over the towns stating both, so a rate is recomputed
--   as 100·Σnumerator/Σdenominator at any level and never averaged; `value` stays NULL.
-- `full_year` is a grouping key, so "full calendar years only" (the default) stays exact at every level.
-- `lower_bound` marks sums that include a lower-bound term ("≥"); for rates it makes the rate not computable.
CREATE OR REPLACE TABLE agg_county AS
WITH per_sub AS (
  SELECT town_id, year, indicator_id, sub_kind, max(value) AS value, arg_max(qualifier, value) AS qualifier,
         bool_and(period_basis = 'calendar_year'
                  OR (period_basis = 'ytd_as_of' AND period_end >= make_date(year, 12, 31))) AS full_year,
         bool_or(is_synthetic) AS is_synthetic
  FROM facts
  WHERE measure = 'level' AND NOT is_target AND review_status <> 'rejected' AND section IN ('成效', '其他')
  GROUP BY ALL
), per_town AS (
  SELECT p.town_id, p.year, p.indicator_id, any_value(i.kind) AS kind,
         CASE WHEN bool_or(p.sub_kind IS NULL) THEN max(p.value) FILTER (WHERE p.sub_kind IS NULL)
              WHEN bool_or(i.additive) OR count(*) = 1 THEN sum(p.value) END AS value,
         CASE WHEN bool_or(p.sub_kind IS NULL) THEN arg_max(p.qualifier, p.value) FILTER (WHERE p.sub_kind IS NULL) = 'lower_bound'
              ELSE coalesce(bool_or(p.qualifier = 'lower_bound'), false) END AS lower_bound,
         bool_and(p.full_year) AS full_year, bool_or(p.is_synthetic) AS is_synthetic
  FROM per_sub p JOIN indicators i ON i.id = p.indicator_id
  GROUP BY p.town_id, p.year, p.indicator_id
), placed AS (
  SELECT t.province, t.prefecture, t.county, p.* FROM per_town p JOIN towns t USING (town_id)
  WHERE t.level = 'township' AND p.value IS NOT NULL
), rate_defs AS (
  SELECT * FROM (VALUES
    ('med_success_rate', 'med_success', 'med_cases_total'),
    ('lit_loss_rate', 'lit_admin_suits_lost', 'lit_admin_suits_concluded')
  ) AS d(rate_id, numerator_id, denominator_id)
), pairs AS (
  SELECT n.province, n.prefecture, n.county, n.year, d.rate_id AS indicator_id, n.full_year AND dn.full_year AS full_year,
         n.value AS num, dn.value AS den, n.lower_bound OR dn.lower_bound AS lb, n.is_synthetic OR dn.is_synthetic AS syn
  FROM rate_defs d
  JOIN placed n ON n.indicator_id = d.numerator_id
  JOIN placed dn ON dn.indicator_id = d.denominator_id AND dn.town_id = n.town_id AND dn.year = n.year
)
SELECT province, prefecture, county, year, indicator_id, full_year,
       sum(value) AS value, NULL::DOUBLE AS numerator, NULL::DOUBLE AS denominator, count(*)::INTEGER AS n_towns,
       bool_or(lower_bound) AS lower_bound, bool_or(is_synthetic) AS is_synthetic
FROM placed WHERE kind IN ('flow', 'amount', 'stock')
GROUP BY province, prefecture, county, year, indicator_id, full_year
UNION ALL
SELECT province, prefecture, county, year, indicator_id, full_year,
       NULL::DOUBLE, sum(num), sum(den), count(*)::INTEGER, bool_or(lb), bool_or(syn)
FROM pairs
GROUP BY province, prefecture, county, year, indicator_id, full_year;

CREATE OR REPLACE TABLE agg_prefecture AS
SELECT province, prefecture, year, indicator_id, full_year, sum(value) AS value, sum(numerator) AS numerator,
       sum(denominator) AS denominator, sum(n_towns)::INTEGER AS n_towns,
       bool_or(lower_bound) AS lower_bound, bool_or(is_synthetic) AS is_synthetic
FROM agg_county GROUP BY ALL;

CREATE OR REPLACE TABLE agg_province AS
SELECT province, year, indicator_id, full_year, sum(value) AS value, sum(numerator) AS numerator,
       sum(denominator) AS denominator, sum(n_towns)::INTEGER AS n_towns,
       bool_or(lower_bound) AS lower_bound, bool_or(is_synthetic) AS is_synthetic
FROM agg_prefecture GROUP BY ALL;
