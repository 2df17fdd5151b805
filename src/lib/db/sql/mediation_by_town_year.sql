-- Mediation volume by town and year: total cases, oral and written parts, and the success rate, all read
-- from the semantic layer (views.sql unit_values_of), so the rate has one definition everywhere: reported =
-- the report's own rate; derived = med_success / med_cases_total from exact counts only (never from a "余"
-- lower bound), two decimals; full_year is false when any of the row's figures covers part of the year
-- (the page leaves such rows out unless asked, and labels them).
-- Scope ($1 province, $2 county, $3 town ids joined by U+001F, $4 … $5 the first and last town_id of the
-- scope as a read hint (facts are stored in place order, so the scan reads only those blocks; '' = no
-- hint; never changes the result); '' = any): township-level units only. $6 first year, $7 last year.
SELECT town_id, town_name, county, province, year,
       max(value) FILTER (WHERE indicator_id = 'med_cases_total') AS total,
       bool_or(is_lower_bound) FILTER (WHERE indicator_id = 'med_cases_total') AS total_lower_bound,
       max(value) FILTER (WHERE indicator_id = 'med_oral') AS oral,
       max(value) FILTER (WHERE indicator_id = 'med_written') AS written,
       max(value) FILTER (WHERE indicator_id = 'med_success') AS success,
       max(value) FILTER (WHERE indicator_id = 'med_success_rate') AS success_rate_reported,
       max(derived_value) FILTER (WHERE indicator_id = 'med_success_rate') AS success_rate_derived,
       bool_and(full_year) AS full_year,
       bool_or(is_synthetic) AS is_synthetic
FROM unit_values_of('township', $1, $2, $3, $4, $5,
                    concat_ws(chr(31), 'med_cases_total', 'med_oral', 'med_written', 'med_success', 'med_success_rate'),
                    $6, $7, 1)
GROUP BY town_id, town_name, county, province, year
ORDER BY year, total DESC NULLS LAST, town_name;
