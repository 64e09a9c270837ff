// Sampled betweenness (NetworkX k= semantics with socap's seeded pivot draw) and the seeded
// generator behind it: k ≥ n is exact, a seed fixes the result, seeds differ, the estimate ranks
// the top brokers like the exact pass, and the Hoeffding error bound is reported and holds.
import { describe, expect, it } from 'vitest';
import {
  BETWEENNESS_CONFIDENCE,
  betweennessCentrality,
  betweennessErrorBound,
  planBetweenness,
} from '../../engine/metrics/betweenness.js';
import { closenessCentrality } from '../../engine/metrics/closeness.js';
import { harmonicCentrality } from '../../engine/metrics/harmonic.js';
import { computePathCentralities } from '../../engine/metrics/path-centralities.js';
import { createRng, sampleIndices } from '../../engine/metrics/random.js';
import { DEFAULT_SCORE_OPTIONS } from '../../engine/run/options.js';
import { csrOf, loadTieList } from '../helpers/tie-list.js';

/** Node indices of the ten largest values (ties broken by index). */
function top10(values: Float64Array): number[] {
  return Array.from(values.keys())
    .sort((a, b) => values[b]! - values[a]! || a - b)
    .slice(0, 10);
}

describe('sampled betweenness', () => {
  const zachary = loadTieList('zachary');

  it('with k = n or more is the exact result, with bound 0', () => {
    const exact = betweennessCentrality(zachary, { distance: 'inverse' });
    for (const samples of [zachary.n, zachary.n + 5]) {
      const r = betweennessCentrality(zachary, { distance: 'inverse', mode: 'sampled', samples, seed: 3 });
      expect(r.values).toEqual(exact.values);
      expect(r.samples).toBe(zachary.n);
      expect(r.errorBound).toBe(0);
    }
  });

  it('is fixed by its seed and differs across seeds', () => {
    const run = (seed: number) => betweennessCentrality(zachary, { distance: 'inverse', mode: 'sampled', samples: 10, seed });
    expect(run(7).values).toEqual(run(7).values);
    expect(run(7).values).not.toEqual(run(8).values);
    expect(planBetweenness(zachary.n, { mode: 'sampled', samples: 10, seed: 7 }).pivots).toEqual(
      planBetweenness(zachary.n, { mode: 'sampled', samples: 10, seed: 7 }).pivots,
    );
    expect(planBetweenness(zachary.n, { mode: 'sampled', samples: 10, seed: 7 }).pivots).not.toEqual(
      planBetweenness(zachary.n, { mode: 'sampled', samples: 10, seed: 8 }).pivots,
    );
  });

  it('defaults to the run options seed and sample count', () => {
    const r = betweennessCentrality(zachary, { distance: 'inverse', mode: 'sampled' });
    expect(DEFAULT_SCORE_OPTIONS.samples).toBeGreaterThanOrEqual(zachary.n);
    expect(r.samples).toBe(zachary.n);
    const plan = planBetweenness(100, { mode: 'sampled', samples: 10 });
    expect(plan.pivots).toEqual(planBetweenness(100, { mode: 'sampled', samples: 10, seed: DEFAULT_SCORE_OPTIONS.seed }).pivots);
  });

  for (const name of ['zachary', 'lazega']) {
    it(`on ${name} with k = n/2 shares at least 7 of the exact top 10, within the reported bound`, () => {
      const csr = loadTieList(name);
      const k = Math.floor(csr.n / 2);
      for (const distance of ['inverse', 'hops'] as const) {
        const exact = betweennessCentrality(csr, { distance }).values;
        const best = top10(exact);
        for (const seed of [DEFAULT_SCORE_OPTIONS.seed, 1, 2, 3]) {
          const r = betweennessCentrality(csr, { distance, mode: 'sampled', samples: k, seed });
          const shared = top10(r.values).filter((v) => best.includes(v)).length;
          expect(shared, `${distance} seed ${seed}`).toBeGreaterThanOrEqual(7);
          expect(r.samples).toBe(k);
          expect(r.errorBound).toBeGreaterThan(0);
          expect(r.errorBound).toBeCloseTo(Math.sqrt(Math.log((2 * csr.n) / 0.05) / (2 * (k - 1))), 15);
          const worst = Math.max(...exact.map((x, i) => Math.abs(x - r.values[i]!)));
          expect(worst).toBeLessThanOrEqual(r.errorBound);
        }
      }
    });
  }

  it('error bound: Hoeffding at 95% with a union bound over n nodes, capped at 1, 0 when exact', () => {
    expect(BETWEENNESS_CONFIDENCE).toBe(0.95);
    expect(betweennessErrorBound(1000, 101)).toBeCloseTo(Math.sqrt(Math.log(2000 / 0.05) / 200), 15);
    expect(betweennessErrorBound(1000, 2)).toBe(1);
    expect(betweennessErrorBound(1000, 1000)).toBe(0);
    expect(betweennessErrorBound(2, 1)).toBe(0);
  });

  it('through the shared pass: pivots only for betweenness, every source for closeness and harmonic', () => {
    const csr = loadTieList('lazega');
    const opts = { distance: 'inverse' as const, samples: 12, seed: 5 };
    const alone = betweennessCentrality(csr, { ...opts, mode: 'sampled' });
    const calls: Array<[number, number]> = [];
    const all = computePathCentralities(csr, {
      ...opts,
      betweenness: 'sampled',
      closeness: true,
      harmonic: true,
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(all.betweenness).toEqual(alone.values);
    expect(all.betweennessSamples).toBe(12);
    expect(all.betweennessErrorBound).toBe(alone.errorBound);
    expect(all.closeness).toEqual(closenessCentrality(csr, { distance: 'inverse' }));
    expect(all.harmonic).toEqual(harmonicCentrality(csr, { distance: 'inverse' }));
    expect(calls.at(-1)).toEqual([csr.n, csr.n]);

    const pivotCalls: Array<[number, number]> = [];
    const only = computePathCentralities(csr, { ...opts, betweenness: 'sampled', onProgress: (d, t) => pivotCalls.push([d, t]) });
    expect(only.betweenness).toEqual(alone.values);
    expect(pivotCalls.at(-1)).toEqual([12, 12]);
    expect(only.closeness).toBeUndefined();
    expect(only.harmonic).toBeUndefined();
  });

  it('rejects bad sample counts and pivots', () => {
    const csr = csrOf([['a', 'b'], ['b', 'c'], ['c', 'd']]);
    const sampled = (extra: object) => () => betweennessCentrality(csr, { distance: 'hops', mode: 'sampled', ...extra });
    expect(sampled({ samples: 0 })).toThrow(new RangeError('betweenness samples must be a positive integer, got 0'));
    expect(sampled({ samples: 2.5 })).toThrow(new RangeError('betweenness samples must be a positive integer, got 2.5'));
    expect(sampled({ pivots: Int32Array.of(1, 1) })).toThrow(new RangeError('betweenness pivot 1 is repeated'));
    expect(sampled({ pivots: Int32Array.of(4) })).toThrow(new RangeError('betweenness pivot 4 is not a node index (0..3)'));
    expect(sampled({ pivots: new Int32Array(0) })).toThrow(new RangeError('betweenness pivots must not be empty'));
  });
});

describe('seeded generator', () => {
  it('repeats a stream for a seed, differs across seeds, stays in [0, 1)', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xs = Array.from({ length: 10_000 }, () => a());
    expect(Array.from({ length: 10_000 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 10 }, () => c())).not.toEqual(xs.slice(0, 10));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
    expect(new Set(xs).size).toBeGreaterThan(9_990);
  });

  it('draws distinct indices without replacement', () => {
    const picks = sampleIndices(50, 50, createRng(1));
    expect([...picks].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(sampleIndices(50, 5, createRng(1))).toEqual(picks.slice(0, 5));
    expect(() => sampleIndices(3, 4, createRng(1))).toThrow(new RangeError('cannot draw 4 distinct indices from 3'));
  });
});
