// Reputation: personalized PageRank on the directed graph D of endorsing interactions, less
// distrust carried one step along negative interactions.
//   trust     x ← α (x P + (Σ_{d dangling} x_d) p) + (1 − α) p,  P_ij = w_ij / Σ_k w_ik over D's arcs,
//             p = the seeds (pre-trusted actors, each 1) normalised, or uniform without seeds;
//             dangling nodes (no endorsing out-arc) jump along p. Equals
//             nx.pagerank(D, alpha, weight='weight', personalization=seeds) (networkx 3.6
//             _pagerank_scipy, dangling=None), iterated until the mean absolute change per node is
//             below `tolerance` (default 1e-13); never throws, reports non-convergence.
//   distrust  N_j = α Σ_{i→j negative} trust_i · w⁻_ij / Σ_k w⁻_ik: each actor's complaints carry its
//             own trust, split over its negative targets, one step only (Guha, Kumar, Raghavan &
//             Tomkins 2004, "Propagation of trust and distrust", WWW: one-step distrust works best).
//   reputation_j = trust_j − β N_j  (β default 0.5; signed: negative = net distrust).
// An actor with only negative evidence therefore ranks below an unknown actor with none whenever a
// complainer has any trust: both get the same trust, and only the first loses β N_j > 0.
// D: arcs of the interactions whose type is endorsing (TieGraphBuilder's `endorsingTypes`); when no
// interaction has an endorsing type (an untyped log, or types none of which endorses), D holds
// every interaction that is not negative. Undirected interactions endorse both ways; arcs of
// weight ≤ 0 are left out. Every actor is a node of D.
// Reference: Page, Brin, Motwani & Winograd 1999; Haveliwala 2002 (topic-sensitive/personalized).
// Cost: O(n + a) per iteration for a arcs, O(n + a) memory.
import type { DirectedCsr } from '../graph/directed-csr.js';
import { directedCsrFromArcs } from '../graph/directed-csr.js';
import type { TieGraph } from '../graph/tie-graph.js';
import { DEFAULT_SCORE_OPTIONS, type PowerIterationOptions } from '../run/options.js';

export interface ReputationOptions extends PowerIterationOptions {
  alpha: number;
  /** Pre-trusted actor ids; empty = uniform. Unknown ids are ignored (with a note). */
  seeds: string[];
  /** β: weight of distrust against trust. */
  distrustWeight: number;
}

export interface Reputation {
  /** trust − β · distrust, per actor (TieGraph node index). */
  reputation: Float64Array;
  trust: Float64Array;
  distrust: Float64Array;
  /** Which interactions endorsed: the endorsing types, or (none present) every non-negative one. */
  source: 'endorsing' | 'all';
  iterations: number;
  converged: boolean;
  /** Mean absolute change per node in the last iteration. */
  delta: number;
  notes: string[];
}

export interface PersonalizedPageRank {
  values: Float64Array;
  iterations: number;
  converged: boolean;
  delta: number;
}

/**
 * Personalized PageRank on a directed CSR (nx.pagerank with weight='weight', dangling=None).
 * `p` is the teleport distribution (non-negative, summing to 1; undefined = uniform).
 */
export function personalizedPageRank(
  d: DirectedCsr,
  p: Float64Array | undefined,
  opts: Partial<PowerIterationOptions & { alpha: number }> = {},
): PersonalizedPageRank {
  const alpha = opts.alpha ?? DEFAULT_SCORE_OPTIONS.pagerank.alpha;
  const tolerance = opts.tolerance ?? DEFAULT_SCORE_OPTIONS.pagerank.tolerance;
  const maxIterations = opts.maxIterations ?? DEFAULT_SCORE_OPTIONS.pagerank.maxIterations;
  if (!(alpha >= 0 && alpha <= 1)) throw new RangeError(`reputation: alpha must be in [0, 1], got ${alpha}`);
  const n = d.n;
  if (n === 0) return { values: new Float64Array(0), iterations: 0, converged: true, delta: 0 };
  const teleport = p ?? new Float64Array(n).fill(1 / n);
  const { outOffsets, outWeights, inOffsets, inSources, inWeights } = d;
  const invOut = new Float64Array(n);
  let danglingCount = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let e = outOffsets[i]!; e < outOffsets[i + 1]!; e++) if (outWeights[e]! > 0) s += outWeights[e]!;
    if (s > 0) invOut[i] = 1 / s;
    else danglingCount++;
  }
  const dangling = new Int32Array(danglingCount);
  for (let i = 0, k = 0; i < n; i++) if (invOut[i] === 0) dangling[k++] = i;
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  const share = new Float64Array(n);
  let delta = Infinity;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    let danglingMass = 0;
    for (let k = 0; k < danglingCount; k++) danglingMass += x[dangling[k]!]!;
    for (let i = 0; i < n; i++) share[i] = x[i]! * invOut[i]!;
    let change = 0;
    for (let j = 0; j < n; j++) {
      let inflow = 0;
      for (let e = inOffsets[j]!; e < inOffsets[j + 1]!; e++) {
        const w = inWeights[e]!;
        if (w > 0) inflow += w * share[inSources[e]!]!;
      }
      const v = alpha * (inflow + danglingMass * teleport[j]!) + (1 - alpha) * teleport[j]!;
      next[j] = v;
      change += Math.abs(v - x[j]!);
    }
    const swap = x;
    x = next;
    next = swap;
    iterations++;
    delta = change / n;
    if (delta < tolerance) {
      converged = true;
      break;
    }
  }
  return { values: x, iterations, converged, delta };
}

