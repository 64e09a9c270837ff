// Bad requests get the right status and a JSON {error, details} naming the problem; the server
// keeps answering afterwards. Auth (401/403), body limits (413), content types (415), a 500 that
// hides its cause, security headers and CORS. The run here has only degree and betweenness, so the
// routes that need other columns show how they answer for a run without them.
import type { Request } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../engine/model/types.js';
import { NODE_METRIC_COLUMNS } from '../../engine/run/options.js';
import { authorize, isLoopback, tokensEqual } from '../../server/auth.js';
import { HttpError } from '../../server/http-error.js';
import * as S from '../../server/response-schemas.js';
import { getJson, KRACKHARDT, removeWorkspace, scoredWorkspace, startTestServer, type TestServer } from './harness.js';

let workspace: string;
let run: RunRecord;
let srv: TestServer;

beforeAll(async () => {
  ({ workspace, run } = await scoredWorkspace(KRACKHARDT, 'k', { metrics: ['degree', 'betweenness'] }));
  srv = await startTestServer(workspace);
});

afterAll(async () => {
  await srv?.close();
  removeWorkspace(workspace);
});

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

async function fails(path: string, status: number, error: string, init?: RequestInit, base = srv): Promise<unknown[]> {
  const r = await getJson(base.url + path, init);
  expect(r.status, path).toBe(status);
  expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
  const body = r.body as { error: string; details: unknown[] };
  expect(body.error).toBe(error);
  expect(Array.isArray(body.details)).toBe(true);
  return body.details;
}

describe('400: validation of path, query and body', () => {
  it('path parameters', async () => {
    const details = await fails('/api/datasets/bad%20name', 400, "invalid path parameter: name: invalid data set name: use 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'");
    expect(details).toEqual([{ in: 'path', path: 'name', message: "invalid data set name: use 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'" }]);
    await fails('/api/runs/r-1/nodes', 400, 'invalid path parameter: id: invalid run id: expected r-YYYYMMDD-HHMMSS-xxxxxx or latest');
  });

  it('query values and unknown keys', async () => {
    const limit = 'invalid query: limit: limit must be an integer from 1 to 10000';
    await fails('/api/runs/latest/nodes?limit=0', 400, limit);
    await fails('/api/runs/latest/nodes?limit=10001', 400, limit);
    await fails('/api/runs/latest/nodes?limit=ten', 400, limit);
    await fails('/api/runs/latest/nodes?offset=-1', 400, 'invalid query: offset: offset must be an integer from 0 to 9007199254740991');
    await fails('/api/runs/latest/nodes?order=up', 400, 'invalid query: order: order must be asc or desc');
    await fails('/api/runs/latest/nodes?min_degree=lots', 400, 'invalid query: min_degree: min_degree must be a number');
    await fails('/api/runs/latest/nodes?colour=red&size=2', 400, 'invalid query: unknown query parameters: colour, size');
    await fails('/api/runs/latest/nodes/A01/ego?radius=3', 400, 'invalid query: radius: radius must be 1 or 2');
    await fails('/api/runs/latest/edges?filter=nice', 400, 'invalid query: filter: filter must be one of strong, weak, bridges, local_bridges, cooling');
    await fails('/api/runs/latest/export?format=pdf', 400, 'invalid query: format: format must be csv, json or gexf');
    await fails('/api/runs/latest/graph?level=planet', 400, 'invalid query: level: level must be auto, actors or communities');
    await fails('/api/datasets/k/interactions?strict=yes', 400, 'invalid query: strict: strict must be true or false', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'source,target\n' });
    const repeated = await getJson(`${srv.url}/api/runs/latest/nodes?limit=1&limit=2`);
    expect(repeated.status).toBe(400);
    expect((repeated.body as { details: { path: string }[] }).details[0]!.path).toBe('limit');
    await fails('/api/health?verbose=1', 400, 'invalid query: unknown query parameter: verbose');
  });

  it('metrics the run does not have', async () => {
    const details = await fails('/api/runs/latest/nodes?sort=constraint', 400, `sort: metric "constraint" is not in run ${run.id}`);
    expect(details).toEqual([{ in: 'query', path: 'sort', message: 'this run has: degree, betweenness' }]);
    await fails('/api/runs/latest/nodes?min_pagerank=0.1', 400, `min_pagerank: metric "pagerank" is not in run ${run.id}`);
    await fails('/api/runs/latest/nodes?community=1', 400, `community: metric "community" is not in run ${run.id}`);
    await fails('/api/runs/latest/nodes?group=1', 400, `group: run ${run.id} has no group attribute`);
  });

  it('routes that need missing columns answer with a note', async () => {
    expect((await getJson(`${srv.url}/api/runs/latest/communities`)).body).toEqual({
      attribute: null,
      rankedBy: null,
      items: [],
      note: `run ${run.id} has no community column: score it with the community metric`,
    });
    expect((await getJson(`${srv.url}/api/runs/latest/groups`)).body).toMatchObject({ items: [], note: `run ${run.id} has no group attribute: score it with group set (e.g. department)` });
    const brokers = (await getJson(`${srv.url}/api/runs/latest/brokers?limit=1`)).body as { items: { constraint: unknown }[] };
    expect(brokers.items[0]!.constraint).toBeNull();
    const graph = (await getJson(`${srv.url}/api/runs/latest/graph?level=communities`)).body as { nodes: unknown[]; attributes: { notes: string[] } };
    expect(graph.nodes).toHaveLength(21);
    expect(graph.attributes.notes).toContain('the run has no communities: showing actors');
  });

  it('JSON bodies', async () => {
    await fails('/api/runs/latest/whatif', 400, 'invalid body: not valid JSON', json('{"remove": ['));
    await fails('/api/runs/latest/whatif', 400, 'invalid body: remove: remove must list at least one actor id', json({ remove: [] }));
    await fails('/api/runs/latest/whatif', 400, 'invalid body: remove.0: an actor id is a string', json({ remove: [7] }));
    await fails('/api/runs/latest/whatif', 400, 'invalid body: Invalid input: expected object, received array', json([1]));
    await fails('/api/runs', 400, 'invalid body: dataset: a data set name is required', json({}));
    await fails('/api/runs', 400, "invalid body: dataset: invalid data set name: use 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'", json({ dataset: 7 }));
    await fails('/api/runs', 400, 'invalid body: distance: distance must be inverse or hops', json({ dataset: 'k', distance: 'far' }));
  });
});

