// Social capital index: one 0–100 score per actor from four components, each turned into a
// percentile among the actors so that different units can be combined:
//   bridging    low Burt constraint (Burt 1992: brokerage across structural holes) → high percentile
//   reach       harmonic centrality (Marchiori & Latora 2000): how near everyone else is
//   reputation  trust less distrust from reputation.ts (personalized PageRank on endorsements)
//   bonding     strength of the actor's ties inside its own group (Putnam 2000's bonding capital)
//   index_i = Σ_c w_c P_c(i) / Σ_{c defined for i} w_c,  default w = bridging 0.35, reach 0.25,
//             reputation 0.2, bonding 0.2 (sum 1; DEFAULT_SCORE_OPTIONS.socialCapitalWeights).
// Percentiles: P = 100 (r − 1)/(N − 1) with r the mid-rank (average 1-based rank of equal values)
// among the N actors the component is defined for; 50 when N = 1. Bridging, reach and bonding are
// ranked among actors with ties; an isolate scores 0 on them (it has no structural capital) and is
// ranked on reputation only with the others. A component undefined for an actor that has ties
// (bonding of an actor without a group) is left out of its index and the weights renormalised.
// Cost: O(n log n) (sorting per component), plus O(n + m) for the bonding strength.
import type { Csr } from '../graph/csr.js';
import { DEFAULT_SCORE_OPTIONS, type SocialCapitalWeights } from '../run/options.js';

export type { SocialCapitalWeights };

export const SOCIAL_CAPITAL_COMPONENTS = ['bridging', 'reach', 'reputation', 'bonding'] as const;
export type SocialCapitalComponent = (typeof SOCIAL_CAPITAL_COMPONENTS)[number];

export interface SocialCapitalInput {
  /** Burt's constraint per actor (NaN for isolates). */
  constraint: Float64Array;
  /** Harmonic centrality per actor. */
  harmonic: Float64Array;
  /** Reputation per actor (reputation.ts). */
  reputation: Float64Array;
  /** In-group tie strength per actor (`bondingStrength`); NaN for an actor without a group. */
  bonding: Float64Array;
  /** Tie strength (or degree) per actor: 0 marks an isolate. */
  strength: Float64Array;
}

export interface SocialCapital {
  /** 0–100 per actor; NaN when no component is defined. */
  index: Float64Array;
  /** Percentile (0–100) of each component per actor; NaN where undefined. */
  percentiles: Record<SocialCapitalComponent, Float64Array>;
  weights: SocialCapitalWeights;
}

/** Throws unless every weight is finite and non-negative and they sum to 1 (± 1e-9). */
export function checkSocialCapitalWeights(w: SocialCapitalWeights): void {
  let sum = 0;
  for (const c of SOCIAL_CAPITAL_COMPONENTS) {
    if (!(w[c] >= 0) || !Number.isFinite(w[c])) throw new RangeError(`social capital weight "${c}" must be a finite number ≥ 0, got ${w[c]}`);
    sum += w[c];
  }
  if (Math.abs(sum - 1) > 1e-9) {
    throw new RangeError(`social capital weights must sum to 1, got ${sum} (${SOCIAL_CAPITAL_COMPONENTS.map((c) => `${c} ${w[c]}`).join(', ')})`);
  }
}

/**
 * Mid-rank percentiles 100 (r − 1)/(N − 1) of the entries with `include[i]` and a non-NaN value
 * (50 when N = 1); NaN for the others.
 */
export function midRankPercentiles(values: Float64Array, include?: (i: number) => boolean): Float64Array {
  const n = values.length;
  const out = new Float64Array(n).fill(NaN);
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (!Number.isNaN(values[i]!) && (include === undefined || include(i))) idx.push(i);
  const N = idx.length;
  if (N === 0) return out;
  idx.sort((a, b) => values[a]! - values[b]!);
  for (let lo = 0; lo < N; ) {
    let hi = lo;
    while (hi + 1 < N && values[idx[hi + 1]!] === values[idx[lo]!]) hi++;
    const midRank = (lo + hi) / 2 + 1;
    const p = N === 1 ? 50 : (100 * (midRank - 1)) / (N - 1);
    for (let k = lo; k <= hi; k++) out[idx[k]!] = p;
    lo = hi + 1;
  }
  return out;
}

/** Strength of each actor's ties to actors of its own group; NaN for an actor without a group (−1). */
export function bondingStrength(csr: Csr, groups: Int32Array): Float64Array {
  const { n, offsets, targets, strengths } = csr;
  if (groups.length !== n) throw new RangeError(`bondingStrength: groups has ${groups.length} entries but the graph has ${n} actors`);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const g = groups[i]!;
    if (g === -1) {
      out[i] = NaN;
      continue;
    }
    let s = 0;
    for (let p = offsets[i]!, end = offsets[i + 1]!; p < end; p++) if (groups[targets[p]!] === g) s += strengths[p]!;
    out[i] = s;
  }
  return out;
}

export function socialCapital(input: SocialCapitalInput, weights: SocialCapitalWeights = DEFAULT_SCORE_OPTIONS.socialCapitalWeights): SocialCapital {
  checkSocialCapitalWeights(weights);
  const n = input.strength.length;
  for (const key of ['constraint', 'harmonic', 'reputation', 'bonding'] as const) {
    if (input[key].length !== n) throw new RangeError(`socialCapital: ${key} has ${input[key].length} entries for ${n} actors`);
  }
  const tied = (i: number): boolean => input.strength[i]! > 0;
  const negConstraint = new Float64Array(n);
  for (let i = 0; i < n; i++) negConstraint[i] = -input.constraint[i]!;
  const percentiles: Record<SocialCapitalComponent, Float64Array> = {
    bridging: midRankPercentiles(negConstraint, tied),
    reach: midRankPercentiles(input.harmonic, tied),
    reputation: midRankPercentiles(input.reputation),
    bonding: midRankPercentiles(input.bonding, tied),
  };
  for (let i = 0; i < n; i++) {
    if (tied(i)) continue;
    percentiles.bridging[i] = 0;
    percentiles.reach[i] = 0;
    percentiles.bonding[i] = 0;
  }
  const index = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let wsum = 0;
    for (const c of SOCIAL_CAPITAL_COMPONENTS) {
      const p = percentiles[c][i]!;
      if (Number.isNaN(p)) continue;
      sum += weights[c] * p;
      wsum += weights[c];
    }
    index[i] = wsum > 0 ? sum / wsum : NaN;
  }
  return { index, percentiles, weights };
}

/**
 * The component that adds most to actor i's index (weight × percentile; the first in
 * SOCIAL_CAPITAL_COMPONENTS order on equal shares), for the explanation text; undefined when none is defined.
 */
export function strongestComponent(sc: SocialCapital, i: number): SocialCapitalComponent | undefined {
  let best: SocialCapitalComponent | undefined;
  let bestShare = -Infinity;
  for (const c of SOCIAL_CAPITAL_COMPONENTS) {
    const p = sc.percentiles[c][i]!;
    if (Number.isNaN(p)) continue;
    const share = sc.weights[c] * p;
    if (share > bestShare) {
      bestShare = share;
      best = c;
    }
  }
  return best;
}
