// The run's tie graph in graphology's serialization, ready for sigma: every node with x, y (the
// stored layout, or a deterministic circle ordered by community when the run has none), size (by a
// metric, square-root scaled), color (community, fixed palette) and its metrics; every tie with its
// strength, a drawing size and its flags. Above COMMUNITY_LEVEL_ABOVE actors (unless asked for
// actors) it returns one node per community at the centroid of its members, ties aggregated.
// Cost: O(n + m).
import { GRAPH_OPTIONS, tieAttributes, type SerializedEdge, type SerializedGraph, type SerializedNode } from './ego-network.js';
import { metricValues, numberOf, type RunView } from './run-view.js';

/** Above this many actors, `level=auto` returns the community-level graph. */
export const COMMUNITY_LEVEL_ABOVE = 5000;

/** Community colours (Tableau 10 and two more), by community number modulo the length. */
export const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac', '#1f77b4', '#8c564b'] as const;
export const NO_COMMUNITY_COLOR = '#999999';
const MIN_SIZE = 3;
const MAX_SIZE = 15;
const CIRCLE_RADIUS = 100;

export type GraphLevel = 'auto' | 'actors' | 'communities';

export function colorOf(community: number | null): string {
  return community === null ? NO_COMMUNITY_COLOR : PALETTE[((community % PALETTE.length) + PALETTE.length) % PALETTE.length]!;
}

/** Node positions: the stored layout, or a circle ordered by (community, id). */
export function positions(view: RunView): { x: Float64Array; y: Float64Array; layout: 'stored' | 'circle' } {
  const n = view.nodes.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  if (view.hasLayout) {
    for (let i = 0; i < n; i++) {
      x[i] = numberOf(view.nodes[i]!.values.x)!;
      y[i] = numberOf(view.nodes[i]!.values.y)!;
    }
    return { x, y, layout: 'stored' };
  }
  const comm = (i: number): number => numberOf(view.nodes[i]!.values.community) ?? Number.MAX_SAFE_INTEGER;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => comm(a) - comm(b) || (view.nodes[a]!.id < view.nodes[b]!.id ? -1 : 1));
  order.forEach((i, k) => {
    const angle = (2 * Math.PI * k) / Math.max(1, n);
    x[i] = CIRCLE_RADIUS * Math.cos(angle);
    y[i] = CIRCLE_RADIUS * Math.sin(angle);
  });
  return { x, y, layout: 'circle' };
}

/** Square-root scale of `v` in [lo, hi] onto [MIN_SIZE, MAX_SIZE]; the middle when the range is empty. */
function scaled(v: number | null, lo: number, hi: number): number {
  if (v === null) return MIN_SIZE;
  if (!(hi > lo)) return (MIN_SIZE + MAX_SIZE) / 2;
  return MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt((v - lo) / (hi - lo));
}

function sizeMetric(view: RunView, requested?: string): string | null {
  if (requested !== undefined) return view.sorted.has(requested) ? requested : null;
  for (const c of ['betweenness', 'degree', 'strength']) if (view.sorted.has(c)) return c;
  return null;
}