describe('400: every other query, path and body rule', () => {
  const NAME_RULE = "invalid data set name: use 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'";
  const metricList = NODE_METRIC_COLUMNS.join(', ');

  it('node list: sort, community, max_<metric>, group; the details name the parameter', async () => {
    const sort = `sort must be one of id, label, ${metricList}`;
    expect(metricList.startsWith('community, degree, strength, betweenness')).toBe(true);
    expect(await fails('/api/runs/latest/nodes?sort=charisma', 400, `invalid query: sort: ${sort}`)).toEqual([{ in: 'query', path: 'sort', message: sort }]);
    await fails('/api/runs/latest/nodes?sort=', 400, `invalid query: sort: ${sort}`);
    const community = 'community must be an integer from 0 to 9007199254740991';
    expect(await fails('/api/runs/latest/nodes?community=abc', 400, `invalid query: community: ${community}`)).toEqual([{ in: 'query', path: 'community', message: community }]);
    await fails('/api/runs/latest/nodes?community=-1', 400, `invalid query: community: ${community}`);
    await fails('/api/runs/latest/nodes?community=1.5', 400, `invalid query: community: ${community}`);
    await fails('/api/runs/latest/nodes?max_betweenness=high', 400, 'invalid query: max_betweenness: max_betweenness must be a number');
    await fails('/api/runs/latest/nodes?max_degree=', 400, 'invalid query: max_degree: max_degree must be a number');
    await fails('/api/runs/latest/nodes?max_charisma=1', 400, 'invalid query: unknown query parameter: max_charisma');
    // A number too large for a double is refused too, with the parameter's own message.
    await fails('/api/runs/latest/nodes?max_degree=1e999', 400, 'invalid query: max_degree: max_degree must be a number');
    const long = 'group is longer than 1024 characters';
    await fails(`/api/runs/latest/nodes?group=${'g'.repeat(1025)}`, 400, `invalid query: group: ${long}`);
    await fails(`/api/runs/latest/brokers?group=${'g'.repeat(1025)}`, 400, `invalid query: group: ${long}`);
    // 1024 characters pass validation and reach the run (which has no group attribute).
    await fails(`/api/runs/latest/nodes?group=${'g'.repeat(1024)}`, 400, `group: run ${run.id} has no group attribute`);
  });

  it('summaries: top from 0 to 100', async () => {
    const top = 'invalid query: top: top must be an integer from 0 to 100';
    await fails('/api/runs/latest/groups?top=101', 400, top);
    await fails('/api/runs/latest/communities?top=-1', 400, top);
    await fails('/api/runs/latest/communities?top=many', 400, top);
    expect((await getJson(`${srv.url}/api/runs/latest/communities?top=100`)).status).toBe(200);
    expect((await getJson(`${srv.url}/api/runs/latest/groups?top=0`)).status).toBe(200);
  });

  it('graph: size names a metric; one the run lacks gives constant sizes and a note', async () => {
    const unknown = `unknown metric: expected one of ${metricList}`;
    expect(await fails('/api/runs/latest/graph?size=charisma', 400, `invalid query: size: ${unknown}`)).toEqual([{ in: 'query', path: 'size', message: unknown }]);
    await fails('/api/runs/latest/graph?size=label', 400, `invalid query: size: ${unknown}`);
    // size=degree: each node's size is 3 + 12·sqrt((degree − min) / (max − min)), from the stored degrees.
    const rows = await srv.store.readNodeScores(run.id);
    const deg = new Map(rows.map((r) => [r.id, r.values.degree as number]));
    const [lo, hi] = [Math.min(...deg.values()), Math.max(...deg.values())];
    expect(hi).toBeGreaterThan(lo);
    const r = await getJson(`${srv.url}/api/runs/latest/graph?size=degree`);
    expect(r.status).toBe(200);
    const g = S.graphologyJson.parse(r.body);
    expect(g.attributes.sizeMetric).toBe('degree');
    expect(g.nodes).toHaveLength(21);
    for (const n of g.nodes) expect(n.attributes.size, n.key).toBeCloseTo(3 + 12 * Math.sqrt((deg.get(n.key)! - lo) / (hi - lo)), 12);
    // The default sizes by betweenness: a different answer.
    expect(S.graphologyJson.parse((await getJson(`${srv.url}/api/runs/latest/graph`)).body).attributes.sizeMetric).toBe('betweenness');
    // pagerank is a metric, but not one of this run's.
    const pr = S.graphologyJson.parse((await getJson(`${srv.url}/api/runs/latest/graph?size=pagerank`)).body);
    expect(pr.attributes.sizeMetric).toBeNull();
    expect(pr.attributes.notes).toEqual(['metric "pagerank" is not a numeric column of this run: constant sizes']);
    expect(new Set(pr.nodes.map((n) => n.attributes.size))).toEqual(new Set([9]));
  });

  it('?dataset= must be a data set name', async () => {
    const details = await fails('/api/runs/latest/nodes?dataset=bad%20name', 400, `invalid query: dataset: ${NAME_RULE}`);
    expect(details).toEqual([{ in: 'query', path: 'dataset', message: NAME_RULE }]);
    await fails(`/api/runs/latest?dataset=${'d'.repeat(65)}`, 400, `invalid query: dataset: ${NAME_RULE}`);
    await fails('/api/runs?dataset=a/b', 400, `invalid query: dataset: ${NAME_RULE}`);
    await fails('/api/runs/latest/graph?dataset=', 400, `invalid query: dataset: ${NAME_RULE}`);
  });

  it('path: an actor id of more than 1024 characters', async () => {
    const message = 'actor id is longer than 1024 characters';
    const details = await fails(`/api/runs/latest/nodes/${'a'.repeat(1025)}`, 400, `invalid path parameter: actor: ${message}`);
    expect(details).toEqual([{ in: 'path', path: 'actor', message }]);
    await fails(`/api/runs/latest/nodes/${'a'.repeat(1025)}/ego`, 400, `invalid path parameter: actor: ${message}`);
    // 1024 characters are a valid id, only not one of this run.
    await fails(`/api/runs/latest/nodes/${'a'.repeat(1024)}`, 404, `unknown actor "${'a'.repeat(1024)}" in run ${run.id}`);
  });

  it('ego: radius 1 or 2; latest works there too', async () => {
    for (const radius of ['0', 'one', '1.0', '']) await fails(`/api/runs/latest/nodes/A01/ego?radius=${radius}`, 400, 'invalid query: radius: radius must be 1 or 2');
    const r = await getJson(`${srv.url}/api/runs/latest/nodes/A01/ego?radius=2`);
    expect(r.status).toBe(200);
    const g = S.graphologyJson.parse(r.body);
    expect(g.attributes).toEqual({ run: run.id, ego: 'A01', radius: 2 });
    expect(g.nodes.find((n) => n.key === 'A01')!.attributes.distance).toBe(0);
  });

  it('run body: metrics, seed, betweenness, seeds and group', async () => {
    const run400 = (body: unknown, error: string): Promise<unknown[]> => fails('/api/runs', 400, `invalid body: ${error}`, json({ dataset: 'k', ...(body as object) }));
    expect(await run400({ metrics: [] }, 'metrics: metrics must name at least one metric')).toEqual([{ in: 'body', path: 'metrics', message: 'metrics must name at least one metric' }]);
    const seed = 'seed must be an integer from 0 to 4294967295';
    await run400({ seed: 2 ** 32 }, `seed: ${seed}`);
    // A string, below the range and fractional: the same message.
    await run400({ seed: '7' }, `seed: ${seed}`);
    await run400({ seed: -1 }, `seed: ${seed}`);
    await run400({ seed: 1.5 }, `seed: ${seed}`);
    await run400({ betweenness: 'fast' }, 'betweenness: betweenness must be exact, sampled or auto');
    await run400({ betweenness: true }, 'betweenness: betweenness must be exact, sampled or auto');
    await run400({ seeds: 'A01' }, 'seeds: Invalid input: expected array, received string');
    expect(await run400({ seeds: ['A01', ''] }, 'seeds.1: actor id must not be empty')).toEqual([{ in: 'body', path: 'seeds.1', message: 'actor id must not be empty' }]);
    await run400({ seeds: ['s'.repeat(1025)] }, 'seeds.0: actor id is longer than 1024 characters');
    const group = 'group must be an attribute name of 1 to 256 characters';
    await run400({ group: '' }, `group: ${group}`);
    await run400({ group: 'g'.repeat(257) }, `group: ${group}`);
    await run400({ group: 7 }, `group: ${group}`);
    // Several problems at once: every one listed, in body order.
    const details = await run400({ metrics: [], betweenness: 'fast' }, 'metrics: metrics must name at least one metric; betweenness: betweenness must be exact, sampled or auto');
    expect(details).toHaveLength(2);
    // None of the above started a run.
    expect(S.runList.parse((await getJson(`${srv.url}/api/runs`)).body).items.map((r) => r.id)).toEqual([run.id]);
  });

  it('what-if: remove lists at most 10 000 ids', async () => {
    const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `A${String(i + 1).padStart(2, '0')}`);
    const details = await fails('/api/runs/latest/whatif', 400, 'invalid body: remove: remove may list at most 10000 actor ids', json({ remove: ids(10_001) }));
    expect(details).toEqual([{ in: 'body', path: 'remove', message: 'remove may list at most 10000 actor ids' }]);
    // 10 000 ids pass validation: the unknown ones (all but A01..A21) are then a 404.
    const r = await getJson(`${srv.url}/api/runs/latest/whatif`, json({ remove: ids(10_000) }));
    expect(r.status).toBe(404);
    expect((r.body as { details: string[] }).details).toHaveLength(10_000 - 21);
    await fails('/api/runs/latest/whatif', 400, 'invalid body: remove.0: actor id is longer than 1024 characters', json({ remove: ['r'.repeat(1025)] }));
  });
});

