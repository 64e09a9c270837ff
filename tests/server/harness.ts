// A real server for the API tests: a temporary workspace with an embedded SQLite store, a real data
// set loaded and scored through the engine, the app listening on port 0. No mocks.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../engine/store/sqlite.js';
import type { GraphStore } from '../../engine/store/graph-store.js';
import type { RunRecord } from '../../engine/model/types.js';
import { loadInput } from '../../engine/run/load.js';
import { scoreDataset } from '../../engine/run/score.js';
import type { ScoreOptions } from '../../engine/run/options.js';
import { createApp, type AppOptions, type SocapApp } from '../../server/app.js';

export const KRACKHARDT = join(import.meta.dirname, '..', '..', 'datasets', 'krackhardt-hightech-managers');
export const WORKPLACE = join(import.meta.dirname, '..', '..', 'datasets', 'sociopatterns-workplace-2015');

export interface TestServer {
  url: string;
  store: GraphStore;
  workspace: string;
  app: SocapApp;
  logs: string[];
  close(): Promise<void>;
}

export const silent = { info: () => undefined, error: () => undefined };

/** A workspace with `dataset` loaded from `input` and scored once (in this thread). */
export async function scoredWorkspace(input: string, dataset: string, options: Partial<ScoreOptions> = {}): Promise<{ workspace: string; run: RunRecord }> {
  const workspace = mkdtempSync(join(tmpdir(), 'socap-server-test-'));
  const store = openSqliteStore({ workspace });
  try {
    await loadInput(store, dataset, input);
    const { run } = await scoreDataset({ store, dataset, options });
    return { workspace, run };
  } finally {
    await store.close();
  }
}

/** Starts the app over the workspace's store on port 0. */
export async function startTestServer(workspace: string, opts: Partial<AppOptions> = {}): Promise<TestServer> {
  const store = openSqliteStore({ workspace });
  const logs: string[] = [];
  const app = createApp({
    store,
    workspace,
    viewerDir: join(workspace, 'no-viewer'),
    log: { info: (m) => logs.push(m), error: (m) => logs.push(`ERROR ${m}`) },
    ...opts,
  });
  const server: Server = createServer(app.handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    store,
    workspace,
    app,
    logs,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
      await store.close();
    },
  };
}

export function removeWorkspace(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export async function getJson(url: string, init?: RequestInit): Promise<{ status: number; body: unknown; headers: Headers }> {
  const r = await fetch(url, init);
  const text = await r.text();
  let body: unknown = text;
  if ((r.headers.get('content-type') ?? '').includes('json')) body = JSON.parse(text);
  return { status: r.status, body, headers: r.headers };
}

/** A finished run record for tests that build a RunView by hand. */
export function handRun(over: Partial<RunRecord> = {}): RunRecord {
  return {
    id: 'r-20250101-000000-abcdef',
    dataset: 'hand',
    status: 'done',
    createdAt: '2025-01-01T00:00:00.000Z',
    version: 'test',
    input: 'test',
    parameters: {},
    counts: { actors: 0, interactions: 0, ties: 0, skipped: 0 },
    timings: {},
    notes: [],
    ...over,
  };
}
