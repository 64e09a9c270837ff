// Gould & Fernandez brokerage roles: hand-computed small graphs covering every role and the
// "no group" rule, and Krackhardt's high-tech managers (advice arcs, group = department) against
// the brute-force triple loop of tests/fixtures/networkx/make_tie_fixtures.py.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { directedCsrFromArcs, type DirectedCsr } from '../../engine/graph/directed-csr.js';
import { brokerageRoles, type BrokerageRoles } from '../../engine/metrics/brokerage-roles.js';

const ROLES = ['coordinator', 'itinerant', 'gatekeeper', 'representative', 'liaison'] as const;

function digraph(ids: string[], arcs: Array<[string, string]>): DirectedCsr {
  const at = (x: string): number => ids.indexOf(x);
  return directedCsrFromArcs(
    ids,
    Int32Array.from(arcs.map(([s]) => at(s))),
    Int32Array.from(arcs.map(([, t]) => at(t))),
    new Float64Array(arcs.length).fill(1),
  );
}

/** Per actor: [coordinator, itinerant, gatekeeper, representative, liaison]. */
const table = (r: BrokerageRoles): number[][] => Array.from(r.coordinator, (_, k) => ROLES.map((role) => r[role][k]!));

describe('brokerage roles on hand-computed graphs', () => {
  // Groups: i1, K, j1 in A; i2, j2 in B; j3 in C.
  const ids = ['i1', 'i2', 'K', 'j1', 'j2', 'j3'];
  const g = digraph(ids, [
    ['i1', 'K'], ['i2', 'K'],
    ['K', 'i1'], ['K', 'j1'], ['K', 'j2'], ['K', 'j3'],
    ['i1', 'j3'],
  ]);
  const A = 0, B = 1, C = 2;

  it('counts every role of the one broker', () => {
    const r = brokerageRoles(g, Int32Array.from([A, B, A, A, B, C]));
    // Broker K: in = {i1, i2}, out = {i1, j1, j2, j3}.
    //   i1 (A): j1 (A) coordinator; j2 (B) representative; j3 closed by the arc i1→j3; i1 = i.
    //   i2 (B): i1 (A) gatekeeper; j1 (A) gatekeeper; j2 (B) itinerant; j3 (C) liaison.
    // Broker i1: in = {K}, out = {K, j3}: the pair (K, j3) is closed by K→j3. Nobody else brokers.
    expect(table(r)).toEqual([
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [1, 1, 2, 1, 1],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
    ]);
  });

  it('skips pairs with an ungrouped end and leaves an ungrouped broker unknown', () => {
    // i2 ungrouped: K keeps only i1's pairs (coordinator j1, representative j2).
    expect(table(brokerageRoles(g, Int32Array.from([A, -1, A, A, B, C])))[2]).toEqual([1, 0, 0, 1, 0]);
    // j3 ungrouped: K loses the liaison pair (i2, j3) only.
    expect(table(brokerageRoles(g, Int32Array.from([A, B, A, A, B, -1])))[2]).toEqual([1, 1, 2, 1, 0]);
    // K ungrouped: its five counts are NaN, the others stay 0.
    const r = table(brokerageRoles(g, Int32Array.from([A, B, -1, A, B, C])));
    expect(r[2]).toEqual([NaN, NaN, NaN, NaN, NaN]);
    expect(r[0]).toEqual([0, 0, 0, 0, 0]);
  });

  it('a mutual chain a ⇄ b ⇄ c in one group: b coordinates (a, c) and (c, a)', () => {
    const chain = digraph(['a', 'b', 'c'], [['a', 'b'], ['b', 'a'], ['b', 'c'], ['c', 'b']]);
    expect(table(brokerageRoles(chain, new Int32Array(3)))).toEqual([
      [0, 0, 0, 0, 0],
      [2, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
    ]);
    // A direct arc a→c closes (a, c) but not (c, a).
    const closed = digraph(['a', 'b', 'c'], [['a', 'b'], ['b', 'a'], ['b', 'c'], ['c', 'b'], ['a', 'c']]);
    expect(table(brokerageRoles(closed, new Int32Array(3)))[1]).toEqual([1, 0, 0, 0, 0]);
  });

  it('a mutual dyad brokers nothing (i = j is excluded), nor does a graph with no arcs', () => {
    expect(table(brokerageRoles(digraph(['a', 'b'], [['a', 'b'], ['b', 'a']]), Int32Array.from([0, 1])))).toEqual([
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
    ]);
    expect(table(brokerageRoles(digraph(['a'], []), Int32Array.from([0])))).toEqual([[0, 0, 0, 0, 0]]);
    expect(table(brokerageRoles(digraph([], []), new Int32Array(0)))).toEqual([]);
  });

  it('rejects groups of the wrong length', () => {
    expect(() => brokerageRoles(g, new Int32Array(5))).toThrow(
      new RangeError('brokerageRoles: groups has 5 entries but the graph has 6 actors'),
    );
  });
});

interface BrokerageFixture {
  ids: string[];
  arcs: Array<[number, number]>;
  groups: number[];
  counts: Record<(typeof ROLES)[number], Array<number | null>>;
  groupsCeoUngrouped: number[];
  countsCeoUngrouped: Record<(typeof ROLES)[number], Array<number | null>>;
}

describe('brokerage roles on Krackhardt advice, group = department', () => {
  const here = dirname(fileURLToPath(import.meta.url));
  const fx = JSON.parse(
    readFileSync(join(here, '..', 'fixtures', 'networkx', 'ties-brokerage-krackhardt-advice.json'), 'utf8'),
  ) as BrokerageFixture;
  const g = directedCsrFromArcs(
    fx.ids,
    Int32Array.from(fx.arcs.map(([s]) => s)),
    Int32Array.from(fx.arcs.map(([, t]) => t)),
    new Float64Array(fx.arcs.length).fill(1),
  );

  it('has the 21 managers and 190 advice arcs', () => {
    expect([g.n, g.a]).toEqual([21, 190]);
  });

  it('equals the brute-force counts, the CEO a department of one', () => {
    const r = brokerageRoles(g, Int32Array.from(fx.groups));
    for (const role of ROLES) expect(Array.from(r[role])).toEqual(fx.counts[role]);
    expect(ROLES.every((role) => fx.counts[role].some((c) => (c ?? 0) > 0))).toBe(true);
  });

  it('equals the brute-force counts with the CEO ungrouped', () => {
    const r = brokerageRoles(g, Int32Array.from(fx.groupsCeoUngrouped));
    for (const role of ROLES) expect(Array.from(r[role])).toEqual(fx.countsCeoUngrouped[role].map((c) => c ?? NaN));
  });
});
