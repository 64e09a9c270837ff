// Closeness centrality with the Wasserman–Faust improvement for disconnected graphs:
// C(u) = (r-1)/Σ_v d(u,v) · (r-1)/(n-1), r = nodes reachable from u including u; 0 when u reaches
// no other node or n ≤ 1. Matches `nx.closeness_centrality(G, distance='distance', wf_improved=True)`
// (distance=None, BFS, for hops), with the same float operations in the same order (distances
// summed in settle order). Wasserman & Faust 1994, "Social Network Analysis", eq. 5.3 and p. 201.
// Cost: one single-source pass per node, O(n m log n) weighted, O(n m) hops; memory O(n + m).
import type { Csr, DistanceMode } from '../graph/csr.js';
import { accumulateSources, allSources, createPathSums, pathLengths } from './single-source-paths.js';

export interface ClosenessOptions {
  distance: DistanceMode;
  onProgress?: (done: number, total: number) => void;
}

/** WF-improved closeness from each source's reached count and distance sum (NetworkX's arithmetic). */
export function closenessFromSums(reached: Float64Array, distanceSum: Float64Array, n: number): Float64Array {
  const out = new Float64Array(reached.length);
  for (let u = 0; u < reached.length; u++) {
    const total = distanceSum[u]!;
    if (total > 0 && n > 1) {
      const others = reached[u]! - 1;
      out[u] = (others / total) * (others / (n - 1));
    }
  }
  return out;
}

/** Closeness centrality of every node. */
export function closenessCentrality(csr: Csr, opts: ClosenessOptions): Float64Array {
  const sums = createPathSums(csr.n, { betweenness: false, closeness: true, harmonic: false });
  accumulateSources(csr, pathLengths(csr, opts.distance), allSources(csr.n), 0, csr.n, sums, {
    onProgress: opts.onProgress,
  });
  return closenessFromSums(sums.reached!, sums.distanceSum!, csr.n);
}
