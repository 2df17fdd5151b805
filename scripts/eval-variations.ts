/**
 * npm run eval:variations [-- --verbose] [--seed N] [--per N]
 *
 * Runs the robustness suite (scripts/lib/variations.ts: each indicator's statement with its wording varied,
 * plus lists, headings and negatives) through the extractor and prints the pass rate per indicator, per
 * form (word order, template, list, heading), per number form and per negative kind. A variant passes when
 * its facts are exactly the wanted (indicator, value, qualifier). --verbose lists every failing variant with
 * what was missing and what came out instead; --floors prints the measured rates rounded down, as the test's
 * floors are written. The figures never gate here (the test keeps floors).
 */
import { extractReport } from '../src/lib/extract/index.ts';
import { generateVariations, judge, passCounts, reportOf, type Variant, type Verdict } from './lib/variations.ts';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : undefined;
};
const verbose = args.includes('--verbose');
const variants = generateVariations({ seed: opt('--seed'), perIndicator: opt('--per') });

const rows: { v: Variant; verdict: Verdict }[] = variants.map((v) => ({ v, verdict: judge(v, extractReport(reportOf(v)).facts) }));

function table(title: string, key: (v: Variant) => string) {
  const by = passCounts(rows, key);
  console.log(`\n${title.padEnd(34)} pass / n    rate`);
  for (const [k, [p, n]] of [...by].sort((a, b) => a[0].localeCompare(b[0])))
    console.log(`${k.padEnd(34)} ${String(p).padStart(4)} / ${String(n).padEnd(4)} ${(p / n).toFixed(3)}`);
}

const pos = rows.filter((x) => x.v.polarity === 'positive');
const neg = rows.filter((x) => x.v.polarity === 'negative');
const rate = (xs: typeof rows) => (xs.filter((x) => x.verdict.pass).length / Math.max(1, xs.length)).toFixed(3);
console.log(`variation suite: ${rows.length} variants; positives pass ${rate(pos)} (${pos.length}), negatives pass ${rate(neg)} (${neg.length})`);
table('positives by indicator', (v) => (v.polarity === 'positive' ? v.indicator : '(negatives)'));
table('positives by form', (v) => (v.polarity === 'positive' ? v.form : '(negatives)'));
table('positives by number form', (v) => (v.polarity === 'positive' ? v.numForm : '(negatives)'));
table('negatives by kind', (v) => (v.polarity === 'negative' ? v.form : '(positives)'));
table('negatives by indicator', (v) => (v.polarity === 'negative' ? v.indicator : '(positives)'));

if (verbose) {
  console.log('\nfailing variants');
  for (const { v, verdict } of rows) {
    if (verdict.pass) continue;
    const miss = verdict.missing.map((m) => `${m.indicator}=${m.value}${m.qualifier === 'exact' ? '' : `(${m.qualifier})`}`).join(' ');
    const extra = verdict.extra.map((f) => `${f.indicator_id}=${f.value}${f.qualifier === 'exact' ? '' : `(${f.qualifier})`}`).join(' ');
    console.log(`${v.id.padEnd(34)} ${v.text}\n${''.padEnd(34)} missing: ${miss || '-'}  extra: ${extra || '-'}`);
  }
}

if (args.includes('--floors')) {
  const floors = (pick: (v: Variant) => string | null) => {
    const by = passCounts(rows, pick);
    return Object.fromEntries([...by].sort().map(([k, [p, n]]) => [k, Math.floor((p / n) * 100) / 100]));
  };
  console.log('\nPOSITIVE_FLOOR', JSON.stringify(floors((v) => (v.polarity === 'positive' ? v.indicator : null))));
  console.log('NEGATIVE_FLOOR', JSON.stringify(floors((v) => (v.polarity === 'negative' ? v.form : null))));
}