/** Arcs of `all` less those of `minus` (weights subtracted per ordered pair); arcs left ≤ 0 dropped. */
function arcsWithout(all: DirectedCsr, minus: DirectedCsr | undefined): DirectedCsr {
  const src: number[] = [];
  const dst: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < all.n; i++) {
    let q = minus ? minus.outOffsets[i]! : 0;
    const qEnd = minus ? minus.outOffsets[i + 1]! : 0;
    for (let e = all.outOffsets[i]!; e < all.outOffsets[i + 1]!; e++) {
      const j = all.outTargets[e]!;
      let v = all.outWeights[e]!;
      while (q < qEnd && minus!.outTargets[q]! < j) q++;
      if (q < qEnd && minus!.outTargets[q] === j) v -= minus!.outWeights[q]!;
      if (v > 0) {
        src.push(i);
        dst.push(j);
        w.push(v);
      }
    }
  }
  return directedCsrFromArcs(all.ids, Int32Array.from(src), Int32Array.from(dst), Float64Array.from(w));
}

/** Trust, distrust and reputation of every actor of the tie graph (node index order). */
export function reputation(g: TieGraph, opts: Partial<ReputationOptions> = {}): Reputation {
  const notes: string[] = [];
  const n = g.actors.length;
  const beta = opts.distrustWeight ?? DEFAULT_SCORE_OPTIONS.distrustWeight;
  if (!(beta >= 0) || !Number.isFinite(beta)) throw new RangeError(`reputation: distrust weight must be a finite number ≥ 0, got ${beta}`);
  const endorsing = g.endorsing !== undefined && (g.endorsingInteractions ?? g.endorsing.a) > 0;
  const source: 'endorsing' | 'all' = endorsing ? 'endorsing' : 'all';
  const d = endorsing ? g.endorsing! : arcsWithout(g.directed, g.negative);
  if (!endorsing && g.types.length > 0) {
    notes.push('reputation: no interaction has an endorsing type, so every interaction that is not negative endorses its target');
  }

  let p: Float64Array | undefined;
  const seeds = opts.seeds ?? DEFAULT_SCORE_OPTIONS.seeds;
  if (seeds.length > 0) {
    const known = seeds.filter((s) => g.index.has(s));
    const unknown = seeds.filter((s) => !g.index.has(s));
    if (unknown.length) notes.push(`reputation: unknown seed actor(s) ignored: ${unknown.join(', ')}`);
    if (known.length === 0) notes.push('reputation: no known seed actor, so trust starts uniform');
    else {
      p = new Float64Array(n);
      for (const s of known) p[g.index.get(s)!] = 1;
      let sum = 0;
      for (let i = 0; i < n; i++) sum += p[i]!;
      for (let i = 0; i < n; i++) p[i]! /= sum;
    }
  }
  const alpha = opts.alpha ?? DEFAULT_SCORE_OPTIONS.pagerank.alpha;
  const pr = personalizedPageRank(d, p, { alpha, tolerance: opts.tolerance, maxIterations: opts.maxIterations });
  if (!pr.converged) notes.push(`reputation did not converge in ${pr.iterations} iterations (last change ${pr.delta}); values are the last iterate`);
  const trust = pr.values;

  const distrust = new Float64Array(n);
  const neg = g.negative;
  if (neg && neg.a > 0) {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let e = neg.outOffsets[i]!; e < neg.outOffsets[i + 1]!; e++) if (neg.outWeights[e]! > 0) s += neg.outWeights[e]!;
      if (!(s > 0)) continue;
      const carried = (alpha * trust[i]!) / s;
      for (let e = neg.outOffsets[i]!; e < neg.outOffsets[i + 1]!; e++) {
        if (neg.outWeights[e]! > 0) distrust[neg.outTargets[e]!]! += carried * neg.outWeights[e]!;
      }
    }
  }
  const rep = new Float64Array(n);
  for (let i = 0; i < n; i++) rep[i] = trust[i]! - beta * distrust[i]!;
  return { reputation: rep, trust, distrust, source, iterations: pr.iterations, converged: pr.converged, delta: pr.delta, notes };
}