describe('404', () => {
  it('unknown data set, run, actor and route', async () => {
    await fails('/api/datasets/nope', 404, 'unknown dataset "nope"');
    await fails('/api/runs/r-20000101-000000-000000', 404, 'unknown run "r-20000101-000000-000000"');
    await fails('/api/runs/r-20000101-000000-000000/nodes', 404, 'unknown run "r-20000101-000000-000000"');
    await fails(`/api/runs/${run.id}/nodes?dataset=other`, 404, `unknown run "${run.id}" of dataset "other"`);
    await fails('/api/runs/latest?dataset=other', 404, 'no finished run of dataset "other"');
    await fails(`/api/runs/${run.id}/nodes/Z99`, 404, `unknown actor "Z99" in run ${run.id}`);
    await fails(`/api/runs/${run.id}/nodes/Z99/ego`, 404, `unknown actor "Z99" in run ${run.id}`);
    const details = await fails(`/api/runs/${run.id}/whatif`, 404, 'unknown actor(s) in remove: Z1, Z2', json({ remove: ['A01', 'Z1', 'Z2'] }));
    expect(details).toEqual(['Z1', 'Z2']);
    await fails('/api/nothing-here', 404, 'no such route: GET /api/nothing-here');
    await fails('/api/runs?x', 400, 'invalid query: unknown query parameter: x');
    await fails('/api/datasets', 404, 'no such route: POST /api/datasets', { method: 'POST' });
    await fails('/api/runs/latest', 404, 'no such route: DELETE /api/runs/latest', { method: 'DELETE' });
  });
});

