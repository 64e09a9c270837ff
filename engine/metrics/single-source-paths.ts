// Single-source shortest paths with path counts, the shared pass of betweenness, closeness and
// harmonic centrality (Brandes 2001, "A faster algorithm for betweenness centrality").
// From a source s: the distance d(s,v), the number of shortest paths σ(s,v), the predecessors of
// v on them, and the order in which nodes settle; then Brandes' dependency accumulation
// δ(v) = Σ_{w : v ∈ P(w)} σ(v)/σ(w) · (1 + δ(w)) and the per-source distance sums.
// Mirrors NetworkX 3.6 `_single_source_dijkstra_path_basic` (weighted) and
// `_single_source_shortest_path_basic` (hops, BFS) operation for operation: distances are summed
// from the source outward in float64, `d(v) + len(v,w) == seen(w)` counts another shortest path
// (also for an already settled w, as NetworkX does), the heap breaks distance ties by push order,
// σ gains σ(pred) when a node settles, so σ, the settle order and the predecessor lists match.
// Cost per source: O(m log n) weighted (indexed binary heap with decrease-key), O(m) hops;
// memory O(n + m), allocated once per graph in a workspace and reused for every source.
import { halfEdgeDistances, type Csr, type DistanceMode } from '../graph/csr.js';

/** Half-edge path lengths for a distance mode: `1/strength` for inverse, `null` (unit lengths, BFS) for hops. */
export function pathLengths(csr: Csr, mode: DistanceMode): Float64Array | null {
  return mode === 'hops' ? null : halfEdgeDistances(csr, mode);
}

/** All node indices 0..n-1, the sources of a full pass. */
export function allSources(n: number): Int32Array {
  const sources = new Int32Array(n);
  for (let i = 0; i < n; i++) sources[i] = i;
  return sources;
}

const UNSEEN = 0;
const SEEN = 1;
const SETTLED = 2;

/** Reusable state of one single-source search on one graph. Not shared between threads. */
export class ShortestPathWorkspace {
  readonly csr: Csr;
  /** Half-edge lengths, or null for hop counts (BFS). */
  readonly lengths: Float64Array | null;
  /** d(s, v) for the nodes `order[0 .. reached-1]` of the last run; other entries are stale. */
  readonly dist: Float64Array;
  /** σ(s, v) for the reached nodes (NetworkX's Dijkstra counts the source twice: σ(s) = 2, harmless for ratios). */
  readonly sigma: Float64Array;
  /** Reached nodes in settle order (source first). */
  readonly order: Int32Array;
  /** Predecessors of v: `preds[csr.offsets[v] .. csr.offsets[v] + predCount[v] - 1]`, in discovery order. */
  readonly preds: Int32Array;
  readonly predCount: Int32Array;
  /** Number of nodes reached by the last run, the source included. */
  reached = 0;
  /** Source of the last run, -1 before the first. */
  source = -1;

  private readonly state: Uint8Array;
  private readonly delta: Float64Array;
  private readonly heap: Int32Array;
  private readonly heapKey: Float64Array;
  private readonly heapSeq: Float64Array;
  private readonly heapPos: Int32Array;

  constructor(csr: Csr, lengths: Float64Array | null) {
    if (lengths !== null) checkLengths(csr, lengths);
    const n = csr.n;
    this.csr = csr;
    this.lengths = lengths;
    this.dist = new Float64Array(n);
    this.sigma = new Float64Array(n);
    this.order = new Int32Array(n);
    this.preds = new Int32Array(csr.targets.length);
    this.predCount = new Int32Array(n);
    this.state = new Uint8Array(n);
    this.delta = new Float64Array(n);
    this.heap = new Int32Array(n);
    this.heapKey = new Float64Array(n);
    this.heapSeq = new Float64Array(n);
    this.heapPos = new Int32Array(n);
  }

