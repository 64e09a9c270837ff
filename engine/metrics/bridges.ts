// Bridges of the tie graph: ties whose removal disconnects their component (nx.bridges).
// Tarjan's low-link on a depth-first search (Tarjan 1974, "A note on finding the bridges of a
// graph"): tie (parent(v), v) of the DFS tree is a bridge when low(v) > disc(parent(v)), low(v)
// being the earliest discovery time reachable from v's subtree by one non-tree tie. The DFS is
// iterative (an explicit stack with a per-node cursor into its half-edges), so deep graphs cannot
// overflow the call stack; the tie to the parent is skipped by tie index (the CSR has one tie per
// pair). Cost: O(n + m) time, O(n) extra memory.
import type { Csr } from '../graph/csr.js';

/** 1 for each tie (0..m-1) that is a bridge, else 0. */
export function bridges(csr: Csr): Uint8Array {
  const { n, offsets, targets, halfToEdge } = csr;
  const isBridge = new Uint8Array(csr.m);
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parentTie = new Int32Array(n);
  const cursor = new Int32Array(n);
  const stack = new Int32Array(n);
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (disc[root] !== -1) continue;
    let top = 0;
    stack[0] = root;
    disc[root] = low[root] = time++;
    parentTie[root] = -1;
    cursor[root] = offsets[root]!;
    while (top >= 0) {
      const v = stack[top]!;
      if (cursor[v]! < offsets[v + 1]!) {
        const p = cursor[v]!++;
        const e = halfToEdge[p]!;
        if (e === parentTie[v]) continue;
        const w = targets[p]!;
        if (disc[w] === -1) {
          disc[w] = low[w] = time++;
          parentTie[w] = e;
          cursor[w] = offsets[w]!;
          stack[++top] = w;
        } else if (disc[w]! < low[v]!) {
          low[v] = disc[w]!;
        }
      } else {
        top--;
        if (top >= 0) {
          const u = stack[top]!;
          if (low[v]! < low[u]!) low[u] = low[v]!;
          if (low[v]! > disc[u]!) isBridge[parentTie[v]!] = 1;
        }
      }
    }
  }
  return isBridge;
}
