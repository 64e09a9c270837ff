// Expected values ported from NetworkX 3.6.1's own test suite,
// networkx/algorithms/centrality/tests/{test_betweenness_centrality.py, test_closeness_centrality.py,
// test_harmonic_centrality.py}; each case names its test. NetworkX's tests use `weight` as the path
// length; here a tie of length w gets strength 1/w (1/(1/w) == w exactly for the integers used).
// Unnormalized NetworkX betweenness b (undirected) is normalized as 2b / ((n-1)(n-2)).
// Tolerances are those of the NetworkX tests (their expected values are rounded).
import { describe, expect, it } from 'vitest';
import type { Csr, DistanceMode } from '../../engine/graph/csr.js';
import { betweennessCentrality } from '../../engine/metrics/betweenness.js';
import { closenessCentrality } from '../../engine/metrics/closeness.js';
import { harmonicCentrality } from '../../engine/metrics/harmonic.js';
import { csrOf } from '../helpers/tie-list.js';

type Edge = [string | number, string | number, number?];

/** A tie graph from NetworkX-style edges whose third entry is a path length (default 1). */
function graph(edges: Edge[], isolates: string[] = []): Csr {
  return csrOf(
    edges.map(([a, b, w]): [string, string, number] => [String(a), String(b), 1 / (w ?? 1)]),
    isolates,
  );
}

function path(nodes: number[]): Edge[] {
  return nodes.slice(1).map((v, i) => [nodes[i]!, v]);
}

function complete(n: number): Edge[] {
  const out: Edge[] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) out.push([a, b]);
  return out;
}

/** Checks every node of `expected` (keyed by id) within `tol`. */
function expectValues(csr: Csr, values: Float64Array, expected: Record<string, number>, tol: number): void {
  expect(Object.keys(expected).length).toBe(csr.n);
  for (const [id, want] of Object.entries(expected)) {
    const i = csr.ids.indexOf(id);
    expect(i, id).toBeGreaterThanOrEqual(0);
    expect(Math.abs(values[i]! - want), id).toBeLessThanOrEqual(tol);
  }
}

const betweenness = (csr: Csr, distance: DistanceMode = 'hops'): Float64Array =>
  betweennessCentrality(csr, { distance }).values;

/** Unnormalized undirected NetworkX betweenness → normalized. */
function normalize(raw: Record<string, number>): Record<string, number> {
  const n = Object.keys(raw).length;
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, (2 * v) / ((n - 1) * (n - 2))]));
}

const KITE: Edge[] = [
  [0, 1], [0, 2], [0, 3], [0, 5], [1, 3], [1, 4], [1, 6], [2, 3], [2, 5], [3, 4], [3, 5], [3, 6],
  [4, 6], [5, 6], [5, 7], [6, 7], [7, 8], [8, 9],
];
const FLORENTINE: Edge[] = [
  ['Acciaiuoli', 'Medici'], ['Medici', 'Barbadori'], ['Medici', 'Ridolfi'], ['Medici', 'Tornabuoni'],
  ['Medici', 'Albizzi'], ['Medici', 'Salviati'], ['Castellani', 'Peruzzi'], ['Castellani', 'Strozzi'],
  ['Castellani', 'Barbadori'], ['Peruzzi', 'Strozzi'], ['Peruzzi', 'Bischeri'], ['Strozzi', 'Ridolfi'],
  ['Strozzi', 'Bischeri'], ['Ridolfi', 'Tornabuoni'], ['Tornabuoni', 'Guadagni'], ['Albizzi', 'Ginori'],
  ['Albizzi', 'Guadagni'], ['Salviati', 'Pazzi'], ['Bischeri', 'Guadagni'], ['Guadagni', 'Lamberteschi'],
];
// test_betweenness_centrality.py: weighted_G()
const WEIGHTED_G: Edge[] = [
  [0, 1, 3], [0, 2, 2], [0, 3, 6], [0, 4, 4], [1, 3, 5], [1, 5, 5], [2, 4, 1], [3, 4, 2], [3, 5, 1], [4, 5, 4],
];

