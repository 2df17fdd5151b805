/**
 * Analyst corrections (data/corrections.json, and the import review screen): accept, reject or
 * correct an extracted fact, identified by its report and exact evidence span, with who, when and why.
 * Applied on top of the extractor's output; the result stays distinguishable by `review_status`.
 */
import { z } from 'zod';
import { Qualifier, type ReviewStatus } from './schemas.ts';

export const Correction = z
  .object({
    report_id: z.string(),
    evidence_start: z.number().int().nonnegative(),
    evidence_end: z.number().int().positive(),
    /** The evidence text itself, so a correction never silently lands on a different phrase. */
    evidence: z.string().min(1),
    indicator_id: z.string().optional(),
    action: z.enum(['accept', 'reject', 'correct']),
    set: z
      .object({
        indicator_id: z.string(),
        value: z.number().nonnegative(),
        value_high: z.number().nullable(),
        qualifier: Qualifier,
        sub_kind: z.string().nullable(),
      })
      .partial()
      .optional(),
    who: z.string().min(1),
    when: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'an ISO date'),
    why: z.string().min(1),
  })
  .refine((c) => c.action !== 'correct' || (c.set && Object.keys(c.set).length > 0), {
    message: "a 'correct' action needs the fields to set",
    path: ['set'],
  });
export type Correction = z.infer<typeof Correction>;

export const CorrectionsFile = z.object({ about: z.string().optional(), corrections: z.array(Correction) });

interface Correctable {
  fact_id: string;
  indicator_id: string;
  evidence: string;
  evidence_start: number | null;
  evidence_end: number | null;
  review_status: ReviewStatus;
}

export class CorrectionError extends Error {}

/** Returns the facts with corrections applied; a correction that matches no fact is an error, never ignored. */
export function applyCorrections<F extends Correctable>(facts: F[], corrections: Correction[], text: string): F[] {
  const out = facts.map((f) => ({ ...f }));
  for (const c of corrections) {
    if (text.slice(c.evidence_start, c.evidence_end) !== c.evidence)
      throw new CorrectionError(
        `correction for ${c.report_id} [${c.evidence_start}, ${c.evidence_end}): the text there is "${text.slice(c.evidence_start, c.evidence_end)}", not "${c.evidence}" — fix the offsets in data/corrections.json`,
      );
    const hits = out.filter(
      (f) =>
        f.evidence_start === c.evidence_start &&
        f.evidence_end === c.evidence_end &&
        (c.indicator_id === undefined || f.indicator_id === c.indicator_id),
    );
    if (hits.length === 0)
      throw new CorrectionError(
        `correction for ${c.report_id} "${c.evidence}": no extracted fact has this span${c.indicator_id ? ` and indicator ${c.indicator_id}` : ''}`,
      );
    for (const f of hits) {
      if (c.action === 'accept') f.review_status = 'accepted';
      else if (c.action === 'reject') f.review_status = 'rejected';
      else Object.assign(f, c.set, { review_status: 'corrected' as const });
    }
  }
  return out;
}
