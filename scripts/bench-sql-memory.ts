/**
 * npm run bench:sql-memory [-- --towns 200 --years 3 --seed 1]
 *
 * The tab's memory over dashboard → /sql → dashboard → /sql (client-side navigation, one tab), on the same
 * synthetic build `npm run bench` makes: after each step, the resident memory of the tab's renderer process
 * (it holds the page and every DuckDB worker: /proc VmRSS, the same measure as the bench's "tab memory") and
 * the number of DuckDB-wasm workers alive. One engine per tab means the count stays 1 and the second visit
 * to /sql adds no wasm instance.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startStaticServer } from './lib/static-server.ts';

const { values } = parseArgs({
  options: {
    towns: { type: 'string', default: '200' },
    years: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    'skip-build': { type: 'boolean', default: false },
  },
});
const name = `synthetic-${values.towns}x${values.years}-s${values.seed}`;
const root = join('.bench', name);
const buildDir = join('.bench', `build-${name}`);
const log = (s: string) => process.stderr.write(`bench:sql-memory: ${s}\n`);
const sh = (cmd: string, args: string[], env: Record<string, string> = {}) =>
  execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });

if (!existsSync(join(root, 'data/manifest.json'))) {
  log(`generating ${name} (npm run synth)`);
  sh('npx', ['tsx', 'scripts/synth.ts', '--towns', values.towns!, '--years', values.years!, '--seed', values.seed!]);
}
if (!values['skip-build'] || !existsSync(join(buildDir, 'index.html'))) {
  log(`building the site over ${root}`);
  const env = { STATIC_DIR: root, BUILD_DIR: buildDir, SVELTEKIT_OUT: join('.bench', `.svelte-kit-${name}`) };
  sh('npx', ['vite', 'build', '--logLevel', 'error'], env);
  sh('npx', ['tsx', 'scripts/compress.ts', buildDir], env);
}

const server = await startStaticServer(buildDir, 0);
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const profile = mkdtempSync(join(tmpdir(), 'rol-bench-mem-'));
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1400, height: 1000 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const page = ctx.pages()[0] ?? (await ctx.newPage());
const errors: string[] = [];
page.on('pageerror', (e) => errors.push(String(e)));

function rendererMb(): number {
  let kb = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--type=renderer') || !cmd.includes(profile)) continue;
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      /* process ended */
    }
  }
  return kb / 1024;
}
const duckWorkers = () => page.workers().filter((w) => /duckdb-browser/.test(w.url())).length;

const steps: { step: string; rss_mb: number; duckdb_workers: number }[] = [];
const note = (step: string) => {
  steps.push({ step, rss_mb: Math.round(rendererMb()), duckdb_workers: duckWorkers() });
  log(`${step}: ${steps.at(-1)!.rss_mb} MB, ${steps.at(-1)!.duckdb_workers} DuckDB worker(s)`);
};
const dashboard = async () => {
  await page.waitForSelector('[data-testid="mediation-chart"][data-rendered="true"]', { timeout: 120_000 });
  await page.waitForFunction(() => (globalThis as { __rol?: { timings?: { ready_ms?: number } } }).__rol?.timings?.ready_ms, undefined, { timeout: 120_000 });
};
// The workbench is ready when its schema browser lists the semantic views.
const workbench = () => page.waitForSelector('[data-testid="rel-wide"]', { timeout: 120_000 });
const nav = (href: string) => page.click(`nav a[href$="${href}"]`);

await page.goto(`${origin}/`);
await dashboard();
note('dashboard');
await nav('/sql');
await workbench();
note('→ /sql');
await nav('/');
await dashboard();
note('→ dashboard');
await nav('/sql');
await workbench();
note('→ /sql again');

await ctx.close();
server.close();
rmSync(profile, { recursive: true, force: true });
console.log(`\ntab memory at ${values.towns} towns × ${values.years} years, seed ${values.seed}\n`);
console.log(`| step | renderer RSS | DuckDB workers |\n|---|---|---|`);
for (const s of steps) console.log(`| ${s.step} | ${s.rss_mb} MB | ${s.duckdb_workers} |`);
if (errors.length) console.log(`\npage errors: ${errors.join(' | ')}`);
