/**
 * npm run bench [-- --towns 38000 --years 10 --seed 1 --runs 15 --out FILE] [--county CODE]
 *
 * --county CODE (a 6-digit county code of the synthetic data): the county filter runs in that county's
 * province, alternating CODE with the province's other largest county, and the runs into CODE are reported
 * apart — the county view at a large real county (凉州区 620602: 46 townships; synthetic 4,000 towns, seed 1).
 *
 * Builds the site over a synthetic dataset (generated when missing, never bundled by default), serves it,
 * drives it in headless Chromium and runs the same SQL in native DuckDB — everything in one run, because
 * the machine is noisy and the ratios are what count. Prints a table; --out writes the figures as JSON.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { NodeDuck } from './lib/duckdb-node.ts';
import { startStaticServer } from './lib/static-server.ts';

const { values } = parseArgs({
  options: {
    towns: { type: 'string', default: '38000' },
    years: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '15' },
    out: { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
    county: { type: 'string' },
  },
});
const TOWNS = Number(values.towns);
const YEARS = Number(values.years);
const SEED = Number(values.seed);
const RUNS = Math.max(3, Number(values.runs));
const name = `synthetic-${TOWNS}x${YEARS}-s${SEED}`;
const root = join('.bench', name);
const buildDir = join('.bench', `build-${name}`);
const log = (s: string) => process.stderr.write(`bench: ${s}\n`);
const sh = (cmd: string, args: string[], env: Record<string, string> = {}) =>
  execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });

// 1. Data and site.
if (!existsSync(join(root, 'data/manifest.json'))) {
  log(`generating ${name} (npm run synth)`);
  sh('npx', ['tsx', 'scripts/synth.ts', '--towns', String(TOWNS), '--years', String(YEARS), '--seed', String(SEED)]);
}
if (!values['skip-build'] || !existsSync(join(buildDir, 'index.html'))) {
  log(`building the site over ${root}`);
  const env = { STATIC_DIR: root, BUILD_DIR: buildDir, SVELTEKIT_OUT: join('.bench', `.svelte-kit-${name}`) };
  sh('npx', ['vite', 'build', '--logLevel', 'error'], env);
  sh('npx', ['tsx', 'scripts/compress.ts', buildDir], env);
}
const dbFile = join(buildDir, 'data/rol.duckdb');

// 2. The SQL measured on both engines.
const NATIONAL_GROUP_BY = `SELECT indicator_id, year, sum(value) AS v, count(*) AS n FROM rol.facts GROUP BY ALL`;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const stats = (xs: number[]) => ({ p50: pct(xs, 50), p95: pct(xs, 95) });

async function native(threads: number): Promise<{ p50: number; p95: number }> {
  const db = await NodeDuck.open(':memory:', { threads: String(threads) });
  await db.exec(`ATTACH '${dbFile}' AS rol (READ_ONLY)`);
  await db.rows(NATIONAL_GROUP_BY); // warm, like the browser's warm runs
  const t: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await db.rows(NATIONAL_GROUP_BY);
    t.push(performance.now() - t0);
  }
  db.close();
  return stats(t);
}

// 3. The browser.
const server = await startStaticServer(buildDir, 0);
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const profile = mkdtempSync(join(tmpdir(), 'rol-bench-'));
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1400, height: 1000 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const page = ctx.pages()[0] ?? (await ctx.newPage());
// Bytes and JS of the first view come from the page's own Resource Timing (no CDP listener on every
// range read, which would slow the page being measured).
const errors: string[] = [];
page.on('pageerror', (e) => errors.push(String(e)));
page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

log('navigation → first chart');
await page.goto(`${origin}/?bench=1`);
await page.waitForSelector('[data-testid="mediation-chart"][data-rendered="true"]', { timeout: 120_000 });
// The first chart on screen: the build-time picture (Element Timing: when it was painted) or, if the page
// has none, ECharts' first drawing of the chart.
const shown = await page.evaluate(
  () =>
    new Promise<{ picture: number | null; echarts: number }>((ok) => {
      // (no named inner functions here: tsx would wrap them in a helper the page does not have)
      const echarts = Number(document.querySelector('[data-testid="mediation-chart"]')!.getAttribute('data-rendered-at'));
      const timer = setTimeout(() => ok({ picture: null, echarts }), 1000);
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { identifier?: string; renderTime?: number; loadTime?: number })[]) {
          if (e.identifier !== 'mediation-chart') continue;
          clearTimeout(timer);
          ok({ picture: e.renderTime || e.loadTime || e.startTime, echarts });
        }
      }).observe({ type: 'element', buffered: true });
    }),
);
const firstChartMs = shown.picture !== null ? Math.min(shown.picture, shown.echarts) : shown.echarts;
const firstView = await page.evaluate((at) => {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
  const res = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.startTime <= at);
  return { bytes: nav.transferSize + res.reduce((s, r) => s + r.transferSize, 0) };
}, firstChartMs);
const bytesFirstView = firstView.bytes;
// Initial JS: the static import graph the page loads up front, which SvelteKit lists as modulepreloads in the
// served HTML (at run time Vite adds more for dynamic imports — ECharts, DuckDB's client — not initial).
const servedHtml = await (await fetch(`${origin}/`)).text();
const initialJs = [...servedHtml.matchAll(/<link href="([^"]+\.js)" rel="modulepreload">/g)].map((m) => new URL(m[1]!, `${origin}/`).href);
await page.waitForFunction(() => (globalThis as { __rol?: { timings?: { ready_ms?: number } } }).__rol?.timings?.ready_ms, undefined, { timeout: 120_000 });
const readyMs = await page.evaluate(() => (globalThis as unknown as { __rol: { timings: { ready_ms: number; t_ready: number } } }).__rol.timings.t_ready ?? 0);

/** Until the page's DuckDB has answered every query it was sent. */
const idle = () =>
  page.waitForFunction(() => (globalThis as unknown as { __rol: { pending(): number } }).__rol.pending() === 0, undefined, { timeout: 120_000, polling: 50 });

