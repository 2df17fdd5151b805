-- Every statement behind a unit's figures, with its provenance: the evidence phrase and its offsets in the
-- bundled text (text_path) when the text is bundled, else the report's source URL. Includes statements the
-- charts leave out (targets, 问题/计划 sections, year-on-year changes), flagged by is_actual.
-- $1 unit id.
SELECT f.fact_id, f.report_id, f.year::INTEGER AS year, f.indicator_id, f.sub_kind, f.measure, f.value, f.value_high,
       f.qualifier, f.unit, f.unit_raw, f.is_zero_statement, f.is_target, f.period_basis,
       f.period_start::VARCHAR AS period_start, f.period_end::VARCHAR AS period_end, f.section, f.evidence, f.evidence_start, f.evidence_end,
       f.review_status, coalesce(f.source_url, f.report_url) AS source_url, f.text_path, f.report_title,
       f.indicator_zh, f.indicator_en, f.category, f.kind, f.is_synthetic,
       (f.measure = 'level' AND NOT f.is_target AND f.review_status <> 'rejected' AND f.section IN ('成效', '其他')) AS is_actual
FROM facts_named f
WHERE f.town_id = $1
ORDER BY f.year, f.category, f.indicator_id, f.evidence_start NULLS LAST, f.fact_id;