describe('betweenness: NetworkX test_betweenness_centrality.py', () => {
  it('TestBetweennessCentrality.test_K5 and TestWeightedBetweennessCentrality.test_K5', () => {
    const csr = graph(complete(5));
    const zero = { 0: 0, 1: 0, 2: 0, 3: 0, 4: 0 };
    expectValues(csr, betweenness(csr), zero, 1e-7);
    expectValues(csr, betweenness(csr, 'inverse'), zero, 1e-7);
  });

  it('test_P3_normalized (unweighted and weighted)', () => {
    const csr = graph(path([0, 1, 2]));
    expectValues(csr, betweenness(csr), { 0: 0, 1: 1, 2: 0 }, 1e-7);
    expectValues(csr, betweenness(csr, 'inverse'), { 0: 0, 1: 1, 2: 0 }, 1e-7);
  });

  it('test_krackhardt_kite_graph_normalized (unweighted and weighted)', () => {
    const csr = graph(KITE);
    const want = { 0: 0.023, 1: 0.023, 2: 0.0, 3: 0.102, 4: 0.0, 5: 0.231, 6: 0.231, 7: 0.389, 8: 0.222, 9: 0.0 };
    expectValues(csr, betweenness(csr), want, 1e-3);
    expectValues(csr, betweenness(csr, 'inverse'), want, 1e-3);
  });

  it('test_florentine_families_graph', () => {
    const csr = graph(FLORENTINE);
    const want = {
      Acciaiuoli: 0.0, Albizzi: 0.212, Barbadori: 0.093, Bischeri: 0.104, Castellani: 0.055, Ginori: 0.0,
      Guadagni: 0.255, Lamberteschi: 0.0, Medici: 0.522, Pazzi: 0.0, Peruzzi: 0.022, Ridolfi: 0.114,
      Salviati: 0.143, Strozzi: 0.103, Tornabuoni: 0.092,
    };
    expectValues(csr, betweenness(csr), want, 1e-3);
  });

  it('test_ladder_graph (unnormalized answers /2, normalized here)', () => {
    const csr = graph([[0, 1], [0, 2], [1, 3], [2, 3], [2, 4], [4, 5], [3, 5]]);
    const raw = { 0: 1.667 / 2, 1: 1.667 / 2, 2: 6.667 / 2, 3: 6.667 / 2, 4: 1.667 / 2, 5: 1.667 / 2 };
    expectValues(csr, betweenness(csr), normalize(raw), 1e-3);
  });

  it('test_disconnected_path', () => {
    const csr = graph([...path([0, 1, 2]), ...path([3, 4, 5, 6])]);
    expectValues(csr, betweenness(csr), normalize({ 0: 0, 1: 1, 2: 0, 3: 0, 4: 2, 5: 2, 6: 0 }), 1e-7);
  });

  it('TestWeightedBetweennessCentrality.test_G', () => {
    const csr = graph(WEIGHTED_G);
    expectValues(csr, betweenness(csr, 'inverse'), normalize({ 0: 2, 1: 0, 2: 4, 3: 3, 4: 4, 5: 0 }), 1e-7);
  });

  it('test_scale_with_k_on_star_graph (normalized, no endpoints, undirected, k=1: seed=1 picks node 1)', () => {
    const csr = graph([[0, 1], [0, 2], [0, 3], [0, 4]]);
    const r = betweennessCentrality(csr, { distance: 'hops', mode: 'sampled', pivots: Int32Array.of(csr.ids.indexOf('1')) });
    expect(Number.isNaN(r.values[csr.ids.indexOf('1')])).toBe(true);
    expect([0, 2, 3, 4].map((v) => r.values[csr.ids.indexOf(String(v))])).toEqual([1, 0, 0, 0]);
    expect(r.samples).toBe(1);
  });

  it('test_scale_with_k_on_cycle_graph (normalized, no endpoints, undirected, k=3: seed=1 picks 0, 1, 4)', () => {
    const csr = graph(path([0, 1, 2, 3, 4, 0]));
    const pivots = Int32Array.from(['0', '1', '4'].map((id) => csr.ids.indexOf(id)));
    const r = betweennessCentrality(csr, { distance: 'hops', mode: 'sampled', pivots });
    expectValues(csr, r.values, { 0: 2 / 6, 1: 1 / 6, 2: 1 / 9, 3: 1 / 9, 4: 1 / 6 }, 1e-12);
  });

  it('test_k_out_of_bounds_raises: k == len(G) is the exact result', () => {
    const csr = graph(path([0, 1, 2, 3, 0]));
    const exact = betweennessCentrality(csr, { distance: 'hops' });
    const k4 = betweennessCentrality(csr, { distance: 'hops', mode: 'sampled', samples: 4 });
    expect(k4).toEqual(exact);
  });
});