/**
 * Change a filter through the UI and time it until the mediation chart shows the new view's rows: until it
 * has redrawn with them, or — when they equal what it shows — until they arrived (nothing to redraw).
 */
async function filterRuns(label: string, pick: (i: number) => Promise<void>, onRun?: (i: number, ms: number) => Promise<void>): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  const probe = () =>
    page.evaluate(() => {
      const g = document.querySelector('.grid')!;
      const c = document.querySelector('[data-testid="mediation-chart"]');
      return { key: g.getAttribute('data-med-key'), at: Number(g.getAttribute('data-med-at')), seq: Number(c?.getAttribute('data-render-seq') ?? 0), drawn: Number(c?.getAttribute('data-rendered-at') ?? 0) };
    });
  for (let i = 0; i < RUNS; i++) {
    await idle(); // each change starts from a settled page, as a user's would
    const before = await probe();
    await pick(i);
    // From the moment the page sees the change (not counting Playwright's own round trips to make it).
    const t0 = await page.evaluate(() => (globalThis as unknown as { __changeAt: number }).__changeAt);
    await page.waitForFunction((k) => document.querySelector('.grid')?.getAttribute('data-med-key') !== k, before.key, { timeout: 60_000, polling: 'raf' });
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    const after = await probe();
    times.push((after.seq > before.seq ? Math.max(after.drawn, after.at) : after.at) - t0);
    await onRun?.(i, times.at(-1)!);
  }
  log(`${label}: ${times.map((t) => t.toFixed(0)).join(' ')} ms`);
  return stats(times);
}
const options = async (testid: string) =>
  (await page.locator(`[data-testid="${testid}"] option`).evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).filter(Boolean);

