// Burt's constraint, effective size, efficiency and hierarchy: values ported from NetworkX's own
// test suite (networkx/algorithms/tests/test_structuralholes.py, undirected cases, cited per test)
// and hand-computed small graphs. Node-by-node NetworkX comparisons: spectral-networkx.test.ts.
import { describe, expect, it } from 'vitest';
import { constraint, effectiveSize, localConstraints, structuralHoles } from '../../engine/metrics/structural-holes.js';
import { csrOf, loadTieList } from '../helpers/tie-list.js';

// Borgatti's example graph (http://www.analytictech.com/connections/v20(1)/holes.htm), with the
// weights of test_structuralholes.py's G_weights.
const BORGATTI: Array<[string, string, number]> = [
  ['A', 'B', 2],
  ['A', 'F', 3],
  ['A', 'G', 5],
  ['A', 'E', 2],
  ['E', 'G', 8],
  ['F', 'G', 3],
  ['B', 'G', 4],
  ['B', 'D', 1],
  ['D', 'G', 3],
  ['G', 'C', 10],
];
const unweighted = csrOf(BORGATTI.map(([a, b]) => [a, b]));
const weighted = csrOf(BORGATTI);
const at = (values: Float64Array, id: string): number => values[unweighted.ids.indexOf(id)]!;

describe('structural holes, ported from networkx test_structuralholes.py', () => {
  it('test_constraint_undirected: G 0.400, A 0.595, C 1', () => {
    const c = constraint(unweighted);
    expect(at(c, 'G')).toBeCloseTo(0.4, 3);
    expect(at(c, 'A')).toBeCloseTo(0.595, 3);
    expect(at(c, 'C')).toBe(1);
  });

  it('test_effective_size_undirected(_borgatti): G 4.67, A 2.50, C 1 — exactly 6 − 8/6 and 4 − 6/4', () => {
    const e = effectiveSize(unweighted);
    expect(at(e, 'G')).toBeCloseTo(4.67, 2);
    expect(at(e, 'A')).toBeCloseTo(2.5, 2);
    expect(at(e, 'C')).toBe(1);
    expect(Math.abs(at(e, 'G') - (6 - 8 / 6))).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(at(e, 'A') - (4 - 6 / 4))).toBeLessThanOrEqual(1e-12);
  });

  it('test_constraint_weighted_undirected: G 0.299, A 0.795, C 1', () => {
    const c = constraint(weighted);
    expect(at(c, 'G')).toBeCloseTo(0.299, 3);
    expect(at(c, 'A')).toBeCloseTo(0.795, 3);
    expect(at(c, 'C')).toBe(1);
  });

  it('test_effective_size_weighted_undirected: G 5.47, A 2.47, C 1', () => {
    const e = effectiveSize(weighted);
    expect(at(e, 'G')).toBeCloseTo(5.47, 2);
    expect(at(e, 'A')).toBeCloseTo(2.47, 2);
    expect(at(e, 'C')).toBe(1);
  });

  it('test_constraint_isolated / test_effective_size_isolated: NaN for an isolate, all four measures', () => {
    const holes = structuralHoles(csrOf(BORGATTI, ['1']));
    const i = holes.constraint.length - 1;
    expect(holes.constraint[i]).toBeNaN();
    expect(holes.effectiveSize[i]).toBeNaN();
    expect(holes.efficiency[i]).toBeNaN();
    expect(holes.hierarchy[i]).toBeNaN();
    expect(holes.constraint.subarray(0, i).every((v) => Number.isFinite(v))).toBe(true);
  });
});

