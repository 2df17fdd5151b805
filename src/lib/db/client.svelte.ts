/**
 * The app's single database handle. DuckDB-wasm is imported dynamically here, so it never runs during
 * SSR/prerender, and it is opened once per page load however many components ask for it: the dashboard, the
 * import page and the SQL workbench (its own connection, db/workbench.ts) share this one engine.
 */
import { base } from '$app/paths';
import type { BrowserDuck } from './worker-client.ts';
import { onFatalEngineError } from './engine-health.ts';

export const dbStatus = $state<{ state: 'idle' | 'loading' | 'ready' | 'error'; error: string; readyMs: number | null }>({
  state: 'idle',
  error: '',
  readyMs: null,
});

let opening: Promise<BrowserDuck> | null = null;

// An engine that failed for good (a wasm trap) is let go: the next getDb() opens a fresh one.
onFatalEngineError(() => {
  const old = opening;
  opening = null;
  void old?.then((db) => db.terminate()).catch(() => undefined);
});

export function getDb(): Promise<BrowserDuck> {
  if (!opening) {
    dbStatus.state = 'loading';
    opening = import('./worker-client.ts')
      .then((m) => m.BrowserDuck.open(`${base}/data`))
      .then((db) => {
        dbStatus.state = 'ready';
        dbStatus.readyMs = db.timings.ready_ms ?? null;
        // For the benchmark and tests: when DuckDB became interactive (ms since navigation), and with
        // ?bench=1 a way to time raw SQL in this page's engine. It stays in the production build on purpose
        // (npm run bench and the browser tests drive the same build users get), and it grants nothing new:
        // calling it needs script running in this origin, which the CSP (script-src 'self' + hashes, no
        // framing: frame-ancestors 'none') keeps to our own code; whoever can run script here can already
        // open /sql, which runs any SQL on this same engine. The engine reads only the site's own data
        // (extension loading and outside files disabled) and the user's own imports, and the bundled data
        // is attached read-only. A link with ?bench=1 only adds the function; it calls nothing.
        const hook: Record<string, unknown> = { timings: { ...db.timings, t_ready: performance.now() } };
        if (new URLSearchParams(location.search).has('bench')) {
          hook.rows = (sql: string) => db.rows(sql);
          hook.pending = () => db.pending;
        }
        (globalThis as { __rol?: object }).__rol = hook;
        return db;
      })
      .catch((e: unknown) => {
        dbStatus.state = 'error';
        dbStatus.error = e instanceof Error ? e.message : String(e);
        opening = null;
        throw e;
      });
  }
  return opening;
}

/**
 * Throws the engine away and lets the next getDb() open a fresh one: the last resort when a statement does not
 * stop, or when the engine failed in a way it cannot recover from (a wasm trap such as "memory access out of
 * bounds" leaves its memory unusable). Handles taken from the old engine fail from here on; pages ask getDb()
 * again.
 */
export async function restartDb(): Promise<BrowserDuck> {
  const old = opening;
  opening = null;
  if (old) await old.then((db) => db.terminate()).catch(() => undefined);
  return getDb();
}
