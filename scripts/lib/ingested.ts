/**
 * The output of `npm run ingest` (towns, reports, facts, violations as Parquet, texts/) read back for
 * `npm run data -- --from DIR`: every record validated with the same zod schemas as data/, so a province's
 * own reports build its own dashboard beside (or, with an empty data/reports, instead of) the bundled ones.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Fact, Report, Town, Violation } from '../../src/lib/catalog/schemas.ts';
import { ValidationError, checkAll } from '../../src/lib/catalog/validate.ts';
import { NodeDuck } from './duckdb-node.ts';
import { sqlString } from './write-extracts.ts';
import type { Dataset } from './sources.ts';

export interface Ingested {
  towns: Town[];
  reports: Report[];
  facts: Fact[];
  violations: Violation[];
  texts: Map<string, string>;
}

export async function loadIngested(dir: string): Promise<Ingested> {
  const need = ['towns', 'reports', 'facts', 'violations'];
  const missing = need.filter((t) => !existsSync(join(dir, `${t}.parquet`)));
  if (missing.length)
    throw new ValidationError(missing.map((t) => ({ file: join(dir, `${t}.parquet`), record: '-', field: '-', problem: 'missing: give a folder written by npm run ingest -- DIR --out FOLDER' })));
  const db = await NodeDuck.open();
  try {
    const read = async (t: string) => db.rows(`SELECT * FROM read_parquet(${sqlString(join(dir, `${t}.parquet`))})`);
    const key = (k: string) => (v: unknown, i: number) => String((v as Record<string, unknown>)[k] ?? i + 1);
    const towns = checkAll(Town, await read('towns'), join(dir, 'towns.parquet'), key('town_id'));
    const reports = checkAll(Report, await read('reports'), join(dir, 'reports.parquet'), key('report_id'));
    const facts = checkAll(Fact, await read('facts'), join(dir, 'facts.parquet'), key('fact_id'));
    const violations = checkAll(Violation, await read('violations'), join(dir, 'violations.parquet'), key('report_id'));
    const texts = new Map<string, string>();
    for (const r of reports) {
      const f = join(dir, 'texts', `${r.report_id}.txt`);
      if (existsSync(f)) texts.set(r.report_id, readFileSync(f, 'utf8'));
    }
    return { towns, reports, facts, violations, texts };
  } finally {
    db.close();
  }
}

/** Adds ingested records to the bundled dataset; a town or report defined twice stops the build. */
export function mergeIngested(d: Dataset, x: Ingested, dir: string): void {
  const towns = new Set(d.towns.map((t) => t.town_id));
  const reports = new Set(d.reports.map((r) => r.report_id));
  const problems = [
    ...x.towns.filter((t) => towns.has(t.town_id)).map((t) => ({ file: join(dir, 'towns.parquet'), record: t.town_id, field: 'town_id', problem: 'town also defined in data/' })),
    ...x.reports.filter((r) => reports.has(r.report_id)).map((r) => ({ file: join(dir, 'reports.parquet'), record: r.report_id, field: 'report_id', problem: 'report also defined in data/' })),
  ];
  if (problems.length) throw new ValidationError(problems);
  d.towns.push(...x.towns);
  d.reports.push(...x.reports);
  d.facts.push(...x.facts);
  d.violations.push(...x.violations);
  for (const [k, v] of x.texts) d.texts.set(k, v);
}
