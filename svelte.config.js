import adapter from '@sveltejs/adapter-static';

const buildDir = process.env.BUILD_DIR ?? 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  kit: {
    // BUILD_DIR / SVELTEKIT_OUT let several builds (e.g. a benchmark and a test run) coexist in one tree.
    outDir: process.env.SVELTEKIT_OUT ?? '.svelte-kit',
    // STATIC_DIR builds the same site over another dataset (the benchmark's synthetic national data).
    files: { assets: process.env.STATIC_DIR ?? 'static' },
    // The product is a static folder: every page prerendered, an SPA fallback for towns added later by import.
    // Precompression is scripts/compress.ts (brotli at max quality on 35 MB wasm took >2 min here).
    adapter: adapter({ pages: buildDir, assets: buildDir, fallback: '404.html', precompress: false, strict: true }),
    prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
    // The page's CSS (a few KB per route) goes inline into the prerendered HTML: the first paint, which
    // carries the first chart as a build-time picture, waits for no stylesheet request.
    inlineStyleThreshold: 16384,
    // Strict CSP from day one: only our own origin. 'wasm-unsafe-eval' lets DuckDB compile its wasm,
    // blob: workers are what duckdb-wasm spawns; inline scripts are allowed only by hash.
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self', 'wasm-unsafe-eval'],
        'worker-src': ['self', 'blob:'],
        'connect-src': ['self', 'blob:', 'data:'],
        'img-src': ['self', 'data:', 'blob:'],
        'style-src': ['self', 'unsafe-inline'],
        'font-src': ['self', 'data:'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
      },
    },
  },
};

export default config;
