// A finished run held in memory, indexed for the read routes: node rows by id, ties by node
// (CSR over the stored tie rows), sorted metric values for percentiles, actor attributes and groups.
// Runs never change once saved, so a view is built once (O(n log n + m)) and kept in a small LRU.
import type { Actor, EdgeScoreRow, NodeScoreRow, RunRecord, ScoreValue } from '../engine/model/types.js';
import type { GraphStore } from '../engine/store/graph-store.js';
import { NODE_METRIC_COLUMNS } from '../engine/run/options.js';
import { newResponseCache, type ResponseCache } from './response-cache.js';

/** Node value columns that are layout, not metrics. */
export const LAYOUT_COLUMNS = ['x', 'y'] as const;

export interface RunView {
  run: RunRecord;
  nodes: NodeScoreRow[];
  edges: EdgeScoreRow[];
  index: Map<string, number>;
  /** Metric columns of the node rows: NODE_METRIC_COLUMNS order first, then any others. */
  metricColumns: string[];
  /** Tie columns of the edge rows, `strength` first. */
  edgeColumns: string[];
  /** Actor attributes by node index ({} when the actor is no longer in the data set). */
  attributes: Record<string, string>[];
  /** The run's group attribute (`community` when the run fell back to communities), if any. */
  groupAttribute: string | null;
  /** Group value of each node (null = none). */
  groups: (string | null)[];
  /** Ties of node i are tieOffsets[i] .. tieOffsets[i+1]-1 in tieEdge (edge row) and tieOther (node). */
  tieOffsets: Int32Array;
  tieEdge: Int32Array;
  tieOther: Int32Array;
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  /** Sorted finite values of every numeric metric column. */
  sorted: Map<string, Float64Array>;
  /** Whether every node row carries a finite x and y. */
  hasLayout: boolean;
  /** Serialized responses of the read routes over this run (server/response-cache.ts). */
  responses: ResponseCache;
}

/** Code-unit order of two strings (ids, keys), for sort comparators. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Actors (row numbers of `view.nodes`) in id order. */
export const byActorId =
  (view: RunView) =>
  (a: number, b: number): number =>
    compareText(view.nodes[a]!.id, view.nodes[b]!.id);

export function numberOf(v: ScoreValue | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function metricValues(view: RunView, i: number): Record<string, ScoreValue> {
  const out: Record<string, ScoreValue> = {};
  const values = view.nodes[i]!.values;
  for (const c of view.metricColumns) out[c] = values[c] ?? null;
  return out;
}

function columnsOf(rows: { values: Record<string, ScoreValue> }[], skip: readonly string[], first: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r.values)) if (!skip.includes(k)) seen.add(k);
  const ordered = first.filter((c) => seen.has(c));
  for (const c of seen) if (!ordered.includes(c)) ordered.push(c);
  return ordered;
}

