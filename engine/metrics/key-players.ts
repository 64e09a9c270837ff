// Key players by fragmentation (Borgatti 2006, KPP-Neg): greedily remove, K times, the actor whose
// removal raises fragmentation F = 1 − Σ s_k (s_k − 1) / (n (n − 1)) the most (see fragmentation.ts).
// Exact greedy without trying each candidate: one depth-first pass (Hopcroft & Tarjan 1973's
// articulation-point search, iterative) gives, for every actor v at once, the components its
// removal leaves. With S the size of v's component, the "pieces" of v are the DFS subtrees of its
// children c with low(c) ≥ disc(v) — each becomes a component — and the rest, S − 1 − Σ pieces,
// stays one component (empty for a DFS root, whose children are all pieces). So
//   Σ' = Σ − S(S − 1) + Σ_pieces p(p − 1) + rest(rest − 1),   F(v) = 1 − Σ' / ((n − 1)(n − 2)).
// A non-articulation actor has no piece: its component just shrinks by one.
// Ties between equal gains go to the lowest node index, so the result is deterministic.
// Cost: O(n + m) per step, O(K (n + m)) in all; O(n) memory.
import type { Csr } from '../graph/csr.js';
import { fragmentationFrom } from './fragmentation.js';

export interface KeyPlayerStep {
  node: number;
  id: string;
  /** Fragmentation after removing this actor and every earlier one. */
  fragmentation: number;
  /** Components after that removal. */
  components: number;
}

export interface RemovalEffects {
  /** Fragmentation after removing each actor alone (NaN for actors already removed). */
  fragmentation: Float64Array;
  /** Components after removing each actor alone (−1 for actors already removed). */
  components: Int32Array;
}

/** For every present actor, the fragmentation and component count if it alone were removed next. */
export function removalEffects(csr: Csr, removed?: Uint8Array): RemovalEffects {
  const { n, offsets, targets, halfToEdge } = csr;
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const size = new Int32Array(n); // DFS subtree size
  const pieceSum = new Float64Array(n); // Σ p(p−1) over v's pieces
  const pieceSize = new Int32Array(n); // Σ p over v's pieces
  const pieceCount = new Int32Array(n);
  const stack = new Int32Array(n);
  const cursor = new Int32Array(n); // next half-edge to look at
  const parentEdge = new Int32Array(n).fill(-1);
  const order = new Int32Array(n); // actors in discovery order, per component contiguous
  const compOf = new Int32Array(n);
  const compSizes: number[] = [];
  let present = 0;
  let time = 0;
  for (let r = 0; r < n; r++) {
    if (removed && removed[r] === 1) continue;
    present++;
    if (disc[r] !== -1) continue;
    const start = time;
    let top = 0;
    stack[top++] = r;
    disc[r] = low[r] = time;
    order[time++] = r;
    cursor[r] = offsets[r]!;
    while (top > 0) {
      const v = stack[top - 1]!;
      if (cursor[v]! < offsets[v + 1]!) {
        const p = cursor[v]!++;
        const w = targets[p]!;
        if ((removed && removed[w] === 1) || halfToEdge[p] === parentEdge[v]) continue;
        if (disc[w] === -1) {
          disc[w] = low[w] = time;
          order[time++] = w;
          parentEdge[w] = halfToEdge[p]!;
          cursor[w] = offsets[w]!;
          stack[top++] = w;
        } else if (disc[w]! < low[v]!) low[v] = disc[w]!;
        continue;
      }
      top--;
      size[v]!++;
      if (top > 0) {
        const u = stack[top - 1]!;
        size[u]! += size[v]!;
        if (low[v]! < low[u]!) low[u] = low[v]!;
        if (low[v]! >= disc[u]!) {
          const s = size[v]!;
          pieceSum[u]! += s * (s - 1);
          pieceSize[u]! += s;
          pieceCount[u]!++;
        }
      }
    }
    const c = compSizes.length;
    compSizes.push(time - start);
    for (let t = start; t < time; t++) compOf[order[t]!] = c;
  }
  let total = 0;
  for (const s of compSizes) total += s * (s - 1);
  const fragmentation = new Float64Array(n).fill(NaN);
  const components = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) {
    if (removed && removed[v] === 1) continue;
    const S = compSizes[compOf[v]!]!;
    const rest = S - 1 - pieceSize[v]!;
    const after = total - S * (S - 1) + pieceSum[v]! + rest * (rest - 1);
    fragmentation[v] = fragmentationFrom(after, present - 1);
    components[v] = compSizes.length - 1 + pieceCount[v]! + (rest > 0 ? 1 : 0);
  }
  return { fragmentation, components };
}

/** The K key players, in the order the greedy removes them (fewer when fewer actors are left). */
export function keyPlayers(csr: Csr, k: number, alreadyRemoved?: Uint8Array): KeyPlayerStep[] {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`keyPlayers: K must be an integer ≥ 0, got ${k}`);
  const removed = alreadyRemoved ? alreadyRemoved.slice() : new Uint8Array(csr.n);
  const steps: KeyPlayerStep[] = [];
  for (let step = 0; step < k; step++) {
    const eff = removalEffects(csr, removed);
    let best = -1;
    for (let v = 0; v < csr.n; v++) {
      if (removed[v] === 1) continue;
      if (best === -1 || eff.fragmentation[v]! > eff.fragmentation[best]!) best = v;
    }
    if (best === -1) break;
    removed[best] = 1;
    steps.push({ node: best, id: csr.ids[best]!, fragmentation: eff.fragmentation[best]!, components: eff.components[best]! });
  }
  return steps;
}
