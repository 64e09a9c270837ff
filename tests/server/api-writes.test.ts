// Write routes over HTTP against the real app and store: CSV uploads (row errors identical to the
// CLI's ingest of the same file), background runs in a worker thread with reads answered while one
// runs, the 409s of work in progress, deletes, and cancellation on close.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../engine/ingest/index.js';
import type { RowError } from '../../engine/model/types.js';
import { loadInput } from '../../engine/run/load.js';
import { openSqliteStore } from '../../engine/store/sqlite.js';
import * as S from '../../server/response-schemas.js';
import { DEFAULT_RUN_NICENESS, RunManager } from '../../server/run-manager.js';
import { getJson, removeWorkspace, silent, startTestServer, WORKPLACE, type TestServer } from './harness.js';

let srv: TestServer;

beforeAll(async () => {
  const workspace = mkdtempSync(join(tmpdir(), 'socap-server-writes-'));
  const store = openSqliteStore({ workspace });
  await loadInput(store, 'w', WORKPLACE);
  await store.close();
  srv = await startTestServer(workspace);
});

afterAll(async () => {
  await srv?.close();
  if (srv) removeWorkspace(srv.workspace);
});

const csv = (text: string, type = 'text/csv'): RequestInit => ({ method: 'POST', headers: { 'content-type': type }, body: text });
const json = (body: unknown, method = 'POST'): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const INTERACTIONS = ['source,target,weight,type', 'ana,bo,2,email', 'bo,cy,abc,email', 'cy,,1,chat', 'cy,cy,1,chat', 'cy,dee,1,chat', 'dee,ana,3,call', ''].join('\n');

