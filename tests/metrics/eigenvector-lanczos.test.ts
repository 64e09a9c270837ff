// Eigenvector centrality by restarted Lanczos on graphs where the power iteration is slow or the
// top eigenvalue is repeated. Expected values: tests/fixtures/networkx/make_eigenvector_fixtures.py
// (networkx 3.6.1 and numpy.linalg.eigh), NetworkX's zachary values from make_spectral_fixtures.py,
// and closed forms for the path and the equal-top-eigenvalue components.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eigenvectorCentrality } from '../../engine/metrics/eigenvector.js';
import { DEFAULT_SCORE_OPTIONS } from '../../engine/run/options.js';
import { csrOf, tieListPath } from '../helpers/tie-list.js';

interface Case {
  ties: Array<[string, string, number]>;
  isolates: string[];
  nodes: string[];
  eigenvector: number[];
  eigh?: number[];
  power_iterations: number;
}

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'networkx');
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(fixtures, file), 'utf8'));
const cases = readJson('eigenvector-cases.json') as Record<string, Case>;

function worstDifference(got: Float64Array, want: number[]): number {
  expect(got.length).toBe(want.length);
  return want.reduce((worst, w, i) => Math.max(worst, Math.abs(got[i]! - w)), 0);
}

const unitNorm = (x: Float64Array): number => Math.abs(Math.hypot(...x) - 1);

describe('eigenvector centrality where the power iteration is slow', () => {
  it('two dense clusters with top eigenvalues 0.2 % apart, joined by one weak tie: NetworkX values in far fewer products', () => {
    const c = cases['two-clusters-weak-tie']!;
    const ev = eigenvectorCentrality(csrOf(c.ties, c.isolates));
    expect(ev.converged).toBe(true);
    expect(ev.delta).toBeLessThan(DEFAULT_SCORE_OPTIONS.eigenvector.tolerance);
    expect(worstDifference(ev.values, c.eigenvector)).toBeLessThanOrEqual(1e-9);
    expect(worstDifference(ev.values, c.eigh!)).toBeLessThanOrEqual(1e-11);
    // The (A + I) power iteration needed 10 799 steps here, more than the default cap of 10 000.
    expect(c.power_iterations).toBeGreaterThan(DEFAULT_SCORE_OPTIONS.eigenvector.maxIterations);
    expect(ev.iterations).toBeLessThan(c.power_iterations / 20);
    expect(unitNorm(ev.values)).toBeLessThanOrEqual(1e-14);
  });

  it('a path of 200 nodes (restarted cycles): x_i ∝ sin(π i / 201), as NetworkX, in far fewer products', () => {
    const c = cases['long-path']!;
    const ev = eigenvectorCentrality(csrOf(c.ties, c.isolates));
    expect(ev.converged).toBe(true);
    const sines = c.nodes.map((_, i) => Math.sin((Math.PI * (i + 1)) / 201));
    const norm = Math.hypot(...sines);
    expect(worstDifference(ev.values, sines.map((s) => s / norm))).toBeLessThanOrEqual(1e-10);
    expect(worstDifference(ev.values, c.eigenvector)).toBeLessThanOrEqual(1e-9);
    expect(c.power_iterations).toBe(28773);
    expect(ev.iterations).toBeLessThan(c.power_iterations / 20);
  });

  it('reports the residual scaled to the power-iteration change, and stops on a looser tolerance sooner', () => {
    const c = cases['long-path']!;
    const csr = csrOf(c.ties, c.isolates);
    const tight = eigenvectorCentrality(csr);
    const loose = eigenvectorCentrality(csr, { tolerance: 1e-8 });
    expect(loose.converged).toBe(true);
    expect(loose.delta).toBeLessThan(1e-8);
    expect(loose.iterations).toBeLessThan(tight.iterations);
    // delta = ‖A y − θ y‖₂ / (√n (1 + θ)), recomputed here from the returned vector.
    const y = loose.values;
    const ay = new Float64Array(y.length);
    for (let i = 0; i < y.length; i++) ay[i] = (i > 0 ? y[i - 1]! : 0) + (i + 1 < y.length ? y[i + 1]! : 0);
    const theta = y.reduce((s, v, i) => s + v * ay[i]!, 0);
    const residual = Math.hypot(...y.map((v, i) => ay[i]! - theta * v));
    expect(Math.abs(loose.delta - residual / (Math.sqrt(y.length) * (1 + theta)))).toBeLessThanOrEqual(1e-3 * loose.delta);
  });
});

