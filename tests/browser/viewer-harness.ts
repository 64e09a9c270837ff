// What the browser tests share: the viewer built by Vite into a temporary folder (so the test sees
// the current source, whatever viewer/dist holds), a real server over a scored workspace serving
// that build, and headless Chromium through playwright-core.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { loadInput } from '../../engine/run/load.js';
import type { ScoreOptions } from '../../engine/run/options.js';
import { scoreDataset } from '../../engine/run/score.js';
import { openSqliteStore } from '../../engine/store/sqlite.js';
import { removeWorkspace, scoredWorkspace, startTestServer, type TestServer } from '../server/harness.js';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const REPO = join(import.meta.dirname, '..', '..');

/** Builds the viewer into a fresh temporary folder; returns it. */
export async function buildViewer(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'socap-viewer-'));
  await build({ configFile: join(REPO, 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  return outDir;
}

export interface ViewerFixture {
  server: TestServer;
  browser: Browser;
  close(): Promise<void>;
}

/** A scored workspace of `input`, a server serving the viewer in `viewerDir`, and a browser. */
export async function startViewer(input: string, dataset: string, viewerDir: string, options: Partial<ScoreOptions> = {}): Promise<ViewerFixture> {
  return serveViewer((await scoredWorkspace(input, dataset, options)).workspace, viewerDir);
}

export interface RunInput {
  input: string;
  dataset: string;
  options?: Partial<ScoreOptions>;
}

/** One workspace holding a run for each entry, in order (an input named twice is loaded once). */
export async function scoredRuns(runs: RunInput[]): Promise<string> {
  const workspace = mkdtempSync(join(tmpdir(), 'socap-viewer-runs-'));
  const store = openSqliteStore({ workspace });
  try {
    const loaded = new Set<string>();
    for (const r of runs) {
      if (!loaded.has(r.dataset)) await loadInput(store, r.dataset, r.input);
      loaded.add(r.dataset);
      await scoreDataset({ store, dataset: r.dataset, options: r.options ?? {} });
    }
  } finally {
    await store.close();
  }
  return workspace;
}

/** A server over `workspace` serving the viewer in `viewerDir`, and a browser; close() removes both folders. */
export async function serveViewer(workspace: string, viewerDir: string): Promise<ViewerFixture> {
  const server = await startTestServer(workspace, { viewerDir });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      removeWorkspace(workspace);
      rmSync(viewerDir, { recursive: true, force: true });
    },
  };
}

/** A 1280×800 page that records console errors and uncaught exceptions into `errors`. */
export async function openPage(browser: Browser, errors: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`http ${r.status()}: ${r.url()}`);
  });
  return page;
}

export interface ViewerSession {
  fx: ViewerFixture;
  page: Page;
  /** Console errors, uncaught exceptions and failed requests of `page` (and of pages opened with it). */
  errors: string[];
}

/** A scored workspace of `input` served with a fresh viewer build, and a page on it with its map drawn. */
export async function openViewer(input: string, dataset: string, options: Partial<ScoreOptions> = {}, hash = ''): Promise<ViewerSession> {
  const fx = await startViewer(input, dataset, await buildViewer(), options);
  const errors: string[] = [];
  const page = await openPage(fx.browser, errors);
  await page.goto(`${fx.server.url}/${hash}`);
  await page.waitForSelector('#map[data-nodes] canvas');
  return { fx, page, errors };
}

/** RFC 4180 fields of a CSV text (quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length) row.push(field), rows.push(row);
  return rows;
}
