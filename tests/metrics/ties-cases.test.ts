// Tie metrics on small graphs: cases ported from NetworkX's
// networkx/algorithms/tests/test_bridges.py (TestBridges, TestHasBridges, TestLocalBridges; the
// MultiGraph and weighted-span cases do not apply: the tie graph has one tie per pair and spans
// are in hops), the nx.local_bridges docstring example, hand-computed overlaps, and edge cases.
import { describe, expect, it } from 'vitest';
import { csrOf } from '../helpers/tie-list.js';
import { csrFromTies, type Csr } from '../../engine/graph/csr.js';
import { commonNeighbourCounts, neighbourhoodOverlap } from '../../engine/metrics/neighbourhood-overlap.js';
import { localBridges } from '../../engine/metrics/local-bridges.js';
import { bridges } from '../../engine/metrics/bridges.js';

type Tie = [string, string];
const graph = (ties: Array<[number, number]>, isolates: number[] = []): Csr =>
  csrOf(ties.map(([a, b]): Tie => [String(a), String(b)]), isolates.map(String));

/** Ties flagged in a per-tie 0/1 column, as sorted "a-b" names. */
function flagged(csr: Csr, column: Uint8Array): string[] {
  const out: string[] = [];
  for (let e = 0; e < csr.m; e++) if (column[e] === 1) out.push(`${csr.ids[csr.edgeSource[e]!]}-${csr.ids[csr.edgeTarget[e]!]}`);
  return out.sort();
}

/** nx.barbell_graph(k, 0): two complete graphs on 0..k-1 and k..2k-1 joined by the tie (k-1, k). */
function barbell(k: number): Array<[number, number]> {
  const ties: Array<[number, number]> = [];
  for (const base of [0, k]) for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++) ties.push([base + a, base + b]);
  ties.push([k - 1, k]);
  return ties;
}

const cycle = (n: number): Array<[number, number]> => Array.from({ length: n }, (_, i): [number, number] => [i, (i + 1) % n]);
const path = (nodes: number[]): Array<[number, number]> => nodes.slice(1).map((b, i): [number, number] => [nodes[i]!, b]);

describe('bridges (ported from test_bridges.py)', () => {
  it('TestBridges.test_single_bridge: only (5, 6)', () => {
    const csr = graph([
      [1, 2], [2, 3], [3, 4], [3, 5], [5, 6], [6, 7], [7, 8], [5, 9], [9, 10],
      [1, 3], [1, 4], [2, 5], [5, 10], [6, 8],
    ]);
    expect(flagged(csr, bridges(csr))).toEqual(['5-6']);
  });

  it('TestBridges.test_barbell_graph: barbell_graph(3, 0) has the one bridge (2, 3)', () => {
    const csr = graph(barbell(3));
    expect(flagged(csr, bridges(csr))).toEqual(['2-3']);
  });

  it('TestHasBridges.test_bridges_multiple_components: every tie of two paths', () => {
    const csr = graph([...path([0, 1, 2]), ...path([4, 5, 6])]);
    expect(flagged(csr, bridges(csr))).toEqual(['0-1', '1-2', '4-5', '5-6']);
  });

  it('a cycle has none, a cycle with a pendant tie has that one', () => {
    expect(flagged(graph(cycle(5)), bridges(graph(cycle(5))))).toEqual([]);
    const csr = graph([...cycle(5), [2, 7]]);
    expect(flagged(csr, bridges(csr))).toEqual(['2-7']);
  });

  it('a path of 200 000 actors (deeper than any call stack) is all bridges', () => {
    const n = 200_000;
    const ids = Array.from({ length: n }, (_, i) => String(i));
    const from = Int32Array.from({ length: n }, (_, i) => i);
    const to = Int32Array.from({ length: n }, (_, i) => (i + 1) % n);
    const open = csrFromTies(ids, from.subarray(0, n - 1), to.subarray(0, n - 1), new Float64Array(n - 1).fill(1));
    const b = bridges(open);
    expect(b.length).toBe(n - 1);
    expect(b.every((x) => x === 1)).toBe(true);
    const closed = csrFromTies(ids, from, to, new Float64Array(n).fill(1));
    expect(bridges(closed).every((x) => x === 0)).toBe(true);
  });
});