export function buildRunView(run: RunRecord, nodes: NodeScoreRow[], edges: EdgeScoreRow[], actors: Map<string, Actor>): RunView {
  const n = nodes.length;
  const index = new Map<string, number>();
  nodes.forEach((r, i) => index.set(r.id, i));
  const metricColumns = columnsOf(nodes, LAYOUT_COLUMNS, NODE_METRIC_COLUMNS);
  const edgeColumns = columnsOf(edges, [], ['strength']);

  const attributes = nodes.map((r) => actors.get(r.id)?.attributes ?? {});
  const g = run.parameters.group;
  const groupAttribute = typeof g === 'string' && g !== '' ? g : null;
  const groups = nodes.map((r, i): string | null => {
    if (groupAttribute === null) return null;
    if (groupAttribute === 'community' && !(groupAttribute in attributes[i]!)) {
      const c = r.values.community;
      return c === null || c === undefined ? null : String(c);
    }
    return attributes[i]![groupAttribute] ?? null;
  });

  const m = edges.length;
  const edgeSource = new Int32Array(m);
  const edgeTarget = new Int32Array(m);
  const tieOffsets = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    const s = index.get(edges[e]!.source);
    const t = index.get(edges[e]!.target);
    if (s === undefined || t === undefined) throw new Error(`run ${run.id}: tie ${edges[e]!.source}–${edges[e]!.target} names an actor without a score row`);
    edgeSource[e] = s;
    edgeTarget[e] = t;
    tieOffsets[s + 1]!++;
    tieOffsets[t + 1]!++;
  }
  for (let i = 0; i < n; i++) tieOffsets[i + 1]! += tieOffsets[i]!;
  const fill = tieOffsets.slice(0, n);
  const tieEdge = new Int32Array(2 * m);
  const tieOther = new Int32Array(2 * m);
  for (let e = 0; e < m; e++) {
    const s = edgeSource[e]!;
    const t = edgeTarget[e]!;
    let p = fill[s]!++;
    tieEdge[p] = e;
    tieOther[p] = t;
    p = fill[t]!++;
    tieEdge[p] = e;
    tieOther[p] = s;
  }

  const sorted = new Map<string, Float64Array>();
  for (const c of metricColumns) {
    const vals: number[] = [];
    let numeric = true;
    for (const r of nodes) {
      const v = r.values[c];
      if (typeof v === 'number') {
        if (Number.isFinite(v)) vals.push(v);
      } else if (v !== null && v !== undefined) numeric = false;
    }
    if (numeric) sorted.set(c, Float64Array.from(vals).sort());
  }
  const hasLayout = n > 0 && nodes.every((r) => numberOf(r.values.x) !== null && numberOf(r.values.y) !== null);
  return {
    run,
    nodes,
    edges,
    index,
    metricColumns,
    edgeColumns,
    attributes,
    groupAttribute,
    groups,
    tieOffsets,
    tieEdge,
    tieOther,
    edgeSource,
    edgeTarget,
    sorted,
    hasLayout,
    responses: newResponseCache(),
  };
}

/** First index of `sorted` whose value is ≥ v (strict = false) or > v (strict = true). */
export function bound(sorted: Float64Array, v: number, strict: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < v || (strict && sorted[mid]! === v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Share (0..100) of the other actors with a value strictly below `v` and strictly above it.
 * Null when no other actor has a value.
 */
export function rankShares(sorted: Float64Array, v: number): { below: number; above: number } | null {
  const others = sorted.length - 1;
  if (others < 1) return null;
  const below = bound(sorted, v, false);
  const above = sorted.length - bound(sorted, v, true);
  return { below: (100 * below) / others, above: (100 * above) / others };
}

/** Keeps the views of the most recently used runs. Concurrent requests for one run share one load. */
export class RunViewCache {
  private readonly views = new Map<string, Promise<RunView>>();
  private readonly forgetListeners: Array<(dataset: string) => void> = [];

  constructor(private readonly capacity = 8) {}

  /** Calls `listener` whenever a data set's views are forgotten (its stored actors or runs changed). */
  onForget(listener: (dataset: string) => void): void {
    this.forgetListeners.push(listener);
  }

  get(store: GraphStore, run: RunRecord): Promise<RunView> {
    const hit = this.views.get(run.id);
    if (hit) {
      this.views.delete(run.id);
      this.views.set(run.id, hit);
      return hit;
    }
    const p = loadRunView(store, run);
    this.views.set(run.id, p);
    p.catch(() => this.views.delete(run.id));
    while (this.views.size > this.capacity) this.views.delete(this.views.keys().next().value!);
    return p;
  }

  /** Forgets the views of one data set (after it is deleted or reloaded). */
  forgetDataset(dataset: string): void {
    for (const listener of this.forgetListeners) listener(dataset);
    for (const [id, p] of this.views) {
      p.then(
        (v) => {
          if (v.run.dataset === dataset && this.views.get(id) === p) this.views.delete(id);
        },
        () => undefined,
      );
    }
  }

  clear(): void {
    this.views.clear();
  }
}

async function loadRunView(store: GraphStore, run: RunRecord): Promise<RunView> {
  const [nodes, edges] = await Promise.all([store.readNodeScores(run.id), store.readEdgeScores(run.id)]);
  const actors = new Map<string, Actor>();
  for await (const a of store.readActors(run.dataset)) actors.set(a.id, a);
  return buildRunView(run, nodes, edges, actors);
}
