// The shortest-path centralities together: betweenness (exact or sampled), closeness and harmonic
// from one single-source pass per source (see single-source-paths.ts), each finished as in its
// own module (betweenness.ts, closeness.ts, harmonic.ts), so the numbers equal those functions'.
// The pass is `accumulateSources` over a slice of sources into summable typed-array accumulators:
// a worker thread can run any slice and the slices' `PathSums` are added with `addPathSums`.
// With `distances: 'sampled'` (and betweenness sampled or not asked) closeness and harmonic are
// estimated from the same k pivots as sampled betweenness (sampled-closeness.ts).
// Cost: O(n m log n) weighted, O(n m) hops, when exact closeness or harmonic or exact betweenness
// is asked; otherwise only the k pivots run, O(k m log n). Memory O(n + m).
import type { Csr, DistanceMode } from '../graph/csr.js';
import { finishBetweenness, planBetweenness, type BetweennessPlan } from './betweenness.js';
import { closenessFromSums } from './closeness.js';
import { sampledClosenessFromSums, sampledHarmonicFromSums, shortestLength } from './sampled-closeness.js';
import { accumulateSources, allSources, createPathSums, pathLengths } from './single-source-paths.js';

export { accumulateSources, addPathSums, createPathSums, pathLengths } from './single-source-paths.js';
export type { AccumulateOptions, PathSums, PathSumsWanted } from './single-source-paths.js';

export interface PathCentralityOptions {
  distance: DistanceMode;
  betweenness: 'exact' | 'sampled' | 'none';
  /** Pivots k for sampled betweenness (and sampled distances); default `DEFAULT_SCORE_OPTIONS.samples`; k ≥ n is exact. */
  samples?: number;
  /** Seed of the pivot draw; default `DEFAULT_SCORE_OPTIONS.seed`. */
  seed?: number;
  /** Explicit pivot node indices instead of a seeded draw (sampled mode). */
  pivots?: Int32Array;
  closeness?: boolean;
  harmonic?: boolean;
  /**
   * Closeness and harmonic exact (every source, the default) or estimated from the pivots. Sampled
   * applies only when betweenness is sampled or not asked: an exact betweenness pass visits every
   * source anyway, and then they are exact.
   */
  distances?: 'exact' | 'sampled';
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
  /** Set when closeness and harmonic were estimated: the pivots used. */
  distanceSamples?: number;
  /** Sampled closeness: ε, the 95% bound on each mean distance in units of the largest distance. */
  closenessErrorBound?: number;
  /** Sampled harmonic: the 95% bound on each value. */
  harmonicErrorBound?: number;
}

/** The sources of one shared pass and how their sums are kept. */
export interface PathPassPlan {
  betweenness: BetweennessPlan;
  sources: Int32Array;
  /** Pivot mask the dependencies are taken from when every node is a source (else null). */
  dependencyMask: Uint8Array | null;
  /** Distance sums go onto the reached nodes (sampled closeness / harmonic). */
  targetSums: boolean;
  wantBetweenness: boolean;
  wantCloseness: boolean;
  wantHarmonic: boolean;
}

/** Chooses the sources of the pass: every node, or only the k pivots (see the module comment). */
export function planPathPass(n: number, opts: PathCentralityOptions): PathPassPlan {
  const wantBetweenness = opts.betweenness !== 'none';
  const wantCloseness = opts.closeness === true;
  const wantHarmonic = opts.harmonic === true;
  const wantDistances = wantCloseness || wantHarmonic;
  const sampleDistances = wantDistances && opts.distances === 'sampled' && opts.betweenness !== 'exact';
  const betweenness = planBetweenness(n, { ...opts, mode: opts.betweenness === 'sampled' || sampleDistances ? 'sampled' : 'exact' });
  const targetSums = sampleDistances && betweenness.pivots !== null;
  const everySource = !targetSums && (wantDistances || betweenness.pivots === null);
  return {
    betweenness,
    sources: everySource ? allSources(n) : betweenness.pivots!,
    dependencyMask: everySource ? betweenness.mask : null,
    targetSums,
    wantBetweenness,
    wantCloseness,
    wantHarmonic,
  };
}

/** Betweenness, closeness and harmonic centrality of every node from one shared pass. */
export function computePathCentralities(csr: Csr, opts: PathCentralityOptions): PathCentralities {
  const pass = planPathPass(csr.n, opts);
  const lengths = pathLengths(csr, opts.distance);
  const sums = createPathSums(csr.n, { betweenness: pass.wantBetweenness, closeness: pass.wantCloseness, harmonic: pass.wantHarmonic });
  if (pass.wantBetweenness || pass.wantCloseness || pass.wantHarmonic) {
    accumulateSources(csr, lengths, pass.sources, 0, pass.sources.length, sums, {
      pivots: pass.dependencyMask,
      targetSums: pass.targetSums,
      onProgress: opts.onProgress,
    });
  }
  return finishPathCentralities(pass, sums, shortestLength(lengths, csr.m));
}

/**
 * Turns the summed accumulators into the three centralities (a null sum = not asked for): Brandes
 * rescaling of the dependencies, Wasserman–Faust closeness, harmonic as summed, or the sampled
 * estimates when the pass kept target sums. `minLength` is the shortest tie length (the sampled
 * harmonic bound). Shared by the in-process and the worker-thread passes.
 */
export function finishPathCentralities(
  pass: PathPassPlan,
  sums: { dependency: Float64Array | null; reached: Float64Array | null; distanceSum: Float64Array | null; inverseDistanceSum: Float64Array | null },
  minLength: number,
): PathCentralities {
  const plan = pass.betweenness;
  const out: PathCentralities = {};
  if (sums.dependency !== null) {
    const b = finishBetweenness(sums.dependency, plan);
    out.betweenness = b.values;
    out.betweennessSamples = b.samples;
    out.betweennessErrorBound = b.errorBound;
  }
  if (sums.reached !== null && sums.distanceSum !== null) {
    if (pass.targetSums) {
      const c = sampledClosenessFromSums(sums.reached, sums.distanceSum, plan);
      out.closeness = c.values;
      out.distanceSamples = c.samples;
      out.closenessErrorBound = c.errorBound;
    } else {
      out.closeness = closenessFromSums(sums.reached, sums.distanceSum, plan.n);
    }
  }
  if (sums.inverseDistanceSum !== null) {
    if (pass.targetSums) {
      const h = sampledHarmonicFromSums(sums.inverseDistanceSum, plan, minLength);
      out.harmonic = h.values;
      out.distanceSamples = h.samples;
      out.harmonicErrorBound = h.errorBound;
    } else {
      out.harmonic = sums.inverseDistanceSum;
    }
  }
  return out;
}
