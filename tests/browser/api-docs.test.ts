// The API docs page (/api/docs) in headless Chromium against the real server: it renders every
// operation of /api/openapi.json (method, path, summary, each response status), says which need the
// bearer token, and loads under the server's CSP with no console error, page error or failed request.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, removeWorkspace, startTestServer, type TestServer } from '../server/harness.js';
import { CHROMIUM, CHROMIUM_ARGS, openPage } from './viewer-harness.js';

interface Operation {
  operationId: string;
  summary: string;
  security?: Record<string, string[]>[];
  responses: Record<string, { description: string }>;
}

interface RenderedOp {
  id: string;
  method: string;
  path: string;
  needsToken: boolean;
  statuses: string[];
}

describe('API docs page', () => {
  let workspace: string;
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  let doc: { info: { version: string }; paths: Record<string, Record<string, Operation>> };

  beforeAll(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'socap-api-docs-'));
    server = await startTestServer(workspace);
    doc = (await getJson(`${server.url}/api/openapi.json`)).body as typeof doc;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await openPage(browser, errors);
    await page.goto(`${server.url}/api/docs`);
    await page.waitForSelector('details.op');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    removeWorkspace(workspace);
  });

  it('lists every operation of the document with its method, path, summary and statuses', async () => {
    const rendered: RenderedOp[] = await page.$$eval('details.op', (els) =>
      els.map((d) => ({
        id: d.id,
        method: d.querySelector('summary .method')!.textContent!,
        path: d.querySelector('summary')!.childNodes[1]!.textContent!.trim(),
        needsToken: d.querySelector('p')!.textContent!.endsWith(' (needs the bearer token)'),
        statuses: [...d.querySelectorAll('h4')].map((h) => h.textContent!).filter((t) => /^\d{3}: /.test(t)).map((t) => t.slice(0, 3)),
      })),
    );
    const expected: RenderedOp[] = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        id: op.operationId,
        method,
        path,
        needsToken: (op.security ?? []).length > 0 && op.security!.every((s) => Object.keys(s).length > 0),
        statuses: Object.keys(op.responses),
      })),
    );
    expect(expected).toHaveLength(server.app.routes.length);
    expect(rendered.slice().sort((a, b) => a.id.localeCompare(b.id))).toEqual(expected.slice().sort((a, b) => a.id.localeCompare(b.id)));
    // Exactly the writes are marked as needing the token.
    const writes = server.app.routes.filter((r) => r.access === 'write').map((r) => r.operationId);
    expect(rendered.filter((r) => r.needsToken).map((r) => r.id).sort()).toEqual(writes.sort());
    expect(writes.length).toBeGreaterThan(0);
    const nodes = rendered.find((r) => r.id === 'listNodes')!;
    expect(nodes).toMatchObject({ method: 'get', path: '/api/runs/{id}/nodes', statuses: ['200', '400', '401', '403', '404', '409', '500'] });
    const summaries = await page.$$eval('details.op summary small', (els) => els.map((e) => e.textContent));
    expect(summaries.sort()).toEqual(Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op.summary)).sort());
  });

  it('shows the document version and one section per tag', async () => {
    expect(await page.textContent('#intro')).toContain(`Version ${doc.info.version}.`);
    const tags = [...new Set(server.app.routes.map((r) => r.tag))];
    expect((await page.$$eval('#toc a', (els) => els.map((e) => e.textContent))).sort()).toEqual(tags.slice().sort());
    expect((await page.$$eval('main h2', (els) => els.map((e) => e.id))).sort()).toEqual(tags.map((t) => `tag-${t}`).sort());
  });

  it('loads with no console error, page error or failed request', () => {
    expect(errors).toEqual([]);
  });
});