describe('415 and 413', () => {
  it('refuses a body of the wrong type', async () => {
    await fails('/api/runs', 415, 'expected Content-Type application/json, got text/plain', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    await fails('/api/runs', 415, 'expected Content-Type application/json, got none', { method: 'POST' });
  });

  it('refuses bodies over the limit, declared or streamed', async () => {
    const small = await startTestServer(workspace, { bodyLimit: '1kb' });
    try {
      const big = 'source,target\n' + 'a,b\n'.repeat(400);
      await fails('/api/datasets/k/interactions', 413, 'request body is larger than the limit of 1024 bytes', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: big }, small);
      await fails('/api/runs/latest/whatif', 413, 'request body is larger than the limit of 1024 bytes', json({ remove: Array.from({ length: 300 }, (_, i) => `A${i}`) }), small);
      // No Content-Length: the limit is enforced while streaming.
      const stream = new ReadableStream<Uint8Array>({
        start(c) {
          for (let i = 0; i < 20; i++) c.enqueue(new TextEncoder().encode(i === 0 ? 'source,target\n' : 'x,y\n'.repeat(50)));
          c.close();
        },
      });
      const init = { method: 'POST', headers: { 'content-type': 'text/csv' }, body: stream, duplex: 'half' } as RequestInit;
      await fails('/api/datasets/k/interactions', 413, 'request body is larger than the limit of 1024 bytes', init, small);
      expect((await getJson(`${small.url}/api/datasets/k`)).body).toMatchObject({ actors: 21, interactions: 312 });
      expect((await getJson(`${small.url}/api/health`)).status).toBe(200);
    } finally {
      await small.close();
    }
  });
});