describe('structural holes, hand-computed', () => {
  it('weighted triangle a–b 1, b–c 1, a–c 2: node a', () => {
    // p_ab = 1/3, p_ac = 2/3, p_cb = 1/3, p_bc = 1/2.
    // c_ab = (1/3 + 2/3·1/3)² = 25/81, c_ac = (2/3 + 1/3·1/2)² = 25/36, C_a = 325/324.
    // E_a = (1 − p_ac m_bc) + (1 − p_ab m_cb) = (1 − 2/3·1) + (1 − 1/3·1/2) = 7/6.
    // r_b = 8/13, r_c = 18/13; H_a = (r_b ln r_b + r_c ln r_c) / (2 ln 2).
    const holes = structuralHoles(csrOf([['a', 'b', 1], ['b', 'c', 1], ['a', 'c', 2]]));
    expect(Math.abs(holes.constraint[0]! - 325 / 324)).toBeLessThanOrEqual(1e-15);
    expect(Math.abs(holes.effectiveSize[0]! - 7 / 6)).toBeLessThanOrEqual(1e-15);
    expect(Math.abs(holes.efficiency[0]! - 7 / 12)).toBeLessThanOrEqual(1e-15);
    const h = ((8 / 13) * Math.log(8 / 13) + (18 / 13) * Math.log(18 / 13)) / (2 * Math.log(2));
    expect(Math.abs(holes.hierarchy[0]! - h)).toBeLessThanOrEqual(1e-15);
    const local = localConstraints(csrOf([['a', 'b', 1], ['b', 'c', 1], ['a', 'c', 2]]), 0);
    expect(Array.from(local.contacts)).toEqual([1, 2]);
    expect(Math.abs(local.values[0]! - 25 / 81)).toBeLessThanOrEqual(1e-15);
    expect(Math.abs(local.values[1]! - 25 / 36)).toBeLessThanOrEqual(1e-15);
  });

  it('path a –1– b –3– c: the centre is unconstrained by redundancy, the ends fully constrained', () => {
    // b: c_ba = 1/16, c_bc = 9/16, C = 5/8, E = 2, r = 1/5, 9/5; a, c: one contact, C = 1, H = 0.
    const holes = structuralHoles(csrOf([['a', 'b', 1], ['b', 'c', 3]]));
    expect(Array.from(holes.constraint)).toEqual([1, 5 / 8, 1]);
    expect(Array.from(holes.effectiveSize)).toEqual([1, 2, 1]);
    expect(Array.from(holes.efficiency)).toEqual([1, 1, 1]);
    const h = (0.2 * Math.log(0.2) + 1.8 * Math.log(1.8)) / (2 * Math.log(2));
    expect(holes.hierarchy[0]).toBe(0);
    expect(Math.abs(holes.hierarchy[1]! - h)).toBeLessThanOrEqual(1e-15);
    expect(holes.hierarchy[2]).toBe(0);
  });

  it('an unweighted star has hierarchy 0 (equal constraint from every contact), constraint 1/k', () => {
    const holes = structuralHoles(csrOf([['hub', 'x'], ['hub', 'y'], ['hub', 'z'], ['hub', 'w']]));
    expect(holes.hierarchy[0]).toBeCloseTo(0, 15);
    expect(holes.constraint[0]).toBeCloseTo(1 / 4, 15);
    expect(holes.effectiveSize[0]).toBe(4);
  });

  it('treats a tie of zero strength as no contact, as NetworkX’s sparse constraint does', () => {
    // nx.constraint on a–b 1, a–c 2, b–c 0, c–d 0: a 5/9, b 1, c 1, d NaN (networkx 3.6.1).
    const holes = structuralHoles(csrOf([['a', 'b', 1], ['b', 'c', 0], ['a', 'c', 2], ['c', 'd', 0]]));
    expect(holes.constraint[0]).toBeCloseTo(5 / 9, 15);
    expect(Array.from(holes.constraint.subarray(1, 3))).toEqual([1, 1]);
    expect(holes.constraint[3]).toBeNaN();
    expect(Array.from(holes.effectiveSize.subarray(0, 3))).toEqual([2, 1, 1]);
    expect(holes.effectiveSize[3]).toBeNaN();
  });

  it('gives empty results on an empty graph and one node NaN', () => {
    expect(structuralHoles(csrOf([])).constraint.length).toBe(0);
    expect(structuralHoles(csrOf([], ['solo'])).hierarchy[0]).toBeNaN();
  });
});

describe('localConstraints', () => {
  it('sums to the constraint of every node of a real network', () => {
    const csr = loadTieList('lazega');
    const c = constraint(csr);
    for (let i = 0; i < csr.n; i++) {
      const local = localConstraints(csr, i);
      expect(local.contacts.length).toBe(csr.offsets[i + 1]! - csr.offsets[i]!);
      expect(Math.abs(local.values.reduce((s, v) => s + v, 0) - c[i]!)).toBeLessThanOrEqual(1e-12);
    }
  });

  it('is empty for an isolate and rejects an index outside the graph', () => {
    const csr = csrOf([['a', 'b']], ['c']);
    expect(localConstraints(csr, 2)).toEqual({ contacts: new Int32Array(0), values: new Float64Array(0) });
    expect(() => localConstraints(csr, 3)).toThrow(new Error('localConstraints: node index 3 is out of range 0..2'));
    expect(() => localConstraints(csr, -1)).toThrow(new Error('localConstraints: node index -1 is out of range 0..2'));
  });
});
