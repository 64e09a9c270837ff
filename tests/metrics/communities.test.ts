// Louvain communities and weighted modularity. Modularity of fixed partitions (an attribute of
// each data set, e.g. the karate club's two-faction split, and NetworkX's greedy modularity
// split) is checked against nx.community.modularity(G, parts, weight='strength', resolution=γ)
// from tests/fixtures/networkx/make_tie_fixtures.py; Louvain itself (which NetworkX cannot
// reproduce run for run) is checked for determinism, label order, isolates, a graph whose answer
// is known by hand, and the modularity of what it finds against the textbook double sum.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csrOf, loadTieList, TIE_LISTS } from '../helpers/tie-list.js';
import type { Csr } from '../../engine/graph/csr.js';
import { communities, modularity } from '../../engine/metrics/communities.js';

interface PartitionFixture {
  name: string;
  labels: number[];
  modularity: Record<string, number>;
}

const here = dirname(fileURLToPath(import.meta.url));
const partitions = (name: string): PartitionFixture[] =>
  (JSON.parse(readFileSync(join(here, '..', 'fixtures', 'networkx', `ties-${name}.json`), 'utf8')) as { partitions: PartitionFixture[] })
    .partitions;

/** Q = (1 / 2W) Σ_ij [A_ij − γ k_i k_j / 2W] δ(c_i, c_j), over all ordered pairs (dense, O(n²)). */
function modularityDoubleSum(csr: Csr, community: Int32Array, resolution = 1): number {
  const { n } = csr;
  const a = new Float64Array(n * n);
  const k = new Float64Array(n);
  let twoW = 0;
  for (let e = 0; e < csr.m; e++) {
    const s = csr.edgeStrength[e]!;
    a[csr.edgeSource[e]! * n + csr.edgeTarget[e]!] = s;
    a[csr.edgeTarget[e]! * n + csr.edgeSource[e]!] = s;
    k[csr.edgeSource[e]!]! += s;
    k[csr.edgeTarget[e]!]! += s;
    twoW += 2 * s;
  }
  let q = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if (community[i] === community[j]) q += a[i * n + j]! - (resolution * k[i]! * k[j]!) / twoW;
  }
  return q / twoW;
}

/** Community of each actor by id (csrOf numbers the first endpoints of all ties before the second ones). */
const byId = (csr: Csr, community: Int32Array): Record<string, number> =>
  Object.fromEntries(csr.ids.map((id, i) => [id, community[i]!]));

/** Two complete graphs on 0..3 and 4..7 joined by the tie (3, 4), plus isolates. */
const twoCliques = (isolates: string[] = []): Csr => {
  const ties: Array<[string, string]> = [];
  for (const base of [0, 4]) for (let a = 0; a < 4; a++) for (let b = a + 1; b < 4; b++) ties.push([String(base + a), String(base + b)]);
  ties.push(['3', '4']);
  return csrOf(ties, isolates);
};

describe.each(TIE_LISTS)('modularity of fixed partitions of %s equals nx.community.modularity', (name) => {
  const csr = loadTieList(name);
  it.each(partitions(name).map((p) => [p.name, p] as const))('%s', (_label, p) => {
    const labels = Int32Array.from(p.labels);
    for (const [res, want] of Object.entries(p.modularity)) {
      expect(modularity(csr, labels, Number(res))).toBeCloseTo(want, 9);
    }
  });
});

describe('modularity by hand', () => {
  it('two 4-cliques joined by one tie, split into the cliques: 11/26', () => {
    // W = 13; each clique holds 6 and has summed strength 13: Q = 2 (6/13 − (13/26)²) = 11/26.
    const csr = twoCliques();
    const split = Int32Array.from(csr.ids, (id) => (Number(id) < 4 ? 0 : 1));
    expect(modularity(csr, split)).toBeCloseTo(11 / 26, 12);
    // Everything in one community: Q = 13/13 − 1 = 0. At γ = 0.5: 1 − 0.5 = 0.5.
    expect(modularity(twoCliques(), new Int32Array(8))).toBeCloseTo(0, 12);
    expect(modularity(twoCliques(), new Int32Array(8), 0.5)).toBeCloseTo(0.5, 12);
  });

  it('is NaN without ties, and rejects bad partitions', () => {
    expect(modularity(csrOf([], ['a', 'b']), Int32Array.from([0, 1]))).toBeNaN();
    expect(() => modularity(twoCliques(), new Int32Array(7))).toThrow(
      new RangeError('modularity: community has 7 entries but the graph has 8 actors'),
    );
    expect(() => modularity(twoCliques(), Int32Array.from([0, 0, 0, 0, 1, 1, -1, 1]))).toThrow(
      new RangeError('modularity: actor 6 has no community (-1)'),
    );
  });
});

