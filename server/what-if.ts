// What if these actors left? The engine's what-if (engine/metrics/fragmentation.ts: components,
// Borgatti's fragmentation F = 1 − Σ s_k(s_k − 1) / (n(n − 1)), pairs losing all paths, lost reach,
// inter-community ties) on the run's tie graph rebuilt from its stored tie rows, plus what the API
// adds: the largest component before and after, and the pieces that split off (with member ids).
// Cost: O(n + m).
import type { z } from 'zod';
import { csrFromTies, type Csr } from '../engine/graph/csr.js';
import { components, whatIf as engineWhatIf, type Components } from '../engine/metrics/fragmentation.js';
import type { whatIfResponse } from './response-schemas.js';
import { numberOf, type RunView } from './run-view.js';

export type WhatIf = z.output<typeof whatIfResponse>;

/** Actors listed in `lostReach` at most (the total is `lostReachCount`). */
export const LOST_REACH_LISTED = 1000;

const tieGraphs = new WeakMap<RunView, Csr>();

/** The run's tie graph as a CSR (node index = view index), built once per view. */
export function tieGraphOf(view: RunView): Csr {
  let csr = tieGraphs.get(view);
  if (!csr) {
    const strength = Float64Array.from(view.edges, (e) => numberOf(e.values.strength) ?? 0);
    csr = csrFromTies(view.nodes.map((r) => r.id), view.edgeSource, view.edgeTarget, strength);
    tieGraphs.set(view, csr);
  }
  return csr;
}

function largest(c: Components): number {
  let max = 0;
  for (const s of c.sizes) max = Math.max(max, s);
  return max;
}

/** `remove` holds node indices of the view. */
export function whatIf(view: RunView, remove: number[]): WhatIf {
  const csr = tieGraphOf(view);
  const n = csr.n;
  const hasCommunities = view.metricColumns.includes('community');
  const community = hasCommunities ? Int32Array.from(view.nodes, (r) => numberOf(r.values.community) ?? -1) : undefined;
  const w = engineWhatIf(csr, remove, community);

  const removed = new Uint8Array(n);
  for (const i of remove) removed[i] = 1;
  const before = components(csr);
  const after = components(csr, removed);
  // Remaining members of each former component, grouped by the component they are in now.
  const pieces = new Map<number, Map<number, number[]>>();
  for (let i = 0; i < n; i++) {
    if (removed[i]) continue;
    let byPiece = pieces.get(before.label[i]!);
    if (!byPiece) pieces.set(before.label[i]!, (byPiece = new Map()));
    const members = byPiece.get(after.label[i]!);
    if (members) members.push(i);
    else byPiece.set(after.label[i]!, [i]);
  }
  const splitOff: WhatIf['splitOff'] = [];
  for (const byPiece of pieces.values()) {
    if (byPiece.size < 2) continue;
    // The largest piece stays (on equal sizes, the one holding the earliest actor); the others split off.
    const ordered = [...byPiece.values()].sort((x, y) => y.length - x.length || x[0]! - y[0]!);
    for (const members of ordered.slice(1)) splitOff.push({ size: members.length, members: members.map((i) => view.nodes[i]!.id) });
  }
  splitOff.sort((x, y) => y.size - x.size || (x.members[0]! < y.members[0]! ? -1 : 1));

  return {
    removed: w.removed,
    before: { ...w.before, largestComponent: largest(before) },
    after: { ...w.after, largestComponent: largest(after) },
    pairsDisconnected: w.lostPairs,
    pairsDisconnectedShare: w.lostPairShare,
    splitOff,
    lostReach: w.lostReach.slice(0, LOST_REACH_LISTED),
    lostReachCount: w.lostReach.length,
  };
}
