// Compressed sparse row adjacency of the undirected tie graph, in typed arrays.
// Built once per run; every heavy kernel (paths, spectral, structural holes) loops over it.
// Cost: O(n + m) time and memory; 2m half-edges.
import type { AbstractGraph } from 'graphology-types';

export interface Csr {
  /** Number of nodes. Node index i is `ids[i]`. */
  n: number;
  /** Number of undirected ties (each stored as two half-edges). */
  m: number;
  ids: string[];
  /** Half-edges of node i are offsets[i] .. offsets[i+1]-1. Length n + 1. */
  offsets: Int32Array;
  /** Neighbour node index of each half-edge. Length 2m. */
  targets: Int32Array;
  /** Tie strength of each half-edge. Length 2m. */
  strengths: Float64Array;
  /** Undirected tie index (0..m-1) of each half-edge. Length 2m. */
  halfToEdge: Int32Array;
  /** Endpoints and strength of each undirected tie, in tie order. Length m. */
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  edgeStrength: Float64Array;
}

export type DistanceMode = 'inverse' | 'hops';

/**
 * Builds a CSR from tie lists. `src[e]`, `dst[e]` are node indices (no self-loops, one entry per
 * unordered pair), `w[e]` the strength. Neighbours of each node keep tie order.
 */
export function csrFromTies(ids: string[], src: Int32Array, dst: Int32Array, w: Float64Array): Csr {
  const n = ids.length;
  const m = src.length;
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    offsets[src[e]! + 1]!++;
    offsets[dst[e]! + 1]!++;
  }
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(2 * m);
  const strengths = new Float64Array(2 * m);
  const halfToEdge = new Int32Array(2 * m);
  for (let e = 0; e < m; e++) {
    const a = src[e]!;
    const b = dst[e]!;
    let p = fill[a]!++;
    targets[p] = b;
    strengths[p] = w[e]!;
    halfToEdge[p] = e;
    p = fill[b]!++;
    targets[p] = a;
    strengths[p] = w[e]!;
    halfToEdge[p] = e;
  }
  return {
    n,
    m,
    ids,
    offsets,
    targets,
    strengths,
    halfToEdge,
    edgeSource: src,
    edgeTarget: dst,
    edgeStrength: w,
  };
}

/**
 * Builds a CSR from an undirected graphology graph whose edges carry a `strength` attribute.
 * Node index follows the graph's node order; tie index follows its edge order.
 */
export function csrFromGraph(graph: AbstractGraph): Csr {
  const ids = graph.nodes();
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const m = graph.size;
  const src = new Int32Array(m);
  const dst = new Int32Array(m);
  const w = new Float64Array(m);
  let e = 0;
  graph.forEachEdge((_edge, attrs, s, t) => {
    src[e] = index.get(s)!;
    dst[e] = index.get(t)!;
    const strength = (attrs as { strength?: unknown }).strength;
    w[e] = typeof strength === 'number' ? strength : 1;
    e++;
  });
  return csrFromTies(ids, src, dst, w);
}

/** Per-half-edge path length: `1 / strength` (inverse) or 1 (hops). */
export function halfEdgeDistances(csr: Csr, mode: DistanceMode): Float64Array {
  const d = new Float64Array(csr.strengths.length);
  if (mode === 'hops') d.fill(1);
  else for (let p = 0; p < d.length; p++) d[p] = 1 / csr.strengths[p]!;
  return d;
}
