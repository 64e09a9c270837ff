// Local bridges and their spans (nx.local_bridges(G, with_span=True, weight=None)).
// A tie is a local bridge when its endpoints have no common neighbour (it closes no triangle);
// its span is the hop length of the shortest path between the endpoints once the tie is removed.
// Span per tie: the hop count (≥ 3) for a local bridge, Infinity for a local bridge that is also a
// bridge (no other path: NetworkX's float('inf'); output writers show it as an empty cell), and NaN
// for a tie that is not a local bridge. Spans come from a bidirectional breadth-first search between
// the endpoints that skips the tie, level by level from the smaller frontier, with reusable buffers;
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

export interface LocalBridgeOptions {
  /** Called with (ties examined, ties) about every 1% of the ties and at the end. */
  onProgress?: (done: number, total: number) => void;
}

export function localBridges(csr: Csr, opts: LocalBridgeOptions = {}): LocalBridges {
  const { n, m, offsets, targets, halfToEdge, edgeSource, edgeTarget } = csr;
  const common = commonNeighbourCounts(csr);
  const isBridge = bridges(csr);
  const isLocalBridge = new Uint8Array(m);
  const span = new Float64Array(m).fill(NaN);
  const seenA = new Int32Array(n).fill(-1);
  const seenB = new Int32Array(n).fill(-1);
  const distA = new Int32Array(n);
  const distB = new Int32Array(n);
  const queueA = new Int32Array(n);
  const queueB = new Int32Array(n);
  const every = Math.max(1, Math.floor(m / 100));
  for (let e = 0; e < m; e++) {
    if (opts.onProgress !== undefined && e > 0 && e % every === 0) opts.onProgress(e, m);
    if (common[e] !== 0) continue;
    isLocalBridge[e] = 1;
    if (isBridge[e] === 1) {
      span[e] = Infinity;
      continue;
    }
    span[e] = spanWithout(e, edgeSource[e]!, edgeTarget[e]!);
  }
  opts.onProgress?.(m, m);

  /**
   * Bidirectional breadth-first search between the endpoints, skipping tie e: whole levels are
   * expanded from the side with the smaller frontier; the first level that meets the other side
   * gives the shortest length (the minimum over that level). Visits about the square root of what a
   * one-sided search visits on org-shaped graphs.
   */
  function spanWithout(e: number, from: number, to: number): number {
    let headA = 0;
    let tailA = 0;
    let headB = 0;
    let tailB = 0;
    queueA[tailA++] = from;
    seenA[from] = e;
    distA[from] = 0;
    queueB[tailB++] = to;
    seenB[to] = e;
    distB[to] = 0;
    while (headA < tailA && headB < tailB) {
      const expandA = tailA - headA <= tailB - headB;
      const queue = expandA ? queueA : queueB;
      const seen = expandA ? seenA : seenB;
      const other = expandA ? seenB : seenA;
      const dist = expandA ? distA : distB;
      const otherDist = expandA ? distB : distA;
      let head = expandA ? headA : headB;
      let tail = expandA ? tailA : tailB;
      const levelEnd = tail;
      let best = Infinity;
      while (head < levelEnd) {
        const v = queue[head++]!;
        const dv = dist[v]! + 1;
        for (let p = offsets[v]!, end = offsets[v + 1]!; p < end; p++) {
          if (halfToEdge[p] === e) continue;
          const w = targets[p]!;
          if (other[w] === e) {
            const len = dv + otherDist[w]!;
            if (len < best) best = len;
            continue;
          }
          if (seen[w] === e) continue;
          seen[w] = e;
          dist[w] = dv;
          queue[tail++] = w;
        }
      }
      if (expandA) {
        headA = head;
        tailA = tail;
      } else {
        headB = head;
        tailB = tail;
      }
      if (best < Infinity) return best;
    }
    return Infinity;
  }
  return { isLocalBridge, span };
}
