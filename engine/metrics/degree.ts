// Degree and strength of every node of the undirected tie graph.
// degree(i) = |N(i)|; strength(i) = Σ_{j ∈ N(i)} w_ij (sum of tie strengths).
// Matches G.degree(v) and G.degree(v, weight='strength') in NetworkX. Cost: O(n + m).
import type { Csr } from '../graph/csr.js';

/** Number of ties of each node (isolates: 0). */
export function degree(csr: Csr): Float64Array {
  const out = new Float64Array(csr.n);
  const off = csr.offsets;
  for (let i = 0; i < csr.n; i++) out[i] = off[i + 1]! - off[i]!;
  return out;
}

/** Sum of the strengths of each node's ties (isolates: 0). */
export function strength(csr: Csr): Float64Array {
  const out = new Float64Array(csr.n);
  const off = csr.offsets;
  const w = csr.strengths;
  for (let i = 0; i < csr.n; i++) {
    let s = 0;
    for (let p = off[i]!; p < off[i + 1]!; p++) s += w[p]!;
    out[i] = s;
  }
  return out;
}
