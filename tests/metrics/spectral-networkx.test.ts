// Degree, strength, PageRank, eigenvector and structural holes against NetworkX, node by node, on
// every fixture tie list and on small edge-case graphs. Expected values come from
// tests/fixtures/networkx/make_spectral_fixtures.py (networkx 3.6.1); null there means NaN.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Csr } from '../../engine/graph/csr.js';
import { degree, strength } from '../../engine/metrics/degree.js';
import { pagerank } from '../../engine/metrics/pagerank.js';
import { eigenvectorCentrality } from '../../engine/metrics/eigenvector.js';
import { structuralHoles } from '../../engine/metrics/structural-holes.js';
import { csrOf, loadTieList, TIE_LISTS } from '../helpers/tie-list.js';

type Column = Array<number | null>;
interface Expected {
  nodes: string[];
  degree: Column;
  strength: Column;
  pagerank: Column;
  pagerank_personalization: number[];
  pagerank_personalized: Column | null;
  eigenvector: Column;
  constraint: Column;
  effective_size: Column;
  efficiency: Column;
  hierarchy: Column;
  constraint_unweighted: Column;
  effective_size_borgatti: Column;
}
interface Case extends Expected {
  ties: Array<[string, string, number]>;
  isolates: string[];
}

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'networkx');
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(fixtures, file), 'utf8'));

/** Largest |ours − nx| over the nodes; NaN where exactly one side is undefined. */
function worstDifference(ours: Float64Array, expected: Column): number {
  expect(ours.length).toBe(expected.length);
  let worst = 0;
  expected.forEach((want, i) => {
    const got = ours[i]!;
    if (want === null) {
      if (!Number.isNaN(got)) worst = NaN;
    } else if (!Number.isFinite(got)) worst = NaN;
    else worst = Math.max(worst, Math.abs(got - want));
  });
  return worst;
}

function withUnitStrengths(csr: Csr): Csr {
  return { ...csr, strengths: new Float64Array(csr.strengths.length).fill(1), edgeStrength: new Float64Array(csr.m).fill(1) };
}

function checkAgainstNetworkx(csr: Csr, want: Expected): void {
  expect(csr.ids).toEqual(want.nodes);
  expect(worstDifference(degree(csr), want.degree)).toBeLessThanOrEqual(1e-9);
  expect(worstDifference(strength(csr), want.strength)).toBeLessThanOrEqual(1e-9);

  const pr = pagerank(csr);
  expect(pr.converged).toBe(true);
  expect(worstDifference(pr.values, want.pagerank)).toBeLessThanOrEqual(1e-6);
  expect(Math.abs(pr.values.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(1e-12);
  if (want.pagerank_personalized !== null) {
    const ppr = pagerank(csr, { personalization: Float64Array.from(want.pagerank_personalization) });
    expect(ppr.converged).toBe(true);
    expect(worstDifference(ppr.values, want.pagerank_personalized)).toBeLessThanOrEqual(1e-6);
    expect(Math.abs(ppr.values.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(1e-12);
  }

  const ev = eigenvectorCentrality(csr);
  expect(ev.converged).toBe(true);
  expect(worstDifference(ev.values, want.eigenvector)).toBeLessThanOrEqual(1e-6);

  const holes = structuralHoles(csr);
  expect(worstDifference(holes.constraint, want.constraint)).toBeLessThanOrEqual(1e-9);
  expect(worstDifference(holes.effectiveSize, want.effective_size)).toBeLessThanOrEqual(1e-9);
  expect(worstDifference(holes.efficiency, want.efficiency)).toBeLessThanOrEqual(1e-9);
  expect(worstDifference(holes.hierarchy, want.hierarchy)).toBeLessThanOrEqual(1e-9);

  // Every strength 1: Burt's weighted formulas must give NetworkX's unweighted constraint and
  // Borgatti's n − 2t/n effective size.
  const unit = structuralHoles(withUnitStrengths(csr));
  expect(worstDifference(unit.constraint, want.constraint_unweighted)).toBeLessThanOrEqual(1e-9);
  expect(worstDifference(unit.effectiveSize, want.effective_size_borgatti)).toBeLessThanOrEqual(1e-9);
}

describe('spectral and structural-hole measures equal NetworkX on the fixture tie lists', () => {
  for (const name of TIE_LISTS) {
    it(name, () => {
      checkAgainstNetworkx(loadTieList(name), readJson(`spectral-${name}.json`) as Expected);
    });
  }
});

describe('spectral and structural-hole measures equal NetworkX on edge cases', () => {
  const cases = readJson('spectral-cases.json') as Record<string, Case | string>;
  for (const [name, c] of Object.entries(cases)) {
    if (typeof c === 'string') continue;
    it(name, () => {
      checkAgainstNetworkx(csrOf(c.ties, c.isolates), c);
    });
  }
});
