/**
 * npm run extract -- [--format jsonl|csv|table] FILE...
 *
 * Extracts indicator facts from report files (plain text or saved HTML; UTF-8, UTF-8 BOM, GBK/GB18030).
 * stdout carries only data. A file that cannot be read, is empty, binary or undecodable gets one line on
 * stderr (what, where, how to fix); the other files are still processed and the exit code is 2.
 */
import { readFileSync } from 'node:fs';
import { extractReport, ExtractInputError, type ExtractionResult } from '../src/lib/extract/index';

type Format = 'jsonl' | 'csv' | 'table';
const USAGE = 'usage: npm run extract -- [--format jsonl|csv|table] FILE...';

function parseArgs(argv: string[]): { format: Format; files: string[] } {
  let format: Format = 'jsonl';
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--format' || a === '-f') format = argv[++i] as Format;
    else if (a.startsWith('--format=')) format = a.slice(9) as Format;
    else if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE + '\n');
      process.exit(0);
    } else if (a === '--') continue;
    else files.push(a);
  }
  if (!['jsonl', 'csv', 'table'].includes(format)) {
    process.stderr.write(`extract: unknown --format "${format}"; use jsonl, csv or table\n${USAGE}\n`);
    process.exit(2);
  }
  if (!files.length) {
    process.stderr.write(`extract: no input files\n${USAGE}\n`);
    process.exit(2);
  }
  return { format, files };
}

const HINT: Record<ExtractInputError['code'], string> = {
  empty: 'nothing to extract; save the report text into the file again',
  binary: 'this looks like a binary file (PDF, Word, image…); save the report as .txt or .html first',
  encoding: 're-save the file as UTF-8 (or GBK) text',
};

function rows(file: string, r: ExtractionResult) {
  return r.facts.map((f) => ({
    file,
    indicator: f.indicator_id,
    value: f.value,
    qualifier: f.qualifier,
    value_high: f.value_high,
    unit: f.unit,
    unit_raw: f.unit_raw,
    scale: f.scale,
    sub_kind: f.sub_kind,
    evidence: f.evidence,
    start: f.evidence_start,
    end: f.evidence_end,
    section: f.section,
    period_basis: f.period_basis,
    period_start: f.period_start,
    period_end: f.period_end,
    scope: f.scope,
    is_zero_statement: f.is_zero_statement,
    numeral_type: f.numeral_type,
    rule_id: f.rule_id,
    fact_id: f.fact_id,
    violations: r.violations.filter((v) => v.fact_ids.includes(f.local_id)).map((v) => v.rule_id),
    unit_name: r.meta.unit_name,
    report_year: r.meta.report_year,
    extractor_version: f.extractor_version,
  }));
}

const CSV_COLS = [
  'file', 'indicator', 'value', 'qualifier', 'value_high', 'unit', 'unit_raw', 'sub_kind', 'evidence', 'start', 'end', 'section',
  'period_basis', 'scope', 'is_zero_statement', 'rule_id', 'violations', 'unit_name', 'report_year', 'extractor_version',
] as const;
const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join(' ') : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
/** Display width: CJK characters take two columns. */
const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
const padTo = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));
const QSIGN: Record<string, string> = { exact: '', lower_bound: '≥', upper_bound: '≤', approx: '≈', range: '' };

function main() {
  const { format, files } = parseArgs(process.argv.slice(2));
  let failed = 0;
  if (format === 'csv') process.stdout.write('\ufeff' + CSV_COLS.join(',') + '\n');
  for (const file of files) {
    let result: ExtractionResult;
    try {
      const bytes = readFileSync(file);
      result = extractReport(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { fileName: file });
    } catch (e) {
      failed++;
      const err = e as NodeJS.ErrnoException;
      if (e instanceof ExtractInputError) process.stderr.write(`extract: ${file}: ${e.message} — ${HINT[e.code]}\n`);
      else if (err.code === 'ENOENT') process.stderr.write(`extract: ${file}: no such file — check the path\n`);
      else if (err.code === 'EISDIR') process.stderr.write(`extract: ${file}: is a directory — pass the report files inside it\n`);
      else if (err.code === 'EACCES' || err.code === 'EPERM') process.stderr.write(`extract: ${file}: permission denied — make the file readable\n`);
      else process.stderr.write(`extract: ${file}: cannot read (${err.message ?? String(e)}) — check the file\n`);
      continue;
    }
    const rs = rows(file, result);
    if (format === 'jsonl') {
      process.stdout.write(rs.map((r) => JSON.stringify(r)).join('\n') + (rs.length ? '\n' : ''));
    } else if (format === 'csv') {
      process.stdout.write(rs.map((r) => CSV_COLS.map((c) => csvCell(r[c])).join(',')).join('\n') + (rs.length ? '\n' : ''));
    } else {
      const m = result.meta;
      const lines = [`== ${file} · ${m.unit_name ?? '?'}${m.unit_type ? ` (${m.unit_type})` : ''} · ${m.report_year ?? '?'} · ${rs.length} facts`];
      for (const r of rs) {
        const v = `${QSIGN[r.qualifier]}${r.value}${r.value_high !== null ? `–${r.value_high}` : ''} ${r.unit}`;
        lines.push(`  ${padTo(r.indicator, 34)} ${padTo(v, 14)} ${padTo(r.section, 5)} ${r.evidence}  [${r.start}–${r.end}]${r.violations.length ? ' ⚠ ' + r.violations.join(',') : ''}`);
      }
      for (const v of result.violations) lines.push(`  ${v.severity === 'error' ? '✗' : '⚠'} ${v.rule_id} ${v.message_zh} (${v.fact_ids.join(', ')})`);
      process.stdout.write(lines.join('\n') + '\n\n');
    }
  }
  process.exitCode = failed ? 2 : 0;
}

main();
