// Neighbourhood overlap of each tie (Onnela et al. 2007, "Structure and tie strengths in mobile
// communication networks", PNAS 104(18)):
//   O_ij = n_ij / ((k_i − 1) + (k_j − 1) − n_ij),  0 when the denominator is 0,
// with n_ij the number of common neighbours of i and j (nx.common_neighbors) and k the degree.
// Common neighbours are counted once per tie from the endpoint of larger degree: its neighbours
// are stamped in an Int32Array marker, then the smaller endpoint's neighbours are looked up.
// Cost: O(n + m + Σ_e min(k_i, k_j)) time, O(n + m) memory.
import type { Csr } from '../graph/csr.js';

/** Common neighbours n_ij of each tie, indexed by tie (0..m-1). */
export function commonNeighbourCounts(csr: Csr): Int32Array {
  const { n, offsets, targets, halfToEdge } = csr;
  const common = new Int32Array(csr.m);
  const mark = new Int32Array(n).fill(-1);
  for (let u = 0; u < n; u++) {
    const uStart = offsets[u]!;
    const uEnd = offsets[u + 1]!;
    const ku = uEnd - uStart;
    let stamped = false;
    for (let p = uStart; p < uEnd; p++) {
      const v = targets[p]!;
      const kv = offsets[v + 1]! - offsets[v]!;
      // The tie is counted from its endpoint of larger degree (smaller index on equal degree).
      if (kv > ku || (kv === ku && v < u)) continue;
      if (!stamped) {
        for (let q = uStart; q < uEnd; q++) mark[targets[q]!] = u;
        stamped = true;
      }
      let c = 0;
      for (let q = offsets[v]!, end = offsets[v + 1]!; q < end; q++) if (mark[targets[q]!] === u) c++;
      common[halfToEdge[p]!] = c;
    }
  }
  return common;
}

/** Neighbourhood overlap of each tie, indexed by tie (0..m-1), in [0, 1]. */
export function neighbourhoodOverlap(csr: Csr): Float64Array {
  const common = commonNeighbourCounts(csr);
  const { offsets, edgeSource, edgeTarget } = csr;
  const overlap = new Float64Array(csr.m);
  for (let e = 0; e < csr.m; e++) {
    const a = edgeSource[e]!;
    const b = edgeTarget[e]!;
    const c = common[e]!;
    const den = offsets[a + 1]! - offsets[a]! - 1 + (offsets[b + 1]! - offsets[b]! - 1) - c;
    overlap[e] = den === 0 ? 0 : c / den;
  }
  return overlap;
}