export function sigmaGraph(view: RunView, opts: { level?: GraphLevel; size?: string } = {}): SerializedGraph {
  const level = opts.level ?? 'auto';
  const hasCommunities = view.metricColumns.includes('community');
  const n = view.nodes.length;
  const pos = positions(view);
  const notes: string[] = [];
  if (pos.layout === 'circle') notes.push('the run has no stored layout: actors are placed on a circle, ordered by community');
  const wantCommunities = level === 'communities' || (level === 'auto' && n > COMMUNITY_LEVEL_ABOVE);
  if (wantCommunities && hasCommunities) {
    if (level === 'auto') notes.push(`${n} actors exceed ${COMMUNITY_LEVEL_ABOVE}: one node per community; ask for ?level=actors to get every actor`);
    return communityGraph(view, pos, notes);
  }
  if (wantCommunities) notes.push('the run has no communities: showing actors');

  const metric = sizeMetric(view, opts.size);
  if (opts.size !== undefined && metric === null) notes.push(`metric "${opts.size}" is not a numeric column of this run: constant sizes`);
  const sorted = metric === null ? undefined : view.sorted.get(metric);
  const lo = sorted && sorted.length ? sorted[0]! : 0;
  const hi = sorted && sorted.length ? sorted[sorted.length - 1]! : 0;
  const nodes: SerializedNode[] = view.nodes.map((r, i) => {
    const community = numberOf(r.values.community);
    return {
      key: r.id,
      attributes: {
        ...metricValues(view, i),
        label: r.label,
        x: pos.x[i]!,
        y: pos.y[i]!,
        size: metric === null ? (MIN_SIZE + MAX_SIZE) / 2 : scaled(numberOf(r.values[metric]), lo, hi),
        color: colorOf(community),
        community,
        group: view.groups[i]!,
      },
    };
  });
  let maxStrength = 0;
  for (const e of view.edges) maxStrength = Math.max(maxStrength, numberOf(e.values.strength) ?? 0);
  const edges: SerializedEdge[] = view.edges.map((e, k) => {
    const s = numberOf(e.values.strength) ?? 0;
    return { key: `e${k}`, source: e.source, target: e.target, attributes: { ...tieAttributes(view, k), size: maxStrength > 0 ? 0.5 + (2.5 * s) / maxStrength : 1 } };
  });
  return {
    attributes: { run: view.run.id, dataset: view.run.dataset, level: 'actors', layout: pos.layout, sizeMetric: metric, groupAttribute: view.groupAttribute, notes },
    options: GRAPH_OPTIONS,
    nodes,
    edges,
  };
}

function communityGraph(view: RunView, pos: { x: Float64Array; y: Float64Array; layout: string }, notes: string[]): SerializedGraph {
  const n = view.nodes.length;
  const slot = new Map<number, number>();
  const comm = new Int32Array(n).fill(-1);
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = numberOf(view.nodes[i]!.values.community);
    if (c === null) continue;
    let s = slot.get(c);
    if (s === undefined) {
      s = ids.length;
      slot.set(c, s);
      ids.push(c);
    }
    comm[i] = s;
  }
  const k = ids.length;
  const count = new Float64Array(k);
  const sx = new Float64Array(k);
  const sy = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const s = comm[i]!;
    if (s < 0) continue;
    count[s]!++;
    sx[s]! += pos.x[i]!;
    sy[s]! += pos.y[i]!;
  }
  let maxCount = 0;
  for (let s = 0; s < k; s++) maxCount = Math.max(maxCount, count[s]!);
  const nodes: SerializedNode[] = ids.map((c, s) => ({
    key: `community-${c}`,
    attributes: {
      label: `community ${c} (${count[s]} actors)`,
      x: sx[s]! / count[s]!,
      y: sy[s]! / count[s]!,
      size: scaled(count[s]!, 0, maxCount),
      color: colorOf(c),
      community: c,
      actors: count[s]!,
    },
  }));
  const pairs = new Map<number, { ties: number; strength: number }>();
  let internal = 0;
  for (let e = 0; e < view.edges.length; e++) {
    const a = comm[view.edgeSource[e]!]!;
    const b = comm[view.edgeTarget[e]!]!;
    if (a < 0 || b < 0) continue;
    if (a === b) {
      internal++;
      continue;
    }
    const key = Math.min(a, b) * k + Math.max(a, b);
    const agg = pairs.get(key) ?? { ties: 0, strength: 0 };
    agg.ties++;
    agg.strength += numberOf(view.edges[e]!.values.strength) ?? 0;
    pairs.set(key, agg);
  }
  const edges: SerializedEdge[] = [...pairs].map(([key, agg]) => {
    const a = Math.floor(key / k);
    const b = key % k;
    return { key: `c${a}-${b}`, source: `community-${ids[a]}`, target: `community-${ids[b]}`, attributes: { ties: agg.ties, strength: agg.strength, size: 1 + Math.log1p(agg.ties) } };
  });
  return {
    attributes: { run: view.run.id, dataset: view.run.dataset, level: 'communities', layout: pos.layout, actors: n, internalTies: internal, notes },
    options: GRAPH_OPTIONS,
    nodes,
    edges,
  };
}
