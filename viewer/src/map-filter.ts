// Which actors and ties the map shows under the filters, in O(n + m) per change over a compact
// adjacency of the map graph (typed arrays, built once per graph). Steps, in order:
//   1. actors: every metric range (inclusive; an actor without the value fails a set range), the
//      kept terms of one attribute, and the drilled-into community;
//   2. ties: both ends kept and, with "strong ties only", the tie flagged strong;
//   3. minimum degree: actors with fewer remaining ties than the minimum leave (one pass);
//   4. ego radius: only actors within r hops of the selected actor over the remaining ties;
//   5. giant component: only the largest connected part of what remains (first-found on ties).
import type { AbstractGraph as Graph } from 'graphology-types';
import type { Range } from './view-state.js';

export interface FilterIndex {
  keys: string[];
  index: Map<string, number>;
  /** Ties of node i: offsets[i] .. offsets[i+1]-1 in `other` (node) and `tie` (edge number). */
  offsets: Int32Array;
  other: Int32Array;
  tie: Int32Array;
  edgeKeys: string[];
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  edgeStrong: Uint8Array;
  /** Numeric node attribute columns, NaN where missing; filled on first use. */
  columns: Map<string, Float64Array>;
  graph: Graph;
}

export interface FilterSpec {
  ranges: Record<string, Range>;
  /** Node attribute → value getter for the terms filter; `terms` empty = off. */
  termOf: ((i: number) => string | null) | null;
  terms: Set<string>;
  community: number | null;
  strongOnly: boolean;
  minDegree: number;
  ego: { node: string; radius: number } | null;
  giantOnly: boolean;
}

export interface FilterResult {
  nodeVisible: Uint8Array;
  edgeVisible: Uint8Array;
  nodes: number;
  edges: number;
}

export function buildFilterIndex(graph: Graph): FilterIndex {
  const keys = graph.nodes();
  const index = new Map<string, number>();
  keys.forEach((k, i) => index.set(k, i));
  const edgeKeys = graph.edges();
  const m = edgeKeys.length;
  const edgeSource = new Int32Array(m);
  const edgeTarget = new Int32Array(m);
  const edgeStrong = new Uint8Array(m);
  const offsets = new Int32Array(keys.length + 1);
  edgeKeys.forEach((e, k) => {
    const s = index.get(graph.source(e))!;
    const t = index.get(graph.target(e))!;
    edgeSource[k] = s;
    edgeTarget[k] = t;
    edgeStrong[k] = graph.getEdgeAttribute(e, 'strong') === true ? 1 : 0;
    offsets[s + 1]!++;
    offsets[t + 1]!++;
  });
  for (let i = 0; i < keys.length; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, keys.length);
  const other = new Int32Array(2 * m);
  const tie = new Int32Array(2 * m);
  for (let k = 0; k < m; k++) {
    let p = fill[edgeSource[k]!]!++;
    other[p] = edgeTarget[k]!;
    tie[p] = k;
    p = fill[edgeTarget[k]!]!++;
    other[p] = edgeSource[k]!;
    tie[p] = k;
  }
  return { keys, index, offsets, other, tie, edgeKeys, edgeSource, edgeTarget, edgeStrong, columns: new Map(), graph };
}

/** A numeric node attribute as a typed column (NaN = missing). */
export function numericColumn(ix: FilterIndex, name: string): Float64Array {
  let col = ix.columns.get(name);
  if (!col) {
    col = new Float64Array(ix.keys.length);
    for (let i = 0; i < ix.keys.length; i++) {
      const v: unknown = ix.graph.getNodeAttribute(ix.keys[i]!, name);
      col[i] = typeof v === 'number' && Number.isFinite(v) ? v : NaN;
    }
    ix.columns.set(name, col);
  }
  return col;
}

function refreshEdges(ix: FilterIndex, spec: FilterSpec, nodeVisible: Uint8Array, edgeVisible: Uint8Array): void {
  for (let k = 0; k < edgeVisible.length; k++) {
    edgeVisible[k] = nodeVisible[ix.edgeSource[k]!]! & nodeVisible[ix.edgeTarget[k]!]! & (spec.strongOnly ? ix.edgeStrong[k]! : 1);
  }
}

