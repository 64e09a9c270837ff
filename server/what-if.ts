// What if these actors left? Connected components of the run's tie graph before and after removing
// them: component count, largest component, fragmentation (Borgatti 2006, "Identifying sets of key
// players": F = 1 − Σ_k s_k(s_k − 1) / (n(n − 1)) over component sizes s_k; 0 when n < 2), the
// pairs of remaining actors that lose every path, and the pieces that split off.
// Union–find with path halving and union by size: O((n + m) α(n)).
import type { z } from 'zod';
import type { whatIfResponse } from './response-schemas.js';
import type { RunView } from './run-view.js';

export type WhatIf = z.output<typeof whatIfResponse>;

/** Component label (a root index) of every node not in `removed`, over ties among kept nodes; −1 for removed. */
export function componentLabels(n: number, source: Int32Array, target: Int32Array, removed: Uint8Array): Int32Array {
  const parent = new Int32Array(n);
  const size = new Int32Array(n).fill(1);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let e = 0; e < source.length; e++) {
    const a = source[e]!;
    const b = target[e]!;
    if (removed[a] || removed[b]) continue;
    let ra = find(a);
    let rb = find(b);
    if (ra === rb) continue;
    if (size[ra]! < size[rb]!) [ra, rb] = [rb, ra];
    parent[rb] = ra;
    size[ra]! += size[rb]!;
  }
  const label = new Int32Array(n);
  for (let i = 0; i < n; i++) label[i] = removed[i] ? -1 : find(i);
  return label;
}

/** Sizes of the components given by `label` (−1 = not counted). */
function sizesOf(label: Int32Array): Map<number, number> {
  const sizes = new Map<number, number>();
  for (const l of label) if (l >= 0) sizes.set(l, (sizes.get(l) ?? 0) + 1);
  return sizes;
}

export function fragmentation(sizes: Iterable<number>, n: number): number {
  if (n < 2) return 0;
  let connected = 0;
  for (const s of sizes) connected += s * (s - 1);
  return 1 - connected / (n * (n - 1));
}

function stats(sizes: Map<number, number>, n: number): WhatIf['before'] {
  let largest = 0;
  for (const s of sizes.values()) largest = Math.max(largest, s);
  return { actors: n, components: sizes.size, largestComponent: largest, fragmentation: fragmentation(sizes.values(), n) };
}

const pairs = (s: number): number => (s * (s - 1)) / 2;

/** `remove` holds node indices of the view. */
export function whatIf(view: RunView, remove: number[]): WhatIf {
  const n = view.nodes.length;
  const none = new Uint8Array(n);
  const removed = new Uint8Array(n);
  for (const i of remove) removed[i] = 1;
  const before = componentLabels(n, view.edgeSource, view.edgeTarget, none);
  const after = componentLabels(n, view.edgeSource, view.edgeTarget, removed);
  const kept = n - remove.length;

  // Remaining members of each former component, and how they split.
  const remainingBefore = new Map<number, number>();
  const pieces = new Map<number, Map<number, number[]>>();
  for (let i = 0; i < n; i++) {
    if (removed[i]) continue;
    const b = before[i]!;
    remainingBefore.set(b, (remainingBefore.get(b) ?? 0) + 1);
    let byPiece = pieces.get(b);
    if (!byPiece) pieces.set(b, (byPiece = new Map()));
    const members = byPiece.get(after[i]!);
    if (members) members.push(i);
    else byPiece.set(after[i]!, [i]);
  }
  let connectedBefore = 0;
  for (const r of remainingBefore.values()) connectedBefore += pairs(r);
  const afterSizes = sizesOf(after);
  let connectedAfter = 0;
  for (const s of afterSizes.values()) connectedAfter += pairs(s);

  const splitOff: WhatIf['splitOff'] = [];
  for (const byPiece of pieces.values()) {
    if (byPiece.size < 2) continue;
    // The largest piece stays (on equal sizes, the one holding the earliest actor); the others split off.
    const ordered = [...byPiece.values()].sort((x, y) => y.length - x.length || x[0]! - y[0]!);
    for (const members of ordered.slice(1)) splitOff.push({ size: members.length, members: members.map((i) => view.nodes[i]!.id) });
  }
  splitOff.sort((x, y) => y.size - x.size || (x.members[0]! < y.members[0]! ? -1 : 1));
  const lost = connectedBefore - connectedAfter;
  return {
    removed: remove.map((i) => view.nodes[i]!.id),
    before: stats(sizesOf(before), n),
    after: stats(afterSizes, kept),
    pairsDisconnected: lost,
    pairsDisconnectedShare: connectedBefore > 0 ? lost / connectedBefore : 0,
    splitOff,
  };
}
