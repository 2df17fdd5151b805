-- Mediation volume by town and year: total cases, oral and written parts, and the success rate
-- (reported where the report states one; derived = success / total where both counts exist).
-- Scope ($1 province, $2 county, $3 town ids joined by U+001F, $4 … $5 the
-- first and last town_id of the scope as a read hint (facts are stored in place order, so the scan reads
-- only those blocks; '' = no hint; never changes the result); '' = any): township-level units only.
-- $6 first year, $7 last year.
WITH sel AS (
  SELECT town_id, name_zh, county, province, is_synthetic FROM towns
  WHERE level = 'township' AND ($1 = '' OR province = $1) AND ($2 = '' OR county = $2)
    AND ($3 = '' OR list_contains(string_split($3, chr(31)), town_id))
), v AS (
  SELECT ty.* FROM town_year ty JOIN sel USING (town_id)
  WHERE (($4 = '' OR ty.town_id >= $4) AND ($5 = '' OR ty.town_id <= $5)) AND ty.year BETWEEN $6 AND $7
    AND ty.indicator_id IN ('med_cases_total', 'med_oral', 'med_written', 'med_success', 'med_success_rate')
)
SELECT sel.town_id, sel.name_zh AS town_name, sel.county, sel.province, v.year::INTEGER AS year,
       max(value) FILTER (WHERE indicator_id = 'med_cases_total') AS total,
       bool_or(is_lower_bound) FILTER (WHERE indicator_id = 'med_cases_total') AS total_lower_bound,
       max(value) FILTER (WHERE indicator_id = 'med_oral') AS oral,
       max(value) FILTER (WHERE indicator_id = 'med_written') AS written,
       max(value) FILTER (WHERE indicator_id = 'med_success') AS success,
       max(value) FILTER (WHERE indicator_id = 'med_success_rate') AS success_rate_reported,
       round(100.0 * max(value) FILTER (WHERE indicator_id = 'med_success')
             / nullif(max(value) FILTER (WHERE indicator_id = 'med_cases_total'), 0), 1) AS success_rate_derived,
       bool_and(full_year) AS full_year,
       bool_or(v.is_synthetic) AS is_synthetic
FROM v JOIN sel USING (town_id)
GROUP BY ALL
ORDER BY year, total DESC NULLS LAST, town_name;
