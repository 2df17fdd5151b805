// Every page is prerendered into the static folder; data comes later from DuckDB-wasm in the browser.
export const prerender = true;
export const trailingSlash = 'never';