  /** Runs the search from `source` (Dijkstra, or BFS when lengths are null). */
  run(source: number): void {
    const { state, order } = this;
    for (let i = 0; i < this.reached; i++) state[order[i]!] = UNSEEN;
    this.source = source;
    if (this.lengths === null) this.breadthFirst(source);
    else this.dijkstra(source, this.lengths);
  }

  private breadthFirst(s: number): void {
    const { offsets, targets } = this.csr;
    const { dist, sigma, order, preds, predCount, state } = this;
    dist[s] = 0;
    sigma[s] = 1;
    predCount[s] = 0;
    state[s] = SEEN;
    order[0] = s;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = order[head++]!;
      const next = dist[v]! + 1;
      const sv = sigma[v]!;
      for (let p = offsets[v]!, end = offsets[v + 1]!; p < end; p++) {
        const w = targets[p]!;
        if (state[w] === UNSEEN) {
          state[w] = SEEN;
          dist[w] = next;
          sigma[w] = 0;
          predCount[w] = 0;
          order[tail++] = w;
        }
        if (dist[w] === next) {
          sigma[w]! += sv;
          preds[offsets[w]! + predCount[w]!++] = v;
        }
      }
    }
    this.reached = tail;
  }

  private dijkstra(s: number, lengths: Float64Array): void {
    const { offsets, targets } = this.csr;
    const { dist, sigma, order, preds, predCount, state, heap, heapKey, heapSeq, heapPos } = this;
    // Indexed binary min-heap of nodes with their keys (distance, push number) stored alongside,
    // so comparisons read contiguous memory; decrease-key moves an entry up in place.
    let seq = 0;
    let reached = 0;
    dist[s] = 0;
    sigma[s] = 1;
    predCount[s] = 0;
    state[s] = SEEN;
    this.place(0, s, 0, seq++);
    let size = 1;
    while (size > 0) {
      const v = heap[0]!;
      size--;
      if (size > 0) {
        // Sift the last entry down from the root.
        const x = heap[size]!;
        const xKey = heapKey[size]!;
        const xSeq = heapSeq[size]!;
        let i = 0;
        for (;;) {
          let c = 2 * i + 1;
          if (c >= size) break;
          let cKey = heapKey[c]!;
          let cSeq = heapSeq[c]!;
          const r = c + 1;
          if (r < size) {
            const rKey = heapKey[r]!;
            if (rKey < cKey || (rKey === cKey && heapSeq[r]! < cSeq)) {
              c = r;
              cKey = rKey;
              cSeq = heapSeq[r]!;
            }
          }
          if (!(cKey < xKey || (cKey === xKey && cSeq < xSeq))) break;
          this.place(i, heap[c]!, cKey, cSeq);
          i = c;
        }
        this.place(i, x, xKey, xSeq);
      }
      state[v] = SETTLED;
      // NetworkX: sigma[v] += sigma[pred], pred being the node whose push is popped (the source for itself).
      sigma[v]! += sigma[v === s ? s : preds[offsets[v]!]!]!;
      order[reached++] = v;
      const dv = dist[v]!;
      const sv = sigma[v]!;
      for (let p = offsets[v]!, end = offsets[v + 1]!; p < end; p++) {
        const w = targets[p]!;
        const vw = dv + lengths[p]!;
        const sw = state[w]!;
        if (sw === UNSEEN || (sw === SEEN && vw < dist[w]!)) {
          dist[w] = vw;
          sigma[w] = 0;
          preds[offsets[w]!] = v;
          predCount[w] = 1;
          let i: number;
          if (sw === UNSEEN) {
            state[w] = SEEN;
            i = size++;
          } else {
            i = heapPos[w]!;
          }
          // Sift (vw, seq) up from slot i.
          const wSeq = seq++;
          while (i > 0) {
            const parent = (i - 1) >> 1;
            const pKey = heapKey[parent]!;
            if (!(vw < pKey || (vw === pKey && wSeq < heapSeq[parent]!))) break;
            this.place(i, heap[parent]!, pKey, heapSeq[parent]!);
            i = parent;
          }
          this.place(i, w, vw, wSeq);
        } else if (vw === dist[w]) {
          sigma[w]! += sv;
          preds[offsets[w]! + predCount[w]!++] = v;
        }
      }
    }
    this.reached = reached;
  }

  /** Puts `node` with key (distance, push number) in heap slot `i`. */
  private place(i: number, node: number, key: number, pushed: number): void {
    this.heap[i] = node;
    this.heapKey[i] = key;
    this.heapSeq[i] = pushed;
    this.heapPos[node] = i;
  }

  /**
   * Brandes' backward pass for the last run: adds each reached node's dependency δ_s(v) to
   * `into[v]` (the source excluded), in NetworkX's `_accumulate_basic` order.
   */
  accumulateDependencies(into: Float64Array): void {
    const { offsets } = this.csr;
    const { sigma, order, preds, predCount, delta } = this;
    const s = this.source;
    for (let i = 0; i < this.reached; i++) delta[order[i]!] = 0;
    for (let i = this.reached - 1; i >= 0; i--) {
      const w = order[i]!;
      const coeff = (1 + delta[w]!) / sigma[w]!;
      for (let p = offsets[w]!, end = p + predCount[w]!; p < end; p++) {
        const v = preds[p]!;
        delta[v]! += sigma[v]! * coeff;
      }
      if (w !== s) into[w]! += delta[w]!;
    }
  }

  /** Σ d(s, v) over the reached nodes, in settle order (NetworkX's `sum(sp.values())`). */
  distanceSum(): number {
    const { dist, order } = this;
    let total = 0;
    for (let i = 0; i < this.reached; i++) total += dist[order[i]!]!;
    return total;
  }

  /**
   * Adds the last run's distances onto the nodes it reached, the source left out: `reached[v] += 1`,
   * `distanceSum[v] += d(s, v)`, `inverseDistanceSum[v] += 1/d(s, v)` (any may be null). On an
   * undirected graph d(s, v) = d(v, s), so sums over pivot sources s estimate v's own sums.
   */
  accumulateTargetDistances(reached: Float64Array | null, distanceSum: Float64Array | null, inverseDistanceSum: Float64Array | null): void {
    const { dist, order } = this;
    for (let i = 1; i < this.reached; i++) {
      const v = order[i]!;
      const d = dist[v]!;
      if (reached !== null) reached[v]! += 1;
      if (distanceSum !== null) distanceSum[v]! += d;
      if (inverseDistanceSum !== null) inverseDistanceSum[v]! += 1 / d;
    }
  }

  /** Σ 1/d(s, v) over the reached nodes at a nonzero distance. */
  inverseDistanceSum(): number {
    const { dist, order } = this;
    let total = 0;
    for (let i = 0; i < this.reached; i++) {
      const d = dist[order[i]!]!;
      if (d !== 0) total += 1 / d;
    }
    return total;
  }
}