describe('auth', () => {
  it('with a token: writes need it, a wrong one is refused everywhere, reads stay open', async () => {
    const s = await startTestServer(workspace, { token: 's3cret' });
    try {
      expect(s.logs).toContain('auth: writes need the bearer token (SOCAP_TOKEN); reads are open');
      await fails('/api/runs', 401, 'missing token: writes need Authorization: Bearer <SOCAP_TOKEN>', json({ dataset: 'nope' }), s);
      await fails('/api/runs', 401, 'invalid token', json({ dataset: 'nope' }, { authorization: 'Bearer s3cre' }), s);
      await fails('/api/runs', 401, 'invalid token', json({ dataset: 'nope' }, { authorization: 'Basic czNjcmV0' }), s);
      await fails('/api/datasets/k', 401, 'missing token: writes need Authorization: Bearer <SOCAP_TOKEN>', { method: 'DELETE' }, s);
      await fails('/api/datasets/k/actors', 401, 'missing token: writes need Authorization: Bearer <SOCAP_TOKEN>', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'id\nx\n' }, s);
      // The right token passes auth and reaches validation.
      await fails('/api/runs', 404, 'unknown dataset "nope"', json({ dataset: 'nope' }, { authorization: 'Bearer s3cret' }), s);
      expect((await getJson(`${s.url}/api/runs/latest/nodes?limit=1`)).status).toBe(200);
      // What-if is a read.
      expect((await getJson(`${s.url}/api/runs/latest/whatif`, json({ remove: ['A01'] }))).status).toBe(200);
      await fails('/api/runs/latest/nodes', 401, 'invalid token', { headers: { authorization: 'Bearer nope' } }, s);
    } finally {
      await s.close();
    }
  });

  it('requireTokenForReads: reads need the token too', async () => {
    const s = await startTestServer(workspace, { token: 's3cret', requireTokenForReads: true });
    try {
      expect(s.logs).toContain('auth: every request needs the bearer token (SOCAP_TOKEN)');
      await fails('/api/runs/latest/nodes', 401, 'missing token: requests need Authorization: Bearer <SOCAP_TOKEN>', undefined, s);
      await fails('/api/health', 401, 'missing token: requests need Authorization: Bearer <SOCAP_TOKEN>', undefined, s);
      expect((await getJson(`${s.url}/api/runs/latest/nodes?limit=1`, { headers: { authorization: 'Bearer s3cret' } })).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it('without a token: writes only from loopback clients, and the server says so', () => {
    expect(srv.logs).toContain('auth: no SOCAP_TOKEN set: writes are allowed only from loopback clients; reads are open');
    const req = (remoteAddress: string, authorization?: string): Request =>
      ({ headers: authorization ? { authorization } : {}, socket: { remoteAddress } }) as unknown as Request;
    const policy = { requireTokenForReads: false };
    expect(() => authorize(policy, 'write', req('127.0.0.1'))).not.toThrow();
    expect(() => authorize(policy, 'write', req('::1'))).not.toThrow();
    expect(() => authorize(policy, 'read', req('10.1.2.3'))).not.toThrow();
    const refused = (() => {
      try {
        authorize(policy, 'write', req('10.1.2.3'));
      } catch (e) {
        return e;
      }
    })();
    expect(refused).toBeInstanceOf(HttpError);
    expect((refused as HttpError).status).toBe(403);
    expect((refused as HttpError).message).toBe('no token is configured, so writes are allowed only from this machine (set SOCAP_TOKEN)');
    expect(() => authorize({ requireTokenForReads: true }, 'read', req('192.168.0.9'))).toThrow('no token is configured, so requests are allowed only from this machine (set SOCAP_TOKEN)');
    expect(() => authorize({ token: 't', requireTokenForReads: false }, 'write', req('10.1.2.3', 'Bearer t'))).not.toThrow();
  });

  it('loopback detection and token comparison', () => {
    expect(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'].map(isLoopback)).toEqual([true, true, true, true]);
    expect(['10.0.0.1', '::ffff:10.0.0.1', '128.0.0.1', 'fe80::1', '', undefined].map(isLoopback)).toEqual([false, false, false, false, false, false]);
    expect(tokensEqual('abc', 'abc')).toBe(true);
    expect(tokensEqual('abc', 'abd')).toBe(false);
    expect(tokensEqual('abc', 'abcd')).toBe(false);
  });
});

describe('500, headers and CORS', () => {
  it('a failure inside a handler is a 500 that says nothing of its cause; the cause is logged', async () => {
    const s = await startTestServer(workspace);
    try {
      await s.store.close();
      const r = await getJson(`${s.url}/api/datasets`);
      expect(r.status).toBe(500);
      expect(r.body).toEqual({ error: 'internal error', details: [] });
      expect(s.logs.some((l) => l.startsWith('ERROR GET /api/datasets: Error: the store') && l.includes('is closed') && l.includes('    at '))).toBe(true);
      expect((await getJson(`${s.url}/api/health`)).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it('sends the security headers and a CSP the viewer can live with', async () => {
    const r = await fetch(`${srv.url}/api/health`);
    const csp = r.headers.get('content-security-policy')!;
    expect(csp.split(';')).toEqual(
      expect.arrayContaining(["default-src 'self'", "script-src 'self'", "worker-src 'self' blob:", "img-src 'self' data: blob:", "object-src 'none'", "script-src-attr 'none'"]),
    );
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(r.headers.get('x-powered-by')).toBeNull();
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('no CORS unless origins are configured; then only for those', async () => {
    const plain = await fetch(`${srv.url}/api/health`, { headers: { origin: 'http://example.test' } });
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
    const s = await startTestServer(workspace, { corsOrigins: ['http://example.test'] });
    try {
      const ok = await fetch(`${s.url}/api/health`, { headers: { origin: 'http://example.test' } });
      expect(ok.headers.get('access-control-allow-origin')).toBe('http://example.test');
      const other = await fetch(`${s.url}/api/health`, { headers: { origin: 'http://evil.test' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      const pre = await fetch(`${s.url}/api/runs`, { method: 'OPTIONS', headers: { origin: 'http://example.test', 'access-control-request-method': 'POST' } });
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type');
    } finally {
      await s.close();
    }
  });

  it('is still up after all of the above', async () => {
    expect((await getJson(`${srv.url}/api/health`)).body).toMatchObject({ status: 'ok' });
  });
});
