/**
 * Untrusted text that names a place: a source URL becomes a link only when it is http: or https:
 * (never javascript:, data:, file:), and a report's text is fetched only from inside the app's own data.
 * The schemas (src/lib/catalog/schemas.ts) refuse anything else at import and build time; the pages
 * check again before rendering or fetching, for data that reached the database another way.
 */

/** The href for a source URL, or null when it must be shown as plain text. */
export function webHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && url === url.trim() ? url : null;
  } catch {
    return null;
  }
}

/** Bundled full texts (data/texts/<report_id>.txt) and imported ones (indexeddb:<report_id>, this browser's store). */
export const TEXT_PATH = /^(?:data\/texts\/[a-z0-9-]+\.txt|indexeddb:[a-z0-9-]+)$/;

/** The path when it points inside the app's own data, else null (never fetched). */
export const appTextPath = (path: string | null | undefined): string | null => (path && TEXT_PATH.test(path) ? path : null);
