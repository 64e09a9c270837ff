// The GraphStore contract: every store implementation (embedded SQLite, Neo4j) runs this suite.
// It speaks only through the GraphStore interface (engine/store/graph-store.ts, whose comments state
// the rules checked here); expected values are hand-computed from the small inputs below.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor, EdgeScoreRow, Interaction, LoadResult, NodeScoreRow, RunRecord } from '../../engine/model/types.js';
import type { GraphStore, TieRow } from '../../engine/store/graph-store.js';

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of items) out.push(x);
  return out;
}

/** One committed load of `actors` then `interactions` into `dataset`. */
export async function loadInto(
  store: GraphStore,
  dataset: string,
  actors: Actor[],
  interactions: Interaction[],
): Promise<LoadResult> {
  const session = await store.beginLoad(dataset);
  try {
    if (actors.length > 0) await session.addActors(actors);
    if (interactions.length > 0) await session.addInteractions(interactions);
    return await session.commit();
  } catch (err) {
    await session.rollback();
    throw err;
  }
}

const T0 = 1_699_000_000_000;

export const ACTORS: Actor[] = [
  { id: 'ana', label: 'Ana', kind: 'person', attributes: { department: 'sales', level: '2' } },
  { id: 'bo', label: 'Bo', kind: 'person', attributes: { department: 'ops' } },
  { id: 'core', label: 'Core team', kind: 'team', attributes: {} },
];

export const INTERACTIONS: Interaction[] = [
  { source: 'ana', target: 'bo', type: 'email', timestamp: 1_700_000_000_000, weight: 1 },
  { source: 'bo', target: 'ana', type: 'email', timestamp: 1_700_000_060_000, weight: 2 },
  { source: 'ana', target: 'core', type: 'meeting', timestamp: T0, weight: 0.5 },
  { id: 'm-1', source: 'core', target: 'bo', type: 'chat', weight: 0.25, undirected: true },
  { source: 'ana', target: 'ana', type: 'note', weight: 1 },
  // 'dee' is no loaded actor: the store creates a bare one.
  { source: 'bo', target: 'dee', weight: 3 },
];

/** Hand-computed from INTERACTIONS: one row per unordered pair, self-loop left out, first-seen order. */
const TIES: TieRow[] = [
  { a: 'ana', b: 'bo', interactions: 2, weight: 3 },
  { a: 'ana', b: 'core', interactions: 1, weight: 0.5 },
  { a: 'bo', b: 'core', interactions: 1, weight: 0.25 },
  { a: 'bo', b: 'dee', interactions: 1, weight: 3 },
];

export function runRecord(id: string, dataset: string, createdAt: string): RunRecord {
  return {
    id,
    dataset,
    status: 'done',
    createdAt,
    finishedAt: createdAt.replace(/\.\d{3}Z$/, '.999Z'),
    version: '0.1.0',
    input: `${dataset}/edges.csv`,
    parameters: { metrics: ['degree', 'betweenness'], halfLifeDays: 90, threshold: 0.1 + 0.2, seeded: true, asOf: null },
    counts: { actors: 4, interactions: 6, ties: 4, skipped: 0 },
    modularity: 0.41999999999999993,
    timings: { read: 12.345678901234567, betweenness: 0.001 },
    betweenness: { mode: 'sampled', samples: 100, errorBound: 0.0125 },
    notes: ['sampled betweenness: 100 pivots', 'ünïcödé 😀'],
    peakMemoryBytes: 123_456_789,
    extra: { convergence: { pagerank: { iterations: 42, delta: 1e-12 } } },
  };
}