/** What `socap load` reports for the same text in a file named interactions.csv. */
async function cliRowErrors(text: string): Promise<RowError[]> {
  const dir = mkdtempSync(join(tmpdir(), 'socap-cli-'));
  try {
    const path = join(dir, 'interactions.csv');
    writeFileSync(path, text);
    const errors: RowError[] = [];
    await ingest(path, { actors: () => undefined, interactions: () => undefined, error: (e) => errors.push(e) });
    return errors.map((e) => ({ ...e, file: 'interactions.csv' }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function waitForRun(id: string): Promise<Record<string, unknown>> {
  for (;;) {
    const r = await getJson(`${srv.url}/api/runs/${id}`);
    const body = S.runRecord.parse(r.body);
    if (body.status !== 'running') return body;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('CSV uploads', () => {
  it('loads interactions and reports every bad row as the CLI does', async () => {
    const r = await getJson(`${srv.url}/api/datasets/up/interactions`, csv(INTERACTIONS));
    expect(r.status).toBe(200);
    const body = S.loadResponse.parse(r.body);
    expect(body.loaded).toEqual({ dataset: 'up', actorsAdded: 4, actorsUpdated: 0, interactionsAdded: 3, interactionsUnchanged: 0 });
    expect(body.summary).toEqual({ format: 'csv', files: ['interactions.csv'], actorsRead: 4, interactionsRead: 3, skipped: 3, errors: 2, warnings: 1 });
    expect(body.errors).toEqual((await cliRowErrors(INTERACTIONS)).map((e) => ({ column: null, ...e })));
    expect(body.errors[0]).toEqual({ file: 'interactions.csv', line: 3, column: 'weight', reason: 'non-numeric weight "abc"', severity: 'error' });
    expect(body.errors.map((e) => [e.line, e.severity])).toEqual([
      [3, 'error'],
      [4, 'error'],
      [5, 'warning'],
    ]);
  });

  it('is idempotent: the same upload adds nothing', async () => {
    const body = S.loadResponse.parse((await getJson(`${srv.url}/api/datasets/up/interactions`, csv(INTERACTIONS))).body);
    expect(body.loaded).toEqual({ dataset: 'up', actorsAdded: 0, actorsUpdated: 0, interactionsAdded: 0, interactionsUnchanged: 3 });
  });

  it('strict=true refuses a file with bad rows (400 with the rows) and loads nothing', async () => {
    const r = await getJson(`${srv.url}/api/datasets/up/interactions?strict=true`, csv(INTERACTIONS.replace('ana,bo,2', 'ana,eve,2')));
    expect(r.status).toBe(400);
    const body = S.errorResponse.parse(r.body);
    expect(body.error).toBe('2 bad rows (strict mode)');
    expect(body.details).toEqual(expect.arrayContaining([{ file: 'interactions.csv', line: 3, column: 'weight', reason: 'non-numeric weight "abc"', severity: 'error' }]));
    expect((await getJson(`${srv.url}/api/datasets/up`)).body).toMatchObject({ actors: 4, interactions: 3 });
  });

  it('loads actors with attributes from an id CSV, reporting bad rows', async () => {
    const text = 'id,label,kind,department\nana,Ana,person,sales\nbo,,robot,ops\nfay,Fay,,ops\n';
    const r = await getJson(`${srv.url}/api/datasets/up/actors`, csv(text));
    expect(r.status).toBe(200);
    const body = S.loadResponse.parse(r.body);
    expect(body.loaded).toEqual({ dataset: 'up', actorsAdded: 1, actorsUpdated: 1, interactionsAdded: 0, interactionsUnchanged: 0 });
    expect(body.summary.files).toEqual(['actors.csv']);
    expect(body.errors).toEqual([{ file: 'actors.csv', line: 3, column: 'kind', reason: 'invalid kind "robot" (expected person, team, org or external)', severity: 'error' }]);
    expect((await getJson(`${srv.url}/api/datasets/up`)).body).toMatchObject({ actors: 5 });
  });

  it('rejects an empty upload, a file without the columns, and the wrong content type', async () => {
    const empty = await getJson(`${srv.url}/api/datasets/up/interactions`, csv(''));
    expect(empty.status).toBe(400);
    expect(empty.body).toEqual({ error: 'interactions.csv is empty', details: [] });
    const noCols = await getJson(`${srv.url}/api/datasets/up/interactions`, csv('a,b\n1,2\n'));
    expect(noCols.status).toBe(400);
    expect(noCols.body).toEqual({ error: 'interactions.csv: no "source" and "target" columns in the header (found: a, b)', details: [] });
    const noId = await getJson(`${srv.url}/api/datasets/up/actors`, csv('name\nx\n'));
    expect(noId.body).toEqual({ error: 'actors.csv: no "id" column in the header (found: name)', details: [] });
    const wrong = await getJson(`${srv.url}/api/datasets/up/interactions`, csv('source,target\na,b\n', 'application/json'));
    expect(wrong.status).toBe(415);
    expect(wrong.body).toEqual({ error: 'expected Content-Type text/csv, got application/json', details: [] });
  });
});

describe('runs', () => {
  it('scores a data set in a worker thread; the run is stored under the id it was given', async () => {
    const r = await getJson(`${srv.url}/api/runs`, json({ dataset: 'up', metrics: ['degree', 'betweenness', 'constraint'], seed: 7 }));
    expect(r.status).toBe(202);
    const started = S.runStarted.parse(r.body);
    expect(r.headers.get('location')).toBe(`/api/runs/${started.id}`);
    const done = await waitForRun(started.id);
    expect(done).toMatchObject({ id: started.id, status: 'done', dataset: 'up', counts: { actors: 5, interactions: 3, ties: 3, skipped: 0 } });
    expect((done.parameters as Record<string, unknown>).metrics).toEqual(['degree', 'betweenness', 'constraint']);
    expect((done.parameters as Record<string, unknown>).seed).toBe(7);
    expect(Object.keys(done.timings as object)).toEqual(expect.arrayContaining(['read', 'degree', 'betweenness', 'constraint']));
    expect((await srv.store.getRun(started.id))?.id).toBe(started.id);
    const ana = S.nodeDetail.parse((await getJson(`${srv.url}/api/runs/latest/nodes/ana?dataset=up`)).body);
    expect(ana.attributes).toEqual({ department: 'sales' });
    expect(ana.label).toBe('Ana');
    // Ties ana–bo, cy–dee, dee–ana (bo–cy was rejected) make the path bo–ana–dee–cy; fay is isolated.
    // ana is on the shortest paths bo–dee and bo–cy: normalized betweenness 2 / ((5−1)(5−2)/2) = 1/3.
    expect(ana.metrics).toEqual({ degree: 2, betweenness: 1 / 3, constraint: ana.metrics.constraint });
    // The worker stored the map layout with the scores (a finite x, y per actor); the map serves it.
    const rows = await srv.store.readNodeScores(started.id);
    expect(rows.map((r) => [r.id, Number.isFinite(r.values.x), Number.isFinite(r.values.y)])).toEqual(['ana', 'bo', 'cy', 'dee', 'fay'].map((id) => [id, true, true]));
    const g = S.graphologyJson.parse((await getJson(`${srv.url}/api/runs/${started.id}/graph`)).body);
    expect(g.attributes.layout).toBe('stored');
    expect(g.nodes.map((n) => [n.key, n.attributes.x, n.attributes.y])).toEqual(rows.map((r) => [r.id, r.values.x, r.values.y]));
  });

  it('answers reads while a score runs, and refuses conflicting writes with 409', async () => {
    const r = await getJson(`${srv.url}/api/runs`, json({ dataset: 'w' }));
    expect(r.status).toBe(202);
    const { id } = S.runStarted.parse(r.body);

    const again = await getJson(`${srv.url}/api/runs`, json({ dataset: 'w' }));
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ error: `a run of dataset "w" is already running (${id})`, details: [{ run: id }] });
    const load = await getJson(`${srv.url}/api/datasets/w/interactions`, csv('source,target\na,b\n'));
    expect(load.status).toBe(409);
    expect((load.body as { error: string }).error).toBe(`dataset "w" is being scored (run ${id}): load again when the run has finished`);
    const del = await getJson(`${srv.url}/api/datasets/w`, { method: 'DELETE' });
    expect(del.status).toBe(409);
    expect(del.body).toEqual({ error: `dataset "w" is being scored (run ${id}): delete it when the run has finished`, details: [{ run: id }] });
    const early = await getJson(`${srv.url}/api/runs/${id}/nodes`);
    expect(early.status).toBe(409);
    expect((early.body as { error: string }).error).toBe(`run ${id} is still running: its scores are not there yet`);

    // A burst of concurrent reads while the worker scores: every one succeeds.
    const paths = ['/api/health', '/api/datasets', '/api/runs', `/api/runs/${id}`, '/api/runs/latest/nodes?dataset=up', '/api/runs/latest/nodes/ana?dataset=up', '/api/runs/latest/graph?dataset=up'];
    const burst = await Promise.all(Array.from({ length: 70 }, (_, k) => getJson(srv.url + paths[k % paths.length]!)));
    expect(burst.map((b) => b.status)).toEqual(burst.map(() => 200));
    const during = S.runRecord.parse((await getJson(`${srv.url}/api/runs/${id}`)).body);
    expect(during.status).toBe('running');
    expect(during.progress).toBeDefined();
    const listed = S.runList.parse((await getJson(`${srv.url}/api/runs`)).body);
    expect(listed.items[0]).toMatchObject({ id, status: 'running', dataset: 'w' });

    const done = await waitForRun(id);
    expect(done).toMatchObject({ status: 'done', counts: { actors: 232 } });
    expect(S.runRecord.parse((await getJson(`${srv.url}/api/runs/latest?dataset=w`)).body).id).toBe(id);
    const top = S.brokerList.parse((await getJson(`${srv.url}/api/runs/${id}/brokers?limit=1`)).body).items[0]!;
    const stored = (await srv.store.readNodeScores(id)).find((n) => n.id === top.id)!;
    expect(top.betweenness).toBe(stored.values.betweenness);
  });

  it('rejects a run of an unknown data set or with bad options', async () => {
    const unknown = await getJson(`${srv.url}/api/runs`, json({ dataset: 'nope' }));
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error: 'unknown dataset "nope"', details: [] });
    const bad = await getJson(`${srv.url}/api/runs`, json({ dataset: 'up', metrics: ['degree', 'charisma'], samples: 0, closeness: 'fast', colour: 'red' }));
    expect(bad.status).toBe(400);
    const details = (bad.body as { details: { path: string; message: string }[] }).details;
    expect(details).toEqual(
      expect.arrayContaining([
        { in: 'body', path: 'metrics.1', message: expect.stringMatching(/^unknown metric: expected one of community, degree/) },
        { in: 'body', path: 'samples', message: expect.any(String) },
        { in: 'body', path: 'closeness', message: 'closeness must be exact, sampled or auto' },
        { in: 'body', path: '', message: 'unknown field: colour' },
      ]),
    );
  });
});

describe('runs: order, failures and loads in progress', () => {
  it('GET /api/runs lists runs newest first: a running run above the stored ones, each stored run above older ones', async () => {
    expect((await getJson(`${srv.url}/api/datasets/order/interactions`, csv('source,target\no1,o2\no2,o3\n'))).status).toBe(200);
    const made: string[] = [];
    for (let k = 0; k < 3; k++) {
      const r = await getJson(`${srv.url}/api/runs`, json({ dataset: 'order', metrics: ['degree'] }));
      expect(r.status).toBe(202);
      made.push(S.runStarted.parse(r.body).id);
      expect(await waitForRun(made.at(-1)!)).toMatchObject({ status: 'done' });
    }
    const stored = S.runList.parse((await getJson(`${srv.url}/api/runs?dataset=order`)).body).items;
    expect(stored.map((r) => r.id)).toEqual([...made].reverse());
    expect(stored.map((r) => r.status)).toEqual(['done', 'done', 'done']);
    // A fourth run, still running, comes first.
    const fourth = S.runStarted.parse((await getJson(`${srv.url}/api/runs`, json({ dataset: 'order', metrics: ['degree'] }))).body).id;
    const during = S.runList.parse((await getJson(`${srv.url}/api/runs?dataset=order`)).body).items;
    expect(during.map((r) => [r.id, r.status])).toEqual([[fourth, 'running'], ...[...made].reverse().map((id) => [id, 'done'])]);
    // latest is the newest finished run, so still the third while the fourth runs.
    expect(S.runRecord.parse((await getJson(`${srv.url}/api/runs/latest?dataset=order`)).body).id).toBe(made[2]);
    await waitForRun(fourth);
    // Over every data set: these four are the newest, and creation times never increase down the list.
    const all = S.runList.parse((await getJson(`${srv.url}/api/runs`)).body).items;
    expect(all.slice(0, 4).map((r) => r.id)).toEqual([fourth, ...[...made].reverse()]);
    expect(all.length).toBeGreaterThan(4);
    for (let k = 1; k < all.length; k++) expect(all[k - 1]!.createdAt >= all[k]!.createdAt, `${all[k - 1]!.id} before ${all[k]!.id}`).toBe(true);
    expect(S.runRecord.parse((await getJson(`${srv.url}/api/runs/latest`)).body).id).toBe(fourth);
    const del = await getJson(`${srv.url}/api/datasets/order`, { method: 'DELETE' });
    expect(del.body).toEqual({ deleted: 'order', runsRemoved: 4 });
  });

  it('a failed run: GET /api/runs/{id} shows the failed record, its score routes are a 404 naming the error', async () => {
    // The scoring worker opens an empty workspace, so it finds no data set "w" and the run fails there.
    const elsewhere = mkdtempSync(join(tmpdir(), 'socap-server-empty-'));
    const s = await startTestServer(srv.workspace, { workspace: elsewhere });
    try {
      const r = await getJson(`${s.url}/api/runs`, json({ dataset: 'w', metrics: ['degree'] }));
      expect(r.status).toBe(202);
      const { id } = S.runStarted.parse(r.body);
      let record: Record<string, unknown>;
      for (;;) {
        record = S.runRecord.parse((await getJson(`${s.url}/api/runs/${id}`)).body);
        if (record.status !== 'running') break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(record).toMatchObject({ id, dataset: 'w', status: 'failed', error: 'unknown dataset "w"' });
      expect(typeof record.finishedAt).toBe('string');
      expect(record.progress).toBeUndefined();
      expect(record.counts).toBeUndefined();
      for (const path of ['nodes', 'nodes/a1', 'edges', 'graph', 'brokers', 'health', 'export']) {
        const read = await getJson(`${s.url}/api/runs/${id}/${path}`);
        expect(read.status, path).toBe(404);
        expect(read.body, path).toEqual({ error: `run ${id} failed and has no scores: unknown dataset "w"`, details: [] });
      }
      const whatIf = await getJson(`${s.url}/api/runs/${id}/whatif`, json({ remove: ['a1'] }));
      expect(whatIf.status).toBe(404);
      // Listed first (the newest run), with its status; latest stays the newest finished run.
      const listed = S.runList.parse((await getJson(`${s.url}/api/runs?dataset=w`)).body).items;
      expect(listed[0]).toMatchObject({ id, status: 'failed', error: 'unknown dataset "w"' });
      expect(listed.slice(1).every((x) => x.status === 'done')).toBe(true);
      expect(S.runRecord.parse((await getJson(`${s.url}/api/runs/latest?dataset=w`)).body).id).toBe(listed[1]!.id);
      expect(s.logs).toContain(`ERROR run ${id} of dataset "w" failed: unknown dataset "w"`);
      // Nothing was stored, so the server that did not start it does not know it.
      expect(await srv.store.getRun(id)).toBeUndefined();
      expect((await getJson(`${srv.url}/api/runs/${id}`)).body).toEqual({ error: `unknown run "${id}"`, details: [] });
    } finally {
      await s.close();
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('a run of a data set on its first load is a 409 (being loaded), not a 404 (unknown)', async () => {
    const s = await startTestServer(srv.workspace, { bodyLimit: '1kb' });
    try {
      let controller!: ReadableStreamDefaultController<Uint8Array>;
      const stream = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
      controller.enqueue(new TextEncoder().encode('source,target\n'));
      const pending = fetch(`${s.url}/api/datasets/first/interactions`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: stream, duplex: 'half' } as RequestInit);
      pending.catch(() => undefined);
      // The same probe as below: 413 until the load has begun, 409 once it has.
      for (let k = 0; k < 400; k++) {
        if ((await getJson(`${s.url}/api/datasets/other/interactions`, csv('source,target\n' + 'p,q\n'.repeat(512)))).status !== 413) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect((await getJson(`${s.url}/api/datasets/first`)).status).toBe(404);
      const score = await getJson(`${s.url}/api/runs`, json({ dataset: 'first' }));
      expect([score.status, score.body]).toEqual([409, { error: 'dataset "first" is being loaded: score it when the load has finished', details: [] }]);
      controller.enqueue(new TextEncoder().encode('f1,f2\n'));
      controller.close();
      expect((await pending).status).toBe(200);
      expect((await getJson(`${s.url}/api/datasets/first`)).body).toMatchObject({ name: 'first', actors: 2, interactions: 1 });
    } finally {
      await s.close();
    }
  });

  it('while an upload is in progress: a second upload, a run and a delete of that data set are 409s', async () => {
    // A server with a 1 KB body limit: a 2 KB probe is refused with 413 before its body is read
    // unless a load is in progress (409), so polling with it changes nothing.
    const s = await startTestServer(srv.workspace, { bodyLimit: '1kb' });
    const enc = new TextEncoder();
    try {
      expect((await getJson(`${s.url}/api/datasets/busy/interactions`, csv('source,target\nb1,b2\n'))).status).toBe(200);
      let controller!: ReadableStreamDefaultController<Uint8Array>;
      const stream = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
      controller.enqueue(enc.encode('source,target\n'));
      const pending = fetch(`${s.url}/api/datasets/busy/interactions`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: stream, duplex: 'half' } as RequestInit);
      pending.catch(() => undefined); // awaited below; no unhandled rejection if an assertion fails first
      const inProgress = { error: 'a load into dataset "busy" is in progress: try again when it has finished', details: [] };
      let probe: Awaited<ReturnType<typeof getJson>> | undefined;
      for (let k = 0; k < 400; k++) {
        probe = await getJson(`${s.url}/api/datasets/other/interactions`, csv('source,target\n' + 'p,q\n'.repeat(512)));
        if (probe.status !== 413) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(probe!.status).toBe(409);
      expect(probe!.body).toEqual(inProgress);
      // A second upload into the same data set, of either kind.
      const again = await getJson(`${s.url}/api/datasets/busy/interactions`, csv('source,target\nb1,b3\n'));
      expect([again.status, again.body]).toEqual([409, inProgress]);
      const actors = await getJson(`${s.url}/api/datasets/busy/actors`, csv('id\nb1\n'));
      expect([actors.status, actors.body]).toEqual([409, inProgress]);
      const score = await getJson(`${s.url}/api/runs`, json({ dataset: 'busy' }));
      expect([score.status, score.body]).toEqual([409, { error: 'dataset "busy" is being loaded: score it when the load has finished', details: [] }]);
      const del = await getJson(`${s.url}/api/datasets/busy`, { method: 'DELETE' });
      expect([del.status, del.body]).toEqual([409, { error: 'dataset "busy" is being loaded: delete it when the load has finished', details: [] }]);
      // Reads go on, and see the data set as it was.
      expect((await getJson(`${s.url}/api/datasets/busy`)).body).toMatchObject({ name: 'busy', actors: 2, interactions: 1 });
      // The held upload finishes normally; then the data set takes loads and deletes again.
      controller.enqueue(enc.encode('b2,b3\n'));
      controller.close();
      const done = await pending;
      expect(done.status).toBe(200);
      expect(S.loadResponse.parse(await done.json()).loaded).toEqual({ dataset: 'busy', actorsAdded: 1, actorsUpdated: 0, interactionsAdded: 1, interactionsUnchanged: 0 });
      expect((await getJson(`${s.url}/api/datasets/busy/interactions`, csv('source,target\nb1,b3\n'))).status).toBe(200);
      expect((await getJson(`${s.url}/api/datasets/other`)).status).toBe(404);
      expect((await getJson(`${s.url}/api/datasets/busy`, { method: 'DELETE' })).body).toEqual({ deleted: 'busy', runsRemoved: 0 });
    } finally {
      await s.close();
    }
  });
});

describe('deletes', () => {
  it('DELETE /api/datasets/{name} removes the data set and its runs', async () => {
    const r = await getJson(`${srv.url}/api/datasets/up`, { method: 'DELETE' });
    expect(r.status).toBe(200);
    expect(S.datasetDeleted.parse(r.body)).toEqual({ deleted: 'up', runsRemoved: 1 });
    expect((await getJson(`${srv.url}/api/datasets/up`)).status).toBe(404);
    expect((await getJson(`${srv.url}/api/runs/latest/nodes?dataset=up`)).body).toEqual({ error: 'no finished run of dataset "up"', details: [] });
    const again = await getJson(`${srv.url}/api/datasets/up`, { method: 'DELETE' });
    expect(again.status).toBe(404);
    expect(again.body).toEqual({ error: 'unknown dataset "up"', details: [] });
  });
});

describe('RunManager', () => {
  it('cancels running runs on close: the run fails and nothing is saved', async () => {
    const runs = new RunManager({ store: srv.store, workspace: srv.workspace, runInWorker: true, log: silent });
    const started = runs.start('w', {});
    expect(runs.runningFor('w')?.id).toBe(started.id);
    await runs.close();
    expect(runs.get(started.id)).toMatchObject({ id: started.id, status: 'failed', error: 'run cancelled; nothing was saved' });
    expect(runs.runningFor('w')).toBeUndefined();
    expect(await srv.store.getRun(started.id)).toBeUndefined();
  });

  it('scores at a lower priority than the API: the run thread takes nice 10, the server threads keep theirs', async () => {
    const niceOf = (task: string): number => Number(readFileSync(`/proc/self/task/${task}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
    const own = niceOf(String(readdirSync('/proc/self/task').map(Number).sort((a, b) => a - b)[0]));
    const runs = new RunManager({ store: srv.store, workspace: srv.workspace, runInWorker: true, log: silent });
    expect(DEFAULT_RUN_NICENESS).toBe(10);
    runs.start('w', {});
    const seen = new Set<number>();
    while (runs.runningFor('w')) {
      for (const t of readdirSync('/proc/self/task')) {
        try {
          seen.add(niceOf(t));
        } catch {
          // the thread ended between the listing and the read
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await runs.close();
    expect(own).toBeLessThan(10);
    expect(seen).toContain(own);
    expect(seen).toContain(10);
  });

  it('runs in this thread when asked, with the same outcome', async () => {
    const runs = new RunManager({ store: srv.store, workspace: srv.workspace, runInWorker: false, log: silent });
    const started = runs.start('w', { metrics: ['degree'] });
    expect(runs.list('w').map((r) => r.status)).toEqual(['running']);
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if (!runs.runningFor('w')) {
          clearInterval(t);
          resolve();
        }
      }, 10);
    });
    const saved = await srv.store.getRun(started.id);
    expect(saved).toMatchObject({ id: started.id, status: 'done', counts: { actors: 232 } });
    expect((await srv.store.readNodeScores(started.id)).map((n) => Object.keys(n.values))[0]).toEqual(expect.arrayContaining(['degree']));
  });
});
