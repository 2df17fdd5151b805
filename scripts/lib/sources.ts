/**
 * Reads and validates every source under data/: the indicator catalog, the rules, bundled report texts
 * (extracted here), the real hand-labelled facts, and the analyst corrections. Any violation stops the
 * build with the file, the record, the field and what was expected.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  CatalogFile,
  Fact,
  Report,
  RulesFile,
  Town,
  Violation,
  type Indicator,
} from '../../src/lib/catalog/schemas.ts';
import { valueProblem } from '../../src/lib/catalog/bounds.ts';
import { ValidationError, check, checkAll, percentUnderCount, type RecordProblem } from '../../src/lib/catalog/validate.ts';
import { EXTRACTOR_VERSION, extractReport } from '../../src/lib/extract/index.ts';
import { applyCorrections, CorrectionsFile } from '../../src/lib/catalog/corrections.ts';

export interface Dataset {
  catalog: CatalogFile;
  rules: z.infer<typeof RulesFile>['rules'];
  towns: Town[];
  reports: Report[];
  facts: Fact[];
  violations: Violation[];
  /** Bundled texts by report id: what the provenance panel highlights evidence in. */
  texts: Map<string, string>;
}

const readJson = (file: string): unknown => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ValidationError([{ file, record: '-', field: '-', problem: `not readable JSON: ${(e as Error).message}` }]);
  }
};

const parseFile = <S extends z.ZodType>(schema: S, file: string): z.infer<S> => {
  const r = check(schema, readJson(file), { file, record: '(file)' });
  if (!r.ok) throw new ValidationError(r.problems);
  return r.value;
};

const TextIndex = z.object({
  about: z.string().optional(),
  towns: z.array(z.unknown()),
  reports: z.array(z.record(z.string(), z.unknown())),
});

