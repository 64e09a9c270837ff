// The ego network of an actor: every actor within `radius` hops and every tie among them (the
// induced subgraph, like nx.ego_graph(G, n, radius)), as graphology's serialization format.
// Cost: O(size of the ball + ties touching it).
import type { ScoreValue } from '../engine/model/types.js';
import { metricValues, type RunView } from './run-view.js';

export interface SerializedNode {
  key: string;
  attributes: Record<string, unknown>;
}
export interface SerializedEdge {
  key: string;
  source: string;
  target: string;
  attributes: Record<string, unknown>;
}
/** graphology's `graph.export()` shape for an undirected simple graph. */
export interface SerializedGraph {
  attributes: Record<string, unknown>;
  options: { type: 'undirected'; multi: false; allowSelfLoops: false };
  nodes: SerializedNode[];
  edges: SerializedEdge[];
}

export const GRAPH_OPTIONS: SerializedGraph['options'] = { type: 'undirected', multi: false, allowSelfLoops: false };

export function tieAttributes(view: RunView, e: number): Record<string, ScoreValue> {
  const out: Record<string, ScoreValue> = {};
  const values = view.edges[e]!.values;
  for (const c of view.edgeColumns) out[c] = values[c] ?? null;
  return out;
}

export function egoNetwork(view: RunView, ego: number, radius: number): SerializedGraph {
  const dist = new Map<number, number>([[ego, 0]]);
  let frontier = [ego];
  for (let d = 1; d <= radius; d++) {
    const next: number[] = [];
    for (const i of frontier) {
      for (let p = view.tieOffsets[i]!; p < view.tieOffsets[i + 1]!; p++) {
        const j = view.tieOther[p]!;
        if (!dist.has(j)) {
          dist.set(j, d);
          next.push(j);
        }
      }
    }
    frontier = next;
  }
  const nodes: SerializedNode[] = [];
  const edges: SerializedEdge[] = [];
  for (const [i, d] of dist) {
    nodes.push({ key: view.nodes[i]!.id, attributes: { label: view.nodes[i]!.label, distance: d, ...metricValues(view, i) } });
    for (let p = view.tieOffsets[i]!; p < view.tieOffsets[i + 1]!; p++) {
      const e = view.tieEdge[p]!;
      // Each tie once: from its source row's side.
      if (view.edgeSource[e] !== i || !dist.has(view.tieOther[p]!)) continue;
      edges.push({ key: `e${e}`, source: view.edges[e]!.source, target: view.edges[e]!.target, attributes: tieAttributes(view, e) });
    }
  }
  return {
    attributes: { run: view.run.id, ego: view.nodes[ego]!.id, radius },
    options: GRAPH_OPTIONS,
    nodes,
    edges,
  };
}