export function graphStoreContract(
  name: string,
  make: () => Promise<GraphStore>,
  cleanup?: (s: GraphStore) => Promise<void>,
): void {
  describe(`GraphStore contract: ${name}`, () => {
    let store: GraphStore;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(async () => {
      if (cleanup) await cleanup(store);
      await store.close();
    });

    describe('loads', () => {
      it('loads actors and interactions with exact counts, types and time range', async () => {
        const result = await loadInto(store, 'acme', ACTORS, INTERACTIONS);
        expect(result).toEqual({
          dataset: 'acme',
          actorsAdded: 4,
          actorsUpdated: 0,
          interactionsAdded: 6,
          interactionsUnchanged: 0,
        });
        const info = await store.getDataset('acme');
        expect(info).toMatchObject({
          name: 'acme',
          actors: 4,
          interactions: 6,
          firstTimestamp: T0,
          lastTimestamp: 1_700_000_060_000,
          types: ['chat', 'email', 'meeting', 'note'],
        });
        expect(new Date(info!.createdAt).toISOString()).toBe(info!.createdAt);
        expect(new Date(info!.updatedAt).toISOString()).toBe(info!.updatedAt);
        expect(info!.updatedAt >= info!.createdAt).toBe(true);
      });

      it('reads actors and interactions back in load order, bare actors for unknown endpoints', async () => {
        await loadInto(store, 'acme', ACTORS, INTERACTIONS);
        expect(await collect(store.readActors('acme'))).toEqual([...ACTORS, { id: 'dee', attributes: {} }]);
        expect(await collect(store.readInteractions('acme'))).toEqual(INTERACTIONS);
      });

      it('leaves the time range unset when no interaction has a timestamp', async () => {
        await loadInto(store, 'plain', [], [{ source: 'a', target: 'b', weight: 1 }]);
        const info = await store.getDataset('plain');
        expect(info).toMatchObject({ actors: 2, interactions: 1, types: [] });
        expect(info!.firstTimestamp).toBeUndefined();
        expect(info!.lastTimestamp).toBeUndefined();
      });

      it('adds nothing when the same batch is loaded twice', async () => {
        await loadInto(store, 'acme', ACTORS, INTERACTIONS);
        const first = await store.getDataset('acme');
        const again = await loadInto(store, 'acme', ACTORS, INTERACTIONS);
        expect(again).toEqual({
          dataset: 'acme',
          actorsAdded: 0,
          actorsUpdated: 0,
          interactionsAdded: 0,
          interactionsUnchanged: 6,
        });
        const info = await store.getDataset('acme');
        expect(info).toMatchObject({ actors: 4, interactions: 6, types: first!.types, createdAt: first!.createdAt });
        expect(info!.updatedAt >= first!.updatedAt).toBe(true);
        expect(await collect(store.readInteractions('acme'))).toEqual(INTERACTIONS);
      });

      it('keeps a row repeated inside one load as many times as it appears', async () => {
        const r: Interaction = { source: 'a', target: 'b', type: 'call', weight: 1 };
        const s: Interaction = { source: 'a', target: 'b', type: 'call', weight: 1, timestamp: 0 };
        expect(await loadInto(store, 'd', [], [r, s, r])).toMatchObject({ interactionsAdded: 3, interactionsUnchanged: 0 });
        expect(await loadInto(store, 'd', [], [r, r, s])).toMatchObject({ interactionsAdded: 0, interactionsUnchanged: 3 });
        // A third copy in a later load is new; a single copy is not.
        expect(await loadInto(store, 'd', [], [r, r, r])).toMatchObject({ interactionsAdded: 1, interactionsUnchanged: 2 });
        expect(await loadInto(store, 'd', [], [r])).toMatchObject({ interactionsAdded: 0, interactionsUnchanged: 1 });
        expect((await store.getDataset('d'))!.interactions).toBe(4);
        expect(await collect(store.readInteractions('d'))).toEqual([r, s, r, r]);
      });

      it('tells apart rows that differ in any part of their content', async () => {
        const base: Interaction = { source: 'a', target: 'b', type: 'email', timestamp: 10, weight: 1 };
        const variants: Interaction[] = [
          base,
          { ...base, source: 'b', target: 'a' },
          { ...base, type: 'chat' },
          { source: 'a', target: 'b', timestamp: 10, weight: 1 },
          { ...base, timestamp: 11 },
          { source: 'a', target: 'b', type: 'email', weight: 1 },
          { ...base, weight: 1.0000000000000002 },
        ];
        expect(await loadInto(store, 'v', [], variants)).toMatchObject({ interactionsAdded: 7 });
        expect(await loadInto(store, 'v', [], [...variants].reverse())).toMatchObject({
          interactionsAdded: 0,
          interactionsUnchanged: 7,
        });
      });

      it('numbers repeats exactly on a load with many of them', async () => {
        // A small value domain makes most contents repeat; the expected counts follow the rule
        // directly: a content seen c_old times before and c times now adds max(0, c - c_old).
        const rows = (n: number, salt: number): Interaction[] =>
          Array.from({ length: n }, (_, i) => {
            const k = (i * 7919 + salt * 104729) % 97;
            return { source: `p${k % 5}`, target: `p${(k >> 2) % 4}`, type: k % 3 === 0 ? undefined : 'm', weight: 1 + (k % 2) };
          }).map((x) => (x.type === undefined ? { source: x.source, target: x.target, weight: x.weight } : x));
        const key = (x: Interaction): string => JSON.stringify([x.source, x.target, x.type ?? null, x.weight]);
        const counts = (xs: Interaction[]): Map<string, number> => {
          const m = new Map<string, number>();
          for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
          return m;
        };
        const first = rows(3000, 1);
        const second = rows(4500, 2);
        const c1 = counts(first);
        let expectedAdded = 0;
        for (const [k, c] of counts(second)) expectedAdded += Math.max(0, c - (c1.get(k) ?? 0));
        expect(expectedAdded).toBeGreaterThan(0);
        expect(await loadInto(store, 'rep', [], first)).toMatchObject({ interactionsAdded: 3000 });
        expect(await loadInto(store, 'rep', [], second)).toEqual({
          dataset: 'rep',
          actorsAdded: 0,
          actorsUpdated: 0,
          interactionsAdded: expectedAdded,
          interactionsUnchanged: 4500 - expectedAdded,
        });
        expect((await store.getDataset('rep'))!.interactions).toBe(3000 + expectedAdded);
        expect(await loadInto(store, 'rep', [], second)).toMatchObject({ interactionsAdded: 0, interactionsUnchanged: 4500 });
        expect(await loadInto(store, 'rep', [], first)).toMatchObject({ interactionsAdded: 0, interactionsUnchanged: 3000 });
      });

      it('keys interactions with an id by the id alone', async () => {
        const x: Interaction = { id: 'e1', source: 'a', target: 'b', type: 'deal', weight: 5 };
        expect(await loadInto(store, 'ids', [], [x, { ...x, weight: 6 }, { ...x, id: 'e2' }])).toMatchObject({
          interactionsAdded: 2,
          interactionsUnchanged: 1,
        });
        expect(await loadInto(store, 'ids', [], [{ ...x, target: 'c', timestamp: 5 }])).toMatchObject({
          interactionsAdded: 0,
          interactionsUnchanged: 1,
        });
        // Same content without an id is keyed by content: a different row.
        expect(await loadInto(store, 'ids', [], [{ source: 'a', target: 'b', type: 'deal', weight: 5 }])).toMatchObject({
          interactionsAdded: 1,
        });
        expect(await collect(store.readInteractions('ids'))).toEqual([
          x,
          { ...x, id: 'e2' },
          { source: 'a', target: 'b', type: 'deal', weight: 5 },
        ]);
      });

      it('upserts actors: merges attributes, counts real changes once, ignores no-op updates', async () => {
        await loadInto(store, 'acme', ACTORS, INTERACTIONS);
        const r = await loadInto(
          store,
          'acme',
          [
            { id: 'ana', attributes: { level: '3', office: 'Paris' } },
            { id: 'ana', attributes: { office: 'Lyon' } },
            { id: 'bo', attributes: { department: 'ops' } },
            { id: 'dee', label: 'Dee', kind: 'external', attributes: {} },
            { id: 'eve', attributes: { department: 'legal' } },
            { id: 'eve', label: 'Eve', attributes: {} },
          ],
          [],
        );
        expect(r).toEqual({ dataset: 'acme', actorsAdded: 1, actorsUpdated: 2, interactionsAdded: 0, interactionsUnchanged: 0 });
        const actors = await collect(store.readActors('acme'));
        expect(actors).toEqual([
          { id: 'ana', label: 'Ana', kind: 'person', attributes: { department: 'sales', level: '3', office: 'Lyon' } },
          ACTORS[1],
          ACTORS[2],
          { id: 'dee', label: 'Dee', kind: 'external', attributes: {} },
          { id: 'eve', label: 'Eve', attributes: { department: 'legal' } },
        ]);
        expect((await store.getDataset('acme'))!.actors).toBe(5);
        expect(await loadInto(store, 'acme', actors, [])).toMatchObject({ actorsAdded: 0, actorsUpdated: 0 });
        expect(await loadInto(store, 'acme', [{ id: 'ana', label: 'Ana M.', attributes: {} }], [])).toMatchObject({
          actorsUpdated: 1,
        });
      });

      it('keeps ids exactly: spaces, accents, emoji, numbers as strings', async () => {
        const ids = ['Ana María', 'José Ñúñez', 'Zoë', '😀', '\uff5e', '007', '7', ' lead', 'tab\tid', 'quote"s', "it's", 'null'];
        const actors: Actor[] = ids.map((id) => ({ id, attributes: { 'département': `Île – ${id}` } }));
        const interactions: Interaction[] = [
          { source: '007', target: '7', weight: 1 },
          { source: '\uff5e', target: '😀', weight: 2, type: 'réunion' },
          { source: 'Ana María', target: 'José Ñúñez', weight: 0.1 },
        ];
        expect(await loadInto(store, 'unicode', actors, interactions)).toMatchObject({ actorsAdded: 12, interactionsAdded: 3 });
        const back = await collect(store.readActors('unicode'));
        expect(back).toEqual(actors);
        expect(back.every((a) => typeof a.id === 'string')).toBe(true);
        expect(await collect(store.readInteractions('unicode'))).toEqual(interactions);
        // a < b in UTF-16 code-unit order: U+1F600 (high surrogate D83D) sorts before U+FF5E.
        expect(await collect(store.readTies('unicode'))).toEqual([
          { a: '007', b: '7', interactions: 1, weight: 1 },
          { a: '😀', b: '\uff5e', interactions: 1, weight: 2 },
          { a: 'Ana María', b: 'José Ñúñez', interactions: 1, weight: 0.1 },
        ]);
      });

      it('rejects invalid data set names with the rule', async () => {
        for (const bad of ['', 'has space', 'a/b', 'é', 'x'.repeat(65)]) {
          await expect(store.beginLoad(bad)).rejects.toThrow(/1 to 64 characters of A-Z, a-z, 0-9/);
        }
        expect(await loadInto(store, 'A.b_c-9' + 'x'.repeat(57), [], [])).toMatchObject({ interactionsAdded: 0 });
        expect(await store.listDatasets()).toHaveLength(1);
      });
    });

    describe('transactions', () => {
      it('rollback leaves the previous state', async () => {
        await loadInto(store, 'acme', ACTORS, INTERACTIONS);
        const before = await store.getDataset('acme');
        const session = await store.beginLoad('acme');
        await session.addActors([{ id: 'ana', label: 'Changed', attributes: { department: 'x' } }, { id: 'zed', attributes: {} }]);
        await session.addInteractions([
          { source: 'zed', target: 'ana', type: 'complaint', timestamp: 1, weight: 9 },
          ...INTERACTIONS,
          ...INTERACTIONS,
        ]);
        await session.rollback();
        expect(await store.getDataset('acme')).toEqual(before);
        expect(await collect(store.readActors('acme'))).toEqual([...ACTORS, { id: 'dee', attributes: {} }]);
        expect(await collect(store.readInteractions('acme'))).toEqual(INTERACTIONS);
        expect(await collect(store.readTies('acme'))).toEqual(TIES);
      });

      it('rollback of the first load of a data set leaves no data set', async () => {
        const session = await store.beginLoad('fresh');
        await session.addInteractions(INTERACTIONS);
        await session.rollback();
        expect(await store.getDataset('fresh')).toBeUndefined();
        expect(await store.listDatasets()).toEqual([]);
      });

      it('an error inside a load rolls the session back', async () => {
        await loadInto(store, 'acme', ACTORS, INTERACTIONS);
        const before = await store.getDataset('acme');
        const session = await store.beginLoad('acme');
        await session.addInteractions([{ source: 'x', target: 'y', weight: 1 }]);
        await expect(session.addInteractions([{ source: 'x', target: 'y', weight: Number.NaN }])).rejects.toThrow(/weight/);
        await session.rollback(); // already rolled back: does nothing
        expect(await store.getDataset('acme')).toEqual(before);
        expect(await loadInto(store, 'acme', [], [{ source: 'x', target: 'y', weight: 1 }])).toMatchObject({
          actorsAdded: 2,
          interactionsAdded: 1,
        });
      });

      it('readers see the previous state until commit', async () => {
        await loadInto(store, 'acme', ACTORS, INTERACTIONS);
        const before = await store.getDataset('acme');
        const session = await store.beginLoad('acme');
        await session.addActors([{ id: 'new', attributes: {} }]);
        await session.addInteractions([{ source: 'new', target: 'ana', weight: 1 }]);
        expect(await store.getDataset('acme')).toEqual(before);
        expect(await collect(store.readInteractions('acme'))).toHaveLength(6);
        expect(await session.commit()).toMatchObject({ actorsAdded: 1, interactionsAdded: 1 });
        expect(await store.getDataset('acme')).toMatchObject({ actors: 5, interactions: 7 });
      });

      it('allows one load session at a time and none after it ends', async () => {
        const session = await store.beginLoad('one');
        await expect(store.beginLoad('two')).rejects.toThrow(/load session/);
        await session.addActors([{ id: 'a', attributes: {} }]);
        await session.commit();
        await expect(session.addActors([{ id: 'b', attributes: {} }])).rejects.toThrow(/already committed/);
        await expect(session.commit()).rejects.toThrow(/already committed/);
        const next = await store.beginLoad('two');
        await next.rollback();
        await next.rollback();
        expect((await store.listDatasets()).map((d) => d.name)).toEqual(['one']);
      });
    });

    describe('ties', () => {
      it('aggregates interactions per unordered pair, both directions, self-loops left out', async () => {
        await loadInto(store, 'acme', ACTORS, INTERACTIONS);
        expect(await collect(store.readTies('acme'))).toEqual(TIES);
      });
    });

    describe('data sets', () => {
      it('lists by name, gets, deletes with runs and scores', async () => {
        await loadInto(store, 'zeta', ACTORS, INTERACTIONS);
        await loadInto(store, 'alpha', [], [{ source: 'x', target: 'y', weight: 1 }]);
        expect((await store.listDatasets()).map((d) => [d.name, d.actors, d.interactions])).toEqual([
          ['alpha', 2, 1],
          ['zeta', 4, 6],
        ]);
        await store.saveRun(runRecord('r-zeta', 'zeta', '2025-01-01T00:00:00.000Z'), [{ id: 'ana', label: 'Ana', values: { degree: 2 } }], []);
        await store.saveRun(runRecord('r-alpha', 'alpha', '2025-01-02T00:00:00.000Z'), [], []);
        expect(await store.deleteDataset('zeta')).toBe(true);
        expect(await store.deleteDataset('zeta')).toBe(false);
        expect(await store.getDataset('zeta')).toBeUndefined();
        expect(await collect(store.readActors('zeta'))).toEqual([]);
        expect(await collect(store.readInteractions('zeta'))).toEqual([]);
        expect(await store.getRun('r-zeta')).toBeUndefined();
        expect(await store.readNodeScores('r-zeta')).toEqual([]);
        expect((await store.listRuns()).map((r) => r.id)).toEqual(['r-alpha']);
        expect((await store.listDatasets()).map((d) => d.name)).toEqual(['alpha']);
        // The name can be loaded again, from scratch.
        expect(await loadInto(store, 'zeta', [], INTERACTIONS)).toMatchObject({ actorsAdded: 4, interactionsAdded: 6 });
      });

      it('answers unknown names with undefined or empty, never a throw', async () => {
        expect(await store.getDataset('nope')).toBeUndefined();
        expect(await store.deleteDataset('nope')).toBe(false);
        expect(await store.listDatasets()).toEqual([]);
        expect(await collect(store.readActors('nope'))).toEqual([]);
        expect(await collect(store.readInteractions('nope'))).toEqual([]);
        expect(await collect(store.readTies('nope'))).toEqual([]);
        expect(await store.listRuns()).toEqual([]);
        expect(await store.listRuns('nope')).toEqual([]);
        expect(await store.getRun('nope')).toBeUndefined();
        expect(await store.getRun('latest')).toBeUndefined();
        expect(await store.getRun('latest', 'nope')).toBeUndefined();
        expect(await store.readNodeScores('nope')).toEqual([]);
        expect(await store.readEdgeScores('nope')).toEqual([]);
      });
    });

    describe('runs', () => {
      const nodes: NodeScoreRow[] = [
        { id: 'ana', label: 'Ana', values: { degree: 2, betweenness: 0.1 + 0.2, constraint: null, strong: true, community: 'c-1' } },
        { id: '007', label: '', values: { degree: 0, betweenness: 5e-324, constraint: 1.7976931348623157e308, strong: false, community: '2' } },
        { id: 'Zoë 😀', label: 'Zoë', values: { degree: -1.5, betweenness: 1 / 3, constraint: null, strong: true, community: '' } },
        // A row with other keys keeps them as they are.
        { id: 'odd', label: 'Odd', values: { community: 'c-2', degree: 1, extra: 'yes' } },
      ];
      const edges: EdgeScoreRow[] = [
        { source: 'ana', target: 'bo', values: { strength: 0.7000000000000001, bridge: false, span: null } },
        { source: '007', target: '7', values: { strength: 1e-300, bridge: true, span: 3 } },
      ];

      it('saves runs and lists them newest first, latest per data set and overall', async () => {
        await loadInto(store, 'acme', ACTORS, INTERACTIONS);
        await loadInto(store, 'other', [], [{ source: 'x', target: 'y', weight: 1 }]);
        const r1 = runRecord('r-1', 'acme', '2025-03-01T10:00:00.000Z');
        const r2 = runRecord('r-2', 'acme', '2025-03-02T10:00:00.000Z');
        const r3 = { ...runRecord('r-3', 'acme', '2025-03-01T10:00:00.000Z'), status: 'failed' as const, error: 'out of memory' };
        const minimal: RunRecord = {
          id: 'r-4',
          dataset: 'other',
          status: 'running',
          createdAt: '2025-03-03T00:00:00.000Z',
          version: '0.1.0',
          input: 'other',
          parameters: {},
          counts: { actors: 0, interactions: 0, ties: 0, skipped: 0 },
          timings: {},
          notes: [],
        };
        for (const r of [r1, r2, r3, minimal]) await store.saveRun(r, [], []);
        expect(await store.listRuns('acme')).toEqual([r2, r3, r1]);
        expect((await store.listRuns()).map((r) => r.id)).toEqual(['r-4', 'r-2', 'r-3', 'r-1']);
        expect(await store.getRun('latest', 'acme')).toEqual(r2);
        expect(await store.getRun('latest')).toEqual(minimal);
        expect(await store.getRun('r-3')).toEqual(r3);
        expect(await store.getRun('r-3', 'acme')).toEqual(r3);
        expect(await store.getRun('r-3', 'other')).toBeUndefined();
        const back = await store.getRun('r-4');
        expect(back).toEqual(minimal);
        for (const key of ['finishedAt', 'modularity', 'betweenness', 'peakMemoryBytes', 'error', 'extra'] as const) {
          expect(back![key]).toBeUndefined();
        }
      });

      it('reads score rows back in saved order with exact values', async () => {
        await loadInto(store, 'acme', ACTORS, INTERACTIONS);
        await store.saveRun(runRecord('r-1', 'acme', '2025-03-01T10:00:00.000Z'), nodes, edges);
        const backNodes = await store.readNodeScores('r-1');
        expect(backNodes).toEqual(nodes);
        expect(backNodes[0]!.values.betweenness).toBe(0.30000000000000004);
        expect(backNodes[1]!.values.betweenness).toBe(5e-324);
        expect(typeof backNodes[1]!.values.community).toBe('string');
        expect(backNodes[0]!.values.constraint).toBeNull();
        expect(await store.readEdgeScores('r-1')).toEqual(edges);
        expect(await store.readEdgeScores('r-1')).not.toEqual([...edges].reverse());
      });

      it('keeps the order of many rows', async () => {
        await loadInto(store, 'acme', ACTORS, INTERACTIONS);
        // Saved in an order that is neither by id nor by value.
        const many: NodeScoreRow[] = Array.from({ length: 2500 }, (_, i) => {
          const k = (i * 7) % 2500;
          return { id: `n${k}`, label: `N ${k}`, values: { x: k / 7, rank: i } };
        });
        await store.saveRun(runRecord('r-many', 'acme', '2025-03-01T10:00:00.000Z'), many, []);
        expect(await store.readNodeScores('r-many')).toEqual(many);
      });

      it('rejects bad runs whole: unknown data set, taken or reserved id, non-finite values', async () => {
        await loadInto(store, 'acme', ACTORS, INTERACTIONS);
        const at = '2025-03-01T10:00:00.000Z';
        await expect(store.saveRun(runRecord('r-x', 'nope', at), [], [])).rejects.toThrow(/unknown data set "nope"/);
        await store.saveRun(runRecord('r-1', 'acme', at), nodes, edges);
        await expect(store.saveRun(runRecord('r-1', 'acme', at), [], [])).rejects.toThrow(/"r-1" already exists/);
        await expect(store.saveRun(runRecord('latest', 'acme', at), [], [])).rejects.toThrow(/latest/);
        for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
          const rows: NodeScoreRow[] = [...nodes, { id: 'x', label: 'X', values: { degree: bad } }];
          await expect(store.saveRun(runRecord('r-bad', 'acme', at), rows, [])).rejects.toThrow(/finite/);
          await expect(
            store.saveRun(runRecord('r-bad', 'acme', at), [], [{ source: 'a', target: 'b', values: { strength: bad } }]),
          ).rejects.toThrow(/finite/);
        }
        expect(await store.getRun('r-bad')).toBeUndefined();
        expect(await store.readNodeScores('r-bad')).toEqual([]);
        expect((await store.listRuns()).map((r) => r.id)).toEqual(['r-1']);
        expect(await store.readNodeScores('r-1')).toEqual(nodes);
      });
    });
  });
}
