/**
 * When the tab's DuckDB engine has failed for good. A WebAssembly trap inside the engine's worker ("memory
 * access out of bounds", "unreachable", an abort) leaves its memory in an unknown state: every later query in
 * that engine may fail the same way, so the tab would stay broken until a reload. Such errors are reported
 * here; client.svelte.ts then throws the engine away and the next getDb() opens a fresh one (the bundled data
 * and the stored local dataset load again). DuckDB's own errors, "Out of Memory Error" included, leave the
 * engine usable and are not fatal.
 */

const FATAL = /memory access out of bounds|\bunreachable\b|Aborted\(|RuntimeError|worker (was )?terminated|table index is out of bounds|call stack exhausted/i;

export function isFatalEngineError(e: unknown): boolean {
  if (e === null || e === undefined) return false;
  const err = e as { name?: unknown; message?: unknown };
  const text = typeof e === 'object' ? `${String(err.name ?? '')}: ${String(err.message ?? '')}` : String(e);
  return FATAL.test(text);
}

const listeners = new Set<(e: unknown) => void>();

/** Tells the engine's owner when `e` is fatal; returns whether it was. */
export function reportEngineError(e: unknown): boolean {
  if (!isFatalEngineError(e)) return false;
  for (const l of listeners) l(e);
  return true;
}

export function onFatalEngineError(f: (e: unknown) => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

/** The page's language (the i18n store sets <html lang>), for messages made outside components. */
const english = () => typeof document !== 'undefined' && document.documentElement.lang.startsWith('en');

/** The message for a change that failed because the engine did (the local dataset is as it was). */
export class EngineFailedError extends Error {
  constructor(readonly cause: unknown) {
    const m = cause instanceof Error ? cause.message : String(cause);
    super(
      english()
        ? `the data engine failed (${m}) and was restarted: this change was not saved and your local data is unchanged; try again`
        : `数据引擎出错(${m}),已重新启动:这次的改动没有保存,本地数据保持不变,请再试一次`,
    );
    this.name = 'EngineFailedError';
  }
}
