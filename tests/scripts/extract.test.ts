import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';

const FIX = 'tests/fixtures/reports/';
const run = (...args: string[]) => spawnSync('npx', ['tsx', 'scripts/extract.ts', ...args], { encoding: 'utf8' });

describe('scripts/extract.ts', () => {
  it('jsonl: one object per fact with file, indicator, value, qualifier, evidence, start, end', () => {
    const r = run('--format', 'jsonl', FIX + 'puchang-2024.txt');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toHaveLength(20);
    expect(rows[13]).toMatchObject({ file: FIX + 'puchang-2024.txt', indicator: 'med_cases_total', value: 289, qualifier: 'exact', evidence: '调处矛盾纠纷289件', sub_kind: null, unit: '件', section: '成效' });
    expect(rows[13].end - rows[13].start).toBe('调处矛盾纠纷289件'.length);
    expect(rows[10]).toMatchObject({ indicator: 'out_materials', value: 20000, qualifier: 'lower_bound' });
  });

  it('bad files: one stderr line each naming the file, the others still processed, exit 2', () => {
    const r = run(FIX + 'empty.txt', FIX + 'puchang-2024.gbk.txt', FIX + 'binary.png', FIX + 'missing.txt');
    expect(r.status).toBe(2);
    expect(r.stdout.trim().split('\n')).toHaveLength(20);
    const errs = r.stderr.trim().split('\n');
    expect(errs).toHaveLength(3);
    expect(errs[0]).toMatch(/empty\.txt.*empty/);
    expect(errs[1]).toMatch(/binary\.png.*binary.*\.txt/);
    expect(errs[2]).toMatch(/missing\.txt.*no such file/);
  });

  it('csv is UTF-8 with BOM and a header; table is human readable', () => {
    const csv = run('--format', 'csv', FIX + 'puchang-2024.html');
    expect(csv.status).toBe(0);
    expect(csv.stdout.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.stdout.slice(1).trim().split('\n');
    expect(lines[0]!.startsWith('file,indicator,value,qualifier')).toBe(true);
    expect(lines).toHaveLength(21);
    const table = run('--format', 'table', FIX + 'puchang-2024.txt');
    expect(table.stdout).toContain('蒲场镇');
    expect(table.stdout).toMatch(/out_materials\s+≥20000 份/);
  });

  it('a file with no facts is fine', () => {
    const r = run(FIX + 'no-facts.txt');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
  });
});
