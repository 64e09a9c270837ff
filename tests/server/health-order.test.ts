// GET /api/runs/{id}/health lists the cooling ties worst first, the order `coolingOrder` and
// `socap health` use, on the dated organization of tests/browser/cooling-org.ts whose ranks are
// worked out by hand there; paging keeps that order.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COOLING_WORST_FIRST, writeCoolingOrg } from '../browser/cooling-org.js';
import { getJson, removeWorkspace, scoredWorkspace, startTestServer, type TestServer } from './harness.js';

let srv: TestServer;
let workspace: string;
let folder: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'socap-cooling-org-'));
  writeCoolingOrg(folder);
  ({ workspace } = await scoredWorkspace(folder, 'cooling'));
  srv = await startTestServer(workspace);
});
afterAll(async () => {
  await srv.close();
  removeWorkspace(workspace);
  removeWorkspace(folder);
});

const pair = (t: { source: string; target: string }): string => [t.source, t.target].sort().join('–');

describe('GET /health', () => {
  it('lists the cooling ties worst first', async () => {
    const r = await getJson(`${srv.url}/api/runs/latest/health`);
    expect(r.status).toBe(200);
    const body = r.body as { total: number; items: { source: string; target: string }[] };
    expect(body.total).toBe(4);
    expect(body.items.map(pair)).toEqual(COOLING_WORST_FIRST.map(([a, b]) => `${a}–${b}`));
  });

  it('pages in that order', async () => {
    const r = await getJson(`${srv.url}/api/runs/latest/health?offset=1&limit=2`);
    const body = r.body as { total: number; items: { source: string; target: string }[] };
    expect(body.total).toBe(4);
    expect(body.items.map(pair)).toEqual(['A–B', 'A–E']);
  });
});
