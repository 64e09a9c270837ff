// Local bridges and their spans (nx.local_bridges(G, with_span=True, weight=None)).
// A tie is a local bridge when its endpoints have no common neighbour (it closes no triangle);
// its span is the hop length of the shortest path between the endpoints once the tie is removed.
// Span per tie: the hop count (≥ 3) for a local bridge, Infinity for a local bridge that is also a
// bridge (no other path: NetworkX's float('inf'); output writers show it as an empty cell), and NaN
// for a tie that is not a local bridge. Spans come from a breadth-first search from one endpoint
// that skips the tie and stops when the other endpoint is reached, with reusable typed buffers;
// bridges (found first, in O(n + m)) need no search.
// Cost: O(Σ_e min(k_i, k_j)) for the test, O(n + m) per local bridge that is not a bridge.
import type { Csr } from '../graph/csr.js';
import { bridges } from './bridges.js';
import { commonNeighbourCounts } from './neighbourhood-overlap.js';

export interface LocalBridges {
  /** 1 for each tie (0..m-1) that is a local bridge, else 0. */
  isLocalBridge: Uint8Array;
  /** Span in hops of each local bridge; Infinity when no other path exists; NaN for other ties. */
  span: Float64Array;
}

export function localBridges(csr: Csr): LocalBridges {
  const { n, m, offsets, targets, halfToEdge, edgeSource, edgeTarget } = csr;
  const common = commonNeighbourCounts(csr);
  const isBridge = bridges(csr);
  const isLocalBridge = new Uint8Array(m);
  const span = new Float64Array(m).fill(NaN);
  const seen = new Int32Array(n).fill(-1);
  const dist = new Int32Array(n);
  const queue = new Int32Array(n);
  for (let e = 0; e < m; e++) {
    if (common[e] !== 0) continue;
    isLocalBridge[e] = 1;
    if (isBridge[e] === 1) {
      span[e] = Infinity;
      continue;
    }
    const from = edgeSource[e]!;
    const to = edgeTarget[e]!;
    let head = 0;
    let tail = 0;
    queue[tail++] = from;
    seen[from] = e;
    dist[from] = 0;
    let found = Infinity;
    search: while (head < tail) {
      const v = queue[head++]!;
      const dv = dist[v]! + 1;
      for (let p = offsets[v]!, end = offsets[v + 1]!; p < end; p++) {
        if (halfToEdge[p] === e) continue;
        const w = targets[p]!;
        if (seen[w] === e) continue;
        if (w === to) {
          found = dv;
          break search;
        }
        seen[w] = e;
        dist[w] = dv;
        queue[tail++] = w;
      }
    }
    span[e] = found;
  }
  return { isLocalBridge, span };
}