const RealFile = z.object({
  about: z.string().optional(),
  towns: z.array(z.unknown()),
  reports: z.array(z.unknown()),
  facts: z.array(
    z.object({
      report_id: z.string(),
      seq: z.number().int(),
      indicator_id: z.string(),
      value: z.number(),
      value_high: z.number().nullable(),
      qualifier: z.string(),
      sub_kind: z.string().nullable(),
      evidence: z.string(),
      period_basis: z.string(),
    }),
  ),
});

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function loadDataset(dataDir: string): Dataset {
  const catalog = parseFile(CatalogFile, join(dataDir, 'indicators.json'));
  const rules = parseFile(RulesFile, join(dataDir, 'rules.json')).rules;
  const byId = new Map<string, Indicator>(catalog.indicators.map((i) => [i.id, i]));

  const towns: Town[] = [];
  const reports: Report[] = [];
  const rawFacts: { file: string; key: string; fact: unknown }[] = [];
  const violations: Violation[] = [];
  const texts = new Map<string, string>();

  // 1. Reports bundled with their text: the extractor reads them.
  const indexFile = join(dataDir, 'reports/index.json');
  const index = parseFile(TextIndex, indexFile);
  towns.push(...checkAll(Town, index.towns, indexFile, (v, i) => (v as { town_id?: string }).town_id ?? String(i + 1)));
  const corrections = existsSync(join(dataDir, 'corrections.json'))
    ? parseFile(CorrectionsFile, join(dataDir, 'corrections.json')).corrections
    : [];
  for (const [i, meta] of index.reports.entries()) {
    const id = String(meta.report_id ?? `#${i + 1}`);
    const textFile = join(dataDir, 'reports', `${id}.txt`);
    if (!existsSync(textFile))
      throw new ValidationError([{ file: indexFile, record: id, field: 'report_id', problem: `expected its text at ${textFile}` }]);
    const bytes = readFileSync(textFile);
    const result = extractReport(new Uint8Array(bytes), { fileName: textFile });
    texts.set(id, result.text);
    const report = check(
      Report,
      { ...meta, text_path: `data/texts/${id}.txt`, full_text_hash: sha256(result.text) },
      { file: indexFile, record: id },
    );
    if (!report.ok) throw new ValidationError(report.problems);
    reports.push(report.value);
    const r = report.value;
    const idOf = (local: string) => `${r.report_id}#${local}`;
    const extracted = result.facts.map((f) => ({
      ...f,
      fact_id: idOf(f.local_id),
      report_id: r.report_id,
      town_id: r.town_id,
      year: r.year,
      review_status: 'extracted' as const,
      source_url: r.url,
      is_synthetic: r.is_synthetic,
    }));
    const corrected = applyCorrections(
      extracted,
      corrections.filter((c) => c.report_id === r.report_id),
      result.text,
    );
    for (const f of corrected) rawFacts.push({ file: textFile, key: f.fact_id, fact: stripLocal(f) });
    for (const v of result.violations)
      violations.push({
        report_id: r.report_id,
        rule_id: v.rule_id,
        severity: v.severity,
        fact_ids: v.fact_ids.map(idOf),
        message_zh: v.message_zh,
        message_en: v.message_en,
      });
  }

  // 2. Real reports bundled as hand-labelled facts with their source URL (texts not bundled).
  const realFile = join(dataDir, 'real/eval-dev.json');
  if (existsSync(realFile)) {
    const real = parseFile(RealFile, realFile);
    towns.push(...checkAll(Town, real.towns, realFile, (v, i) => (v as { town_id?: string }).town_id ?? String(i + 1)));
    const realReports = checkAll(Report, real.reports, realFile, (v, i) => (v as { report_id?: string }).report_id ?? String(i + 1));
    reports.push(...realReports);
    const rep = new Map(realReports.map((r) => [r.report_id, r]));
    for (const f of real.facts) {
      const r = rep.get(f.report_id);
      const ind = byId.get(f.indicator_id);
      rawFacts.push({
        file: realFile,
        key: `${f.report_id}#${f.seq}`,
        fact: {
          fact_id: `${f.report_id}#g${f.seq}`,
          report_id: f.report_id,
          town_id: r?.town_id ?? '',
          year: r?.year ?? 0,
          indicator_id: f.indicator_id,
          sub_kind: f.sub_kind,
          measure: 'level',
          value: f.value,
          value_high: f.value_high,
          qualifier: f.qualifier,
          unit_raw: null,
          unit: ind?.unit ?? '',
          scale: 1,
          numeral_type: /\d/.test(f.evidence) ? 'arabic' : 'chinese',
          is_zero_statement: f.value === 0,
          is_target: false,
          is_derived: false,
          period_start: null,
          period_end: null,
          period_basis: f.period_basis,
          scope: null,
          section: '成效',
          evidence: f.evidence,
          evidence_start: null,
          evidence_end: null,
          rule_id: 'hand-labelled',
          extractor_version: 'gold-v1',
          review_status: 'accepted',
          source_url: r?.url ?? null,
          is_synthetic: false,
        },
      });
    }
  }

  // 3. Validate every fact, then the links between records.
  const problems: RecordProblem[] = [];
  const facts: Fact[] = [];
  for (const { file, key, fact } of rawFacts) {
    const r = check(Fact, fact, { file, record: key });
    if (!r.ok) {
      problems.push(...r.problems);
      continue;
    }
    const f = r.value;
    const ind = byId.get(f.indicator_id);
    if (!ind) problems.push({ file, record: key, field: 'indicator_id', problem: `"${f.indicator_id}" is not in data/indicators.json` });
    else if (valueProblem(f.value, ind))
      problems.push({ file, record: key, field: 'value', problem: valueProblem(f.value, ind)!.problem_en });
    else if (percentUnderCount(f, ind))
      problems.push({
        file,
        record: key,
        field: 'value',
        problem: `${f.indicator_id} counts ${ind.unit}, but "${f.evidence}" states ${f.value}%: a percentage belongs under a rate indicator (unit %), or leave it out`,
      });
    if (!reports.some((x) => x.report_id === f.report_id))
      problems.push({ file, record: key, field: 'report_id', problem: `no report "${f.report_id}"` });
    const text = texts.get(f.report_id);
    if (text !== undefined && f.evidence_start !== null && text.slice(f.evidence_start, f.evidence_end ?? 0) !== f.evidence)
      problems.push({
        file,
        record: key,
        field: 'evidence_start',
        problem: `text at [${f.evidence_start}, ${f.evidence_end}) is "${text.slice(f.evidence_start, f.evidence_end ?? 0)}", expected the evidence "${f.evidence}"`,
      });
    facts.push(f);
  }
  const townIds = new Set<string>();
  for (const t of towns) {
    if (townIds.has(t.town_id)) problems.push({ file: 'data/', record: t.town_id, field: 'town_id', problem: 'town defined twice' });
    townIds.add(t.town_id);
  }
  const reportIds = new Set<string>();
  for (const r of reports) {
    if (!townIds.has(r.town_id)) problems.push({ file: 'data/', record: r.report_id, field: 'town_id', problem: `no town "${r.town_id}"` });
    if (reportIds.has(r.report_id)) problems.push({ file: 'data/', record: r.report_id, field: 'report_id', problem: 'report defined twice' });
    reportIds.add(r.report_id);
  }
  if (problems.length) throw new ValidationError(problems);
  return { catalog, rules, towns, reports, facts, violations, texts };
}

const stripLocal = <T extends { local_id?: string }>(f: T): Omit<T, 'local_id'> => {
  const { local_id: _drop, ...rest } = f;
  return rest;
};

export { EXTRACTOR_VERSION };