describe('closeness: NetworkX test_closeness_centrality.py', () => {
  it('test_wf_improved', () => {
    const csr = graph([...path([0, 1, 2, 3]), ...path([4, 5, 6])]);
    const want = { 0: 0.25, 1: 0.375, 2: 0.375, 3: 0.25, 4: 0.222, 5: 0.333, 6: 0.222 };
    expectValues(csr, closenessCentrality(csr, { distance: 'hops' }), want, 1e-3);
  });

  it('test_k5_closeness and test_p3_closeness', () => {
    const k5 = graph(complete(5));
    expectValues(k5, closenessCentrality(k5, { distance: 'hops' }), { 0: 1, 1: 1, 2: 1, 3: 1, 4: 1 }, 1e-3);
    const p3 = graph(path([0, 1, 2]));
    expectValues(p3, closenessCentrality(p3, { distance: 'hops' }), { 0: 0.667, 1: 1, 2: 0.667 }, 1e-3);
  });

  it('test_krackhardt_closeness', () => {
    const csr = graph(KITE);
    const want = { 0: 0.529, 1: 0.529, 2: 0.5, 3: 0.6, 4: 0.5, 5: 0.643, 6: 0.643, 7: 0.6, 8: 0.429, 9: 0.31 };
    expectValues(csr, closenessCentrality(csr, { distance: 'hops' }), want, 1e-3);
  });

  it('test_florentine_families_closeness', () => {
    const csr = graph(FLORENTINE);
    const want = {
      Acciaiuoli: 0.368, Albizzi: 0.483, Barbadori: 0.4375, Bischeri: 0.4, Castellani: 0.389, Ginori: 0.333,
      Guadagni: 0.467, Lamberteschi: 0.326, Medici: 0.56, Pazzi: 0.286, Peruzzi: 0.368, Ridolfi: 0.5,
      Salviati: 0.389, Strozzi: 0.4375, Tornabuoni: 0.483,
    };
    expectValues(csr, closenessCentrality(csr, { distance: 'hops' }), want, 1e-3);
  });

  it('test_weighted_closeness (nx.Graph keeps the last weight of a repeated pair: u-x 3, v-y 6)', () => {
    const csr = graph([
      ['s', 'u', 10], ['s', 'x', 5], ['u', 'v', 1], ['u', 'x', 3], ['v', 'y', 6], ['x', 'v', 5], ['x', 'y', 2], ['y', 's', 7],
    ]);
    const want = { y: 0.2, x: 0.286, s: 0.138, u: 0.235, v: 0.2 };
    expectValues(csr, closenessCentrality(csr, { distance: 'inverse' }), want, 1e-3);
  });
});

describe('harmonic: NetworkX test_harmonic_centrality.py', () => {
  const harmonic = (csr: Csr): Float64Array => harmonicCentrality(csr, { distance: 'hops' });

  it('test_p3_harmonic, test_p4_harmonic', () => {
    const p3 = graph(path([0, 1, 2]));
    expectValues(p3, harmonic(p3), { 0: 1.5, 1: 2, 2: 1.5 }, 1e-3);
    const p4 = graph(path([0, 1, 2, 3]));
    expectValues(p4, harmonic(p4), { 0: 1.8333333, 1: 2.5, 2: 2.5, 3: 1.8333333 }, 1e-3);
  });

  it('test_clique_complete, test_cycle_C4, test_cycle_C5', () => {
    const k5 = graph(complete(5));
    expectValues(k5, harmonic(k5), { 0: 4, 1: 4, 2: 4, 3: 4, 4: 4 }, 1e-3);
    const c4 = graph(path([0, 1, 2, 3, 0]));
    expectValues(c4, harmonic(c4), { 0: 2.5, 1: 2.5, 2: 2.5, 3: 2.5 }, 1e-3);
    const c5 = graph(path([0, 1, 2, 3, 4, 0]));
    expectValues(c5, harmonic(c5), { 0: 3, 1: 3, 2: 3, 3: 3, 4: 3 }, 1e-3);
  });

  it('test_bal_tree', () => {
    const t = graph([[0, 1], [0, 2], [1, 3], [1, 4], [2, 5], [2, 6]]);
    const want = { 0: 4.0, 1: 4.1666, 2: 4.1666, 3: 2.8333, 4: 2.8333, 5: 2.8333, 6: 2.8333 };
    expectValues(t, harmonic(t), want, 1e-3);
  });

  it('test_empty and test_singleton', () => {
    expect(harmonicCentrality(graph([]), { distance: 'inverse' })).toEqual(new Float64Array(0));
    expect(harmonicCentrality(graph([], ['0']), { distance: 'inverse' })).toEqual(Float64Array.of(0));
  });
});
