// The embedded SQLite store: the GraphStore contract, then what only this store promises
// (file layout, migrations, crash safety, locking between processes, big loads, workspace rule).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { Interaction, ScoreValue } from '../../engine/model/types.js';
import type { TieRow } from '../../engine/store/graph-store.js';
import { RepeatedContentFilter } from '../../engine/store/interaction-key.js';
import { DATABASE_FILE, openSqliteStore, type SqliteStore } from '../../engine/store/sqlite.js';
import { SCHEMA_VERSION } from '../../engine/store/sqlite-schema.js';
import { resolveWorkspace } from '../../engine/store/workspace.js';
import { ACTORS, INTERACTIONS, collect, graphStoreContract, loadInto, runRecord } from './contract.js';

const dirs: string[] = [];
function tempWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'socap-store-'));
  dirs.push(dir);
  return join(dir, 'nested', 'workspace');
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

graphStoreContract('sqlite', async () => openSqliteStore({ workspace: tempWorkspace() }));

describe('SQLite store', () => {
  const open: SqliteStore[] = [];
  function openStore(workspace: string, busyTimeoutMs?: number): SqliteStore {
    const s = openSqliteStore({ workspace, busyTimeoutMs });
    open.push(s);
    return s;
  }
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });

  it('creates the workspace folder and socap.db in WAL mode with the current schema version', () => {
    const ws = tempWorkspace();
    const store = openStore(ws);
    expect(store.location).toBe(join(ws, DATABASE_FILE));
    expect(existsSync(store.location)).toBe(true);
    const raw = new Database(store.location, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(raw.prepare('SELECT version FROM schema_version').all()).toEqual([{ version: 1 }]);
      expect(SCHEMA_VERSION).toBe(1);
    } finally {
      raw.close();
    }
  });

  it('keeps data across reopening and does not migrate twice', async () => {
    const ws = tempWorkspace();
    const first = openStore(ws);
    await loadInto(first, 'acme', ACTORS, INTERACTIONS);
    await first.close();
    const second = openStore(ws);
    expect(await second.getDataset('acme')).toMatchObject({ actors: 4, interactions: 6 });
    expect(await collect(second.readInteractions('acme'))).toEqual(INTERACTIONS);
    const raw = new Database(second.location, { readonly: true });
    expect(raw.prepare('SELECT count(*) AS n FROM schema_version').get()).toEqual({ n: 1 });
    raw.close();
  });

  it('refuses a database written by a newer schema', async () => {
    const ws = tempWorkspace();
    await openStore(ws).close();
    const raw = new Database(join(ws, DATABASE_FILE));
    raw.prepare('INSERT INTO schema_version (version, applied_at) VALUES (99, ?)').run(new Date().toISOString());
    raw.close();
    expect(() => openSqliteStore({ workspace: ws })).toThrow(/schema version 99, newer than this socap supports \(1\)/);
  });

  it('a process that dies in the middle of a load leaves the previous state', async () => {
    const ws = tempWorkspace();
    const store = openStore(ws);
    await loadInto(store, 'acme', ACTORS, INTERACTIONS);
    const before = await store.getDataset('acme');
    await store.close();
    const module = pathToFileURL(resolve('engine/store/sqlite.ts')).href;
    const child = `
      import { openSqliteStore } from ${JSON.stringify(module)};
      const store = openSqliteStore({ workspace: ${JSON.stringify(ws)} });
      // A tiny page cache makes the uncommitted pages spill into the WAL file before the crash.
      store['db'].pragma('cache_size = 2');
      const s = await store.beginLoad('acme');
      await s.addActors(Array.from({ length: 5000 }, (_, i) => ({ id: 'c' + i, attributes: { note: 'x'.repeat(200) } })));
      await s.addActors([{ id: 'ana', label: 'Overwritten', attributes: { department: 'gone' } }]);
      await s.addInteractions(Array.from({ length: 20000 }, (_, i) => ({ source: 'c' + (i % 5000), target: 'ana', weight: 1 })));
      process.stdout.write('loaded, not committed\\n');
      process.exit(1);
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', child], {
      cwd: resolve('.'),
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('loaded, not committed\n');
    expect(run.status).toBe(1);
    const after = openStore(ws);
    expect(await after.getDataset('acme')).toEqual(before);
    expect(await collect(after.readActors('acme'))).toEqual([...ACTORS, { id: 'dee', attributes: {} }]);
    expect(await collect(after.readInteractions('acme'))).toEqual(INTERACTIONS);
    expect(await loadInto(after, 'acme', [], [{ source: 'x', target: 'y', weight: 1 }])).toMatchObject({ interactionsAdded: 1 });
  });

  it('a second store on the same file cannot load while the first one is loading', async () => {
    const ws = tempWorkspace();
    const a = openStore(ws, 50);
    const b = openStore(ws, 50);
    const session = await a.beginLoad('one');
    await expect(b.beginLoad('two')).rejects.toThrow(/cannot start a load in .*socap\.db: database is locked/);
    await session.commit();
    expect(await loadInto(b, 'two', [], [{ source: 'x', target: 'y', weight: 1 }])).toMatchObject({ interactionsAdded: 1 });
    expect((await a.listDatasets()).map((d) => d.name)).toEqual(['one', 'two']);
  });

  it('rejects saveRun and deleteDataset while a load is open; close rolls the load back', async () => {
    const ws = tempWorkspace();
    const store = openStore(ws);
    await loadInto(store, 'acme', ACTORS, INTERACTIONS);
    const session = await store.beginLoad('acme');
    await session.addInteractions([{ source: 'x', target: 'y', weight: 1 }]);
    const run = runRecord('r-1', 'acme', '2025-01-01T00:00:00.000Z');
    await expect(store.saveRun(run, [], [])).rejects.toThrow(
      'saveRun: a load session of data set "acme" is open on this store; commit or roll it back first',
    );
    await expect(store.deleteDataset('acme')).rejects.toThrow(/deleteDataset: a load session/);
    await store.close();
    await expect(session.commit()).rejects.toThrow(/already rolled back/);
    const again = openStore(ws);
    expect(await again.getDataset('acme')).toMatchObject({ interactions: 6 });
    await expect(again.listDatasets()).resolves.toHaveLength(1);
    await expect(store.listDatasets()).rejects.toThrow(/is closed/);
  });

  it('streams interleave, and each stream sees the data as it was when it started', async () => {
    const store = openStore(tempWorkspace());
    await loadInto(store, 'acme', ACTORS, INTERACTIONS);
    const seen: Interaction[] = [];
    for await (const x of store.readInteractions('acme')) {
      if (seen.length === 0) {
        await loadInto(store, 'acme', [], [{ source: 'late', target: 'ana', weight: 1 }]);
        expect(await collect(store.readActors('acme'))).toHaveLength(5);
      }
      seen.push(x);
    }
    expect(seen).toEqual(INTERACTIONS);
    expect(await collect(store.readInteractions('acme'))).toHaveLength(7);
  });

  it('closing the store ends streams still open: their next read rejects', async () => {
    const store = openSqliteStore({ workspace: tempWorkspace() });
    await loadInto(store, 'acme', ACTORS, INTERACTIONS);
    const rows = store.readInteractions('acme')[Symbol.asyncIterator]();
    expect((await rows.next()).value).toEqual(INTERACTIONS[0]);
    await store.close();
    await expect(rows.next()).rejects.toThrow(/was closed during a read/);
  });

  it('keeps the key order of score values, "__proto__" as a plain key; -0 reads back as 0', async () => {
    const store = openStore(tempWorkspace());
    await loadInto(store, 'acme', ACTORS, INTERACTIONS);
    const protoKeyed = (): Record<string, ScoreValue> => JSON.parse('{"__proto__": "p", "z": 1}') as Record<string, ScoreValue>;
    await store.saveRun(
      runRecord('r-1', 'acme', '2025-01-01T00:00:00.000Z'),
      [
        { id: 'a', label: 'A', values: { z: 1, a: -0, m: null } },
        { id: 'b', label: 'B', values: { m: 'x', z: 2, a: 3 } },
      ],
      [
        { source: 'a', target: 'b', values: protoKeyed() },
        { source: 'b', target: 'c', values: protoKeyed() },
      ],
    );
    const rows = await store.readNodeScores('r-1');
    expect(rows.map((r) => Object.keys(r.values))).toEqual([['z', 'a', 'm'], ['m', 'z', 'a']]);
    expect(Object.is(rows[0]!.values.a, 0)).toBe(true);
    for (const e of await store.readEdgeScores('r-1')) {
      expect(Object.keys(e.values)).toEqual(['__proto__', 'z']);
      expect(Object.getPrototypeOf(e.values)).toBe(Object.prototype);
      expect(Object.getOwnPropertyDescriptor(e.values, '__proto__')?.value).toBe('p');
    }
  });

  it('loads 200 000 interactions with exact counts, reloads them idempotently, aggregates ties', async () => {
    const store = openStore(tempWorkspace());
    const N = 200_000;
    const types = ['email', 'chat', 'meeting', 'call', 'advice'];
    const rows: Interaction[] = [];
    let seed = 42;
    const next = (): number => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed;
    };
    while (rows.length < N) {
      const i = rows.length;
      const x: Interaction = {
        source: `emp-${next() % 5000}`,
        target: `emp-${next() % 5000}`,
        type: types[next() % 5]!,
        timestamp: 1_600_000_000_000 + (next() % 100_000) * 60_000,
        weight: 1 + (next() % 3),
      };
      rows.push(x);
      if (i % 50 === 0 && rows.length < N) rows.push({ ...x }); // repeats inside the file are kept
    }
    const endpoints = new Set(rows.flatMap((x) => [x.source, x.target]));
    const load = async (): Promise<{ result: Awaited<ReturnType<typeof loadInto>>; ms: number }> => {
      const t0 = performance.now();
      const session = await store.beginLoad('big');
      for (let b = 0; b < N; b += 10_000) await session.addInteractions(rows.slice(b, b + 10_000));
      const result = await session.commit();
      return { result, ms: performance.now() - t0 };
    };
    const first = await load();
    expect(first.result).toEqual({
      dataset: 'big',
      actorsAdded: endpoints.size,
      actorsUpdated: 0,
      interactionsAdded: N,
      interactionsUnchanged: 0,
    });
    const firstTimestamp = rows.reduce((m, x) => Math.min(m, x.timestamp!), Infinity);
    const lastTimestamp = rows.reduce((m, x) => Math.max(m, x.timestamp!), -Infinity);
    const info = await store.getDataset('big');
    expect(info).toMatchObject({
      actors: endpoints.size,
      interactions: N,
      types: [...types].sort(),
      firstTimestamp,
      lastTimestamp,
    });
    const again = await load();
    expect(again.result).toEqual({
      dataset: 'big',
      actorsAdded: 0,
      actorsUpdated: 0,
      interactionsAdded: 0,
      interactionsUnchanged: N,
    });
    expect(await store.getDataset('big')).toMatchObject({ actors: endpoints.size, interactions: N });
    console.info(
      `sqlite load: ${N} interactions in ${first.ms.toFixed(0)} ms (${Math.round(N / (first.ms / 1000))}/s), ` +
        `reload in ${again.ms.toFixed(0)} ms (${Math.round(N / (again.ms / 1000))}/s)`,
    );

    const back = await collect(store.readInteractions('big'));
    expect(back.length).toBe(N);
    expect(back.slice(0, 3)).toEqual(rows.slice(0, 3));
    expect(back[N - 1]).toEqual(rows[N - 1]);

    const expected = new Map<string, TieRow>();
    for (const x of rows) {
      if (x.source === x.target) continue;
      const [a, b] = x.source < x.target ? [x.source, x.target] : [x.target, x.source];
      const key = `${a}\u0000${b}`;
      const t = expected.get(key) ?? { a, b, interactions: 0, weight: 0 };
      t.interactions++;
      t.weight += x.weight;
      expected.set(key, t);
    }
    const ties = await collect(store.readTies('big'));
    expect(ties.length).toBe(expected.size);
    for (const t of ties) expect(t).toEqual(expected.get(`${t.a}\u0000${t.b}`));
  });
});

describe('resolveWorkspace', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('takes the flag, else SOCAP_HOME, else ./.socap, always absolute', () => {
    expect(resolveWorkspace('ws', { SOCAP_HOME: '/srv/socap' })).toBe(resolve('ws'));
    expect(resolveWorkspace('/abs/ws', { SOCAP_HOME: '/srv/socap' })).toBe('/abs/ws');
    expect(resolveWorkspace(undefined, { SOCAP_HOME: '/srv/socap' })).toBe('/srv/socap');
    expect(resolveWorkspace('', { SOCAP_HOME: 'rel/home' })).toBe(resolve('rel/home'));
    expect(resolveWorkspace(undefined, { SOCAP_HOME: '' })).toBe(resolve('.socap'));
    expect(resolveWorkspace(undefined, {})).toBe(resolve('.socap'));
  });

  it('reads the process environment by default', () => {
    vi.stubEnv('SOCAP_HOME', '/var/lib/socap');
    expect(resolveWorkspace()).toBe('/var/lib/socap');
  });
});

describe('RepeatedContentFilter', () => {
  it('says new for a first content and maybe-seen for its repeat', () => {
    const f = new RepeatedContentFilter();
    expect(f.add(1, 2, 0, null, 1)).toBe(false);
    expect(f.add(1, 2, 0, null, 1)).toBe(true);
    expect(f.add(1, 2, 0, 0, 1)).toBe(false); // timestamp 0 is not "no timestamp"
    expect(f.add(2, 1, 0, null, 1)).toBe(false);
    expect(f.add(1, 2, 0, 0, -0)).toBe(false);
    expect(f.add(1, 2, 0, 0, 0)).toBe(true); // -0 and 0 are equal numbers
    f.clear();
    expect(f.add(1, 2, 0, null, 1)).toBe(false);
  });

  it('never misses a repeat among many contents', () => {
    const f = new RepeatedContentFilter();
    let falsePositives = 0;
    for (let i = 0; i < 100_000; i++) if (f.add(i % 997, i % 1009, i % 3, 1_600_000_000_000 + i, 1)) falsePositives++;
    let missed = 0;
    for (let i = 0; i < 100_000; i++) if (!f.add(i % 997, i % 1009, i % 3, 1_600_000_000_000 + i, 1)) missed++;
    expect(missed).toBe(0);
    expect(falsePositives).toBeLessThan(10);
  });
});