// Every filter is a <select>: note when its change event reaches the page.
await page.evaluate(() => document.addEventListener('change', () => ((globalThis as unknown as { __changeAt: number }).__changeAt = performance.now()), true));
const provinces = await options('pick-province');
const current = (testid: string) => page.locator(`[data-testid="${testid}"]`).inputValue();
/** Select a value that differs from the current one (a no-op select would redraw nothing). */
const pickDifferent = async (testid: string, values: string[], i: number) => {
  const cur = await current(testid);
  // One value only (a province of one county): alternate with '' (all) so each run still changes the view.
  const cands = (values.length > 1 ? values : [...values, '']).filter((v) => v !== cur);
  await page.selectOption(`[data-testid="${testid}"]`, cands[i % cands.length]!);
};
// Province: one province after another (the one-province case alternates with the national view).
const province = await filterRuns('province filter', (i) => pickDifferent('pick-province', provinces.length > 1 ? provinces : [...provinces, ''], i));
// --county: that county's province and, beside the county, the province's other largest county.
let target: { code: string; province: string; townships: number; other: string; otherTownships: number } | null = null;
if (values.county) {
  const db = await NodeDuck.open(':memory:');
  await db.exec(`ATTACH '${dbFile}' AS rol (READ_ONLY)`);
  const sizes = (await db.rows(
    `SELECT county_code AS code, any_value(province) AS province, count(*)::INTEGER AS n FROM rol.gazetteer
     WHERE province = (SELECT province FROM rol.gazetteer_counties WHERE code = '${values.county.replace(/\D/g, '')}')
       AND county_code IN (SELECT DISTINCT substr(town_id, 1, 6) FROM rol.towns) GROUP BY ALL ORDER BY n DESC, code`,
  )) as { code: string; province: string; n: number }[];
  db.close();
  const me = sizes.find((c) => c.code === values.county);
  const other = sizes.find((c) => c.code !== values.county);
  if (!me || !other) throw new Error(`bench: --county ${values.county} is not a county of this dataset with another county in its province`);
  target = { code: me.code, province: me.province, townships: me.n, other: other.code, otherTownships: other.n };
  log(`county view at ${target.code} (${target.townships} townships of the 2023 list), alternating with ${target.other} (${target.otherTownships})`);
}
await page.selectOption('[data-testid="pick-province"]', target?.province ?? provinces[0]!);
await page.waitForTimeout(500);
await page.waitForFunction(() => document.querySelectorAll('[data-testid="pick-county"] option').length > 1, undefined, { timeout: 60_000 });
const counties = target ? [target.code, target.other] : await options('pick-county');
await idle(); // the province view's own queries are not the county's
await page.evaluate(() => performance.clearMeasures());
/** runs into --county: the filter → chart time and the mediation query's share */
const intoTarget: { ms: number; query: number }[] = [];
const county = await filterRuns('county filter', (i) => pickDifferent('pick-county', counties, i), async (_, ms) => {
  if (!target || (await current('pick-county')) !== target.code) return;
  await idle();
  const q = await page.evaluate(() => performance.getEntriesByName('overview:med', 'measure').at(-1)?.duration ?? NaN);
  intoTarget.push({ ms, query: q });
});
// Of that, the mediation chart's query in DuckDB-wasm (the page's own User Timing measures).
const countyQuery = stats(
  await page.evaluate(() => performance.getEntriesByName('overview:med', 'measure').map((m) => m.duration)),
);
// … and ECharts' setOption of the mediation chart (Chart.svelte's measure).
const countyDraw = stats(
  await page.evaluate(() => performance.getEntriesByName('chart:mediation-chart', 'measure').map((m) => m.duration)),
);
await page.selectOption('[data-testid="pick-county"]', '');
await page.waitForTimeout(500); // let the reset draw before timing the next filter
const national = await filterRuns('national (all provinces ↔ one)', (i) =>
  page.selectOption('[data-testid="pick-province"]', i % 2 === 0 ? '' : provinces[1 % provinces.length]!).then(() => undefined),
);
await page.selectOption('[data-testid="pick-province"]', '');

