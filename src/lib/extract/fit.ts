/**
 * Fitting the classifier: labelled pairs (candidate, indicator) → weights of an L2-regularised logistic
 * regression, by full-batch gradient descent with AdaGrad steps (deterministic: same data, same weights).
 * Labels come from gold facts located at candidates (`labelRows`). Pure TypeScript; used by scripts/eval.ts.
 */
import { isRuleFeature, type Weights } from './classify';
import type { PairRow } from './engine';

export interface GoldFact {
  indicator: string;
  value: number;
  evidence?: string;
}

export interface Example {
  features: string[];
  y: 0 | 1;
}

/** Every occurrence of `needle` in `hay`. */
function occurrences(hay: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) out.push(i);
  return out;
}

const valueFor = (r: PairRow, ind: string) => r.values[ind] ?? r.value;
const same = (a: number, b: number) => Math.abs(a - b) < 1e-6;

/**
 * Which candidate (row index) states each gold fact: a candidate inside an occurrence of its evidence
 * with the same value; when the evidence is not found verbatim, the only candidate with that value.
 * Returns, per gold fact, the row index or -1.
 */
export function locateGold(text: string, rows: readonly PairRow[], gold: readonly GoldFact[]): number[] {
  const used = new Set<string>();
  return gold.map((g) => {
    const fits = (r: PairRow) => same(valueFor(r, g.indicator), g.value) && r.pairs.some((p) => p.indicator === g.indicator);
    const anyUnit = (r: PairRow) => same(valueFor(r, g.indicator), g.value);
    const ev = (g.evidence ?? '').trim();
    for (const test of [fits, anyUnit]) {
      for (const at of occurrences(text, ev)) {
        const i = rows.findIndex((r) => r.start >= at - 1 && r.end <= at + ev.length + 1 && test(r) && !used.has(`${g.indicator}|${r.cand}`));
        if (i >= 0) {
          used.add(`${g.indicator}|${rows[i]!.cand}`);
          return test === fits ? i : -1;
        }
      }
    }
    if (!ev || !occurrences(text, ev).length) {
      const all = rows.map((r, i) => (fits(r) ? i : -1)).filter((i) => i >= 0);
      if (all.length === 1) return all[0]!;
    }
    return -1;
  });
}

/** Training examples of one report: a pair is positive when a gold fact of that indicator sits at that candidate. */
export function labelRows(text: string, rows: readonly PairRow[], gold: readonly GoldFact[]): Example[] {
  const at = locateGold(text, rows, gold);
  const pos = new Set<string>();
  gold.forEach((g, k) => {
    if (at[k]! >= 0) pos.add(`${at[k]}|${g.indicator}`);
  });
  const out: Example[] = [];
  rows.forEach((r, i) => {
    for (const p of r.pairs) out.push({ features: p.features, y: pos.has(`${i}|${p.indicator}`) ? 1 : 0 });
  });
  return out;
}

export interface FitOptions {
  /** L2 strength per feature family (prefix before ':'), default `l2` */
  l2?: number;
  l2Lexical?: number;
  epochs?: number;
  rate?: number;
  version?: string;
}

/** Both models: all features, and the cue model without the rule features. */
export function fitWeights(examples: readonly Example[], opts: FitOptions = {}): Weights {
  const w = fitLogistic(examples, opts);
  const cue = fitLogistic(examples.map((e) => ({ y: e.y, features: e.features.filter((f) => !isRuleFeature(f)) })), opts);
  return { version: opts.version ?? 'fitted', w, cue };
}

/** L2-regularised logistic regression. Weights below 1e-3 in magnitude are dropped (smaller file). */
export function fitLogistic(examples: readonly Example[], opts: FitOptions = {}): Record<string, number> {
  const l2 = opts.l2 ?? 0.3;
  const l2Lex = opts.l2Lexical ?? 1.5;
  const epochs = opts.epochs ?? 300;
  const rate = opts.rate ?? 0.5;
  const index = new Map<string, number>();
  const X: Int32Array[] = examples.map((e) => Int32Array.from(e.features.map((f) => index.get(f) ?? index.set(f, index.size).get(f)!)));
  const names = [...index.keys()];
  const lambda = Float64Array.from(names.map((f) => (f === 'bias' ? 0 : /^[gh]:/.test(f) ? l2Lex : /^b:/.test(f) ? 0.1 : l2)));
  const w = new Float64Array(names.length);
  const g2 = new Float64Array(names.length);
  const grad = new Float64Array(names.length);
  for (let ep = 0; ep < epochs; ep++) {
    grad.fill(0);
    for (let k = 0; k < X.length; k++) {
      const x = X[k]!;
      let s = 0;
      for (let j = 0; j < x.length; j++) s += w[x[j]!]!;
      const p = 1 / (1 + Math.exp(-s));
      const d = p - examples[k]!.y;
      for (let j = 0; j < x.length; j++) grad[x[j]!]! += d;
    }
    for (let f = 0; f < w.length; f++) {
      const g = grad[f]! + lambda[f]! * w[f]!;
      g2[f]! += g * g;
      w[f]! -= (rate * g) / (Math.sqrt(g2[f]!) + 1e-8);
    }
  }
  const out: Record<string, number> = {};
  names.forEach((f, i) => {
    if (Math.abs(w[i]!) >= 1e-3) out[f] = Math.round(w[i]! * 1e4) / 1e4;
  });
  return out;
}
