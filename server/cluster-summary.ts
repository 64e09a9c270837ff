// Summaries of a partition of the actors (communities, or the groups of the run's group attribute):
// size, ties inside and leaving each part with their strengths, cohesion = internal strength /
// (internal + external strength), the top members by betweenness (else strength, else degree), and
// the outside holders: the members with ties to actors outside the part, most such ties first (then
// by id), with the count and, when the run has tie strengths, the summed strength of those ties.
// Cost: O(n log n + m).
import type { z } from 'zod';
import type { clusterList, clusterSummary } from './response-schemas.js';
import { byActorId, compareText, numberOf, type RunView } from './run-view.js';

type Summary = z.output<typeof clusterSummary>;
type Holder = Summary['outsideHolders'][number];
export type ClusterList = z.output<typeof clusterList>;

const RANK_METRICS = ['betweenness', 'strength', 'degree'];

export function summarizeClusters(view: RunView, keyOf: (i: number) => string | null, attribute: string | null, top: number): ClusterList {
  const n = view.nodes.length;
  const slotOf = new Map<string | null, number>();
  const slot = new Int32Array(n);
  const keys: (string | null)[] = [];
  for (let i = 0; i < n; i++) {
    const k = keyOf(i);
    let s = slotOf.get(k);
    if (s === undefined) {
      s = keys.length;
      slotOf.set(k, s);
      keys.push(k);
    }
    slot[i] = s;
  }
  const parts: (Summary & { members: number[] })[] = keys.map((key) => ({
    key,
    size: 0,
    internalTies: 0,
    externalTies: 0,
    internalStrength: 0,
    externalStrength: 0,
    cohesion: null,
    topMembers: [],
    outsideHolders: [],
    members: [],
  }));
  for (let i = 0; i < n; i++) {
    parts[slot[i]!]!.size++;
    parts[slot[i]!]!.members.push(i);
  }
  // Per actor: ties to actors of another part, and their summed strength.
  const outTies = new Int32Array(n);
  const byId = byActorId(view);
  const outStrength = new Float64Array(n);
  const hasStrength = view.edgeColumns.includes('strength');
  for (let e = 0; e < view.edges.length; e++) {
    const a = slot[view.edgeSource[e]!]!;
    const b = slot[view.edgeTarget[e]!]!;
    const s = numberOf(view.edges[e]!.values.strength) ?? 0;
    if (a === b) {
      parts[a]!.internalTies++;
      parts[a]!.internalStrength += s;
    } else {
      const u = view.edgeSource[e]!;
      const v = view.edgeTarget[e]!;
      outTies[u]!++;
      outTies[v]!++;
      outStrength[u]! += s;
      outStrength[v]! += s;
      for (const p of [parts[a]!, parts[b]!]) {
        p.externalTies++;
        p.externalStrength += s;
      }
    }
  }
  const rankedBy = RANK_METRICS.find((c) => view.sorted.has(c)) ?? null;
  const score = (i: number): number | null => (rankedBy === null ? null : numberOf(view.nodes[i]!.values[rankedBy]));
  for (const p of parts) {
    const total = p.internalStrength + p.externalStrength;
    p.cohesion = total > 0 ? p.internalStrength / total : null;
    p.topMembers = p.members
      .map((i) => ({ id: view.nodes[i]!.id, label: view.nodes[i]!.label, score: score(i) }))
      .sort((x, y) => (y.score ?? -Infinity) - (x.score ?? -Infinity) || compareText(x.id, y.id))
      .slice(0, top);
    p.outsideHolders = p.members
      .filter((i) => outTies[i]! > 0)
      .sort((x, y) => outTies[y]! - outTies[x]! || byId(x, y))
      .slice(0, top)
      .map((i): Holder => {
        const h: Holder = { id: view.nodes[i]!.id, label: view.nodes[i]!.label, outsideTies: outTies[i]! };
        if (hasStrength) h.outsideStrength = outStrength[i]!;
        return h;
      });
  }
  const items = parts
    .map(({ members: _members, ...summary }) => summary)
    .sort((x, y) => y.size - x.size || (x.key === null ? 1 : y.key === null ? -1 : x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return { attribute, rankedBy, items };
}

export function communitySummary(view: RunView, top: number): ClusterList {
  if (!view.metricColumns.includes('community')) {
    return { attribute: null, rankedBy: null, items: [], note: `run ${view.run.id} has no community column: score it with the community metric` };
  }
  return summarizeClusters(
    view,
    (i) => {
      const c = numberOf(view.nodes[i]!.values.community);
      return c === null ? null : String(c);
    },
    'community',
    top,
  );
}

export function groupSummary(view: RunView, top: number): ClusterList {
  if (view.groupAttribute === null) {
    return { attribute: null, rankedBy: null, items: [], note: `run ${view.run.id} has no group attribute: score it with group set (e.g. department)` };
  }
  return summarizeClusters(view, (i) => view.groups[i]!, view.groupAttribute, top);
}
