import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/lib/catalog/validate.ts';
import { loadDataset } from '../../scripts/lib/sources.ts';

let dirs: string[] = [];
const copyData = () => {
  const d = mkdtempSync(join(tmpdir(), 'rol-data-'));
  cpSync('data', d, { recursive: true });
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

const problemsOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof ValidationError) return e.problems;
    throw e;
  }
  throw new Error('expected a ValidationError');
};

describe('data build sources', () => {
  it('loads the bundled data: the seed report with its 20 facts and the real hand-labelled facts', () => {
    const d = loadDataset('data');
    const seed = d.facts.filter((f) => f.report_id === 'gz-suiyang-puchang-2024');
    expect(seed).toHaveLength(20);
    const text = d.texts.get('gz-suiyang-puchang-2024')!;
    for (const f of seed) expect(text.slice(f.evidence_start!, f.evidence_end!)).toBe(f.evidence);
    const byInd = Object.fromEntries(seed.filter((f) => f.indicator_id.startsWith('med_')).map((f) => [f.indicator_id, f.value]));
    expect(byInd).toMatchObject({ med_cases_total: 289, med_oral: 188, med_written: 101, med_judicial_confirmation: 16, med_joint: 21 });
    expect(d.reports.filter((r) => r.source === 'real').length).toBeGreaterThan(60);
    expect(d.facts.every((f) => d.reports.some((r) => r.report_id === f.report_id))).toBe(true);
  });

  it('stops on a broken record with file, record, field and expectation', () => {
    const d = copyData();
    const file = join(d, 'real/eval-dev.json');
    const real = JSON.parse(readFileSync(file, 'utf8'));
    real.reports[2].year = 'twenty';
    writeFileSync(file, JSON.stringify(real));
    const [p] = problemsOf(() => loadDataset(d));
    expect(p).toMatchObject({ file, record: real.reports[2].report_id, field: 'year' });
    expect(p!.problem).toMatch(/expected number/);
  });

  it('refuses a percentage stored under a count indicator, saying which and why', () => {
    const d = copyData();
    const file = join(d, 'real/eval-dev.json');
    const real = JSON.parse(readFileSync(file, 'utf8'));
    const r = real.reports[0].report_id;
    real.facts.push({ report_id: r, seq: 900, indicator_id: 'med_agreements_fulfilled', value: 100, value_high: null, qualifier: 'exact', sub_kind: null, evidence: '调解协议履行率达100%', period_basis: 'unknown' });
    real.facts.push({ report_id: r, seq: 901, indicator_id: 'med_cases_total', value: 96.5, value_high: null, qualifier: 'exact', sub_kind: null, evidence: '调处成功率96.5％', period_basis: 'unknown' });
    writeFileSync(file, JSON.stringify(real));
    const problems = problemsOf(() => loadDataset(d));
    expect(problems.map((p) => [p.record, p.field])).toEqual([
      [`${r}#900`, 'value'],
      [`${r}#901`, 'value'],
    ]);
    expect(problems[0]!.problem).toMatch(/med_agreements_fulfilled counts 件.*100%.*rate indicator/);
  });

  it('keeps a count whose phrase also states a rate of another number', () => {
    const d = copyData();
    const file = join(d, 'real/eval-dev.json');
    const real = JSON.parse(readFileSync(file, 'utf8'));
    real.facts.push({ report_id: real.reports[0].report_id, seq: 902, indicator_id: 'med_success', value: 28, value_high: null, qualifier: 'exact', sub_kind: null, evidence: '调处成功28件,成功率96.5%', period_basis: 'unknown' });
    writeFileSync(file, JSON.stringify(real));
    expect(loadDataset(d).facts.some((f) => f.fact_id.endsWith('#g902'))).toBe(true);
  });

  it('refuses a value no town can have (1e308 cases)', () => {
    const d = copyData();
    const file = join(d, 'real/eval-dev.json');
    const real = JSON.parse(readFileSync(file, 'utf8'));
    real.facts[1].value = 1e308;
    writeFileSync(file, JSON.stringify(real));
    const [p] = problemsOf(() => loadDataset(d));
    expect(p).toMatchObject({ file, field: 'value' });
    expect(p!.problem).toMatch(/too large for this indicator/);
  });

  it('refuses a source URL that is not http(s)', () => {
    const d = copyData();
    const file = join(d, 'real/eval-dev.json');
    const real = JSON.parse(readFileSync(file, 'utf8'));
    real.reports[1].url = 'javascript:alert(1)';
    writeFileSync(file, JSON.stringify(real));
    const [p] = problemsOf(() => loadDataset(d));
    expect(p).toMatchObject({ file, record: real.reports[1].report_id, field: 'url' });
    expect(p!.problem).toMatch(/http:\/\/ or https:\/\//);
  });

  it('rejects a fact whose indicator is not in the catalog', () => {
    const d = copyData();
    const file = join(d, 'real/eval-dev.json');
    const real = JSON.parse(readFileSync(file, 'utf8'));
    real.facts[0].indicator_id = 'med_made_up';
    writeFileSync(file, JSON.stringify(real));
    const problems = problemsOf(() => loadDataset(d));
    expect(problems).toContainEqual(
      expect.objectContaining({ file, field: 'indicator_id', problem: expect.stringContaining('"med_made_up" is not in data/indicators.json') }),
    );
  });

  it('rejects a report whose town does not exist', () => {
    const d = copyData();
    const file = join(d, 'reports/index.json');
    const idx = JSON.parse(readFileSync(file, 'utf8'));
    idx.reports[0].town_id = 'nowhere';
    writeFileSync(file, JSON.stringify(idx));
    expect(problemsOf(() => loadDataset(d))).toContainEqual(expect.objectContaining({ record: 'gz-suiyang-puchang-2024', field: 'town_id' }));
  });

  it('rejects a correction whose span does not hold its evidence', () => {
    const d = copyData();
    writeFileSync(
      join(d, 'corrections.json'),
      JSON.stringify({
        corrections: [
          { report_id: 'gz-suiyang-puchang-2024', evidence_start: 0, evidence_end: 4, evidence: '调处矛盾', action: 'reject', who: 'a', when: '2026-01-01', why: 'test' },
        ],
      }),
    );
    expect(() => loadDataset(d)).toThrow(/the text there is "蒲场镇2"/);
  });

  it('applies a correction and marks it in review_status', () => {
    const d = copyData();
    const base = loadDataset('data');
    const f = base.facts.find((x) => x.indicator_id === 'out_banners')!;
    writeFileSync(
      join(d, 'corrections.json'),
      JSON.stringify({
        corrections: [
          {
            report_id: f.report_id,
            evidence_start: f.evidence_start,
            evidence_end: f.evidence_end,
            evidence: f.evidence,
            action: 'correct',
            set: { value: 31 },
            who: 'analyst',
            when: '2026-11-28',
            why: 'test correction',
          },
        ],
      }),
    );
    const g = loadDataset(d).facts.find((x) => x.fact_id === f.fact_id)!;
    expect(g).toMatchObject({ value: 31, review_status: 'corrected' });
  });
});
