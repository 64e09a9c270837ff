// Betweenness centrality: c_B(v) = Σ_{s≠v≠t} σ(s,t | v) / σ(s,t), normalized by (n-1)(n-2), the
// ordered pairs of other nodes (undirected paths are counted from both ends, so the ratio is the
// unordered one). Matches `nx.betweenness_centrality(G, normalized=True, weight='distance')`
// (weight=None, BFS, for hops), Brandes 2001; rescaling as NetworkX 3.6 `_rescale`.
// Sampled (Brandes & Pich 2007, NetworkX's `k=`): only k pivot sources, drawn without replacement
// by the seeded generator; a pivot v is scaled by 1/((k-1)(n-2)) (its own source contributes
// nothing; NaN when k = 1, as NetworkX), any other node by 1/(k(n-2)). k ≥ n is the exact result.
// Error bound, at 95% for every node at once: each per-source term δ_s(v)/(n-2) lies in [0, 1]
// (δ_s(v) counts at most the n-2 targets other than s and v), and a node's estimate is the mean of
// t such terms over sources drawn without replacement from the n-1 other nodes (t = k-1 for a
// pivot, k otherwise), so Hoeffding's inequality with a union bound over the n nodes gives
// |estimate − exact| ≤ ε = min(1, sqrt(ln(2n/δ) / (2(k-1)))) with δ = 0.05, for all nodes with
// probability ≥ 95%. ε is 0 when the result is exact (k ≥ n, or n ≤ 2 where every value is 0).
// Cost: O(n m log n) exact weighted, O(n m) hops; sampled O(k m log n); memory O(n + m).
import type { Csr, DistanceMode } from '../graph/csr.js';
import { DEFAULT_SCORE_OPTIONS } from '../run/options.js';
import { createRng, sampleIndices } from './random.js';
import { accumulateSources, allSources, createPathSums, pathLengths } from './single-source-paths.js';

/** Confidence of the reported sampled-betweenness error bound. */
export const BETWEENNESS_CONFIDENCE = 0.95;

export interface BetweennessOptions {
  distance: DistanceMode;
  /** Exact (all sources) or sampled (k pivots). Default exact. */
  mode?: 'exact' | 'sampled';
  /** Pivots k when sampled; default `DEFAULT_SCORE_OPTIONS.samples`. */
  samples?: number;
  /** Seed of the pivot draw; default `DEFAULT_SCORE_OPTIONS.seed`. */
  seed?: number;
  /** Explicit pivot node indices instead of a seeded draw (sampled mode). */
  pivots?: Int32Array;
  onProgress?: (done: number, total: number) => void;
}

export interface BetweennessResult {
  values: Float64Array;
  /** Sources the estimate used (n when exact). */
  samples: number;
  /** Hoeffding bound on |estimate − exact| of every node at 95%; 0 when exact. */
  errorBound: number;
}

/** Which sources betweenness uses: all (exact) or k pivots. */
export interface BetweennessPlan {
  n: number;
  /** Pivot node indices in ascending order, or null for the exact (all sources) pass. */
  pivots: Int32Array | null;
  /** `mask[v] === 1` for each pivot v, or null when exact. */
  mask: Uint8Array | null;
}

/**
 * Chooses the sources of a betweenness pass. `samples` must be a positive integer; at least n
 * gives the exact pass. Explicit `pivots` must be distinct node indices.
 */
export function planBetweenness(
  n: number,
  opts: { mode?: 'exact' | 'sampled'; samples?: number; seed?: number; pivots?: Int32Array },
): BetweennessPlan {
  if (opts.mode !== 'sampled') return { n, pivots: null, mask: null };
  let pivots: Int32Array;
  if (opts.pivots !== undefined) {
    pivots = Int32Array.from(opts.pivots);
    if (pivots.length === 0) throw new RangeError('betweenness pivots must not be empty');
  } else {
    const k = opts.samples ?? DEFAULT_SCORE_OPTIONS.samples;
    if (!Number.isInteger(k) || k < 1) throw new RangeError(`betweenness samples must be a positive integer, got ${k}`);
    if (k >= n) return { n, pivots: null, mask: null };
    pivots = sampleIndices(n, k, createRng(opts.seed ?? DEFAULT_SCORE_OPTIONS.seed));
  }
  pivots.sort();
  const mask = new Uint8Array(n);
  for (const v of pivots) {
    if (!(v >= 0 && v < n)) throw new RangeError(`betweenness pivot ${v} is not a node index (0..${n - 1})`);
    if (mask[v] === 1) throw new RangeError(`betweenness pivot ${v} is repeated`);
    mask[v] = 1;
  }
  if (pivots.length === n) return { n, pivots: null, mask: null };
  return { n, pivots, mask };
}

/** Hoeffding error bound at 95% for k pivots among n nodes (see the module comment). */
export function betweennessErrorBound(n: number, k: number): number {
  if (k >= n || n <= 2) return 0;
  const terms = k - 1;
  if (terms < 1) return 1;
  const eps = Math.sqrt(Math.log((2 * n) / (1 - BETWEENNESS_CONFIDENCE)) / (2 * terms));
  return Math.min(1, eps);
}

/**
 * Normalizes raw dependency sums in place exactly as NetworkX's `_rescale(normalized=True,
 * endpoints=False)`: nothing when n ≤ 2, else × 1/((n-1)(n-2)) exact, or the pivot/non-pivot
 * factors when sampled.
 */
export function finishBetweenness(raw: Float64Array, plan: BetweennessPlan): BetweennessResult {
  const n = plan.n;
  const k = plan.pivots === null ? n : plan.pivots.length;
  const result = { values: raw, samples: k, errorBound: betweennessErrorBound(n, k) };
  const N = n - 1;
  if (N < 2) return result;
  if (plan.mask === null) {
    const scale = 1 / (N * (N - 1));
    for (let v = 0; v < n; v++) raw[v]! *= scale;
    return result;
  }
  const scalePivot = k > 1 ? 1 / ((k - 1) * (N - 1)) : NaN;
  const scaleOther = 1 / (k * (N - 1));
  const mask = plan.mask;
  for (let v = 0; v < n; v++) raw[v]! *= mask[v] === 1 ? scalePivot : scaleOther;
  return result;
}

/** Normalized betweenness of every node, exact or sampled, with the sample size and error bound. */
export function betweennessCentrality(csr: Csr, opts: BetweennessOptions): BetweennessResult {
  const plan = planBetweenness(csr.n, opts);
  const sources = plan.pivots ?? allSources(csr.n);
  const sums = createPathSums(csr.n, { betweenness: true, closeness: false, harmonic: false });
  accumulateSources(csr, pathLengths(csr, opts.distance), sources, 0, sources.length, sums, {
    onProgress: opts.onProgress,
  });
  return finishBetweenness(sums.dependency!, plan);
}
