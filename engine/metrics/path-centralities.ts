// The shortest-path centralities together: betweenness (exact or sampled), closeness and harmonic
// from one single-source pass per source (see single-source-paths.ts), each finished as in its
// own module (betweenness.ts, closeness.ts, harmonic.ts), so the numbers equal those functions'.
// The pass is `accumulateSources` over a slice of sources into summable typed-array accumulators:
// a worker thread can run any slice and the slices' `PathSums` are added with `addPathSums`.
// Cost: O(n m log n) weighted, O(n m) hops, when closeness or harmonic or exact betweenness is
// asked; sampled betweenness alone runs only its k pivots. Memory O(n + m).
import type { Csr, DistanceMode } from '../graph/csr.js';
import { finishBetweenness, planBetweenness, type BetweennessPlan } from './betweenness.js';
import { closenessFromSums } from './closeness.js';
import { accumulateSources, allSources, createPathSums, pathLengths } from './single-source-paths.js';

export { accumulateSources, addPathSums, createPathSums, pathLengths } from './single-source-paths.js';
export type { AccumulateOptions, PathSums, PathSumsWanted } from './single-source-paths.js';

export interface PathCentralityOptions {
  distance: DistanceMode;
  betweenness: 'exact' | 'sampled' | 'none';
  /** Pivots k for sampled betweenness; default `DEFAULT_SCORE_OPTIONS.samples`; k ≥ n is exact. */
  samples?: number;
  /** Seed of the pivot draw; default `DEFAULT_SCORE_OPTIONS.seed`. */
  seed?: number;
  /** Explicit pivot node indices instead of a seeded draw (sampled mode). */
  pivots?: Int32Array;
  closeness?: boolean;
  harmonic?: boolean;
  /** Called with (sources done, sources in the pass) about every 1% and at the end. */
  onProgress?: (done: number, total: number) => void;
}

export interface PathCentralities {
  betweenness?: Float64Array;
  closeness?: Float64Array;
  harmonic?: Float64Array;
  /** Sources the betweenness used (n when exact). */
  betweennessSamples?: number;
  /** Hoeffding bound at 95% on every node's betweenness; 0 when exact. */
  betweennessErrorBound?: number;
}

/** Betweenness, closeness and harmonic centrality of every node from one shared pass. */
export function computePathCentralities(csr: Csr, opts: PathCentralityOptions): PathCentralities {
  const n = csr.n;
  const wantBetweenness = opts.betweenness !== 'none';
  const wantCloseness = opts.closeness === true;
  const wantHarmonic = opts.harmonic === true;
  const plan = planBetweenness(n, { ...opts, mode: opts.betweenness === 'sampled' ? 'sampled' : 'exact' });
  const everySource = wantCloseness || wantHarmonic || plan.pivots === null;
  const sources = everySource ? allSources(n) : plan.pivots!;
  const sums = createPathSums(n, { betweenness: wantBetweenness, closeness: wantCloseness, harmonic: wantHarmonic });
  if (wantBetweenness || wantCloseness || wantHarmonic) {
    accumulateSources(csr, pathLengths(csr, opts.distance), sources, 0, sources.length, sums, {
      pivots: everySource ? plan.mask : null,
      onProgress: opts.onProgress,
    });
  }
  return finishPathCentralities(n, plan, {
    dependency: wantBetweenness ? sums.dependency! : null,
    reached: wantCloseness ? sums.reached! : null,
    distanceSum: wantCloseness ? sums.distanceSum! : null,
    inverseDistanceSum: wantHarmonic ? sums.inverseDistanceSum! : null,
  });
}

/**
 * Turns the summed per-source accumulators into the three centralities (a null sum = not asked
 * for): Brandes rescaling of the dependencies, Wasserman–Faust closeness, harmonic as summed.
 * Shared by the in-process and the worker-thread passes.
 */
export function finishPathCentralities(
  n: number,
  plan: BetweennessPlan,
  sums: { dependency: Float64Array | null; reached: Float64Array | null; distanceSum: Float64Array | null; inverseDistanceSum: Float64Array | null },
): PathCentralities {
  const out: PathCentralities = {};
  if (sums.dependency !== null) {
    const b = finishBetweenness(sums.dependency, plan);
    out.betweenness = b.values;
    out.betweennessSamples = b.samples;
    out.betweennessErrorBound = b.errorBound;
  }
  if (sums.reached !== null && sums.distanceSum !== null) out.closeness = closenessFromSums(sums.reached, sums.distanceSum, n);
  if (sums.inverseDistanceSum !== null) out.harmonic = sums.inverseDistanceSum;
  return out;
}
