-- Consistency-rule findings (spec §2) on a unit's reports, with the rule's statement.
-- $1 unit id.
SELECT v.report_id, r.year::INTEGER AS year, v.rule_id, v.severity, v.fact_ids, v.message_zh, v.message_en,
       ru.statement AS rule_statement
FROM violations v
JOIN reports r USING (report_id)
LEFT JOIN rules ru ON ru.id = v.rule_id
WHERE r.town_id = $1
ORDER BY r.year, v.severity, v.rule_id;
