// What-if removal of actors: connected components, fragmentation, disconnected pairs, lost reach.
// Fragmentation (Borgatti 2006, "Identifying sets of key players in a social network",
// Computational & Mathematical Organization Theory 12:21–34): the share of pairs of actors with no
// path between them,
//   F = 1 − Σ_k s_k (s_k − 1) / (n (n − 1))
// over the component sizes s_k of the n actors present (0 when n < 2). Removing actors, the pairs
// of remaining actors that were connected before and are not after have lost all paths; an actor's
// reach is the number of remaining actors it can reach, before and after the removal (so losing
// the removed actors themselves is not counted as lost reach).
// Components come from one breadth-first pass over the CSR, skipping removed actors.
// Cost: O(n + m) time and memory.
import type { Csr } from '../graph/csr.js';

export interface Components {
  /** Component of each actor, 0..count−1 in order of smallest member; −1 for removed actors. */
  label: Int32Array;
  /** Size of each component. */
  sizes: Int32Array;
  count: number;
}

/** Connected components of the actors not marked in `removed` (1 = removed). */
export function components(csr: Csr, removed?: Uint8Array): Components {
  const { n, offsets, targets } = csr;
  const label = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const sizes: number[] = [];
  for (let r = 0; r < n; r++) {
    if (label[r] !== -1 || (removed && removed[r] === 1)) continue;
    const c = sizes.length;
    let head = 0;
    let tail = 0;
    queue[tail++] = r;
    label[r] = c;
    while (head < tail) {
      const v = queue[head++]!;
      for (let p = offsets[v]!, end = offsets[v + 1]!; p < end; p++) {
        const w = targets[p]!;
        if (label[w] !== -1 || (removed && removed[w] === 1)) continue;
        label[w] = c;
        queue[tail++] = w;
      }
    }
    sizes.push(tail);
  }
  return { label, sizes: Int32Array.from(sizes), count: sizes.length };
}

/** Σ s (s − 1) over component sizes: ordered pairs of actors joined by a path. */
export function connectedOrderedPairs(sizes: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < sizes.length; k++) s += sizes[k]! * (sizes[k]! - 1);
  return s;
}

/** Borgatti's fragmentation from Σ s(s−1) and the number of actors n; 0 when n < 2. */
export function fragmentationFrom(orderedPairs: number, n: number): number {
  return n < 2 ? 0 : 1 - orderedPairs / (n * (n - 1));
}

export function fragmentation(csr: Csr, removed?: Uint8Array): number {
  const c = components(csr, removed);
  let n = csr.n;
  if (removed) for (let i = 0; i < csr.n; i++) n -= removed[i]!;
  return fragmentationFrom(connectedOrderedPairs(c.sizes), n);
}

export interface NetworkState {
  /** Actors present. */
  actors: number;
  components: number;
  fragmentation: number;
  /** Unordered pairs of present actors with no path between them. */
  disconnectedPairs: number;
  /** Ties between present actors of different communities; null without communities. */
  interCommunityTies: number | null;
}

export interface LostReach {
  id: string;
  /** Remaining actors reachable before and after the removal. */
  before: number;
  after: number;
}

export interface WhatIf {
  removed: string[];
  before: NetworkState;
  after: NetworkState;
  /** Pairs of remaining actors connected before and not after, and their share of all remaining pairs. */
  lostPairs: number;
  lostPairShare: number;
  /** Remaining actors that reach fewer actors after the removal: most lost first, then by id. */
  lostReach: LostReach[];
}

function state(csr: Csr, c: Components, present: number, removed: Uint8Array | undefined, community?: Int32Array): NetworkState {
  let inter: number | null = null;
  if (community) {
    inter = 0;
    for (let e = 0; e < csr.m; e++) {
      const a = csr.edgeSource[e]!;
      const b = csr.edgeTarget[e]!;
      if (removed && (removed[a] === 1 || removed[b] === 1)) continue;
      if (community[a] !== community[b]) inter++;
    }
  }
  const connected = connectedOrderedPairs(c.sizes);
  return {
    actors: present,
    components: c.count,
    fragmentation: fragmentationFrom(connected, present),
    disconnectedPairs: (present * (present - 1) - connected) / 2,
    interCommunityTies: inter,
  };
}

/** The network before and after removing the actors `removedNodes` (node indices). */
export function whatIf(csr: Csr, removedNodes: readonly number[], community?: Int32Array): WhatIf {
  const n = csr.n;
  if (community && community.length !== n) throw new RangeError(`whatIf: community has ${community.length} entries for ${n} actors`);
  const removed = new Uint8Array(n);
  for (const v of removedNodes) {
    if (!Number.isInteger(v) || v < 0 || v >= n) throw new RangeError(`whatIf: no actor with index ${v}`);
    removed[v] = 1;
  }
  let gone = 0;
  for (let i = 0; i < n; i++) gone += removed[i]!;
  const remaining = n - gone;
  const c0 = components(csr);
  const c1 = components(csr, removed);

  // Remaining actors per earlier component: pairs among them were all connected before.
  const remainingIn = new Float64Array(c0.count);
  for (let i = 0; i < n; i++) if (removed[i] === 0) remainingIn[c0.label[i]!]!++;
  const lostPairs = (connectedOrderedPairs(remainingIn) - connectedOrderedPairs(c1.sizes)) / 2;
  const pairs = (remaining * (remaining - 1)) / 2;

  const lostReach: LostReach[] = [];
  for (let i = 0; i < n; i++) {
    if (removed[i] === 1) continue;
    const before = remainingIn[c0.label[i]!]! - 1;
    const after = c1.sizes[c1.label[i]!]! - 1;
    if (after < before) lostReach.push({ id: csr.ids[i]!, before, after });
  }
  lostReach.sort((x, y) => y.before - y.after - (x.before - x.after) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));

  return {
    removed: [...new Set(removedNodes)].map((v) => csr.ids[v]!),
    before: state(csr, c0, n, undefined, community),
    after: state(csr, c1, remaining, removed, community),
    lostPairs,
    lostPairShare: pairs > 0 ? lostPairs / pairs : 0,
    lostReach,
  };
}
