// The cache of finished-run reads in front of express (server/fast-reads.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KRACKHARDT, removeWorkspace, scoredWorkspace, startTestServer, type TestServer } from './harness.js';
import type { RunRecord } from '../../engine/model/types.js';

describe('fast reads of finished runs', () => {
  let workspace: string;
  let run: RunRecord;
  beforeAll(async () => {
    ({ workspace, run } = await scoredWorkspace(KRACKHARDT, 'k'));
  });
  afterAll(() => removeWorkspace(workspace));

  it('answers a repeated GET with the same status, headers and bytes, from memory', async () => {
    const s = await startTestServer(workspace);
    try {
      const url = `${s.url}/api/runs/${run.id}/nodes/A17`;
      const a = await fetch(url);
      const aBody = await a.text();
      expect(s.app.cachedResponses()).toBe(1);
      const b = await fetch(url);
      expect(b.status).toBe(200);
      expect(await b.text()).toBe(aBody);
      for (const h of ['content-type', 'content-security-policy', 'x-content-type-options', 'content-length']) expect(b.headers.get(h)).toBe(a.headers.get(h));
      expect(JSON.parse(aBody).id).toBe('A17');
      // `latest` and the run's own status are never cached: they change.
      expect((await fetch(`${s.url}/api/runs/latest/nodes/A17`)).status).toBe(200);
      expect((await fetch(`${s.url}/api/runs/${run.id}`)).status).toBe(200);
      expect(s.app.cachedResponses()).toBe(1);
    } finally {
      await s.close();
    }
  });

  it('is off when reads need the token', async () => {
    const s = await startTestServer(workspace, { token: 'secret', requireTokenForReads: true });
    try {
      const url = `${s.url}/api/runs/${run.id}/nodes`;
      expect((await fetch(url, { headers: { authorization: 'Bearer secret' } })).status).toBe(200);
      expect((await fetch(url)).status).toBe(401);
      expect(s.app.cachedResponses()).toBe(0);
    } finally {
      await s.close();
    }
  });
  it('keeps its answers across a new run and a what-if, and drops them when an upload changes an actor', async () => {
    const s = await startTestServer(workspace, { token: 'secret' });
    const auth = { authorization: 'Bearer secret', 'content-type': 'application/json' };
    try {
      const url = `${s.url}/api/runs/${run.id}/nodes/A17`;
      const before = (await (await fetch(url)).json()) as { attributes: Record<string, unknown> };
      expect(before.attributes.department).toBe('1');
      expect(s.app.cachedResponses()).toBe(1);

      // A what-if and a new run change no stored run: the cached answer stays.
      expect((await fetch(`${s.url}/api/runs/${run.id}/whatif`, { method: 'POST', headers: auth, body: JSON.stringify({ remove: ['A17'] }) })).status).toBe(200);
      const started = (await (await fetch(`${s.url}/api/runs`, { method: 'POST', headers: auth, body: JSON.stringify({ dataset: 'k' }) })).json()) as { id: string };
      for (let status = 'running'; status === 'running'; ) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        status = ((await (await fetch(`${s.url}/api/runs/${started.id}`)).json()) as { status: string }).status;
        expect(status).not.toBe('failed');
      }
      expect(s.app.cachedResponses()).toBe(1);

      // Reloading A17 with a new department: the next read is the new answer, not the cached one.
      const up = await fetch(`${s.url}/api/datasets/k/actors`, { method: 'POST', headers: { authorization: 'Bearer secret', 'content-type': 'text/csv' }, body: 'id,department\nA17,9\n' });
      expect(up.status).toBe(200);
      expect(s.app.cachedResponses()).toBe(0);
      const after = (await (await fetch(url)).json()) as { attributes: Record<string, unknown> };
      expect(after.attributes.department).toBe('9');
    } finally {
      await s.close();
    }
  });

  it('a wrong token still gets 401 on a cached URL, and a delete empties the cache', async () => {
    const s = await startTestServer(workspace, { token: 'secret' });
    try {
      const url = `${s.url}/api/runs/${run.id}/brokers`;
      expect((await fetch(url)).status).toBe(200);
      expect((await fetch(url)).status).toBe(200);
      expect((await fetch(url, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      expect((await fetch(`${s.url}/api/datasets/k`, { method: 'DELETE', headers: { authorization: 'Bearer secret' } })).status).toBe(200);
      const after = await fetch(url);
      expect(after.status).toBe(404);
    } finally {
      await s.close();
    }
  });

});
