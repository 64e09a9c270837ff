// One actor of a run in full: metrics, percentiles among all actors, ties (strongest first) and the
// plain-language explanation (server/explain.ts). Cost: O(metrics · log n + degree · log degree).
import type { z } from 'zod';
import type { ScoreValue } from '../engine/model/types.js';
import { BROKERAGE_ROLES, explainActor, type BrokerageRole, type TieSpread } from './explain.js';
import type { nodeDetail } from './response-schemas.js';
import { bound, metricValues, numberOf, rankShares, type RunView } from './run-view.js';

export type NodeDetail = z.output<typeof nodeDetail>;

/** Columns that are categories, not quantities: no percentile. */
const CATEGORICAL = new Set(['community']);

function spreadOf(view: RunView, i: number, keyOf: (j: number) => string | null): TieSpread[] {
  const counts = new Map<string, number>();
  for (let p = view.tieOffsets[i]!; p < view.tieOffsets[i + 1]!; p++) {
    const k = keyOf(view.tieOther[p]!);
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].map(([name, ties]) => ({ name, ties }));
}

function communityOf(view: RunView, j: number): string | null {
  const c = view.nodes[j]!.values.community;
  return c === null || c === undefined ? null : String(c);
}

export function nodeDetailOf(view: RunView, i: number): NodeDetail {
  const row = view.nodes[i]!;
  const metrics = metricValues(view, i);
  const percentiles: Record<string, number | null> = {};
  for (const [c, sorted] of view.sorted) {
    if (CATEGORICAL.has(c)) continue;
    const v = numberOf(row.values[c]);
    percentiles[c] = v === null ? null : (rankShares(sorted, v)?.below ?? null);
  }

  const ties: NodeDetail['ties'] = [];
  for (let p = view.tieOffsets[i]!; p < view.tieOffsets[i + 1]!; p++) {
    const j = view.tieOther[p]!;
    const values = view.edges[view.tieEdge[p]!]!.values;
    const tie: NodeDetail['ties'][number] = { other: view.nodes[j]!.id, label: view.nodes[j]!.label, strength: values.strength ?? null };
    for (const c of view.edgeColumns) if (c !== 'strength') tie[c] = values[c] ?? null;
    ties.push(tie);
  }
  const s = (t: { strength: ScoreValue }): number => (typeof t.strength === 'number' ? t.strength : -Infinity);
  ties.sort((a, b) => s(b) - s(a) || (a.other < b.other ? -1 : a.other > b.other ? 1 : 0));

  const hasCommunities = view.metricColumns.includes('community');
  const constraint = numberOf(row.values.constraint);
  const cSorted = view.sorted.get('constraint');
  const cShares = constraint !== null && cSorted ? rankShares(cSorted, constraint) : null;
  const betweenness = numberOf(row.values.betweenness);
  const bSorted = view.sorted.get('betweenness');
  const roles: Partial<Record<BrokerageRole, number>> = {};
  let anyRole = false;
  for (const r of BROKERAGE_ROLES) {
    const v = numberOf(row.values[r]);
    if (v !== null) {
      roles[r] = v;
      anyRole = true;
    }
  }
  const explanation = explainActor({
    label: row.label,
    actors: view.nodes.length,
    ties: ties.length,
    groupAttribute: view.groupAttribute,
    ownGroup: view.groups[i]!,
    tieGroups: view.groupAttribute === null ? [] : spreadOf(view, i, (j) => view.groups[j]!),
    ownCommunity: hasCommunities ? communityOf(view, i) : null,
    tieCommunities: hasCommunities ? spreadOf(view, i, (j) => communityOf(view, j)) : null,
    constraint: constraint !== null && cShares ? { value: constraint, lowerThan: cShares.above, higherThan: cShares.below } : null,
    betweenness: betweenness !== null && bSorted ? { value: betweenness, rank: bSorted.length - bound(bSorted, betweenness, true) + 1 } : null,
    roles: anyRole ? roles : null,
  });
  return {
    id: row.id,
    label: row.label,
    attributes: view.attributes[i]!,
    group: view.groups[i]!,
    groupAttribute: view.groupAttribute,
    metrics,
    percentiles,
    explanation,
    ties,
  };
}
