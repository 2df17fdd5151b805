-- The indicator catalog with category names, for labels, units and kinds in every view.
SELECT i.id, i.category, c.label_zh AS category_zh, c.label_en AS category_en, i.label_zh, i.label_en,
       i.unit, i.kind, i.additive, i.core
FROM indicators i JOIN categories c ON c.id = i.category
ORDER BY list_position(['leadership_study', 'decision_making', 'litigation', 'enforcement', 'transparency',
                        'outreach', 'mediation', 'legal_services', 'petitions'], i.category), NOT i.core, i.id;
