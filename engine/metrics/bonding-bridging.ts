// Bonding and bridging social capital of each actor over the tie graph (Putnam 2000's bonding /
// bridging distinction, measured as in the E-I index family of Krackhardt & Stern 1988 but
// strength-weighted): with g the group of each actor and s_ij the tie strength,
//   bonding_i  = Σ_{j ∈ N(i), g(j) = g(i)} s_ij / Σ_{j ∈ N(i), g(j) ≠ −1} s_ij
//   bridging_i = 1 − bonding_i.
// Group −1 means "no group" (unknown): ties to ungrouped neighbours are left out of both sums, and
// an ungrouped actor, an isolate, or an actor with no strength to grouped neighbours gets NaN.
// The caller chooses the groups (an attribute such as department, or the communities).
// Cost: O(n + m).
import type { Csr } from '../graph/csr.js';

export interface BondingBridging {
  bonding: Float64Array;
  bridging: Float64Array;
}

export function bondingBridging(csr: Csr, groups: Int32Array): BondingBridging {
  const { n, offsets, targets, strengths } = csr;
  if (groups.length !== n) {
    throw new RangeError(`bondingBridging: groups has ${groups.length} entries but the graph has ${n} actors`);
  }
  const bonding = new Float64Array(n);
  const bridging = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const gi = groups[i]!;
    let inside = 0;
    let total = 0;
    if (gi !== -1) {
      for (let p = offsets[i]!, end = offsets[i + 1]!; p < end; p++) {
        const gj = groups[targets[p]!]!;
        if (gj === -1) continue;
        total += strengths[p]!;
        if (gj === gi) inside += strengths[p]!;
      }
    }
    if (total > 0) {
      bonding[i] = inside / total;
      bridging[i] = 1 - bonding[i]!;
    } else {
      bonding[i] = bridging[i] = NaN;
    }
  }
  return { bonding, bridging };
}

/**
 * Numbers the distinct values of a group attribute 0..g−1 in order of first appearance
 * (`names[g]` is the value of group g). An undefined or empty value means "no group": −1.
 */
export function groupIndex(values: ReadonlyArray<string | undefined>): { groups: Int32Array; names: string[] } {
  const groups = new Int32Array(values.length);
  const names: string[] = [];
  const index = new Map<string, number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === undefined || v === '') {
      groups[i] = -1;
      continue;
    }
    let g = index.get(v);
    if (g === undefined) {
      g = names.length;
      names.push(v);
      index.set(v, g);
    }
    groups[i] = g;
  }
  return { groups, names };
}