// The raw national GROUP BY in the page's DuckDB-wasm (warm), for the wasm / native ratio — once the page's
// own queries are done (one worker answers one query at a time: a queued ranking would count as ours).
await page.waitForTimeout(500);
await idle();
const wasmGroupBy = await page.evaluate(
  async ({ sql, runs }) => {
    const rol = (globalThis as unknown as { __rol: { rows(sql: string): Promise<unknown[]> } }).__rol;
    await rol.rows(sql);
    const t: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await rol.rows(sql);
      t.push(performance.now() - t0);
    }
    return t;
  },
  { sql: NATIONAL_GROUP_BY, runs: RUNS },
);

// Tab memory: resident memory of the tab's renderer process (the DuckDB worker lives in it).
function rendererMb(): number {
  let kb = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--type=renderer') || !cmd.includes(profile)) continue;
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      kb += Number(m?.[1] ?? 0);
    } catch {
      /* process ended */
    }
  }
  return kb / 1024;
}
const tabMemoryMb = rendererMb();
// Of that, what DuckDB itself holds now (buffer pool, hash tables); the wasm heap only grows, so RSS keeps its peak.
const duckMemMb = await page.evaluate(async () => {
  const rol = (globalThis as unknown as { __rol: { rows(sql: string): Promise<{ mb: number }[]> } }).__rol;
  return (await rol.rows(`SELECT round(sum(memory_usage_bytes) / 1e6)::DOUBLE AS mb FROM duckdb_memory()`))[0]!.mb;
});
await ctx.close();
server.close();
rmSync(profile, { recursive: true, force: true });

const native1 = await native(1);
const nativeAll = await native(cpus().length);
const wasm = stats(wasmGroupBy);

// Initial JS: the gzip size of the page's modulepreloaded JS (DuckDB's worker and wasm, ECharts: loaded later).
const gz = (u: string) => {
  const f = join(buildDir, new URL(u).pathname) + '.gz';
  return existsSync(f) ? statSync(f).size : statSync(join(buildDir, new URL(u).pathname)).size;
};
const initialJsKb = [...new Set(initialJs)].reduce((s, u) => s + gz(u), 0) / 1024;

const result = {
  scale: { towns: TOWNS, years: YEARS, seed: SEED, facts: JSON.parse(readFileSync(join(root, 'data/manifest.json'), 'utf8')).tables.facts.rows },
  first_chart_ms: Math.round(firstChartMs),
  first_chart_source: shown.picture !== null ? 'build-time picture' : 'echarts',
  echarts_chart_ms: Math.round(shown.echarts),
  duckdb_ready_ms: Math.round(readyMs),
  county_filter_p50_ms: Math.round(county.p50),
  county_filter_p95_ms: Math.round(county.p95),
  county_query_p50_ms: Math.round(countyQuery.p50),
  county_query_p95_ms: Math.round(countyQuery.p95),
  county_draw_p50_ms: Math.round(countyDraw.p50),
  county_draw_p95_ms: Math.round(countyDraw.p95),
  province_filter_p50_ms: Math.round(province.p50),
  province_filter_p95_ms: Math.round(province.p95),
  national_filter_p50_ms: Math.round(national.p50),
  national_filter_p95_ms: Math.round(national.p95),
  national_agg_p50_ms: Math.round(wasm.p50),
  national_agg_p95_ms: Math.round(wasm.p95),
  native_1t_p50_ms: Math.round(native1.p50),
  native_all_p50_ms: Math.round(nativeAll.p50),
  wasm_native_ratio: Number((wasm.p50 / native1.p50).toFixed(2)),
  tab_memory_mb: Math.round(tabMemoryMb),
  duckdb_memory_mb: duckMemMb,
  initial_js_gzip_kb: Math.round(initialJsKb),
  bytes_first_view: bytesFirstView,
  db_file_mb: Number((statSync(dbFile).size / 1e6).toFixed(1)),
  ...(target && intoTarget.length
    ? {
        county_target: {
          code: target.code,
          townships: target.townships,
          runs: intoTarget.length,
          filter_p50_ms: Math.round(stats(intoTarget.map((r) => r.ms)).p50),
          filter_p95_ms: Math.round(stats(intoTarget.map((r) => r.ms)).p95),
          query_p50_ms: Math.round(stats(intoTarget.map((r) => r.query)).p50),
          query_p95_ms: Math.round(stats(intoTarget.map((r) => r.query)).p95),
        },
      }
    : {}),
  page_errors: errors,
};