describe('local bridges (ported from test_bridges.py TestLocalBridges.test_no_weight)', () => {
  it('barbell_graph(4, 0): only (3, 4), span infinite', () => {
    const csr = graph(barbell(4));
    const { isLocalBridge, span } = localBridges(csr);
    expect(flagged(csr, isLocalBridge)).toEqual(['3-4']);
    const e = csr.m - 1;
    expect(span[e]).toBe(Infinity);
    expect(Array.from(span.subarray(0, e)).every(Number.isNaN)).toBe(true);
  });

  it('cycle_graph(4): every tie, span 3', () => {
    const { isLocalBridge, span } = localBridges(graph(cycle(4)));
    expect(Array.from(isLocalBridge)).toEqual([1, 1, 1, 1]);
    expect(Array.from(span)).toEqual([3, 3, 3, 3]);
  });

  it('cycle_graph(3): none', () => {
    const { isLocalBridge, span } = localBridges(graph(cycle(3)));
    expect(Array.from(isLocalBridge)).toEqual([0, 0, 0]);
    expect(Array.from(span)).toEqual([NaN, NaN, NaN]);
  });

  it('cycle_graph(9) has (0, 8, 8) (the nx.local_bridges docstring)', () => {
    const { span } = localBridges(graph(cycle(9)));
    expect(span[8]).toBe(8);
  });

  it('a square with a diagonal: the four sides close triangles, so none; without it, span 3', () => {
    expect(Array.from(localBridges(graph([...cycle(4), [0, 2]])).isLocalBridge)).toEqual([0, 0, 0, 0, 0]);
    // 0-1-2-3-0 plus the tail 3-4-5-0: tie (0, 1) is bypassed by 1-2-3-0 (3 hops), tie (3, 4) by
    // 4-5-0-3 (3 hops), tie (0, 3) by 0-5-4-3 and 0-1-2-3 (3 hops).
    const csr = graph([...cycle(4), [3, 4], [4, 5], [5, 0]]);
    const { isLocalBridge, span } = localBridges(csr);
    expect(Array.from(isLocalBridge)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(Array.from(span)).toEqual([3, 3, 3, 3, 3, 3, 3]);
  });

  it('a long cycle: every tie spans n − 1', () => {
    const n = 2000;
    const { span } = localBridges(graph(cycle(n)));
    expect(span.every((s) => s === n - 1)).toBe(true);
  });
});

describe('neighbourhood overlap (hand-computed)', () => {
  it('triangle a-b-c with a pendant d on a', () => {
    const csr = csrOf([['a', 'b'], ['a', 'c'], ['b', 'c'], ['a', 'd']]);
    // a-b: k_a = 3, k_b = 2, n = 1 (c): 1 / (2 + 1 − 1) = 1/2; a-c likewise.
    // b-c: k = 2, 2, n = 1 (a): 1 / (1 + 1 − 1) = 1.  a-d: n = 0, 0 / (2 + 0 − 0) = 0.
    expect(Array.from(commonNeighbourCounts(csr))).toEqual([1, 1, 1, 0]);
    expect(Array.from(neighbourhoodOverlap(csr))).toEqual([0.5, 0.5, 1, 0]);
  });

  it('K4 minus one tie: the ties of the two degree-3 actors overlap fully', () => {
    // Actors 0 and 1 tie everyone; 2 and 3 are not tied. Tie 0-1: n = 2, 2 / (2 + 2 − 2) = 1.
    // Tie 0-2: n = 1 (actor 1), 1 / (2 + 1 − 1) = 1/2; 0-3, 1-2, 1-3 likewise.
    const csr = graph([[0, 1], [0, 2], [0, 3], [1, 2], [1, 3]]);
    expect(Array.from(neighbourhoodOverlap(csr))).toEqual([1, 0.5, 0.5, 0.5, 0.5]);
  });

  it('a star: no tie closes a triangle, overlap 0 with a positive denominator', () => {
    expect(Array.from(neighbourhoodOverlap(graph([[0, 1], [0, 2], [0, 3]])))).toEqual([0, 0, 0]);
  });
});

describe('edge cases', () => {
  it('no actors', () => {
    const csr = graph([]);
    expect(neighbourhoodOverlap(csr).length).toBe(0);
    expect(bridges(csr).length).toBe(0);
    expect(localBridges(csr).span.length).toBe(0);
  });

  it('one actor, no ties', () => {
    const csr = graph([], [0]);
    expect(csr.n).toBe(1);
    expect(neighbourhoodOverlap(csr).length).toBe(0);
    expect(bridges(csr).length).toBe(0);
    expect(localBridges(csr).isLocalBridge.length).toBe(0);
  });

  it('two actors, one tie: overlap 0 (denominator 0), a bridge, a local bridge of infinite span', () => {
    const csr = graph([[0, 1]]);
    expect(Array.from(neighbourhoodOverlap(csr))).toEqual([0]);
    expect(Array.from(bridges(csr))).toEqual([1]);
    const { isLocalBridge, span } = localBridges(csr);
    expect(Array.from(isLocalBridge)).toEqual([1]);
    expect(Array.from(span)).toEqual([Infinity]);
  });

  it('isolates and separate components do not disturb the others', () => {
    // Triangle 0-1-2, square 3-4-5-6, pair 7-8, isolates 9 and 10.
    const csr = graph([...cycle(3), [3, 4], [4, 5], [5, 6], [6, 3], [7, 8]], [9, 10]);
    expect(csr.n).toBe(11);
    expect(Array.from(neighbourhoodOverlap(csr))).toEqual([1, 1, 1, 0, 0, 0, 0, 0]);
    expect(Array.from(bridges(csr))).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    const { isLocalBridge, span } = localBridges(csr);
    expect(Array.from(isLocalBridge)).toEqual([0, 0, 0, 1, 1, 1, 1, 1]);
    expect(Array.from(span)).toEqual([NaN, NaN, NaN, 3, 3, 3, 3, Infinity]);
  });
});
