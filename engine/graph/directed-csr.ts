// Compressed sparse row adjacency of the directed interaction graph (one arc per ordered pair,
// weight = summed interaction weight), with both out- and in-adjacency. Used by brokerage roles
// and reputation. Cost: O(n + a) for a arcs.

export interface DirectedCsr {
  n: number;
  /** Number of arcs (ordered pairs with at least one interaction, self-loops excluded). */
  a: number;
  ids: string[];
  outOffsets: Int32Array;
  outTargets: Int32Array;
  outWeights: Float64Array;
  inOffsets: Int32Array;
  inSources: Int32Array;
  inWeights: Float64Array;
}

/** Builds it from arc lists (node indices; one entry per ordered pair, no self-loops). Out- and in-neighbours are sorted by index. */
export function directedCsrFromArcs(ids: string[], src: Int32Array, dst: Int32Array, w: Float64Array): DirectedCsr {
  const n = ids.length;
  const a = src.length;
  const order = Array.from({ length: a }, (_, i) => i).sort((x, y) => src[x]! - src[y]! || dst[x]! - dst[y]!);
  const outOffsets = new Int32Array(n + 1);
  const inOffsets = new Int32Array(n + 1);
  for (let e = 0; e < a; e++) {
    outOffsets[src[e]! + 1]!++;
    inOffsets[dst[e]! + 1]!++;
  }
  for (let i = 0; i < n; i++) {
    outOffsets[i + 1]! += outOffsets[i]!;
    inOffsets[i + 1]! += inOffsets[i]!;
  }
  const outFill = outOffsets.slice(0, n);
  const inFill = inOffsets.slice(0, n);
  const outTargets = new Int32Array(a);
  const outWeights = new Float64Array(a);
  const inSources = new Int32Array(a);
  const inWeights = new Float64Array(a);
  const inOrder = Array.from({ length: a }, (_, i) => i).sort((x, y) => dst[x]! - dst[y]! || src[x]! - src[y]!);
  for (const e of order) {
    const p = outFill[src[e]!]!++;
    outTargets[p] = dst[e]!;
    outWeights[p] = w[e]!;
  }
  for (const e of inOrder) {
    const p = inFill[dst[e]!]!++;
    inSources[p] = src[e]!;
    inWeights[p] = w[e]!;
  }
  return { n, a, ids, outOffsets, outTargets, outWeights, inOffsets, inSources, inWeights };
}

/** True when the arc i→j exists (binary search over the sorted out-neighbours of i). */
export function hasArc(g: DirectedCsr, i: number, j: number): boolean {
  let lo = g.outOffsets[i]!;
  let hi = g.outOffsets[i + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = g.outTargets[mid]!;
    if (t === j) return true;
    if (t < j) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
