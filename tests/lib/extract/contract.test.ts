import { describe, it, expect } from 'vitest';
import catalog from '../../../data/indicators.json';
import { RULES } from '../../../src/lib/extract/rules';
import { CUES } from '../../../src/lib/extract/lexicon';
import { assertContract, contractViolations } from '../../../src/lib/extract/contract';

const INDICATORS = (catalog as { indicators: { id: string; kind: string; units_accepted: string[] }[] }).indicators;

describe('catalog–rule contract (checked when the extractor loads)', () => {
  it('every shipped rule keeps to its indicator’s units_accepted, % only with rates', () => {
    expect(contractViolations(RULES, INDICATORS, Object.keys(CUES))).toEqual([]);
  });

  it('a unit outside units_accepted is an error naming the rule, the unit and the accepted units', () => {
    const bad = [{ id: 'x.bad', indicator: 'med_mediators', units: ['名', '次'] }];
    expect(() => assertContract(bad, INDICATORS)).toThrow(/rule x\.bad: unit 次 is not among med_mediators's units_accepted/);
  });

  it('a rate under a count indicator is an error (履行率N% under med_agreements_fulfilled)', () => {
    const v = contractViolations([{ id: 'x.rate', indicator: 'med_agreements_fulfilled', units: ['%'] }], INDICATORS);
    expect(v.some((m) => /% under med_agreements_fulfilled, which is a flow, not a rate/.test(m))).toBe(true);
  });

  it('a count unit under a rate is an error, and so is an indicator missing from the catalog', () => {
    expect(contractViolations([{ id: 'x.r', indicator: 'med_success_rate', units: ['件'] }], INDICATORS).join('\n')).toMatch(/rates take %/);
    expect(contractViolations([{ id: 'x.u', indicator: 'med_nope', units: ['件'] }], INDICATORS)).toEqual(['rule x.u: indicator med_nope is not in the catalog']);
    expect(contractViolations([], INDICATORS, ['med_nope'])).toEqual(['lexicon: cue words for med_nope, which is not in the catalog']);
  });

  it('no rule files a fulfilment rate under med_agreements_fulfilled', () => {
    expect(RULES.filter((r) => r.indicator === 'med_agreements_fulfilled' && r.units.includes('%'))).toEqual([]);
  });
});
