import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (...args: string[]) => spawnSync('npx', ['tsx', 'scripts/eval.ts', ...args], { encoding: 'utf8' });

describe('npm run eval -- --set FILE', () => {
  it('scores any JSONL of {id, text, facts} with score.mjs matching, overall and per family, with candidate recall', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-'));
    try {
      const file = join(dir, 'set.jsonl');
      const rows = [
        {
          id: 'a', text: '某某镇2024年法治政府建设工作报告\n全年调处矛盾纠纷289件,其中口头调解188件。开展普法宣传活动21场。',
          facts: [
            { indicator: 'med_cases_total', value: 289, qualifier: 'exact', evidence: '调处矛盾纠纷289件' },
            { indicator: 'med_oral', value: 188, qualifier: 'exact', evidence: '口头调解188件' },
            { indicator: 'out_events', value: 20, qualifier: 'exact', evidence: '开展普法宣传活动21场' },
          ],
        },
      ];
      writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
      const r = run('--set', file);
      expect(r.status, r.stderr).toBe(0);
      // 2 of 3 gold facts found; 3 predicted, 2 right; the number 20 is not among the candidates (21 is)
      expect(r.stdout).toMatch(/^all\s+3\s+3\s+0\.667\s+0\.667\s+0\.667\s+0\.667$/m);
      expect(r.stdout).toMatch(/^mediation\s+2\s+2\s+1\.000\s+1\.000\s+1\.000\s+1\.000$/m);
      expect(r.stdout).toMatch(/^outreach\s+1\s+1\s+0\.000\s+0\.000/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('a malformed set is refused with the line and what is missing, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-'));
    try {
      const file = join(dir, 'bad.jsonl');
      writeFileSync(file, '{"id":"x","text":"t","facts":[{"indicator":"med_oral"}]}\n');
      const r = run('--set', file);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/line 1 \(x\): every fact needs indicator \(string\) and value \(number\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