export function applyFilters(ix: FilterIndex, spec: FilterSpec): FilterResult {
  const n = ix.keys.length;
  const nodeVisible = new Uint8Array(n).fill(1);
  const edgeVisible = new Uint8Array(ix.edgeKeys.length);

  for (const [name, r] of Object.entries(spec.ranges)) {
    if (r.min === undefined && r.max === undefined) continue;
    const col = numericColumn(ix, name);
    const lo = r.min ?? -Infinity;
    const hi = r.max ?? Infinity;
    for (let i = 0; i < n; i++) if (!(col[i]! >= lo && col[i]! <= hi)) nodeVisible[i] = 0;
  }
  if (spec.termOf && spec.terms.size) {
    for (let i = 0; i < n; i++) if (nodeVisible[i] && !spec.terms.has(spec.termOf(i) ?? '')) nodeVisible[i] = 0;
  }
  if (spec.community !== null) {
    const col = numericColumn(ix, 'community');
    for (let i = 0; i < n; i++) if (col[i] !== spec.community) nodeVisible[i] = 0;
  }
  refreshEdges(ix, spec, nodeVisible, edgeVisible);

  if (spec.minDegree > 0) {
    for (let i = 0; i < n; i++) {
      if (!nodeVisible[i]) continue;
      let d = 0;
      for (let p = ix.offsets[i]!; p < ix.offsets[i + 1]!; p++) d += edgeVisible[ix.tie[p]!]!;
      if (d < spec.minDegree) nodeVisible[i] = 0;
    }
    refreshEdges(ix, spec, nodeVisible, edgeVisible);
  }

  const queue = new Int32Array(n);
  if (spec.ego) {
    const start = ix.index.get(spec.ego.node);
    const dist = new Int32Array(n).fill(-1);
    if (start !== undefined && nodeVisible[start]) {
      let head = 0;
      let tail = 0;
      queue[tail++] = start;
      dist[start] = 0;
      while (head < tail) {
        const u = queue[head++]!;
        if (dist[u]! >= spec.ego.radius) continue;
        for (let p = ix.offsets[u]!; p < ix.offsets[u + 1]!; p++) {
          const w = ix.other[p]!;
          if (edgeVisible[ix.tie[p]!] && dist[w] === -1) {
            dist[w] = dist[u]! + 1;
            queue[tail++] = w;
          }
        }
      }
    }
    for (let i = 0; i < n; i++) if (dist[i] === -1) nodeVisible[i] = 0;
    refreshEdges(ix, spec, nodeVisible, edgeVisible);
  }

  if (spec.giantOnly) {
    const comp = new Int32Array(n).fill(-1);
    let best = -1;
    let bestSize = 0;
    let c = 0;
    for (let s = 0; s < n; s++) {
      if (!nodeVisible[s] || comp[s] !== -1) continue;
      let head = 0;
      let tail = 0;
      queue[tail++] = s;
      comp[s] = c;
      while (head < tail) {
        const u = queue[head++]!;
        for (let p = ix.offsets[u]!; p < ix.offsets[u + 1]!; p++) {
          const w = ix.other[p]!;
          if (edgeVisible[ix.tie[p]!] && comp[w] === -1) {
            comp[w] = c;
            queue[tail++] = w;
          }
        }
      }
      if (tail > bestSize) {
        bestSize = tail;
        best = c;
      }
      c++;
    }
    for (let i = 0; i < n; i++) if (comp[i] !== best) nodeVisible[i] = 0;
    refreshEdges(ix, spec, nodeVisible, edgeVisible);
  }

  let nodes = 0;
  let edges = 0;
  for (let i = 0; i < n; i++) nodes += nodeVisible[i]!;
  for (let k = 0; k < edgeVisible.length; k++) edges += edgeVisible[k]!;
  return { nodeVisible, edgeVisible, nodes, edges };
}
