import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/browser/**'], environment: 'node', testTimeout: 30_000 },
      },
      {
        extends: true,
        // The db suites again, over rol.duckdb as the browser attaches it (the unit run reads the Parquet):
        // facts.indicator_id is an ENUM there, which is how the workbench's ENUM bug hid.
        test: { name: 'db-duckdb', include: ['tests/db/**/*.test.ts'], environment: 'node', testTimeout: 30_000, env: { ROL_EXTRACTS: 'duckdb' } },
      },
      {
        extends: true,
        // Browser tests drive the system Chromium against the built static site; one file at a time keeps 2 cores sane.
        test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 120_000, fileParallelism: false },
      },
    ],
  },
});
