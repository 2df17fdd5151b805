-- Aggregates over a scope of township-level units, per indicator and year (spec rule G3). County-level
-- reports are never part of a township scope.
--   flow / amount: the sum over the units that state a value (missing is not zero: n_reporting says how
--                  many did; an explicit zero counts as reporting 0);
--   stock:         summed only when every value refers to the same date, else status 'mixed_dates';
--   rate:          recomputed as 100·Σnumerator/Σdenominator over units stating both (status 'recomputed');
--                  a single unit's own reported rate is shown as it is ('single'); anything else is
--                  'not_computable' — rates are never averaged. A "余" count in a numerator or denominator
--                  makes the rate not computable.
-- A sum with any lower-bound term is itself a lower bound (is_lower_bound).
-- Scope: $1 province, $2 county (6-digit code), $3 town ids joined by U+001F, $4 … $5 the
-- first and last town_id of the scope as a read hint (facts are stored in place order, so the scan reads
-- only those blocks; '' = no hint; never changes the result) ('' = any; township-level units only).
-- $6 indicator ids ('' = all), $7 first year, $8 last year, $9 1 = include partial-year figures,
-- $10 1 = matched panel: only units stating the indicator in every year from $7 to $8 (so a change between
-- years compares the same units).
WITH sel AS (
  -- a county's every township (those without a report count in n_scope), else the towns with data
  SELECT town_id FROM scope_towns($1, $2, $3)
), ind AS (
  SELECT id, kind FROM indicators WHERE $6 = '' OR list_contains(string_split($6, chr(31)), id)
), need AS (
  -- the indicators asked for, and the numerators and denominators of the rates asked for
  SELECT id FROM ind
  UNION SELECT numerator_id FROM rate_definitions JOIN ind ON ind.id = rate_id
  UNION SELECT denominator_id FROM rate_definitions JOIN ind ON ind.id = rate_id
), dates AS (
  -- The date a stock refers to: the stated period end, else the end of the reported year.
  SELECT f.town_id, f.year, f.indicator_id, max(coalesce(f.period_end, make_date(f.year::INTEGER, 12, 31))) AS as_of
  FROM facts_actual f JOIN sel USING (town_id)
  WHERE (($4 = '' OR f.town_id >= $4) AND ($5 = '' OR f.town_id <= $5)) AND f.year BETWEEN $7 AND $8 AND f.indicator_id IN (SELECT id FROM need)
  GROUP BY ALL
), ty AS (
  SELECT ty.*, d.as_of FROM town_year ty
  JOIN sel USING (town_id)
  LEFT JOIN dates d USING (town_id, year, indicator_id)
  WHERE (($4 = '' OR ty.town_id >= $4) AND ($5 = '' OR ty.town_id <= $5)) AND ty.year BETWEEN $7 AND $8 AND ($9 = 1 OR ty.full_year) AND ty.value IS NOT NULL
    AND ty.indicator_id IN (SELECT id FROM need)
), panel AS (
  SELECT town_id, indicator_id FROM ty GROUP BY ALL
  HAVING $10 = 0 OR count(DISTINCT year) = $8 - $7 + 1
), v AS (
  SELECT ty.* FROM ty JOIN panel USING (town_id, indicator_id)
), plain AS (
  SELECT v.indicator_id, v.year, v.kind,
         CASE WHEN v.kind = 'stock' AND count(DISTINCT v.as_of) > 1 THEN NULL ELSE sum(v.value) END AS value,
         CASE WHEN v.kind = 'stock' AND count(DISTINCT v.as_of) > 1 THEN 'mixed_dates' ELSE 'sum' END AS status,
         bool_or(v.is_lower_bound) AS is_lower_bound,
         count(*)::INTEGER AS n_reporting,
         NULL::DOUBLE AS numerator, NULL::DOUBLE AS denominator,
         bool_or(NOT v.full_year) AS any_partial, bool_or(v.is_synthetic) AS is_synthetic
  FROM v JOIN ind ON ind.id = v.indicator_id
  WHERE v.kind <> 'rate'
  GROUP BY v.indicator_id, v.year, v.kind
), pairs AS (
  SELECT d.rate_id AS indicator_id, n.year, n.town_id, n.value AS num, dn.value AS den,
         n.is_lower_bound OR dn.is_lower_bound AS lb,
         n.full_year AND dn.full_year AS full_year, n.is_synthetic OR dn.is_synthetic AS is_synthetic
  FROM rate_definitions d
  JOIN ind ON ind.id = d.rate_id
  JOIN v n ON n.indicator_id = d.numerator_id
  JOIN v dn ON dn.indicator_id = d.denominator_id AND dn.town_id = n.town_id AND dn.year = n.year
), recomputed AS (
  SELECT indicator_id, year,
         CASE WHEN bool_or(lb) OR sum(den) = 0 THEN NULL ELSE round(100.0 * sum(num) / sum(den), 2) END AS value,
         CASE WHEN bool_or(lb) OR sum(den) = 0 THEN 'not_computable' ELSE 'recomputed' END AS status,
         count(*)::INTEGER AS n_reporting, sum(num) AS numerator, sum(den) AS denominator,
         bool_or(NOT full_year) AS any_partial, bool_or(is_synthetic) AS is_synthetic
  FROM pairs GROUP BY ALL
), reported AS (
  SELECT v.indicator_id, v.year, count(*)::INTEGER AS n, any_value(v.value) AS value,
         bool_or(NOT v.full_year) AS any_partial, bool_or(v.is_synthetic) AS is_synthetic
  FROM v JOIN ind ON ind.id = v.indicator_id
  WHERE v.kind = 'rate' GROUP BY ALL
), rates AS (
  SELECT coalesce(c.indicator_id, r.indicator_id) AS indicator_id, coalesce(c.year, r.year) AS year, 'rate' AS kind,
         CASE WHEN c.indicator_id IS NOT NULL THEN c.value WHEN r.n = 1 THEN r.value END AS value,
         CASE WHEN c.indicator_id IS NOT NULL THEN c.status WHEN r.n = 1 THEN 'single' ELSE 'not_computable' END AS status,
         false AS is_lower_bound,
         coalesce(c.n_reporting, r.n) AS n_reporting,
         c.numerator, c.denominator,
         coalesce(c.any_partial, r.any_partial) AS any_partial, coalesce(c.is_synthetic, r.is_synthetic) AS is_synthetic
  FROM recomputed c FULL OUTER JOIN reported r ON r.indicator_id = c.indicator_id AND r.year = c.year
)
SELECT indicator_id, year::INTEGER AS year, kind, value, status, is_lower_bound, n_reporting,
       (SELECT count(*) FROM sel)::INTEGER AS n_scope, numerator, denominator, any_partial, is_synthetic
FROM (SELECT * FROM plain UNION ALL BY NAME SELECT * FROM rates)
ORDER BY indicator_id, year;
