// `socap serve` reads its access rules and limits from the environment (engine/cli/serve.ts):
// SOCAP_TOKEN, SOCAP_REQUIRE_TOKEN_FOR_READS, SOCAP_CORS_ORIGINS, SOCAP_BODY_LIMIT. Each server here
// is the real command in a process of its own (the CLI run from source, as bin/socap.js runs it),
// started with the variables set, and checked over HTTP. The loopback rule is checked from a
// non-loopback address of this machine: the server binds 0.0.0.0 and the request goes to that
// address, so the server sees a non-loopback remote address (the traffic never leaves the machine).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../engine/cli/serve.js';
import { DEFAULT_BODY_LIMIT } from '../../server/app.js';
import { parseByteSize } from '../../server/upload.js';
import { getJson, removeWorkspace } from './harness.js';

const MAIN = pathToFileURL(join(import.meta.dirname, '..', '..', 'engine', 'cli', 'main.ts')).href;
const ENTRY = `const { run } = await import(${JSON.stringify(MAIN)}); process.exitCode = await run(process.argv.slice(1));`;

/** The first IPv4 address of this machine that is not loopback, if any. */
const EXTERNAL = Object.values(networkInterfaces())
  .flat()
  .find((a) => a !== undefined && a.family === 'IPv4' && !a.internal)?.address;
const NO_EXTERNAL = 'skipped: this machine has no non-loopback IPv4 address to make the request from';

interface Served {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  /** Everything the process wrote on stderr so far. */
  stderr(): string;
  /** SIGTERM; resolves with the exit code. */
  stop(): Promise<number | null>;
}

const children: ChildProcess[] = [];
const workspaces: string[] = [];

