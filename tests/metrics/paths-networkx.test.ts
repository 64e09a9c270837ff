// Betweenness, closeness and harmonic centrality against NetworkX 3.6.1, node by node, for both
// distance modes, on every fixture tie list and on small edge-case graphs (equal-length weighted
// routes, isolates, components, one and two nodes, no ties), plus sampled betweenness with pinned
// pivots. Expected values: tests/fixtures/networkx/make_path_fixtures.py.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Csr, DistanceMode } from '../../engine/graph/csr.js';
import { computePathCentralities } from '../../engine/metrics/path-centralities.js';
import { betweennessCentrality } from '../../engine/metrics/betweenness.js';
import { closenessCentrality } from '../../engine/metrics/closeness.js';
import { harmonicCentrality } from '../../engine/metrics/harmonic.js';
import { csrOf, loadTieList, TIE_LISTS } from '../helpers/tie-list.js';

/** Per node id: [betweenness, closeness, harmonic]. */
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

/** Largest |ours − nx| over the nodes of column `col`. */
function worst(csr: Csr, ours: Float64Array, expected: Values, col: 0 | 1 | 2): number {
  expect(Object.keys(expected).sort()).toEqual([...csr.ids].sort());
  let max = 0;
  csr.ids.forEach((id, i) => {
    max = Math.max(max, Math.abs(ours[i]! - expected[id]![col]));
  });
  return max;
}

function checkAll(csr: Csr, expected: Expected): void {
  for (const distance of MODES) {
    const r = computePathCentralities(csr, { distance, betweenness: 'exact', closeness: true, harmonic: true });
    const want = expected[distance];
    expect(worst(csr, r.betweenness!, want, 0), `${distance} betweenness`).toBeLessThanOrEqual(TOLERANCE);
    expect(worst(csr, r.closeness!, want, 1), `${distance} closeness`).toBeLessThanOrEqual(TOLERANCE);
    expect(worst(csr, r.harmonic!, want, 2), `${distance} harmonic`).toBeLessThanOrEqual(TOLERANCE);
    expect(r.betweennessSamples).toBe(csr.n);
    expect(r.betweennessErrorBound).toBe(0);
  }
}

describe('path centralities equal NetworkX on the fixture tie lists', () => {
  for (const name of TIE_LISTS) {
    it(name, () => checkAll(loadTieList(name), readJson<Expected>(`paths-${name}.json`)));
  }

  it('the single-metric functions give the same numbers as the shared pass', () => {
    const csr = loadTieList('lazega');
    for (const distance of MODES) {
      const all = computePathCentralities(csr, { distance, betweenness: 'exact', closeness: true, harmonic: true });
      expect(betweennessCentrality(csr, { distance }).values).toEqual(all.betweenness);
      expect(closenessCentrality(csr, { distance })).toEqual(all.closeness);
      expect(harmonicCentrality(csr, { distance })).toEqual(all.harmonic);
    }
  });
});

describe('path centralities equal NetworkX on small graphs', () => {
  const { cases } = readJson<{ cases: Record<string, Case> }>('paths-cases.json');
  for (const [name, c] of Object.entries(cases)) {
    it(name, () => checkAll(csrOf(c.ties, c.isolates), c));
  }

  it('counts weighted routes whose float sums are equal (1/3 + 1/6 == 1/2) as two shortest paths', () => {
    const csr = csrOf(cases['equal-sum']!.ties);
    const b = betweennessCentrality(csr, { distance: 'inverse' }).values;
    // s→t and t→s each split over s-t and s-x-t (raw ½ + ½), y→s over t-s and t-x-s (½): 1.5 + ½,
    // over (n-1)(n-2) = 6.
    expect(b[csr.ids.indexOf('x')]).toBeCloseTo(2 / 6, 15);
  });

  it('does not count routes that differ in the last bit, and compares sums built from the source outward', () => {
    const lastBit = csrOf(cases['last-bit']!.ties);
    // Only y→s splits (1 + 0.2 + 0.1 rounds to 1 + 0.3); s–t (0.30000000000000004 vs 0.3) does not.
    expect(betweennessCentrality(lastBit, { distance: 'inverse' }).values[lastBit.ids.indexOf('x')]).toBeCloseTo(0.5 / 6, 15);
    const oneWay = csrOf(cases['one-way-equal']!.ties);
    const b = betweennessCentrality(oneWay, { distance: 'inverse' }).values;
    expect(b[oneWay.ids.indexOf('b')]).toBeCloseTo(cases['one-way-equal']!.inverse['b']![0], 15);
    expect(cases['one-way-equal']!.inverse['b']![0]).toBeCloseTo(2.5 / 6, 15);
  });
});

describe('sampled betweenness with pinned pivots equals NetworkX k=', () => {
  const { graphs } = readJson<{ graphs: Record<string, Sampled> }>('paths-sampled.json');
  for (const [name, g] of Object.entries(graphs)) {
    it(name, () => {
      const csr = loadTieList(name);
      for (const distance of MODES) {
        const pivots = Int32Array.from(g.pivots);
        const r = betweennessCentrality(csr, { distance, mode: 'sampled', pivots });
        let max = 0;
        csr.ids.forEach((id, i) => (max = Math.max(max, Math.abs(r.values[i]! - g[distance][id]!))));
        expect(max, distance).toBeLessThanOrEqual(TOLERANCE);
        expect(r.samples).toBe(g.pivots.length);
        const shared = computePathCentralities(csr, { distance, betweenness: 'sampled', pivots, closeness: true });
        expect(shared.betweenness).toEqual(r.values);
      }
    });
  }
});
