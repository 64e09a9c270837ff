// Brokerage roles (Gould & Fernandez 1989, "Structures of mediation: a formal approach to
// brokerage in transaction networks", Sociological Methodology 19) on the directed interaction
// graph. Broker k mediates the ordered pair (i, j) when i→k and k→j, i ≠ j, i, j ≠ k, and there is
// no arc i→j. With g the group of each actor, the pair counts for k as
//   coordinator     g(i) = g(k) = g(j)
//   itinerant       g(i) = g(j) ≠ g(k)   (also called consultant)
//   gatekeeper      g(i) ≠ g(k) = g(j)
//   representative  g(i) = g(k) ≠ g(j)
//   liaison         g(i), g(k), g(j) all differ.
// Group −1 means "no group" (unknown): an ungrouped broker's five counts are NaN, and a pair whose
// i or j is ungrouped is not counted in any role (its role cannot be told), so the counts of a
// grouped broker cover its pairs between grouped actors only.
// Cost: O(Σ_k indeg(k) · outdeg(k) · log outdeg(i)) time (hasArc is a binary search), O(n) memory.
import { hasArc, type DirectedCsr } from '../graph/directed-csr.js';

export interface BrokerageRoles {
  coordinator: Float64Array;
  itinerant: Float64Array;
  gatekeeper: Float64Array;
  representative: Float64Array;
  liaison: Float64Array;
}

export function brokerageRoles(directed: DirectedCsr, groups: Int32Array): BrokerageRoles {
  const { n, outOffsets, outTargets, inOffsets, inSources } = directed;
  if (groups.length !== n) {
    throw new RangeError(`brokerageRoles: groups has ${groups.length} entries but the graph has ${n} actors`);
  }
  const roles: BrokerageRoles = {
    coordinator: new Float64Array(n),
    itinerant: new Float64Array(n),
    gatekeeper: new Float64Array(n),
    representative: new Float64Array(n),
    liaison: new Float64Array(n),
  };
  const { coordinator, itinerant, gatekeeper, representative, liaison } = roles;
  for (let k = 0; k < n; k++) {
    const gk = groups[k]!;
    if (gk === -1) {
      coordinator[k] = itinerant[k] = gatekeeper[k] = representative[k] = liaison[k] = NaN;
      continue;
    }
    let co = 0;
    let it = 0;
    let ga = 0;
    let re = 0;
    let li = 0;
    const outStart = outOffsets[k]!;
    const outEnd = outOffsets[k + 1]!;
    for (let p = inOffsets[k]!, inEnd = inOffsets[k + 1]!; p < inEnd; p++) {
      const i = inSources[p]!;
      const gi = groups[i]!;
      if (gi === -1) continue;
      for (let q = outStart; q < outEnd; q++) {
        const j = outTargets[q]!;
        if (j === i) continue;
        const gj = groups[j]!;
        if (gj === -1 || hasArc(directed, i, j)) continue;
        if (gi === gk) {
          if (gj === gk) co++;
          else re++;
        } else if (gj === gk) ga++;
        else if (gi === gj) it++;
        else li++;
      }
    }
    coordinator[k] = co;
    itinerant[k] = it;
    gatekeeper[k] = ga;
    representative[k] = re;
    liaison[k] = li;
  }
  return roles;
}