function checkLengths(csr: Csr, lengths: Float64Array): void {
  if (lengths.length !== csr.targets.length) {
    throw new RangeError(`expected ${csr.targets.length} half-edge lengths, got ${lengths.length}`);
  }
  for (let v = 0; v < csr.n; v++) {
    for (let p = csr.offsets[v]!; p < csr.offsets[v + 1]!; p++) {
      const x = lengths[p]!;
      if (!(x > 0 && x < Infinity)) {
        throw new RangeError(
          `tie ${csr.ids[v]}–${csr.ids[csr.targets[p]!]} has path length ${x} (strength ${csr.strengths[p]}); path lengths must be finite and positive`,
        );
      }
    }
  }
}

/**
 * Per-node sums a pass over sources produces. Every array is indexed by node and may be null when
 * not wanted. Sums from disjoint slices of sources add up elementwise (see `addPathSums`).
 */
export interface PathSums {
  /** Σ over pivot sources s of Brandes' dependency δ_s(v): raw betweenness. */
  dependency: Float64Array | null;
  /**
   * For each source: the nodes it reaches, itself included (closeness). With `targetSums`, for
   * each node: the sources other than itself that reach it.
   */
  reached: Float64Array | null;
  /** For each source: Σ d(s, v) over the nodes it reaches (closeness); with `targetSums`, Σ over the sources reaching v. */
  distanceSum: Float64Array | null;
  /** For each source: Σ 1/d(s, v) over the other nodes it reaches (harmonic); with `targetSums`, Σ over the sources reaching v. */
  inverseDistanceSum: Float64Array | null;
}

