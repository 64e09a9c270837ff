// The OpenAPI document lists every route of the table that drives validation; the docs page and the
// viewer are served under the CSP; `socap serve` starts, prints its URL and stops on a signal.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerServeCommand, startServer } from '../../engine/cli/serve.js';
import { socapVersion } from '../../engine/run/version.js';
import { getJson, KRACKHARDT, removeWorkspace, scoredWorkspace, startTestServer, type TestServer } from './harness.js';

let workspace: string;
let srv: TestServer;

beforeAll(async () => {
  ({ workspace } = await scoredWorkspace(KRACKHARDT, 'k', { metrics: ['degree'] }));
  srv = await startTestServer(workspace);
});

afterAll(async () => {
  await srv?.close();
  removeWorkspace(workspace);
});

type Doc = { openapi: string; info: { version: string }; paths: Record<string, Record<string, Record<string, unknown>>> };

/** Every route's statuses, as the document must list them (see errorStatuses in server/openapi.ts). */
const STATUSES: Record<string, string> = {
  'GET /api/health': '200 400 401 403 500',
  'GET /api/openapi.json': '200 400 401 403 500',
  'GET /api/docs': '200 400 401 403 500',
  'GET /api/docs.js': '200 400 401 403 500',
  'GET /api/docs.css': '200 400 401 403 500',
  'GET /api/datasets': '200 400 401 403 500',
  'GET /api/datasets/{name}': '200 400 401 403 404 500',
  'DELETE /api/datasets/{name}': '200 400 401 403 404 409 500',
  'POST /api/datasets/{name}/interactions': '200 400 401 403 409 413 415 500',
  'POST /api/datasets/{name}/actors': '200 400 401 403 409 413 415 500',
  'POST /api/runs': '202 400 401 403 404 409 413 415 500',
  'GET /api/runs': '200 400 401 403 500',
  'GET /api/runs/{id}': '200 400 401 403 404 500',
  'GET /api/runs/{id}/nodes': '200 400 401 403 404 409 500',
  'GET /api/runs/{id}/nodes/{actor}': '200 400 401 403 404 409 500',
  'GET /api/runs/{id}/nodes/{actor}/ego': '200 400 401 403 404 409 500',
  'GET /api/runs/{id}/edges': '200 400 401 403 404 409 500',
  'GET /api/runs/{id}/brokers': '200 400 401 403 404 409 500',
  'GET /api/runs/{id}/communities': '200 400 401 403 404 409 500',
  'GET /api/runs/{id}/groups': '200 400 401 403 404 409 500',
  'GET /api/runs/{id}/health': '200 400 401 403 404 409 500',
  'GET /api/runs/{id}/graph': '200 400 401 403 404 409 500',
  'POST /api/runs/{id}/whatif': '200 400 401 403 404 409 413 415 500',
  'GET /api/runs/{id}/export': '200 400 401 403 404 409 500',
};

