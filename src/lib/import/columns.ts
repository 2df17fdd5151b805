/**
 * Columns of the four tables the local dataset fills in schema `imported` (the same as
 * src/lib/db/sql/schema.sql; tests/lib/import/columns.test.ts keeps them in step), with their DuckDB
 * types — the loader casts to them — and the columns of the shareable long export.
 */
import { FactFields, Report, Town } from '../catalog/schemas.ts';

export type DuckType = 'VARCHAR' | 'SMALLINT' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN' | 'DATE' | 'VARCHAR[]';

export const TABLE_COLUMNS = {
  towns: {
    town_id: 'VARCHAR', name_zh: 'VARCHAR', unit_type: 'VARCHAR', level: 'VARCHAR', county: 'VARCHAR',
    prefecture: 'VARCHAR', province: 'VARCHAR', adcode: 'VARCHAR', population: 'INTEGER', n_villages: 'INTEGER',
    is_synthetic: 'BOOLEAN',
  },
  reports: {
    report_id: 'VARCHAR', town_id: 'VARCHAR', year: 'SMALLINT', title: 'VARCHAR', publisher: 'VARCHAR',
    publication_date: 'DATE', url: 'VARCHAR', text_path: 'VARCHAR', full_text_hash: 'VARCHAR', genre: 'VARCHAR',
    source: 'VARCHAR', is_synthetic: 'BOOLEAN',
  },
  facts: {
    fact_id: 'VARCHAR', report_id: 'VARCHAR', town_id: 'VARCHAR', year: 'SMALLINT', indicator_id: 'VARCHAR',
    sub_kind: 'VARCHAR', measure: 'VARCHAR', value: 'DOUBLE', value_high: 'DOUBLE', qualifier: 'VARCHAR',
    unit_raw: 'VARCHAR', unit: 'VARCHAR', scale: 'DOUBLE', numeral_type: 'VARCHAR', is_zero_statement: 'BOOLEAN',
    is_target: 'BOOLEAN', is_derived: 'BOOLEAN', period_start: 'DATE', period_end: 'DATE', period_basis: 'VARCHAR',
    scope: 'VARCHAR', section: 'VARCHAR', evidence: 'VARCHAR', evidence_start: 'INTEGER', evidence_end: 'INTEGER',
    rule_id: 'VARCHAR', extractor_version: 'VARCHAR', review_status: 'VARCHAR', source_url: 'VARCHAR',
    is_synthetic: 'BOOLEAN',
  },
  violations: {
    report_id: 'VARCHAR', rule_id: 'VARCHAR', severity: 'VARCHAR', fact_ids: 'VARCHAR[]', message_zh: 'VARCHAR',
    message_en: 'VARCHAR',
  },
} as const satisfies Record<string, Record<string, DuckType>>;
export type TableName = keyof typeof TABLE_COLUMNS;

export const FACT_COLUMNS = Object.keys(FactFields.shape) as (keyof typeof FactFields.shape)[];
/** Town fields carried on every exported row as town_<field> (town_id is a fact column already). */
export const TOWN_EXPORT_FIELDS = (Object.keys(Town.shape) as (keyof typeof Town.shape)[]).filter((k) => k !== 'town_id');
/** Report fields carried as report_<field> (report_id, town_id and year are fact columns already). */
export const REPORT_EXPORT_FIELDS = (Object.keys(Report.shape) as (keyof typeof Report.shape)[]).filter(
  (k) => k !== 'report_id' && k !== 'town_id' && k !== 'year',
);

/**
 * The imported report's full text in the share export, on the first row of each report only (a text of
 * 10,000 characters is not repeated once per fact): importing the file again puts it back in this
 * browser's store, so the town page highlights the evidence in it (src/lib/import/table-import.ts).
 */
export const REPORT_TEXT_COLUMN = 'report_text';

/** The long layout of the share export: one row per fact, its town and report alongside. */
export const EXPORT_COLUMNS: string[] = [
  ...FACT_COLUMNS,
  ...TOWN_EXPORT_FIELDS.map((k) => `town_${k}`),
  ...REPORT_EXPORT_FIELDS.map((k) => `report_${k}`),
  REPORT_TEXT_COLUMN,
];
