/**
 * Browser-test harness: serves the BUILT static site (build/) on a free loopback port and drives the
 * system Chromium through playwright-core, with a fresh profile and no background networking.
 * Records console errors and every request, so tests can assert "no request leaves the origin".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startStaticServer } from '../../scripts/lib/static-server.ts';

export const BUILD_DIR = process.env.BUILD_DIR ?? 'build';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Session {
  origin: string;
  context: BrowserContext;
  page: Page;
  consoleErrors: string[];
  requests: string[];
  close(): Promise<void>;
}

export async function openSite(opts: { locale?: string; viewport?: { width: number; height: number } } = {}): Promise<Session> {
  const server: Server = await startStaticServer(BUILD_DIR, 0);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const profile = mkdtempSync(join(tmpdir(), 'rol-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: opts.viewport ?? { width: 1280, height: 900 },
    locale: opts.locale ?? 'zh-CN',
    acceptDownloads: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  const watch = (p: Page) => {
    p.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    p.on('pageerror', (e) => consoleErrors.push(String(e)));
  };
  watch(page);
  context.on('page', watch);
  context.on('request', (r) => requests.push(r.url()));
  // Workers' requests (DuckDB's HTTP reads) are seen by the context too.
  return {
    origin,
    context,
    page,
    consoleErrors,
    requests,
    async close() {
      await context.close();
      await new Promise<void>((ok) => server.close(() => ok()));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Requests that went anywhere but the site's own origin (data: and blob: URLs are in-page). */
export const foreignRequests = (s: Session): string[] =>
  s.requests.filter((u) => !u.startsWith(s.origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
