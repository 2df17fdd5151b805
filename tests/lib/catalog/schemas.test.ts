import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CatalogFile, Fact, RulesFile, levelOf } from '../../../src/lib/catalog/schemas.ts';
import { check } from '../../../src/lib/catalog/validate.ts';

const catalog = CatalogFile.parse(JSON.parse(readFileSync('data/indicators.json', 'utf8')));

const fact = {
  fact_id: 'r#1',
  report_id: 'r',
  town_id: 't',
  year: 2024,
  indicator_id: 'med_cases_total',
  sub_kind: null,
  measure: 'level',
  value: 289,
  value_high: null,
  qualifier: 'exact',
  unit_raw: '件',
  unit: '件',
  scale: 1,
  numeral_type: 'arabic',
  is_zero_statement: false,
  is_target: false,
  is_derived: false,
  period_start: null,
  period_end: null,
  period_basis: 'calendar_year',
  scope: null,
  section: '成效',
  evidence: '调处矛盾纠纷289件',
  evidence_start: 10,
  evidence_end: 20,
  rule_id: 'med.total',
  extractor_version: 'x',
  review_status: 'extracted',
  source_url: null,
  is_synthetic: false,
};

describe('indicator catalog', () => {
  it('holds the 71 ids of spec v1: 50 core in 9 categories, 21 extension', () => {
    expect(catalog.indicators).toHaveLength(71);
    expect(catalog.indicators.filter((i) => i.core)).toHaveLength(50);
    expect(new Set(catalog.indicators.map((i) => i.category)).size).toBe(9);
    const ids = catalog.indicators.map((i) => i.id);
    for (const id of ['med_cases_total', 'med_oral', 'med_written', 'lit_admin_suits_lost', 'out_events', 'pet_satisfaction_rate'])
      expect(ids).toContain(id);
  });
  it('gives kinds and units as the spec does', () => {
    const by = new Map(catalog.indicators.map((i) => [i.id, i]));
    expect(by.get('med_success_rate')).toMatchObject({ kind: 'rate', unit: '%', additive: false });
    expect(by.get('enf_penalty_amount')).toMatchObject({ kind: 'amount', unit: '元' });
    expect(by.get('dm_legal_advisers')).toMatchObject({ kind: 'stock', unit: '名' });
    expect(by.get('ls_training_attendance')?.units_accepted).toEqual(['人次', '人(flag)']);
  });
  it('rejects a duplicate id', () => {
    const dup = { ...catalog, indicators: [...catalog.indicators, catalog.indicators[0]] };
    expect(CatalogFile.safeParse(dup).success).toBe(false);
  });
  it('has the 29 consistency rules with severities', () => {
    const rules = RulesFile.parse(JSON.parse(readFileSync('data/rules.json', 'utf8'))).rules;
    expect(rules).toHaveLength(29);
    expect(rules.find((r) => r.id === 'M1')).toMatchObject({ severity: 'hard', indicators: ['med_cases_total', 'med_oral', 'med_written'] });
    expect(rules.find((r) => r.id === 'L3')?.severity).toBe('soft');
  });
});

describe('fact schema', () => {
  it('accepts a well-formed fact', () => {
    expect(Fact.safeParse(fact).success).toBe(true);
  });
  it('requires evidence offsets that span exactly the evidence', () => {
    const r = check(Fact, { ...fact, evidence_end: 25 }, { file: 'f.json', record: 'r#1' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ file: 'f.json', record: 'r#1', field: 'evidence_end' });
  });
  it('rejects negative counts, rates over 100 and ranges without a high value', () => {
    expect(Fact.safeParse({ ...fact, value: -1 }).success).toBe(false);
    expect(Fact.safeParse({ ...fact, unit: '%', value: 101 }).success).toBe(false);
    expect(Fact.safeParse({ ...fact, qualifier: 'range' }).success).toBe(false);
    expect(Fact.safeParse({ ...fact, qualifier: 'range', value_high: 300 }).success).toBe(true);
  });
  it('names the field and what it got when a value has the wrong type', () => {
    const r = check(Fact, { ...fact, value: '289' }, { file: 'data/x.json', record: '7' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0]?.field).toBe('value');
      expect(r.problems[0]?.problem).toMatch(/expected number.*got "289"/);
    }
  });
});

describe('unit levels', () => {
  it('puts towns, townships and sub-districts on the township level, counties and districts above', () => {
    expect(['镇', '乡', '街道', '民族乡'].map((t) => levelOf(t as never))).toEqual(['township', 'township', 'township', 'township']);
    expect(levelOf('县')).toBe('county');
    expect(levelOf('区')).toBe('county');
  });
});