describe('eigenvector centrality with a repeated top eigenvalue or several components', () => {
  it('K3, C4 and the star K1,4 (top eigenvalue 2 each): the projection of the all-ones start, as NetworkX', () => {
    const c = cases['equal-top-components']!;
    const ev = eigenvectorCentrality(csrOf(c.ties, c.isolates));
    expect(ev.converged).toBe(true);
    expect(worstDifference(ev.values, c.eigenvector)).toBeLessThanOrEqual(1e-9);
    // Projection of 1 on the eigenspace: 1 on K3 and C4, on the star (1 · p) p with the unit Perron
    // vector p = (1/√2, 1/(2√2) × 4), i.e. 3/2 at the hub and 3/4 at each leaf; 0 elsewhere.
    // Squared norm 3 + 4 + 9/4 + 4 · 9/16 = 23/2.
    const s = Math.sqrt(2 / 23);
    const byNode: Record<string, number> = { hub: 1.5 * s, p: 0, q: 0, alone: 0 };
    const want = c.nodes.map((v) => byNode[v] ?? (v.startsWith('leaf') ? 0.75 * s : s));
    expect(worstDifference(ev.values, want)).toBeLessThanOrEqual(1e-12);
    expect(ev.values.every((v) => v >= 0)).toBe(true);
  });

  it('two copies of the karate club beside a triangle: each copy holds NetworkX’s zachary vector / √2, the triangle 0', () => {
    // 68 nodes: more than one Lanczos cycle, so the restarts must keep the two copies' shares equal.
    const rows = readFileSync(tieListPath('zachary'), 'utf8').trim().split('\n').slice(1);
    const ties = rows.map((line) => line.split(',')).filter(([, b]) => b !== '');
    const copy = (tag: string): Array<[string, string, number]> => ties.map(([a, b, s]) => [`${tag}${a}`, `${tag}${b}`, Number(s)]);
    const both = [...copy('x:'), ...copy('y:'), ['t1', 't2', 1], ['t2', 't3', 1], ['t3', 't1', 1]] as Array<[string, string, number]>;
    const csr = csrOf(both);
    const ev = eigenvectorCentrality(csr);
    expect(ev.converged).toBe(true);

    const zachary = readJson('spectral-zachary.json') as { nodes: string[]; eigenvector: number[] };
    const want = new Map<string, number>();
    zachary.nodes.forEach((v, i) => {
      want.set(`x:${v}`, zachary.eigenvector[i]! / Math.SQRT2);
      want.set(`y:${v}`, zachary.eigenvector[i]! / Math.SQRT2);
    });
    expect(worstDifference(ev.values, csr.ids.map((id) => want.get(id) ?? 0))).toBeLessThanOrEqual(1e-9);
  });

  it('a bipartite graph (the star K1,3 has eigenvalues ±√3) takes the positive one', () => {
    const ev = eigenvectorCentrality(csrOf([['c', 'a'], ['c', 'b'], ['c', 'd']]));
    const leaf = 1 / Math.sqrt(6);
    expect(worstDifference(ev.values, [Math.SQRT1_2, leaf, leaf, leaf])).toBeLessThanOrEqual(1e-14);
    // Two products span the Krylov space of the start; a third measures the Ritz vector's residual.
    expect(ev.iterations).toBe(3);
  });
});

describe('eigenvector centrality budget', () => {
  it('counts matrix–vector products: maxIterations 0 returns the start 1/√n, unconverged', () => {
    const ev = eigenvectorCentrality(csrOf([['a', 'b'], ['b', 'c']]), { maxIterations: 0 });
    expect(ev).toEqual({ values: Float64Array.from([1, 1, 1].map(() => 1 / Math.sqrt(3))), iterations: 0, converged: false, delta: Infinity });
  });

  it('stops at maxIterations inside a cycle with the current Ritz vector, unconverged', () => {
    const c = cases['long-path']!;
    const ev = eigenvectorCentrality(csrOf(c.ties, c.isolates), { maxIterations: 70 });
    expect(ev.iterations).toBe(70);
    expect(ev.converged).toBe(false);
    expect(ev.delta).toBeGreaterThan(DEFAULT_SCORE_OPTIONS.eigenvector.tolerance);
    expect(unitNorm(ev.values)).toBeLessThanOrEqual(1e-12);
    expect(ev.values.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});
