// Closeness and harmonic estimated from pivots (engine/metrics/sampled-closeness.ts, through
// computePathCentralities with distances 'sampled'): values worked out by hand on a path and on a
// disconnected graph, the exact result when k ≥ n or when betweenness is exact, the stated 95%
// bounds holding against the exact values on the real tie lists, and the worker-thread pass equal
// to the in-process one.
import { describe, expect, it } from 'vitest';
import { halfEdgeDistances } from '../../engine/graph/csr.js';
import { betweennessErrorBound } from '../../engine/metrics/betweenness.js';
import { closenessCentrality } from '../../engine/metrics/closeness.js';
import { harmonicCentrality } from '../../engine/metrics/harmonic.js';
import { computePathCentralities } from '../../engine/metrics/path-centralities.js';
import { computePathCentralitiesParallel } from '../../engine/metrics/path-workers.js';
import { shortestLength } from '../../engine/metrics/sampled-closeness.js';
import { ShortestPathWorkspace } from '../../engine/metrics/single-source-paths.js';
import { csrOf, loadTieList } from '../helpers/tie-list.js';

// a – b – c – d – e, hop distances.
const path = csrOf([
  ['a', 'b', 1],
  ['b', 'c', 1],
  ['c', 'd', 1],
  ['d', 'e', 1],
]);
const index = (ids: readonly string[], id: string): number => ids.indexOf(id);

describe('closeness and harmonic from pivots', () => {
  it('match the estimator worked out by hand on a path with pivots a and e', () => {
    const pivots = Int32Array.from([index(path.ids, 'a'), index(path.ids, 'e')]);
    const r = computePathCentralities(path, { distance: 'hops', betweenness: 'none', closeness: true, harmonic: true, distances: 'sampled', pivots });
    const at = (xs: Float64Array | undefined, id: string): number => xs![index(path.ids, id)]!;
    // c: t = 2 pivots at distances 2 and 2 → R = 2, S = 4: (2/4)·(2/2) = 0.5; H = (4/2)·(1/2 + 1/2) = 2.
    expect(at(r.closeness, 'c')).toBeCloseTo(0.5, 15);
    expect(at(r.harmonic, 'c')).toBeCloseTo(2, 15);
    // b: distances 1 and 3 → S = 4: 0.5; H = 2·(1 + 1/3).
    expect(at(r.closeness, 'b')).toBeCloseTo(0.5, 15);
    expect(at(r.harmonic, 'b')).toBeCloseTo(8 / 3, 15);
    // a is a pivot: t = 1, e at distance 4 → (1/4)·(1/1) = 0.25; H = (4/1)·(1/4) = 1.
    expect(at(r.closeness, 'a')).toBeCloseTo(0.25, 15);
    expect(at(r.harmonic, 'a')).toBeCloseTo(1, 15);
    expect(r.distanceSamples).toBe(2);
    expect(r.closenessErrorBound).toBe(betweennessErrorBound(5, 2));
    expect(r.harmonicErrorBound).toBe((4 * betweennessErrorBound(5, 2)) / 1);
    expect(r.betweenness).toBeUndefined();
  });

  it('give 0 to nodes no pivot reaches and NaN to a lone pivot itself', () => {
    const g = csrOf([
      ['a', 'b', 1],
      ['c', 'd', 1],
    ]);
    const r = computePathCentralities(g, { distance: 'hops', betweenness: 'none', closeness: true, harmonic: true, distances: 'sampled', pivots: Int32Array.from([index(g.ids, 'a')]) });
    expect(Number.isNaN(r.closeness![index(g.ids, 'a')]!)).toBe(true);
    expect(r.closeness![index(g.ids, 'b')]).toBe(1); // (1/1)·(1/1)
    expect(r.harmonic![index(g.ids, 'b')]).toBe(3); // (3/1)·1
    expect(r.closeness![index(g.ids, 'c')]).toBe(0);
    expect(r.harmonic![index(g.ids, 'd')]).toBe(0);
  });

  it('are the exact values when k ≥ n or when betweenness is exact', () => {
    const g = loadTieList('krackhardt');
    const exactC = closenessCentrality(g, { distance: 'inverse' });
    const exactH = harmonicCentrality(g, { distance: 'inverse' });
    const all = computePathCentralities(g, { distance: 'inverse', betweenness: 'sampled', samples: g.n, closeness: true, harmonic: true, distances: 'sampled' });
    expect(all.closeness).toEqual(exactC);
    expect(all.harmonic).toEqual(exactH);
    expect(all.distanceSamples).toBeUndefined();
    const withExactB = computePathCentralities(g, { distance: 'inverse', betweenness: 'exact', closeness: true, harmonic: true, distances: 'sampled' });
    expect(withExactB.closeness).toEqual(exactC);
    expect(withExactB.distanceSamples).toBeUndefined();
  });

  it.each(['lazega', 'workplace2013', 'ukfaculty'])('stay within the stated 95%% bounds on %s (k = 32)', (name) => {
    const g = loadTieList(name);
    const exactH = harmonicCentrality(g, { distance: 'inverse' });
    const exactC = closenessCentrality(g, { distance: 'hops' });
    const r = computePathCentralities(g, { distance: 'inverse', betweenness: 'sampled', samples: 32, seed: 7, closeness: false, harmonic: true, distances: 'sampled' });
    expect(r.distanceSamples).toBe(32);
    let worstH = 0;
    for (let v = 0; v < g.n; v++) worstH = Math.max(worstH, Math.abs(r.harmonic![v]! - exactH[v]!));
    expect(r.harmonicErrorBound).toBeCloseTo(((g.n - 1) * betweennessErrorBound(g.n, 32)) / shortestLength(halfEdgeDistances(g, 'inverse'), g.m), 9);
    expect(worstH).toBeLessThanOrEqual(r.harmonicErrorBound!);
    expect(worstH).toBeGreaterThan(0); // an estimate, not the exact values
    // Hops: where a node reaches every other, 1/Ĉ is the sampled mean distance, within ε · Δ of the exact one.
    const h = computePathCentralities(g, { distance: 'hops', betweenness: 'none', samples: 32, seed: 7, closeness: true, distances: 'sampled' });
    const ws = new ShortestPathWorkspace(g, null);
    let diameter = 0;
    const reachesAll: number[] = [];
    for (let s = 0; s < g.n; s++) {
      ws.run(s);
      for (let i = 0; i < ws.reached; i++) diameter = Math.max(diameter, ws.dist[ws.order[i]!]!);
      if (ws.reached === g.n) reachesAll.push(s);
    }
    expect(reachesAll.length).toBeGreaterThan(g.n / 2);
    for (const v of reachesAll) {
      expect(Math.abs(1 / h.closeness![v]! - 1 / exactC[v]!)).toBeLessThanOrEqual(h.closenessErrorBound! * diameter);
    }
  });

  it('on worker threads equal the in-process pass', async () => {
    const g = loadTieList('workplace2013');
    const opts = { distance: 'inverse' as const, betweenness: 'sampled' as const, samples: 40, seed: 3, closeness: true, harmonic: true, distances: 'sampled' as const };
    const one = computePathCentralities(g, opts);
    const two = await computePathCentralitiesParallel(g, { ...opts, threads: 2, minParallelNodes: 0 });
    expect(two.distanceSamples).toBe(40);
    for (const key of ['betweenness', 'closeness', 'harmonic'] as const) {
      for (let v = 0; v < g.n; v++) expect(two[key]![v]).toBeCloseTo(one[key]![v]!, 12);
    }
  });
});
