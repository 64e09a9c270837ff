// PageRank on the undirected tie graph, each tie read as two arcs weighted by its strength.
// x ← α (x P + (Σ_{d dangling} x_d) p) + (1 − α) p, with P_ij = w_ij / Σ_k w_ik, p the normalised
// personalization (uniform by default), dangling nodes (zero strength: isolates) jumping along p.
// Matches nx.pagerank(G, alpha, personalization, weight='strength') (networkx 3.6
// _pagerank_scipy, same start 1/n, same iteration), but converges far tighter: it stops when the
// mean absolute change per node is below `tolerance`, and never throws: on hitting
// `maxIterations` it returns the last iterate with converged = false.
// Reference: Brin & Page 1998. Cost: O(n + m) per iteration, O(n) memory.
// Also home of the power-iteration driver (stopping rule, result shape) eigenvector.ts shares.
import type { Csr } from '../graph/csr.js';
import { DEFAULT_SCORE_OPTIONS, type PowerIterationOptions } from '../run/options.js';

/** Outcome of a power iteration: the scores and how the iteration ended. */
export interface PowerIterationResult {
  /** One score per node, indexed like the CSR. */
  values: Float64Array;
  /** Iterations performed. */
  iterations: number;
  /** Whether `delta` fell below the tolerance within `maxIterations`. */
  converged: boolean;
  /** Mean absolute change per node in the last iteration (Σ_i |x_i − x'_i| / n); Infinity if none ran. */
  delta: number;
}

export interface PageRankOptions extends PowerIterationOptions {
  /** Damping factor in [0, 1]. */
  alpha: number;
  /**
   * Teleport (and dangling) weights per node, non-negative, any positive sum; normalised here.
   * Undefined = uniform.
   */
  personalization?: Float64Array;
}

/** Uniform personalization, normalised to sum 1; throws on a vector that cannot be one. */
function teleportVector(csr: Csr, personalization: Float64Array | undefined): Float64Array {
  const n = csr.n;
  const p = new Float64Array(n);
  if (personalization === undefined) {
    p.fill(1 / n);
    return p;
  }
  if (personalization.length !== n) {
    throw new Error(`pagerank: personalization has ${personalization.length} entries for ${n} nodes`);
  }
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = personalization[i]!;
    if (!(v >= 0) || !Number.isFinite(v)) {
      throw new Error(`pagerank: personalization of node ${csr.ids[i]} is ${v}; it must be finite and non-negative`);
    }
    sum += v;
  }
  if (sum === 0) throw new Error('pagerank: personalization sums to 0');
  for (let i = 0; i < n; i++) p[i] = personalization[i]! / sum;
  return p;
}

export function pagerank(csr: Csr, opts: Partial<PageRankOptions> = {}): PowerIterationResult {
  const defaults = DEFAULT_SCORE_OPTIONS.pagerank;
  const alpha = opts.alpha ?? defaults.alpha;
  const tolerance = opts.tolerance ?? defaults.tolerance;
  const maxIterations = opts.maxIterations ?? defaults.maxIterations;
  if (!(alpha >= 0 && alpha <= 1)) throw new Error(`pagerank: alpha must be in [0, 1], got ${alpha}`);
  const n = csr.n;
  if (n === 0) return { values: new Float64Array(0), iterations: 0, converged: true, delta: 0 };
  const p = teleportVector(csr, opts.personalization);
  const { offsets, targets, strengths } = csr;

  // invOut[i] = 1 / Σ_k w_ik, 0 for dangling nodes (as NetworkX: S[S != 0] = 1 / S).
  const invOut = new Float64Array(n);
  let danglingCount = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) s += strengths[e]!;
    if (s !== 0) invOut[i] = 1 / s;
    else danglingCount++;
  }
  const dangling = new Int32Array(danglingCount);
  for (let i = 0, d = 0; i < n; i++) if (invOut[i] === 0) dangling[d++] = i;

  const share = new Float64Array(n); // x_i / S_i, what node i sends along each unit of strength
  return powerIteration(new Float64Array(n).fill(1 / n), tolerance, maxIterations, (x, next) => {
    let danglingMass = 0;
    for (let d = 0; d < danglingCount; d++) danglingMass += x[dangling[d]!]!;
    for (let i = 0; i < n; i++) share[i] = x[i]! * invOut[i]!;
    let change = 0;
    for (let j = 0; j < n; j++) {
      let inflow = 0;
      for (let e = offsets[j]!; e < offsets[j + 1]!; e++) inflow += strengths[e]! * share[targets[e]!]!;
      const v = alpha * (inflow + danglingMass * p[j]!) + (1 - alpha) * p[j]!;
      next[j] = v;
      change += Math.abs(v - x[j]!);
    }
    return change;
  });
}

/**
 * The power-iteration driver shared by PageRank and eigenvector centrality: from `start`, calls
 * `step(x, next)` (fill `next` from `x`, return Σ_i |next_i − x_i|) until that change per node is
 * below `tolerance` or `maxIterations` steps have run. Two buffers, swapped; never throws.
 */
export function powerIteration(
  start: Float64Array,
  tolerance: number,
  maxIterations: number,
  step: (x: Float64Array, next: Float64Array) => number,
): PowerIterationResult {
  const n = start.length;
  let x: Float64Array = start;
  let next: Float64Array = new Float64Array(n);
  let delta = Infinity;
  let iterations = 0;
  while (iterations < maxIterations) {
    delta = step(x, next) / n;
    const swap = x;
    x = next;
    next = swap;
    iterations++;
    if (delta < tolerance) return { values: x, iterations, converged: true, delta };
  }
  return { values: x, iterations, converged: false, delta };
}
