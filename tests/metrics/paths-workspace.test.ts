// The single-source pass itself: path counts, predecessors and settle order on hand-checked graphs,
// workspace reuse, slices of sources that add up to the whole pass (the worker-thread contract),
// empty graphs, and the exact errors for unusable path lengths.
import { describe, expect, it } from 'vitest';
import { halfEdgeDistances } from '../../engine/graph/csr.js';
import {
  accumulateSources,
  addPathSums,
  computePathCentralities,
  createPathSums,
  pathLengths,
} from '../../engine/metrics/path-centralities.js';
import { allSources, ShortestPathWorkspace } from '../../engine/metrics/single-source-paths.js';
import { csrOf, loadTieList } from '../helpers/tie-list.js';

// C4 0-1-2-3-0 plus a pendant 4 on 2; ids are numbered 0..4 in that order.
const square = csrOf([['0', '1'], ['1', '2'], ['2', '3'], ['3', '0'], ['2', '4']]);

function predsOf(ws: ShortestPathWorkspace, v: number): number[] {
  const start = ws.csr.offsets[v]!;
  return Array.from(ws.preds.subarray(start, start + ws.predCount[v]!));
}

describe('single-source shortest paths', () => {
  it('BFS (hops) counts paths, records predecessors and the visit order', () => {
    const ws = new ShortestPathWorkspace(square, null);
    ws.run(0);
    expect(ws.reached).toBe(5);
    expect(Array.from(ws.order)).toEqual([0, 1, 3, 2, 4]);
    expect(Array.from(ws.dist)).toEqual([0, 1, 2, 1, 3]);
    expect(Array.from(ws.sigma)).toEqual([1, 1, 2, 1, 2]);
    expect(predsOf(ws, 2)).toEqual([1, 3]);
    expect(predsOf(ws, 4)).toEqual([2]);
    expect(predsOf(ws, 0)).toEqual([]);
  });

  it('Dijkstra counts the same paths, with the source counted twice as NetworkX does (σ(s) = 2)', () => {
    const ws = new ShortestPathWorkspace(square, halfEdgeDistances(square, 'inverse'));
    ws.run(0);
    expect(Array.from(ws.order)).toEqual([0, 1, 3, 2, 4]);
    expect(Array.from(ws.sigma)).toEqual([2, 2, 4, 2, 4]);
    expect(predsOf(ws, 2)).toEqual([1, 3]);
    const into = new Float64Array(5);
    ws.accumulateDependencies(into);
    // δ(1) = δ(3) = ½ · (1 + δ(2)) with δ(2) = 1 (the pendant): 1 each; δ(2) = 1.
    expect(Array.from(into)).toEqual([0, 1, 1, 1, 0]);
    expect(ws.distanceSum()).toBe(1 + 1 + 2 + 3);
    expect(ws.inverseDistanceSum()).toBe(1 + 1 + 0.5 + 1 / 3);
  });

  it('settles nodes at equal distance in push order, and nearer nodes first', () => {
    const star = csrOf([['c', 'x', 2], ['c', 'y', 1], ['c', 'z', 2], ['c', 'w', 4]]);
    const ws = new ShortestPathWorkspace(star, halfEdgeDistances(star, 'inverse'));
    ws.run(0);
    expect(Array.from(ws.order).map((i) => star.ids[i])).toEqual(['c', 'w', 'x', 'z', 'y']);
  });

  it('gives the same result from a reused workspace as from a fresh one', () => {
    const csr = loadTieList('zachary');
    const lengths = pathLengths(csr, 'inverse');
    const reused = new ShortestPathWorkspace(csr, lengths);
    for (const s of [5, 0, 33, 5]) {
      const fresh = new ShortestPathWorkspace(csr, lengths);
      reused.run(s);
      fresh.run(s);
      expect(reused.order.subarray(0, reused.reached)).toEqual(fresh.order.subarray(0, fresh.reached));
      expect(reused.distanceSum()).toBe(fresh.distanceSum());
      const a = new Float64Array(csr.n);
      const b = new Float64Array(csr.n);
      reused.accumulateDependencies(a);
      fresh.accumulateDependencies(b);
      expect(a).toEqual(b);
    }
  });

  it('slices of sources run into separate sums add up to the whole pass', () => {
    const csr = loadTieList('lazega');
    const lengths = pathLengths(csr, 'inverse');
    const sources = allSources(csr.n);
    const wanted = { betweenness: true, closeness: true, harmonic: true };
    const whole = createPathSums(csr.n, wanted);
    accumulateSources(csr, lengths, sources, 0, csr.n, whole);
    const merged = createPathSums(csr.n, wanted);
    for (const [from, to] of [[0, 20], [20, 50], [50, csr.n]] as const) {
      const part = createPathSums(csr.n, wanted);
      accumulateSources(csr, lengths, sources, from, to, part);
      addPathSums(merged, part);
    }
    expect(merged.reached).toEqual(whole.reached);
    expect(merged.distanceSum).toEqual(whole.distanceSum);
    expect(merged.inverseDistanceSum).toEqual(whole.inverseDistanceSum);
    const worst = Math.max(...whole.dependency!.map((x, i) => Math.abs(x - merged.dependency![i]!)));
    expect(worst).toBeLessThan(1e-9);
  });

  it('handles a graph with no nodes', () => {
    const empty = csrOf([]);
    const r = computePathCentralities(empty, { distance: 'inverse', betweenness: 'exact', closeness: true, harmonic: true });
    expect(r).toEqual({
      betweenness: new Float64Array(0),
      closeness: new Float64Array(0),
      harmonic: new Float64Array(0),
      betweennessSamples: 0,
      betweennessErrorBound: 0,
    });
  });

  it('rejects path lengths that are not finite and positive, and a workspace of another graph', () => {
    const zero = csrOf([['a', 'b', 1], ['b', 'c', 0]]);
    expect(() => computePathCentralities(zero, { distance: 'inverse', betweenness: 'exact' })).toThrow(
      new RangeError('tie b–c has path length Infinity (strength 0); path lengths must be finite and positive'),
    );
    const negative = csrOf([['a', 'b', -2]]);
    expect(() => new ShortestPathWorkspace(negative, halfEdgeDistances(negative, 'inverse'))).toThrow(
      new RangeError('tie a–b has path length -0.5 (strength -2); path lengths must be finite and positive'),
    );
    expect(computePathCentralities(zero, { distance: 'hops', betweenness: 'exact' }).betweenness).toEqual(
      Float64Array.of(0, 1, 0),
    );
    expect(() => new ShortestPathWorkspace(square, new Float64Array(3))).toThrow(
      new RangeError('expected 10 half-edge lengths, got 3'),
    );
    const ws = new ShortestPathWorkspace(square, null);
    const sums = createPathSums(square.n, { betweenness: true, closeness: false, harmonic: false });
    expect(() => accumulateSources(square, halfEdgeDistances(square, 'hops'), allSources(5), 0, 5, sums, { workspace: ws })).toThrow(
      new Error('workspace belongs to another graph or other lengths'),
    );
  });
});
