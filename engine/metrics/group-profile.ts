// Group profile: for each group (an attribute value such as a department, or a community) of the
// tie graph, with s the tie strength and "inside" meaning both ends in the group:
//   size                 members
//   internal / external  ties (and their strength) inside the group / from a member to a non-member
//                        (actors without a group count as non-members)
//   cohesion             internal strength / (internal + external strength); NaN without ties
//   density              internal ties / (size (size − 1) / 2); 0 when size < 2 (as nx.density)
//   brokers              members whose bridging share (bonding-bridging.ts: strength to other
//                        groups / strength to grouped contacts) is above 0.5, or whose betweenness
//                        is positive and in the top decile of all actors (≥ the ⌈n/10⌉-th largest)
//   outside holders      the members holding the group's outside ties, most outside strength first
// Groups are listed largest first, then by name. Reference: Krackhardt & Stern 1988 (internal vs
// external ties); Burt 2005 "Brokerage and Closure". Cost: O(n log n + m).
import type { Csr } from '../graph/csr.js';
import { bondingBridging } from './bonding-bridging.js';

export interface OutsideHolder {
  id: string;
  /** Strength of the member's ties to non-members, and their number. */
  strength: number;
  ties: number;
}

export interface GroupProfile {
  group: string;
  size: number;
  internalTies: number;
  externalTies: number;
  internalStrength: number;
  externalStrength: number;
  cohesion: number;
  density: number;
  /** Broker ids, highest betweenness first (else highest bridging share), then by id. */
  brokers: string[];
  outsideHolders: OutsideHolder[];
}

export interface GroupProfileOptions {
  /** Betweenness per actor; without it brokers come from the bridging share alone. */
  betweenness?: Float64Array;
  /** How many outside holders to list per group (default 3). */
  topHolders?: number;
}

/** 1 for actors whose betweenness is positive and among the top ⌈n/10⌉ values (ties at the cut included). */
export function topDecile(values: Float64Array): Uint8Array {
  const n = values.length;
  const out = new Uint8Array(n);
  if (n === 0) return out;
  const sorted = Float64Array.from(values, (v) => (Number.isNaN(v) ? -Infinity : v)).sort();
  const cut = sorted[n - Math.ceil(n / 10)]!;
  for (let i = 0; i < n; i++) out[i] = values[i]! > 0 && values[i]! >= cut ? 1 : 0;
  return out;
}

export function groupProfiles(csr: Csr, groups: Int32Array, names: readonly string[], opts: GroupProfileOptions = {}): GroupProfile[] {
  const { n, m, ids, offsets, targets, strengths, edgeSource, edgeTarget, edgeStrength } = csr;
  if (groups.length !== n) throw new RangeError(`groupProfiles: groups has ${groups.length} entries but the graph has ${n} actors`);
  const G = names.length;
  const size = new Int32Array(G);
  const internalTies = new Int32Array(G);
  const externalTies = new Int32Array(G);
  const internalStrength = new Float64Array(G);
  const externalStrength = new Float64Array(G);
  for (let i = 0; i < n; i++) if (groups[i]! >= 0) size[groups[i]!]!++;
  for (let e = 0; e < m; e++) {
    const ga = groups[edgeSource[e]!]!;
    const gb = groups[edgeTarget[e]!]!;
    const s = edgeStrength[e]!;
    if (ga === gb && ga >= 0) {
      internalTies[ga]!++;
      internalStrength[ga]! += s;
      continue;
    }
    for (const g of [ga, gb]) {
      if (g < 0) continue;
      externalTies[g]!++;
      externalStrength[g]! += s;
    }
  }

  const { bridging } = bondingBridging(csr, groups);
  const between = opts.betweenness;
  const top = between ? topDecile(between) : new Uint8Array(n);
  const outStrength = new Float64Array(n);
  const outTies = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const g = groups[i]!;
    if (g < 0) continue;
    for (let p = offsets[i]!, end = offsets[i + 1]!; p < end; p++) {
      if (groups[targets[p]!] === g) continue;
      outStrength[i]! += strengths[p]!;
      outTies[i]!++;
    }
  }
  const members: number[][] = Array.from({ length: G }, () => []);
  for (let i = 0; i < n; i++) if (groups[i]! >= 0) members[groups[i]!]!.push(i);
  const byId = (a: number, b: number): number => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0);
  const topHolders = opts.topHolders ?? 3;

  const profiles: GroupProfile[] = [];
  for (let g = 0; g < G; g++) {
    const list = members[g]!;
    const brokers = list.filter((i) => bridging[i]! > 0.5 || top[i] === 1);
    brokers.sort((a, b) => (between ? between[b]! - between[a]! : 0) || bridging[b]! - bridging[a]! || byId(a, b));
    const holders = list.filter((i) => outTies[i]! > 0).sort((a, b) => outStrength[b]! - outStrength[a]! || byId(a, b));
    const total = internalStrength[g]! + externalStrength[g]!;
    const s = size[g]!;
    profiles.push({
      group: names[g]!,
      size: s,
      internalTies: internalTies[g]!,
      externalTies: externalTies[g]!,
      internalStrength: internalStrength[g]!,
      externalStrength: externalStrength[g]!,
      cohesion: total > 0 ? internalStrength[g]! / total : NaN,
      density: s < 2 ? 0 : internalTies[g]! / ((s * (s - 1)) / 2),
      brokers: brokers.map((i) => ids[i]!),
      outsideHolders: holders.slice(0, topHolders).map((i) => ({ id: ids[i]!, strength: outStrength[i]!, ties: outTies[i]! })),
    });
  }
  profiles.sort((a, b) => b.size - a.size || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
  return profiles;
}