/** Runs `socap serve --port 0 --workspace <fresh> [...args]` with `env` (no other SOCAP_ variable) until it prints its URL. */
async function serve(env: Record<string, string>, args: string[] = []): Promise<Served> {
  const workspace = mkdtempSync(join(tmpdir(), 'socap-serve-env-'));
  workspaces.push(workspace);
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SOCAP_')));
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', ENTRY, 'serve', '--port', '0', '--workspace', workspace, ...args], {
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /socap serving on http:\/\/[^:]+:(\d+) \(API docs: /.exec(out);
      if (m) resolve(Number(m[1]));
    });
    void exited.then((code) => reject(new Error(`socap serve exited with ${code} before serving:\n${out}\n${err}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stderr: () => err,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

// The four servers of this file, started together (each process compiles the CLI first).
let servers: Promise<Served[]>;
beforeAll(() => {
  servers = Promise.all([
    serve({ SOCAP_TOKEN: 's3cret', SOCAP_CORS_ORIGINS: ' https://bi.example.org , https://nb.example.org', SOCAP_BODY_LIMIT: '2kb' }),
    serve({ SOCAP_TOKEN: 's3cret', SOCAP_REQUIRE_TOKEN_FOR_READS: '1' }),
    serve({}, ['--host', '0.0.0.0']),
    serve({ SOCAP_REQUIRE_TOKEN_FOR_READS: 'true' }, ['--host', '0.0.0.0']),
  ]);
  servers.catch(() => undefined);
});

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const w of workspaces) removeWorkspace(w);
});

const csv = (body: string, token?: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'text/csv', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
  body,
});

/** An edge list of exactly `bytes` bytes: a header and rows `aN,bN`, padded in the last row's first id. */
function csvOfSize(bytes: number): string {
  let text = 'source,target\n';
  let i = 0;
  while (text.length + 12 < bytes) text += `a${i},b${i++}\n`;
  const pad = bytes - text.length - 'z,y\n'.length;
  const body = `${text}${'z'.repeat(pad + 1)},y\n`;
  expect(Buffer.byteLength(body)).toBe(bytes);
  return body;
}

describe('SOCAP_TOKEN, SOCAP_CORS_ORIGINS and SOCAP_BODY_LIMIT', () => {
  let s: Served;
  beforeAll(async () => {
    s = (await servers)[0]!;
  });
  afterAll(async () => {
    expect(await s.stop()).toBe(0);
  });

  it('says at start that writes need the token and reads are open', () => {
    expect(s.stderr()).toContain('socap serve: auth: writes need the bearer token (SOCAP_TOKEN); reads are open\n');
  });

  it('refuses a write without the token (401) or with a wrong one, accepts it with the token; reads stay open', async () => {
    const none = await getJson(`${s.url}/api/datasets/t/interactions`, csv('source,target\na,b\n'));
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ error: 'missing token: writes need Authorization: Bearer <SOCAP_TOKEN>', details: [] });
    const wrong = await getJson(`${s.url}/api/datasets/t/interactions`, csv('source,target\na,b\n', 'nope'));
    expect(wrong.status).toBe(401);
    expect((wrong.body as { error: string }).error).toBe('invalid token');
    const ok = await getJson(`${s.url}/api/datasets/t/interactions`, csv('source,target\na,b\nb,c\n', 's3cret'));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ loaded: { interactionsAdded: 2 } });
    const list = await getJson(`${s.url}/api/datasets`);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ items: [{ name: 't', actors: 3, interactions: 2 }] });
  });

  it('sends CORS headers to a listed origin only', async () => {
    const listed = await fetch(`${s.url}/api/health`, { headers: { origin: 'https://nb.example.org' } });
    expect(listed.status).toBe(200);
    expect(listed.headers.get('access-control-allow-origin')).toBe('https://nb.example.org');
    expect(listed.headers.get('vary')).toContain('Origin');
    const first = await fetch(`${s.url}/api/health`, { headers: { origin: 'https://bi.example.org' } });
    expect(first.headers.get('access-control-allow-origin')).toBe('https://bi.example.org');
    const preflight = await fetch(`${s.url}/api/runs`, {
      method: 'OPTIONS',
      headers: { origin: 'https://nb.example.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, POST, DELETE');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type');
    const other = await fetch(`${s.url}/api/health`, { headers: { origin: 'https://evil.example.com' } });
    expect(other.status).toBe(200);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const otherPreflight = await fetch(`${s.url}/api/runs`, { method: 'OPTIONS', headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'POST' } });
    expect(otherPreflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(otherPreflight.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('accepts a body of exactly 2kb and answers 413 one byte over, for CSV uploads and JSON bodies', async () => {
    expect(parseByteSize('2kb')).toBe(2048);
    const under = await getJson(`${s.url}/api/datasets/limit/interactions`, csv(csvOfSize(2048), 's3cret'));
    expect(under.status).toBe(200);
    expect((under.body as { loaded: { interactionsAdded: number } }).loaded.interactionsAdded).toBeGreaterThan(100);
    const over = await getJson(`${s.url}/api/datasets/limit2/interactions`, csv(csvOfSize(2049), 's3cret'));
    expect(over.status).toBe(413);
    expect(over.body).toEqual({ error: 'request body is larger than the limit of 2048 bytes', details: [] });
    // A JSON body: the group name is too long for the schema (400) once the body is read, 413 before.
    const json = (bytes: number): RequestInit => {
      const head = '{"dataset":"limit","group":"';
      const body = `${head}${'g'.repeat(bytes - head.length - 2)}"}`;
      expect(body.length).toBe(bytes);
      return { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer s3cret' }, body };
    };
    const jsonUnder = await getJson(`${s.url}/api/runs`, json(2048));
    expect(jsonUnder.status).toBe(400);
    expect((jsonUnder.body as { details: { path: string }[] }).details.map((d) => d.path)).toEqual(['group']);
    const jsonOver = await getJson(`${s.url}/api/runs`, json(2049));
    expect(jsonOver.status).toBe(413);
    expect(jsonOver.body).toEqual({ error: 'request body is larger than the limit of 2048 bytes', details: [] });
    expect((await getJson(`${s.url}/api/datasets`)).body).toMatchObject({ items: [{ name: 'limit' }, { name: 't' }] });
  });
});

