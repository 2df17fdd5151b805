import adapter from '@sveltejs/adapter-static';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  kit: {
    // The product is a static folder: every page prerendered, an SPA fallback for towns added later by import.
    // Precompression is scripts/compress.ts (brotli at max quality on 35 MB wasm took >2 min here).
    adapter: adapter({ pages: 'build', assets: 'build', fallback: '404.html', precompress: false, strict: true }),
    prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
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
