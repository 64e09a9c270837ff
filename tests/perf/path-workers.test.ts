// The parallel path pass (engine/metrics/path-workers.ts) against NetworkX 3.6.1 and against the
// in-process pass: every fixture tie list and small case through two worker threads (forced on with
// minParallelNodes 0), closeness and harmonic bitwise equal to computePathCentralities, betweenness
// within 1e-12 of it and independent of the thread count, sampled mode with pinned pivots equal
// to NetworkX k= and seeded draws equal across 1, 2 and 3 threads, lengths checked with the tie
// named, cancellation that leaves no worker running. Expected values:
// tests/fixtures/networkx/make_path_fixtures.py.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Csr, DistanceMode } from '../../engine/graph/csr.js';
import { computePathCentralities } from '../../engine/metrics/path-centralities.js';
import {
  activePathWorkers,
  computePathCentralitiesParallel,
  laneBounds,
  PATH_LANES,
  type ParallelPathOptions,
} from '../../engine/metrics/path-workers.js';
import { RunCancelledError } from '../../engine/run/cancel.js';
import { csrOf, loadTieList, TIE_LISTS } from '../helpers/tie-list.js';

type Values = Record<string, [number, number, number]>;
interface Expected {
  inverse: Values;
  hops: Values;
}
interface Case extends Expected {
  ties: Array<[string, string, number]>;
  isolates: string[];
}
interface Sampled {
  pivots: number[];
  inverse: Record<string, number>;
  hops: Record<string, number>;
}

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'networkx');
const readJson = <T>(file: string): T => JSON.parse(readFileSync(join(fixtures, file), 'utf8')) as T;
const MODES: DistanceMode[] = ['inverse', 'hops'];
const TOLERANCE = 1e-9;
const FORCED = { minParallelNodes: 0 } as const;

function worstAgainst(csr: Csr, ours: Float64Array, expected: Record<string, number>): number {
  expect(Object.keys(expected).sort()).toEqual([...csr.ids].sort());
  let max = 0;
  csr.ids.forEach((id, i) => (max = Math.max(max, Math.abs(ours[i]! - expected[id]!))));
  return max;
}

function maxDiff(a: Float64Array, b: Float64Array): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

const column = (v: Values, col: 0 | 1 | 2): Record<string, number> => Object.fromEntries(Object.entries(v).map(([id, x]) => [id, x[col]]));

async function checkAgainstNetworkx(csr: Csr, expected: Expected): Promise<void> {
  for (const distance of MODES) {
    const opts = { distance, betweenness: 'exact', closeness: true, harmonic: true } as const;
    const r = await computePathCentralitiesParallel(csr, { ...opts, threads: 2, ...FORCED });
    const want = expected[distance];
    expect(worstAgainst(csr, r.betweenness!, column(want, 0)), `${distance} betweenness`).toBeLessThanOrEqual(TOLERANCE);
    expect(worstAgainst(csr, r.closeness!, column(want, 1)), `${distance} closeness`).toBeLessThanOrEqual(TOLERANCE);
    expect(worstAgainst(csr, r.harmonic!, column(want, 2)), `${distance} harmonic`).toBeLessThanOrEqual(TOLERANCE);
    expect(r.betweennessSamples).toBe(csr.n);
    expect(r.betweennessErrorBound).toBe(0);
    const single = computePathCentralities(csr, opts);
    expect(r.closeness).toEqual(single.closeness);
    expect(r.harmonic).toEqual(single.harmonic);
    expect(maxDiff(r.betweenness!, single.betweenness!)).toBeLessThanOrEqual(1e-12);
  }
}

describe('parallel path centralities equal NetworkX on the fixture tie lists (2 threads)', () => {
  for (const name of TIE_LISTS) {
    it(name, () => checkAgainstNetworkx(loadTieList(name), readJson<Expected>(`paths-${name}.json`)), 30_000);
  }
});

describe('parallel path centralities equal NetworkX on small graphs (2 threads)', () => {
  const { cases } = readJson<{ cases: Record<string, Case> }>('paths-cases.json');
  for (const [name, c] of Object.entries(cases)) {
    it(name, () => checkAgainstNetworkx(csrOf(c.ties, c.isolates), c), 30_000);
  }
});