export interface PathSumsWanted {
  betweenness: boolean;
  closeness: boolean;
  harmonic: boolean;
}

/** Zeroed accumulators for `n` nodes. */
export function createPathSums(n: number, wanted: PathSumsWanted): PathSums {
  return {
    dependency: wanted.betweenness ? new Float64Array(n) : null,
    reached: wanted.closeness ? new Float64Array(n) : null,
    distanceSum: wanted.closeness ? new Float64Array(n) : null,
    inverseDistanceSum: wanted.harmonic ? new Float64Array(n) : null,
  };
}

/** Adds `from` into `into` elementwise (merging the sums of slices run on separate workers). */
export function addPathSums(into: PathSums, from: PathSums): void {
  const pairs: Array<[Float64Array | null, Float64Array | null]> = [
    [into.dependency, from.dependency],
    [into.reached, from.reached],
    [into.distanceSum, from.distanceSum],
    [into.inverseDistanceSum, from.inverseDistanceSum],
  ];
  for (const [a, b] of pairs) {
    if (a === null || b === null) continue;
    for (let i = 0; i < a.length; i++) a[i]! += b[i]!;
  }
}

export interface AccumulateOptions {
  /** When set, dependencies are accumulated only from sources s with `pivots[s] === 1`. */
  pivots?: Uint8Array | null;
  /** A workspace for this graph and these lengths to reuse; one is made otherwise. */
  workspace?: ShortestPathWorkspace;
  /**
   * Add the distance sums onto the nodes each source reaches instead of onto the source (the
   * sampled closeness and harmonic estimates, sampled-closeness.ts). Default false.
   */
  targetSums?: boolean;
  /** Called with (sources done, sources in the slice) about every 1% of the slice and at its end. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Runs the single-source pass from `sources[from .. to-1]` and adds what `sums` asks for.
 * `lengths` are the half-edge lengths (`pathLengths`), null for hops. A worker thread can run any
 * slice of the sources into its own sums; the slices' sums add up to the whole pass.
 */
export function accumulateSources(
  csr: Csr,
  lengths: Float64Array | null,
  sources: Int32Array,
  from: number,
  to: number,
  sums: PathSums,
  options: AccumulateOptions = {},
): void {
  const ws = options.workspace ?? new ShortestPathWorkspace(csr, lengths);
  if (ws.csr !== csr || ws.lengths !== lengths) throw new Error('workspace belongs to another graph or other lengths');
  const { dependency, reached, distanceSum, inverseDistanceSum } = sums;
  const pivots = options.pivots ?? null;
  const targetSums = options.targetSums === true;
  const onProgress = options.onProgress;
  const total = to - from;
  const every = Math.max(1, Math.floor(total / 100));
  for (let i = from; i < to; i++) {
    const s = sources[i]!;
    ws.run(s);
    if (dependency !== null && (pivots === null || pivots[s] === 1)) ws.accumulateDependencies(dependency);
    if (targetSums) {
      ws.accumulateTargetDistances(reached, distanceSum, inverseDistanceSum);
    } else {
      if (reached !== null) reached[s]! += ws.reached;
      if (distanceSum !== null) distanceSum[s]! += ws.distanceSum();
      if (inverseDistanceSum !== null) inverseDistanceSum[s]! += ws.inverseDistanceSum();
    }
    const done = i - from + 1;
    if (onProgress !== undefined && (done % every === 0 || done === total)) onProgress(done, total);
  }
}