describe('OpenAPI document', () => {
  let doc: Doc;
  beforeAll(async () => {
    doc = (await getJson(`${srv.url}/api/openapi.json`)).body as Doc;
  });

  it('is OpenAPI 3.1 and lists every route of the table, once', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.version).toBe(socapVersion());
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    expect(documented.sort()).toEqual(srv.app.routes.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort());
    const ids = documented.map((d) => {
      const [m, p] = d.split(' ');
      return doc.paths[p!]![m!.toLowerCase()]!.operationId;
    });
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has the routes the viewer and other tools rely on', () => {
    const required = [
      'GET /api/health',
      'GET /api/datasets',
      'POST /api/datasets/{name}/interactions',
      'POST /api/datasets/{name}/actors',
      'DELETE /api/datasets/{name}',
      'POST /api/runs',
      'GET /api/runs',
      'GET /api/runs/{id}',
      'GET /api/runs/{id}/nodes',
      'GET /api/runs/{id}/nodes/{actor}',
      'GET /api/runs/{id}/nodes/{actor}/ego',
      'GET /api/runs/{id}/edges',
      'GET /api/runs/{id}/brokers',
      'GET /api/runs/{id}/communities',
      'GET /api/runs/{id}/groups',
      'GET /api/runs/{id}/health',
      'GET /api/runs/{id}/graph',
      'POST /api/runs/{id}/whatif',
      'GET /api/runs/{id}/export',
      'GET /api/openapi.json',
      'GET /api/docs',
    ];
    for (const r of required) {
      const [m, p] = r.split(' ');
      expect(doc.paths[p!]?.[m!.toLowerCase()], r).toBeDefined();
    }
  });

  it('documents parameters, bodies, responses and security from the zod schemas', () => {
    const nodes = doc.paths['/api/runs/{id}/nodes']!.get! as { parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[]; responses: Record<string, unknown> };
    const param = (name: string) => nodes.parameters.find((p) => p.name === name);
    expect(param('id')).toMatchObject({ in: 'path', required: true, schema: { type: 'string' } });
    expect(param('limit')).toMatchObject({ in: 'query', required: false, schema: { type: 'string', pattern: '^\\d{1,15}$' } });
    expect(param('min_betweenness')).toMatchObject({ in: 'query', required: false });
    expect(param('sort')!.schema.enum).toEqual(expect.arrayContaining(['id', 'label', 'betweenness', 'constraint']));
    expect(Object.keys(nodes.responses)).toEqual(['200', '400', '401', '403', '404', '409', '500']);
    expect((nodes.responses['409'] as { description: string }).description).toBe('the run is still running: its scores are not there yet');
    expect((nodes as { security?: unknown }).security).toEqual([{}, { bearer: [] }]);

    const start = doc.paths['/api/runs']!.post! as { requestBody: { content: Record<string, { schema: Record<string, unknown> }> }; security: unknown; responses: Record<string, unknown> };
    const body = start.requestBody.content['application/json']!.schema as { properties: Record<string, { items?: { enum?: string[] } }>; required: string[]; additionalProperties: boolean };
    expect(body.required).toEqual(['dataset']);
    expect(body.additionalProperties).toBe(false);
    expect(Object.keys(body.properties)).toEqual(['dataset', 'metrics', 'distance', 'seed', 'seeds', 'group', 'betweenness', 'closeness', 'samples']);
    expect(body.properties.metrics!.items!.enum).toContain('betweenness');
    expect(start.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(start.responses)).toEqual(['202', '400', '401', '403', '404', '409', '413', '415', '500']);

    const upload = doc.paths['/api/datasets/{name}/interactions']!.post! as { requestBody: { content: Record<string, unknown> } };
    expect(Object.keys(upload.requestBody.content)).toEqual(['text/csv']);
    const detail = doc.paths['/api/runs/{id}/nodes/{actor}']!.get! as { responses: { 200: { content: { 'application/json': { schema: { properties: Record<string, unknown> } } } } } };
    expect(Object.keys(detail.responses[200].content['application/json'].schema.properties)).toEqual([
      'id',
      'label',
      'attributes',
      'group',
      'groupAttribute',
      'metrics',
      'percentiles',
      'explanation',
      'ties',
    ]);
    const exp = doc.paths['/api/runs/{id}/export']!.get! as { responses: { 200: { content: Record<string, unknown> } } };
    expect(Object.keys(exp.responses[200].content)).toEqual(['application/json', 'text/csv', 'application/gexf+xml']);
  });

  it('lists, for every route, each status it can answer with', () => {
    const listed = Object.fromEntries(
      Object.entries(doc.paths).flatMap(([p, ops]) => Object.entries(ops).map(([m, op]) => [`${m.toUpperCase()} ${p}`, Object.keys(op.responses as object).join(' ')])),
    );
    expect(listed).toEqual(STATUSES);
  });

  it('is a valid OpenAPI 3.1 document (checked against the specification\'s JSON schema)', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    // The check can fail: a response without its description, a parameter in no known place.
    const broken = structuredClone(doc) as unknown as { paths: Record<string, Record<string, { responses: Record<string, { description?: string }>; parameters: { in: string }[] }>> };
    delete broken.paths['/api/health']!.get!.responses['200']!.description;
    broken.paths['/api/runs/{id}/nodes']!.get!.parameters[0]!.in = 'body';
    const bad = await new Validator().validate(broken);
    expect(bad.valid).toBe(false);
    const paths = (bad.errors as { instancePath: string }[]).map((e) => e.instancePath);
    expect(paths).toContain('/paths/~1api~1health/get/responses/200');
    expect(paths).toContain('/paths/~1api~1runs~1{id}~1nodes/get/parameters/0');
  });

  it('a read route answers the 409 and 401 the document lists for it', async () => {
    const s = await startTestServer(workspace, { token: 's3cret', requireTokenForReads: true });
    try {
      const missing = await getJson(`${s.url}/api/runs/latest/nodes`);
      expect(missing.status).toBe(401);
      expect(missing.body).toEqual({ error: 'missing token: requests need Authorization: Bearer <SOCAP_TOKEN>', details: [] });
      const auth = { authorization: 'Bearer s3cret' };
      const started = await getJson(`${s.url}/api/runs`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ dataset: 'k' }) });
      expect(started.status).toBe(202);
      const { id } = started.body as { id: string };
      const early = await getJson(`${s.url}/api/runs/${id}/nodes`, { headers: auth });
      expect(early.status).toBe(409);
      expect((early.body as { error: string }).error).toBe(`run ${id} is still running: its scores are not there yet`);
    } finally {
      await s.close();
    }
  });

  it('serves a docs page with its script and style as files (no inline script)', async () => {
    const page = await fetch(`${srv.url}/api/docs`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain('<script src="/api/docs.js" defer></script>');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const js = await fetch(`${srv.url}/api/docs.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toContain("fetch('/api/openapi.json')");
    expect((await fetch(`${srv.url}/api/docs.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });
});

