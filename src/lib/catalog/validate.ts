/**
 * Record validation with messages a person can act on: which file, which record, which field,
 * what was expected. Used by the data build, the CLI and the browser import alike.
 */
import type { z } from 'zod';

export interface RecordProblem {
  file: string;
  /** 1-based record number, or a key that identifies it (report id, row number …). */
  record: string;
  field: string;
  problem: string;
}

export class ValidationError extends Error {
  constructor(readonly problems: RecordProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ValidationError';
  }
}

export const formatProblem = (p: RecordProblem): string =>
  `${p.file}: record ${p.record}: field "${p.field}": ${p.problem}`;

/** Parse one record; on failure return every issue as a RecordProblem instead of throwing. */
export function check<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: { file: string; record: string },
): { ok: true; value: z.infer<S> } | { ok: false; problems: RecordProblem[] } {
  const r = schema.safeParse(value);
  if (r.success) return { ok: true, value: r.data };
  return {
    ok: false,
    problems: r.error.issues.map((i) => ({
      ...where,
      field: i.path.length ? i.path.join('.') : '(record)',
      problem: describeIssue(i, value),
    })),
  };
}

function describeIssue(i: z.core.$ZodIssue, record: unknown): string {
  const got = i.path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<PropertyKey, unknown>)[k] : undefined), record);
  const shown = got === undefined ? 'nothing' : JSON.stringify(got);
  return `${i.message} (got ${shown.length > 60 ? shown.slice(0, 57) + '…' : shown})`;
}

/** Parse a list of records, collecting the problems of all of them before failing. */
export function checkAll<S extends z.ZodType>(
  schema: S,
  values: unknown[],
  file: string,
  recordKey: (v: unknown, i: number) => string = (_v, i) => String(i + 1),
): z.infer<S>[] {
  const out: z.infer<S>[] = [];
  const problems: RecordProblem[] = [];
  values.forEach((v, i) => {
    const r = check(schema, v, { file, record: recordKey(v, i) });
    if (r.ok) out.push(r.value);
    else problems.push(...r.problems);
  });
  if (problems.length) throw new ValidationError(problems);
  return out;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A percentage filed under an indicator that counts (件, 人, 场 …): its phrase states the fact's own value
 * followed by % (or the fact says its unit is %). Such a value would be drawn as "100 件" and summed
 * across towns. A count whose phrase also mentions a rate of another number ("成功28件,成功率96.5%") is fine.
 */
export function percentUnderCount(
  fact: { value: number; unit: string; unit_raw: string | null; evidence: string },
  indicator: { unit: string },
): boolean {
  if (indicator.unit === '%') return false;
  if (fact.unit === '%' || fact.unit_raw === '%' || fact.unit_raw === '％') return true;
  const digits = escapeRe(String(fact.value));
  return new RegExp(`(?<![0-9.])${digits}(?:\\.0+)?\\s*[%％]`).test(fact.evidence);
}
