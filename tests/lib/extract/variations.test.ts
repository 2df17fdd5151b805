import { describe, it, expect } from 'vitest';
import { extractReport } from '../../../src/lib/extract/index';
import { generateVariations, judge, passCounts, reportOf, chineseNumeral, type Variant } from '../../../scripts/lib/variations';

/**
 * The robustness suite (scripts/lib/variations.ts): each commonly reported indicator's statement with its
 * wording varied — time, subject, adverb, modifier, 共/累计, number forms, units, number before or after the
 * object, tails, lists, headings — and the negatives that must not become facts. `npm run eval:variations`
 * prints the same pass rates per indicator and lists the failures (--verbose).
 *
 * The floors below are the measured pass rates (rounded down): a change to the extractor may raise them,
 * not lower them. Negatives are held to a floor per kind, so a precision loss shows as its own failure.
 */
const POSITIVE_FLOOR: Record<string, number> = {
  dm_contract_reviews: 1, dm_legal_advisers: 1, dm_legality_reviews: 1, enf_certified_officers: 1,
  enf_inspections: 1, enf_penalty_cases: 1, lit_admin_suits_total: 1, ls_law_study_sessions: 1,
  ls_rol_meetings: 1, ls_theory_study_sessions: 1, ls_training_attendance: 1, ls_training_sessions: 1,
  med_cases_total: 1, med_success: 1, out_banners: 1, out_culture_sites: 1, out_events: 1, out_materials: 1,
  out_reach: 1, pet_hotline_tickets: 1, pet_petitions_received: 1, svc_legal_aid_cases: 1,
  svc_legal_consultations: 1,
};
const NEGATIVE_FLOOR: Record<string, number> = { change: 1, multi_year: 1, other_unit: 1, per_unit: 1, plan: 1, target: 1 };

const variants = generateVariations();
const results = variants.map((v) => {
  const r = extractReport(reportOf(v));
  return { v, r, verdict: judge(v, r.facts) };
});

function rates(pick: (v: Variant) => string | null): Map<string, number> {
  return new Map([...passCounts(results, pick)].map(([k, [p, n]]) => [k, p / n]));
}

describe('variation suite', () => {
  it('is generated deterministically, with every catalog-common indicator and every negative kind', () => {
    const again = generateVariations();
    expect(again.map((v) => v.text)).toEqual(variants.map((v) => v.text));
    expect(new Set(variants.map((v) => v.indicator))).toEqual(new Set(Object.keys(POSITIVE_FLOOR)));
    expect(new Set(variants.filter((v) => v.polarity === 'negative').map((v) => v.form))).toEqual(new Set(Object.keys(NEGATIVE_FLOOR)));
    expect(variants.length).toBeGreaterThan(1000);
  });

  it('writes spoken numerals as reports do', () => {
    expect([2, 3, 10, 12, 20, 35].map(chineseNumeral)).toEqual(['两', '三', '十', '十二', '二十', '三十五']);
  });

  it('every fact of every variant quotes its evidence at its offsets', () => {
    for (const { r } of results) for (const f of r.facts) expect(r.text.slice(f.evidence_start!, f.evidence_end!)).toBe(f.evidence);
  });

  const pos = rates((v) => (v.polarity === 'positive' ? v.indicator : null));
  for (const [ind, floor] of Object.entries(POSITIVE_FLOOR))
    it(`${ind}: varied wording passes at least ${floor}`, () => {
      const fails = results.filter((x) => x.v.indicator === ind && x.v.polarity === 'positive' && !x.verdict.pass).map((x) => x.v.text);
      expect(pos.get(ind) ?? 0, fails.slice(0, 5).join('\n')).toBeGreaterThanOrEqual(floor);
    });

  const neg = rates((v) => (v.polarity === 'negative' ? v.form : null));
  for (const [kind, floor] of Object.entries(NEGATIVE_FLOOR))
    it(`negatives (${kind}) stay out of the facts at least ${floor}`, () => {
      const fails = results.filter((x) => x.v.form === kind && x.v.polarity === 'negative' && !x.verdict.pass).map((x) => x.v.text);
      expect(neg.get(kind) ?? 0, fails.slice(0, 5).join('\n')).toBeGreaterThanOrEqual(floor);
    });
});