describe('parallel sampled betweenness', () => {
  const { graphs } = readJson<{ graphs: Record<string, Sampled> }>('paths-sampled.json');
  for (const [name, g] of Object.entries(graphs)) {
    it(`${name}: pinned pivots equal NetworkX k=, alone and with closeness`, async () => {
      const csr = loadTieList(name);
      const pivots = Int32Array.from(g.pivots);
      for (const distance of MODES) {
        for (const closeness of [false, true]) {
          const r = await computePathCentralitiesParallel(csr, { distance, betweenness: 'sampled', pivots, closeness, threads: 2, ...FORCED });
          expect(worstAgainst(csr, r.betweenness!, g[distance]), `${distance} closeness=${closeness}`).toBeLessThanOrEqual(TOLERANCE);
          expect(r.betweennessSamples).toBe(g.pivots.length);
        }
      }
    }, 30_000);
  }

  it('a seeded draw gives the same values on 1, 2 and 3 threads (bitwise) and the same pivots as in process', async () => {
    const csr = loadTieList('ukfaculty');
    const opts = { distance: 'inverse', betweenness: 'sampled', samples: 20, seed: 11, ...FORCED } as const;
    const [one, two, three] = await Promise.all([1, 2, 3].map((threads) => computePathCentralitiesParallel(csr, { ...opts, threads })));
    expect(two!.betweenness).toEqual(one!.betweenness);
    expect(three!.betweenness).toEqual(one!.betweenness);
    const inProcess = computePathCentralities(csr, opts);
    expect(maxDiff(one!.betweenness!, inProcess.betweenness!)).toBeLessThanOrEqual(1e-12);
    expect(one!.betweennessSamples).toBe(20);
    expect(one!.betweennessErrorBound).toBe(inProcess.betweennessErrorBound);
    expect(one!.betweennessErrorBound).toBeGreaterThan(0);
  }, 30_000);
});

describe('parallel path pass mechanics', () => {
  it('cuts sources into at most PATH_LANES contiguous lanes that cover them once', () => {
    expect(Array.from(laneBounds(5))).toEqual([0, 1, 2, 3, 4, 5]);
    const b = laneBounds(1000);
    expect(b.length).toBe(PATH_LANES + 1);
    expect(b[0]).toBe(0);
    expect(b[PATH_LANES]).toBe(1000);
    for (let j = 0; j < PATH_LANES; j++) expect(b[j + 1]! - b[j]!).toBeGreaterThanOrEqual(7);
  });

  it('runs small graphs in process unless forced, with computePathCentralities numbers bitwise', async () => {
    const csr = loadTieList('lazega');
    const opts = { distance: 'inverse', betweenness: 'exact', closeness: true } as const;
    const r = await computePathCentralitiesParallel(csr, { ...opts, threads: 4 });
    expect(activePathWorkers()).toBe(0);
    expect(r).toEqual(computePathCentralities(csr, opts));
  });

  it('reports progress up to every source', async () => {
    const csr = loadTieList('lazega');
    const seen: Array<[number, number]> = [];
    await computePathCentralitiesParallel(csr, { distance: 'hops', betweenness: 'exact', threads: 2, ...FORCED, onProgress: (d, t) => seen.push([d, t]) });
    expect(seen.length).toBe(Math.min(PATH_LANES, csr.n));
    expect(seen[seen.length - 1]).toEqual([csr.n, csr.n]);
    for (let i = 1; i < seen.length; i++) expect(seen[i]![0]).toBeGreaterThan(seen[i - 1]![0]);
  }, 30_000);

  it('rejects a bad thread count and non-positive path lengths with the tie named', async () => {
    const csr = loadTieList('zachary');
    await expect(computePathCentralitiesParallel(csr, { distance: 'hops', betweenness: 'exact', threads: -1, ...FORCED })).rejects.toThrow(
      'threads must be a non-negative integer, got -1',
    );
    const zero = csrOf([['a', 'b', 1], ['b', 'c', 0]]);
    await expect(computePathCentralitiesParallel(zero, { distance: 'inverse', betweenness: 'exact', threads: 2, ...FORCED })).rejects.toThrow(
      'tie b–c has path length Infinity (strength 0); path lengths must be finite and positive',
    );
  });

  it('cancels: an aborted signal rejects with RunCancelledError and no worker is left running', async () => {
    const csr = loadTieList('workplace2013');
    const before = new AbortController();
    before.abort();
    const base: ParallelPathOptions = { distance: 'inverse', betweenness: 'exact', closeness: true, threads: 2, ...FORCED };
    await expect(computePathCentralitiesParallel(csr, { ...base, signal: before.signal })).rejects.toBeInstanceOf(RunCancelledError);
    const during = new AbortController();
    const run = computePathCentralitiesParallel(csr, { ...base, signal: during.signal });
    expect(activePathWorkers()).toBe(2);
    during.abort();
    await expect(run).rejects.toBeInstanceOf(RunCancelledError);
    expect(activePathWorkers()).toBe(0);
  }, 30_000);
});