describe('viewer', () => {
  it('says how to build the viewer when it is not built', async () => {
    const r = await fetch(`${srv.url}/`, { headers: { accept: 'text/html' } });
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('The network map is not built yet.');
    expect((await fetch(`${srv.url}/map`, { headers: { accept: 'text/html' } })).status).toBe(404);
  });

  it('serves the built viewer with SPA fallback, but never for API paths', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'socap-viewer-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>map</title><script type="module" src="/assets/app.js"></script>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1);\n');
    const s = await startTestServer(workspace, { viewerDir: dir });
    try {
      const index = await fetch(`${s.url}/`, { headers: { accept: 'text/html' } });
      expect(await index.text()).toContain('<title>map</title>');
      expect(index.headers.get('content-security-policy')).toContain("worker-src 'self' blob:");
      const deep = await fetch(`${s.url}/runs/latest/actors/A01`, { headers: { accept: 'text/html' } });
      expect(deep.status).toBe(200);
      expect(await deep.text()).toContain('<title>map</title>');
      const asset = await fetch(`${s.url}/assets/app.js`);
      expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(await asset.text()).toBe('console.log(1);\n');
      const api = await getJson(`${s.url}/api/not-a-route`, { headers: { accept: 'text/html' } });
      expect(api.status).toBe(404);
      expect(api.body).toEqual({ error: 'no such route: GET /api/not-a-route', details: [] });
      const missing = await getJson(`${s.url}/assets/missing.js`, { headers: { accept: '*/*' } });
      expect(missing.status).toBe(404);
    } finally {
      await s.close();
      removeWorkspace(dir);
    }
  });
});

describe('socap serve', () => {
  it('registers the command with its flags', () => {
    const program = new Command();
    registerServeCommand(program, { stdout: { write: () => true }, stderr: { write: () => true } });
    const serve = program.commands.find((c) => c.name() === 'serve')!;
    expect(serve.options.map((o) => o.long)).toEqual(['--store', '--neo4j-uri', '--neo4j-user', '--neo4j-password', '--neo4j-database', '--port', '--host', '--workspace', '--viewer']);
    expect(serve.options.find((o) => o.long === '--port')!.defaultValue).toBe(8080);
    expect(serve.options.find((o) => o.long === '--host')!.defaultValue).toBe('127.0.0.1');
  });

  it('starts on the given port, prints its URL, serves, and stops on SIGTERM', async () => {
    const out: string[] = [];
    const program = new Command().exitOverride();
    registerServeCommand(program, { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => out.push(s) } });
    const before = new Set(process.listeners('SIGTERM'));
    const done = program.parseAsync(['serve', '--port', '0', '--workspace', workspace], { from: 'user' });
    while (!out.some((l) => l.startsWith('socap serving on '))) await new Promise((r) => setTimeout(r, 10));
    const url = /socap serving on (http:\/\/127\.0\.0\.1:\d+) \(API docs: http:\/\/127\.0\.0\.1:\d+\/api\/docs\)\n/.exec(out.find((l) => l.startsWith('socap serving on '))!)![1]!;
    expect((await getJson(`${url}/api/datasets`)).body).toMatchObject({ items: [{ name: 'k', actors: 21 }] });
    const ours = process.listeners('SIGTERM').filter((l) => !before.has(l));
    expect(ours).toHaveLength(1);
    (ours[0] as (s: NodeJS.Signals) => void)('SIGTERM');
    await done;
    expect(out).toContain('socap serve: SIGTERM: shutting down\n');
    expect(process.listeners('SIGTERM').filter((l) => !before.has(l))).toHaveLength(0);
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
  });

  it('startServer refuses a port in use', async () => {
    const port = Number(new URL(srv.url).port);
    await expect(startServer({ port, workspace }, {})).rejects.toThrow(/EADDRINUSE/);
  });
});
