// Harmonic centrality: H(u) = Σ_{v≠u, v reachable} 1/d(u,v); 0 for an isolate (Marchiori & Latora
// 2000; Boldi & Vigna 2014, "Axioms for centrality"). Matches `nx.harmonic_centrality(G,
// distance='distance')` (distance=None for hops). NetworkX adds 1/d(v,u) found from each source v
// into u; on the undirected tie graph we sum 1/d(u,v) from u itself, which is the same distance up
// to float rounding of the path sums (≪ 1e-9 relative) and lets each source write only its own entry.
// Cost: one single-source pass per node, O(n m log n) weighted, O(n m) hops; memory O(n + m).
import type { Csr, DistanceMode } from '../graph/csr.js';
import { accumulateSources, allSources, createPathSums, pathLengths } from './single-source-paths.js';

export interface HarmonicOptions {
  distance: DistanceMode;
  onProgress?: (done: number, total: number) => void;
}

/** Harmonic centrality of every node. */
export function harmonicCentrality(csr: Csr, opts: HarmonicOptions): Float64Array {
  const sums = createPathSums(csr.n, { betweenness: false, closeness: false, harmonic: true });
  accumulateSources(csr, pathLengths(csr, opts.distance), allSources(csr.n), 0, csr.n, sums, {
    onProgress: opts.onProgress,
  });
  return sums.inverseDistanceSum!;
}