describe('Louvain communities', () => {
  it('finds the two cliques, the larger-first labels, and a community per isolate', () => {
    const csr = twoCliques(['x', 'y']);
    const r = communities(csr, { seed: 42, resolution: 1 });
    // Equal cliques: the one holding actor index 0 ("0") comes first; then the isolates in order.
    expect(byId(csr, r.community)).toEqual({ 0: 0, 1: 0, 2: 0, 3: 0, 4: 1, 5: 1, 6: 1, 7: 1, x: 2, y: 3 });
    expect(r.count).toBe(4);
    expect(r.modularity).toBeCloseTo(11 / 26, 12);
  });

  it('labels by decreasing size, equal sizes by smallest member', () => {
    // A triangle listed after a 4-clique and a pair: the clique is 0, the triangle 1, the pair 2.
    const csr = csrOf([
      ['p', 'q'],
      ['t1', 't2'], ['t2', 't3'], ['t1', 't3'],
      ['k1', 'k2'], ['k1', 'k3'], ['k1', 'k4'], ['k2', 'k3'], ['k2', 'k4'], ['k3', 'k4'],
      ['s1', 's2'],
    ]);
    const r = communities(csr, { seed: 3, resolution: 1 });
    // Pairs p-q and s1-s2 tie on size: p-q holds the smaller index (p is actor 0), so it comes first.
    expect(csr.ids.indexOf('p')).toBe(0);
    expect(csr.ids.indexOf('s1')).toBeGreaterThan(0);
    expect(byId(csr, r.community)).toEqual({ p: 2, q: 2, t1: 1, t2: 1, t3: 1, k1: 0, k2: 0, k3: 0, k4: 0, s1: 3, s2: 3 });
    // Listing s1-s2 first makes s1 actor 0, and the pairs swap labels.
    const swapped = csrOf([['s1', 's2'], ['p', 'q'], ['t1', 't2'], ['t2', 't3'], ['t1', 't3'], ['k1', 'k2'], ['k1', 'k3'], ['k1', 'k4'], ['k2', 'k3'], ['k2', 'k4'], ['k3', 'k4']]);
    expect(byId(swapped, communities(swapped, { seed: 3, resolution: 1 }).community)).toEqual({
      s1: 2, s2: 2, t1: 1, t2: 1, t3: 1, k1: 0, k2: 0, k3: 0, k4: 0, p: 3, q: 3,
    });
  });

  it('zachary, seed 42: the usual four communities, modularity 0.4439 as the double sum gives', () => {
    const csr = loadTieList('zachary');
    const r = communities(csr, { seed: 42, resolution: 1 });
    expect(r.count).toBe(4);
    expect(r.modularity).toBeCloseTo(0.4438541256723075, 9);
    expect(r.modularity).toBeCloseTo(modularityDoubleSum(csr, r.community), 12);
    // Better than the two-faction split the club broke into (nx: the attribute partition).
    const club = partitions('zachary').find((p) => p.name === 'attribute:club')!;
    expect(r.modularity).toBeGreaterThan(club.modularity['1.0']!);
  });

  it.each(TIE_LISTS)('%s: the same seed gives the same partition; labels are 0..count−1', (name) => {
    const csr = loadTieList(name);
    const a = communities(csr, { seed: 42, resolution: 1 });
    const b = communities(csr, { seed: 42, resolution: 1 });
    expect(Array.from(b.community)).toEqual(Array.from(a.community));
    expect(b.modularity).toBe(a.modularity);
    expect(new Set(a.community).size).toBe(a.count);
    expect(Math.max(...a.community)).toBe(a.count - 1);
    expect(a.modularity).toBeCloseTo(modularityDoubleSum(csr, a.community), 12);
  });

  it('the seed drives the search: krackhardt splits differently under seeds 42 and 1', () => {
    const csr = loadTieList('krackhardt');
    const a = communities(csr, { seed: 42, resolution: 1 });
    const b = communities(csr, { seed: 1, resolution: 1 });
    expect(Array.from(a.community)).not.toEqual(Array.from(b.community));
  });

  it('resolution: larger finds more communities; modularity is still reported at γ = 1', () => {
    const csr = loadTieList('zachary');
    const fine = communities(csr, { seed: 42, resolution: 2 });
    const coarse = communities(csr, { seed: 42, resolution: 0.5 });
    expect(fine.count).toBeGreaterThan(4);
    expect(coarse.count).toBeLessThan(4);
    expect(fine.modularity).toBeCloseTo(modularityDoubleSum(csr, fine.community, 1), 12);
  });

  it('florentine: the isolated family (PUCCI) is a community of its own', () => {
    const csr = loadTieList('florentine');
    const r = communities(csr, { seed: 42, resolution: 1 });
    const pucci = csr.ids.indexOf('PUCCI');
    expect(csr.offsets[pucci + 1]! - csr.offsets[pucci]!).toBe(0);
    expect(r.community.filter((c) => c === r.community[pucci]).length).toBe(1);
  });

  it('no ties: a community per actor, modularity NaN; no actors: none', () => {
    const r = communities(csrOf([], ['a', 'b', 'c']), { seed: 42, resolution: 1 });
    expect(Array.from(r.community)).toEqual([0, 1, 2]);
    expect(r.count).toBe(3);
    expect(r.modularity).toBeNaN();
    const empty = communities(csrOf([]), { seed: 42, resolution: 1 });
    expect([empty.community.length, empty.count]).toEqual([0, 0]);
    expect(empty.modularity).toBeNaN();
  });

  it('two actors, one tie: one community, modularity 0', () => {
    const r = communities(csrOf([['a', 'b', 2]]), { seed: 42, resolution: 1 });
    expect(Array.from(r.community)).toEqual([0, 0]);
    expect(r.modularity).toBeCloseTo(0, 12);
  });

  it('rejects a bad resolution or seed', () => {
    expect(() => communities(twoCliques(), { seed: 42, resolution: 0 })).toThrow(
      new RangeError('communities: resolution must be a positive number, got 0'),
    );
    expect(() => communities(twoCliques(), { seed: NaN, resolution: 1 })).toThrow(
      new RangeError('communities: seed must be a finite number, got NaN'),
    );
  });
});