describe('SOCAP_REQUIRE_TOKEN_FOR_READS with SOCAP_TOKEN', () => {
  let s: Served;
  beforeAll(async () => {
    s = (await servers)[1]!;
  });
  afterAll(async () => {
    expect(await s.stop()).toBe(0);
  });

  it('says at start that every request needs the token', () => {
    expect(s.stderr()).toContain('socap serve: auth: every request needs the bearer token (SOCAP_TOKEN)\n');
  });

  it('refuses a read without the token (401), serves it with the token', async () => {
    for (const path of ['/api/datasets', '/api/health', '/api/runs/latest/nodes']) {
      const r = await getJson(`${s.url}${path}`);
      expect(r.status, path).toBe(401);
      expect(r.body, path).toEqual({ error: 'missing token: requests need Authorization: Bearer <SOCAP_TOKEN>', details: [] });
    }
    const ok = await getJson(`${s.url}/api/datasets`, { headers: { authorization: 'Bearer s3cret' } });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ items: [] });
  });

  it('sends no CORS headers when SOCAP_CORS_ORIGINS is not set', async () => {
    const r = await fetch(`${s.url}/api/health`, { headers: { origin: 'https://bi.example.org', authorization: 'Bearer s3cret' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('no SOCAP_ variable: loopback-only writes, the default body limit', () => {
  let s: Served;
  beforeAll(async () => {
    s = (await servers)[2]!;
  });
  afterAll(async () => {
    expect(await s.stop()).toBe(0);
  });

  it('says at start that writes come only from loopback clients', () => {
    expect(s.stderr()).toContain('socap serve: auth: no SOCAP_TOKEN set: writes are allowed only from loopback clients; reads are open\n');
  });

  it('refuses a write from a non-loopback address with 403, accepts it from loopback; reads are open to both', async (ctx) => {
    if (EXTERNAL === undefined) return ctx.skip(NO_EXTERNAL);
    const far = `http://${EXTERNAL}:${s.port}`;
    const refused = await getJson(`${far}/api/datasets/w/interactions`, csv('source,target\na,b\n'));
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ error: 'no token is configured, so writes are allowed only from this machine (set SOCAP_TOKEN)', details: [] });
    const del = await getJson(`${far}/api/datasets/w`, { method: 'DELETE' });
    expect(del.status).toBe(403);
    expect((await getJson(`${far}/api/datasets`)).body).toEqual({ items: [] });
    const near = await getJson(`${s.url}/api/datasets/w/interactions`, csv('source,target\na,b\n'));
    expect(near.status).toBe(200);
    expect((await getJson(`${far}/api/datasets`)).body).toMatchObject({ items: [{ name: 'w', interactions: 1 }] });
  });

  it('limits bodies to 16 MiB by default: accepted at 16 MiB, 413 one byte over', async () => {
    expect(DEFAULT_BODY_LIMIT).toBe('16mb');
    const limit = parseByteSize(DEFAULT_BODY_LIMIT);
    expect(limit).toBe(16 * 1024 * 1024);
    const json = (bytes: number): RequestInit => {
      const head = '{"dataset":"w","group":"';
      return { method: 'POST', headers: { 'content-type': 'application/json' }, body: `${head}${'g'.repeat(bytes - head.length - 2)}"}` };
    };
    const under = await getJson(`${s.url}/api/runs`, json(limit));
    expect(under.status).toBe(400);
    expect((under.body as { details: { path: string }[] }).details.map((d) => d.path)).toEqual(['group']);
    const over = await getJson(`${s.url}/api/runs`, json(limit + 1));
    expect(over.status).toBe(413);
    expect(over.body).toEqual({ error: 'request body is larger than the limit of 16777216 bytes', details: [] });
    const csvOver = await getJson(`${s.url}/api/datasets/big/interactions`, csv(`source,target\n${'x'.repeat(limit)}`));
    expect(csvOver.status).toBe(413);
    expect(csvOver.body).toEqual({ error: 'request body is larger than the limit of 16777216 bytes', details: [] });
  });
});

describe('SOCAP_REQUIRE_TOKEN_FOR_READS=true without SOCAP_TOKEN', () => {
  let s: Served;
  beforeAll(async () => {
    s = (await servers)[3]!;
  });
  afterAll(async () => {
    expect(await s.stop()).toBe(0);
  });

  it('says at start that reads and writes come only from loopback clients', () => {
    expect(s.stderr()).toContain('socap serve: auth: no SOCAP_TOKEN set: reads and writes are allowed only from loopback clients\n');
  });

  it('refuses a read from a non-loopback address with 403, serves it on loopback', async (ctx) => {
    if (EXTERNAL === undefined) return ctx.skip(NO_EXTERNAL);
    const far = await getJson(`http://${EXTERNAL}:${s.port}/api/datasets`);
    expect(far.status).toBe(403);
    expect(far.body).toEqual({ error: 'no token is configured, so requests are allowed only from this machine (set SOCAP_TOKEN)', details: [] });
    const near = await getJson(`${s.url}/api/datasets`);
    expect(near.status).toBe(200);
    expect(near.body).toEqual({ items: [] });
  });
});

describe('values socap serve cannot read', () => {
  it('are usage errors naming the variable, before anything is opened or bound', async () => {
    const workspace = join(tmpdir(), 'socap-serve-env-never-created');
    await expect(startServer({ port: 0, workspace }, { SOCAP_REQUIRE_TOKEN_FOR_READS: 'yes' })).rejects.toThrow(
      'SOCAP_REQUIRE_TOKEN_FOR_READS must be 1 or true (or 0, false, empty), got "yes"',
    );
    await expect(startServer({ port: 0, workspace }, { SOCAP_BODY_LIMIT: '16 megs' })).rejects.toThrow(
      'SOCAP_BODY_LIMIT must be a size such as 512kb or 16mb (b, kb, mb, gb; plain numbers are bytes), got "16 megs"',
    );
    expect(existsSync(workspace)).toBe(false);
  });
});
