// PageRank and eigenvector centrality: values ported from NetworkX's own test suite (cited per
// test), hand-solved small graphs, edge cases, bad input and non-convergence.
import { describe, expect, it } from 'vitest';
import { pagerank } from '../../engine/metrics/pagerank.js';
import { eigenvectorCentrality } from '../../engine/metrics/eigenvector.js';
import { DEFAULT_SCORE_OPTIONS } from '../../engine/run/options.js';
import { csrOf, loadTieList } from '../helpers/tie-list.js';

const complete = (k: number): Array<[string, string]> => {
  const ties: Array<[string, string]> = [];
  for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++) ties.push([String(a), String(b)]);
  return ties;
};

function expectValues(got: Float64Array, want: number[], tolerance: number): void {
  expect(got.length).toBe(want.length);
  want.forEach((w, i) => expect(Math.abs(got[i]! - w), `node ${i}: ${got[i]} vs ${w}`).toBeLessThanOrEqual(tolerance));
}

describe('pagerank', () => {
  it('K4 with personalization {0:1, 1:1, 2:4, 3:4} (networkx link_analysis/tests/test_pagerank.py, test_personalization)', () => {
    const pr = pagerank(csrOf(complete(4)), { personalization: Float64Array.from([1, 1, 4, 4]) });
    expectValues(pr.values, [0.23246732615667579, 0.23246732615667579, 0.267532673843324, 0.2675326738433241], 1e-4);
    // Hand-solved: on K4, x_j (1 + α/3) = α/3 + (1 − α) p_j, so x = 179/770 and 206/770 exactly.
    expectValues(pr.values, [179 / 770, 179 / 770, 206 / 770, 206 / 770], 1e-12);
  });

  it('K4 with one non-zero personalization value (test_pagerank.py, test_one_nonzero_personalization_value)', () => {
    const pr = pagerank(csrOf(complete(4)), { personalization: Float64Array.from([0, 0, 0, 1]) });
    expectValues(pr.values, [0.22077931820379187, 0.22077931820379187, 0.22077931820379187, 0.3376620453886241], 1e-4);
    expectValues(pr.values, [17 / 77, 17 / 77, 17 / 77, 26 / 77], 1e-12);
  });

  it('the multigraph of test_pagerank.py test_multigraph, parallel edges summed into strengths', () => {
    // MultiGraph edges (1,2)×3, (2,3)×2, ("3",3)×2 → ties 1–2 strength 3, 2–3 strength 2, 3–"3" strength 2.
    const pr = pagerank(csrOf([['1', '2', 3], ['2', '3', 2], ['3', '"3"', 2]]));
    expectValues(pr.values, [0.21066048614468322, 0.3395308825985378, 0.28933951385531687, 0.16046911740146227], 1e-4);
  });

  it('sends an isolate’s (dangling) mass along the personalization, as NetworkX does', () => {
    // a–b plus isolate c, uniform: z = (1−α)/3 / (1 − α/3) = 3/43, a = b = 20/43.
    const uniform = pagerank(csrOf([['a', 'b', 5]], ['c']));
    expectValues(uniform.values, [20 / 43, 20 / 43, 3 / 43], 1e-12);
    // personalization (1, 0, 0): c gets nothing; a = 0.85 b + 0.15, b = 0.85 a → a = 20/37, b = 17/37.
    const personal = pagerank(csrOf([['a', 'b', 5]], ['c']), { personalization: Float64Array.from([2, 0, 0]) });
    expectValues(personal.values, [20 / 37, 17 / 37, 0], 1e-12);
  });

  it('handles one node, two nodes, no ties and no nodes', () => {
    expectValues(pagerank(csrOf([], ['solo'])).values, [1], 1e-15);
    expectValues(pagerank(csrOf([['a', 'b', 0.3]])).values, [0.5, 0.5], 1e-15);
    expectValues(pagerank(csrOf([], ['a', 'b', 'c', 'd'])).values, [0.25, 0.25, 0.25, 0.25], 1e-15);
    expect(pagerank(csrOf([]))).toEqual({ values: new Float64Array(0), iterations: 0, converged: true, delta: 0 });
  });

  it('is independent of a uniform scaling of strengths', () => {
    const a = pagerank(csrOf([['a', 'b', 1], ['b', 'c', 2], ['c', 'a', 3], ['c', 'd', 1]]));
    const b = pagerank(csrOf([['a', 'b', 10], ['b', 'c', 20], ['c', 'a', 30], ['c', 'd', 10]]));
    expectValues(a.values, Array.from(b.values), 1e-14);
    expect(a.values[2]).toBeGreaterThan(a.values[0]!);
  });

  it('solves by conjugate gradients in far fewer steps than the power iteration needs (0.85^k ≤ 1e-13: k ≥ 185)', () => {
    const pr = pagerank(loadTieList('lazega'));
    expect(pr.converged).toBe(true);
    expect(pr.iterations).toBeLessThan(80);
    expect(pr.delta).toBeLessThan(DEFAULT_SCORE_OPTIONS.pagerank.tolerance);
  });

  it('alpha = 1 (no teleport) runs the power iteration: on a connected graph, strength over total strength', () => {
    const csr = loadTieList('zachary');
    const pr = pagerank(csr, { alpha: 1 });
    let total = 0;
    for (let e = 0; e < csr.strengths.length; e++) total += csr.strengths[e]!;
    for (let i = 0; i < csr.n; i++) {
      let s = 0;
      for (let e = csr.offsets[i]!; e < csr.offsets[i + 1]!; e++) s += csr.strengths[e]!;
      expect(pr.values[i]).toBeCloseTo(s / total, 9);
    }
  });

  it('returns the last iterate, unconverged, when maxIterations runs out, without throwing', () => {
    const csr = loadTieList('zachary');
    const pr = pagerank(csr, { maxIterations: 2 });
    expect(pr.converged).toBe(false);
    expect(pr.iterations).toBe(2);
    expect(pr.delta).toBeGreaterThan(DEFAULT_SCORE_OPTIONS.pagerank.tolerance);
    expect(pr.values.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
    expect(Math.abs(pr.values.reduce((s, v) => s + v, 0) - 1)).toBeLessThanOrEqual(1e-12);
    const none = pagerank(csr, { maxIterations: 0 });
    expect(none.converged).toBe(false);
    expect(none.iterations).toBe(0);
    expect(none.delta).toBe(Infinity);
    expect(none.values.every((v) => v === 1 / csr.n)).toBe(true);
  });

  it('converges under the default tolerance, well before the default iteration cap', () => {
    const pr = pagerank(loadTieList('workplace2013'));
    expect(pr.converged).toBe(true);
    expect(pr.delta).toBeLessThan(DEFAULT_SCORE_OPTIONS.pagerank.tolerance);
    expect(pr.iterations).toBeLessThan(DEFAULT_SCORE_OPTIONS.pagerank.maxIterations / 10);
  });

  it('rejects a personalization it cannot normalise and an alpha outside [0, 1]', () => {
    const csr = csrOf([['a', 'b'], ['b', 'c']]);
    expect(() => pagerank(csr, { personalization: Float64Array.from([1, 1]) })).toThrow(
      new Error('pagerank: personalization has 2 entries for 3 nodes'),
    );
    expect(() => pagerank(csr, { personalization: Float64Array.from([1, -1, 1]) })).toThrow(
      new Error('pagerank: personalization of node b is -1; it must be finite and non-negative'),
    );
    expect(() => pagerank(csr, { personalization: Float64Array.from([1, 1, NaN]) })).toThrow(
      new Error('pagerank: personalization of node c is NaN; it must be finite and non-negative'),
    );
    expect(() => pagerank(csr, { personalization: new Float64Array(3) })).toThrow(new Error('pagerank: personalization sums to 0'));
    expect(() => pagerank(csr, { alpha: 1.5 })).toThrow(new Error('pagerank: alpha must be in [0, 1], got 1.5'));
  });
});

describe('eigenvectorCentrality', () => {
  it('K5: every node √(1/5) (networkx centrality/tests/test_eigenvector_centrality.py, test_K5)', () => {
    expectValues(eigenvectorCentrality(csrOf(complete(5))).values, Array(5).fill(Math.sqrt(1 / 5)), 1e-12);
  });

  it('P3: 0.5, 0.7071, 0.5 (test_eigenvector_centrality.py, test_P3), exactly 1/2, 1/√2, 1/2', () => {
    const ev = eigenvectorCentrality(csrOf([['0', '1'], ['1', '2']]));
    expectValues(ev.values, [0.5, 0.7071, 0.5], 1e-4);
    expectValues(ev.values, [0.5, Math.SQRT1_2, 0.5], 1e-12);
  });

  it('weights by strength: a star with strengths 1, 2, 2 has centre 1/√2 and leaves w/(√2·3)', () => {
    // A x = λ x with λ = √(1 + 4 + 4) = 3: x_leaf = w x_c / 3, x_c² (1 + 9/9) = 1 → x_c = 1/√2.
    const ev = eigenvectorCentrality(csrOf([['c', 'a', 1], ['c', 'b', 2], ['c', 'd', 2]]));
    expectValues(ev.values, [Math.SQRT1_2, Math.SQRT1_2 / 3, (2 * Math.SQRT1_2) / 3, (2 * Math.SQRT1_2) / 3], 1e-9);
  });

  it('puts all mass on the dominant component of a disconnected graph, as NetworkX’s iteration does', () => {
    // Triangle (λ = 2) beside a single tie (λ = 1) and an isolate (λ = 0).
    const ev = eigenvectorCentrality(csrOf([['a', 'b'], ['b', 'c'], ['c', 'a'], ['d', 'e']], ['f']));
    const third = Math.sqrt(1 / 3);
    expectValues(ev.values, [third, third, third, 0, 0, 0], 1e-6);
    // Two equal components keep equal shares of the start vector.
    expectValues(eigenvectorCentrality(csrOf([['a', 'b'], ['c', 'd']])).values, [0.5, 0.5, 0.5, 0.5], 1e-12);
  });

  it('handles one node, two nodes, no ties (every node 1/√n, as NetworkX) and no nodes', () => {
    expectValues(eigenvectorCentrality(csrOf([], ['solo'])).values, [1], 1e-15);
    expectValues(eigenvectorCentrality(csrOf([['a', 'b', 7]])).values, [Math.SQRT1_2, Math.SQRT1_2], 1e-15);
    expectValues(eigenvectorCentrality(csrOf([], ['a', 'b', 'c'])).values, Array(3).fill(Math.sqrt(1 / 3)), 1e-15);
    expect(eigenvectorCentrality(csrOf([]))).toEqual({ values: new Float64Array(0), iterations: 0, converged: true, delta: 0 });
  });

  it('returns the last iterate, unconverged, when maxIterations runs out, without throwing', () => {
    const ev = eigenvectorCentrality(loadTieList('lazega'), { maxIterations: 2 });
    expect(ev.converged).toBe(false);
    expect(ev.iterations).toBe(2);
    expect(ev.delta).toBeGreaterThan(DEFAULT_SCORE_OPTIONS.eigenvector.tolerance);
    expect(ev.values.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
    expect(Math.abs(Math.hypot(...ev.values) - 1)).toBeLessThanOrEqual(1e-12);
  });
});
