// Closeness and harmonic centrality estimated from k pivot sources (Eppstein & Wang 2004, "Fast
// approximation of centrality"): on an undirected graph d(s, v) = d(v, s), so one single-source
// pass from each pivot s gives every node v a sample of its distances to the others. With t_v
// pivots other than v (k − 1 when v is a pivot, else k; drawn without replacement from the n − 1
// other nodes), R_v of them reaching v, at distances summing to S_v, and inverse distances to I_v:
//   reached others  ô_v = (n−1)/t_v · R_v          distance sum  D̂_v = (n−1)/t_v · S_v
//   closeness       Ĉ_v = (ô_v / D̂_v) · ô_v/(n−1) = (R_v/S_v) · (R_v/t_v)   (Wasserman–Faust, as closeness.ts; 0 when S_v = 0)
//   harmonic        Ĥ_v = (n−1)/t_v · I_v
// Each is an unbiased mean (ô, D̂, Ĥ) or a ratio of such means (Ĉ). NaN when t_v = 0 (k = 1 and v
// the pivot), as sampled betweenness. Error bounds at 95% for every node at once (Hoeffding and a
// union bound over the n nodes, ε = betweennessErrorBound(n, k), the same ε as sampled
// betweenness): each node's mean distance to the nodes it reaches is estimated within ε · Δ, Δ the
// largest finite distance (Eppstein–Wang's form; `errorBound` reports ε, in units of Δ), and its
// harmonic centrality within (n − 1) · ε / ℓ_min, ℓ_min the shortest tie length (reported as is).
// Cost: O(k m log n) weighted, O(k m) hops, for the k pivot passes; O(n) to finish.
import type { BetweennessPlan } from './betweenness.js';
import { betweennessErrorBound } from './betweenness.js';

export interface SampledDistanceResult {
  values: Float64Array;
  /** Pivots the estimate used. */
  samples: number;
  /** Closeness: ε, the bound on each mean distance in units of the largest distance. Harmonic: the bound on each value. */
  errorBound: number;
}

/** `estimate(v, t_v)` for every node, NaN where t_v = 0 (see the module comment). */
function perNode(plan: BetweennessPlan, estimate: (v: number, t: number) => number): Float64Array {
  if (plan.pivots === null || plan.mask === null) throw new RangeError('a sampled estimate needs pivots');
  const k = plan.pivots.length;
  const values = new Float64Array(plan.n);
  for (let v = 0; v < plan.n; v++) {
    const t = k - plan.mask[v]!;
    values[v] = t === 0 ? NaN : estimate(v, t);
  }
  return values;
}

/** Wasserman–Faust closeness of every node from the pivots' target sums (`accumulateSources` with `targetSums`). */
export function sampledClosenessFromSums(reached: Float64Array, distanceSum: Float64Array, plan: BetweennessPlan): SampledDistanceResult {
  const values = perNode(plan, (v, t) => (distanceSum[v]! > 0 ? (reached[v]! / distanceSum[v]!) * (reached[v]! / t) : 0));
  const k = plan.pivots!.length;
  return { values, samples: k, errorBound: betweennessErrorBound(plan.n, k) };
}

/** Harmonic centrality of every node from the pivots' inverse-distance target sums; `minLength` is the shortest tie length (1 for hops). */
export function sampledHarmonicFromSums(inverseDistanceSum: Float64Array, plan: BetweennessPlan, minLength: number): SampledDistanceResult {
  const n = plan.n;
  const values = perNode(plan, (v, t) => ((n - 1) / t) * inverseDistanceSum[v]!);
  const k = plan.pivots!.length;
  const bound = minLength > 0 ? ((n - 1) * betweennessErrorBound(n, k)) / minLength : Infinity;
  return { values, samples: k, errorBound: bound };
}

/** The shortest half-edge length (1 for hops, `lengths` null); Infinity without ties. */
export function shortestLength(lengths: Float64Array | null, m: number): number {
  if (lengths === null) return m > 0 ? 1 : Infinity;
  let min = Infinity;
  for (let i = 0; i < lengths.length; i++) if (lengths[i]! < min) min = lengths[i]!;
  return min;
}
