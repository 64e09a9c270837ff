import { describe, expect, it } from 'vitest';
import { groupProfiles, topDecile } from '../../engine/metrics/group-profile.js';
import { csrOf } from '../helpers/tie-list.js';

describe('group profiles, hand-computed', () => {
  // X = {a, b, c}, Y = {d, e}, u without a group.
  const csr = csrOf([
    ['a', 'b', 2],
    ['b', 'c', 1],
    ['a', 'c', 1],
    ['c', 'd', 3],
    ['d', 'e', 1],
    ['e', 'u', 2],
  ]);
  const group: Record<string, number> = { a: 0, b: 0, c: 0, d: 1, e: 1, u: -1 };
  const groups = Int32Array.from(csr.ids.map((id) => group[id]!));
  const betweenness = Float64Array.from(csr.ids.map((id) => ({ a: 0, b: 0, c: 5, d: 6, e: 4, u: 0 })[id]!));
  const [x, y] = groupProfiles(csr, groups, ['X', 'Y'], { betweenness });

  it('size, ties, strength, cohesion and density', () => {
    expect(x).toMatchObject({ group: 'X', size: 3, internalTies: 3, externalTies: 1, internalStrength: 4, externalStrength: 3, density: 1 });
    expect(x!.cohesion).toBeCloseTo(4 / 7, 15);
    expect(y).toMatchObject({ group: 'Y', size: 2, internalTies: 1, externalTies: 2, internalStrength: 1, externalStrength: 5, density: 1 });
    expect(y!.cohesion).toBeCloseTo(1 / 6, 15);
  });

  it('brokers: bridging share above 0.5 or top-decile betweenness', () => {
    // c: 2 of 5 inside → bridging 0.6; d: 1 of 4 → 0.75 and the top betweenness; e: its only grouped contact is inside.
    expect(x!.brokers).toEqual(['c']);
    expect(y!.brokers).toEqual(['d']);
    // Without betweenness the bridging share alone decides.
    expect(groupProfiles(csr, groups, ['X', 'Y']).map((p) => p.brokers)).toEqual([['c'], ['d']]);
  });

  it('outside holders, most outside strength first', () => {
    expect(x!.outsideHolders).toEqual([{ id: 'c', strength: 3, ties: 1 }]);
    expect(y!.outsideHolders).toEqual([
      { id: 'd', strength: 3, ties: 1 },
      { id: 'e', strength: 2, ties: 1 },
    ]);
    expect(groupProfiles(csr, groups, ['X', 'Y'], { topHolders: 1 })[1]!.outsideHolders.map((h) => h.id)).toEqual(['d']);
  });

  it('a one-member group has density 0; a group without ties has NaN cohesion', () => {
    const lone = csrOf([['a', 'b']], ['z']);
    const [p1, p2, p3] = groupProfiles(lone, Int32Array.from([0, 1, 2]), ['A', 'B', 'Z']);
    expect(p1).toMatchObject({ group: 'A', size: 1, density: 0, cohesion: 0, externalTies: 1 });
    expect(p2!.group).toBe('B');
    expect(p3).toMatchObject({ group: 'Z', size: 1, density: 0, externalTies: 0 });
    expect(Number.isNaN(p3!.cohesion)).toBe(true);
  });
});

describe('top decile', () => {
  it('the top ⌈n/10⌉ positive values, ties at the cut included', () => {
    expect(Array.from(topDecile(Float64Array.from([1, 5, 5, 0])))).toEqual([0, 1, 1, 0]);
    expect(Array.from(topDecile(Float64Array.from([0, 0, 0])))).toEqual([0, 0, 0]);
    const twenty = Float64Array.from({ length: 20 }, (_, i) => i);
    expect(Array.from(topDecile(twenty)).flatMap((v, i) => (v ? [i] : []))).toEqual([18, 19]);
  });
});