const rows: [string, string, string][] = [
  ['navigation → first chart', `${result.first_chart_ms} ms (${result.first_chart_source})`, '≤ 500 ms'],
  ['navigation → ECharts drawing of it', `${result.echarts_chart_ms} ms`, ''],
  ['DuckDB ready (interactive)', `${result.duckdb_ready_ms} ms`, '≤ 1500 ms'],
  ['county filter → chart p50 / p95', `${result.county_filter_p50_ms} / ${result.county_filter_p95_ms} ms`, 'p95 ≤ 50 ms'],
  ['  of which the county query (wasm) p50 / p95', `${result.county_query_p50_ms} / ${result.county_query_p95_ms} ms`, ''],
  ['  of which ECharts setOption p50 / p95', `${result.county_draw_p50_ms} / ${result.county_draw_p95_ms} ms`, ''],
  ...(result.county_target
    ? ([
        [`  into ${result.county_target.code} (${result.county_target.townships} townships), ${result.county_target.runs} runs, p50 / p95`, `${result.county_target.filter_p50_ms} / ${result.county_target.filter_p95_ms} ms`, 'p95 ≤ 50 ms'],
        ['    of which its mediation query (wasm) p50 / p95', `${result.county_target.query_p50_ms} / ${result.county_target.query_p95_ms} ms`, ''],
      ] as [string, string, string][])
    : []),
  ['province filter → chart p50 / p95', `${result.province_filter_p50_ms} / ${result.province_filter_p95_ms} ms`, ''],
  ['national view → chart p50 / p95', `${result.national_filter_p50_ms} / ${result.national_filter_p95_ms} ms`, ''],
  ['national GROUP BY wasm p50 / p95', `${result.national_agg_p50_ms} / ${result.national_agg_p95_ms} ms`, 'p95 ≤ 300 ms'],
  ['same SQL native, 1 thread / all threads', `${result.native_1t_p50_ms} / ${result.native_all_p50_ms} ms`, ''],
  ['wasm / native (1 thread)', `${result.wasm_native_ratio}×`, '≤ 2×'],
  ['tab memory (renderer RSS)', `${result.tab_memory_mb} MB`, '≤ 1024 MB'],
  ['  of which DuckDB holds now (duckdb_memory())', `${result.duckdb_memory_mb} MB`, ''],
  ['initial JS (gzip)', `${result.initial_js_gzip_kb} KB`, '≤ 250 KB'],
  ['bytes transferred, first view', `${(result.bytes_first_view / 1e6).toFixed(2)} MB`, ''],
];
console.log(`\nbench at ${TOWNS} towns × ${YEARS} years (${result.scale.facts} facts), seed ${SEED}, ${RUNS} runs each\n`);
console.log(`| measure | value | budget |\n|---|---|---|`);
for (const [a, b, c] of rows) console.log(`| ${a} | ${b} | ${c} |`);
if (errors.length) console.log(`\npage errors: ${errors.join(' | ')}`);
if (values.out) writeFileSync(values.out, JSON.stringify(result, null, 1) + '\n');
