// What-if on a hand-drawn graph: a path a–b–c–d–e with a pendant f on c, a pair g–h and an isolate i,
// through the engine's what-if (engine/metrics/fragmentation.ts) plus the pieces the API adds.
// Every expected number below is worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import { buildRunView } from '../../server/run-view.js';
import { handRun } from './harness.js';
import { whatIf } from '../../server/what-if.js';

const run = handRun({ counts: { actors: 9, interactions: 6, ties: 6, skipped: 0 } });
const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
const ties: [string, string][] = [
  ['a', 'b'],
  ['b', 'c'],
  ['c', 'd'],
  ['d', 'e'],
  ['c', 'f'],
  ['g', 'h'],
];
const view = buildRunView(
  run,
  ids.map((id, i) => ({ id, label: id.toUpperCase(), values: { community: [0, 0, 0, 1, 1, 1, 2, 2, 3][i]!, degree: ties.filter((t) => t.includes(id)).length } })),
  ties.map(([source, target]) => ({ source, target, values: { strength: 1 } })),
  new Map(),
);
const idx = (id: string): number => ids.indexOf(id);

describe('whatIf', () => {
  it('removing the cut vertex c splits its component in three', () => {
    const r = whatIf(view, [idx('c')]);
    expect(r.removed).toEqual(['c']);
    // before: sizes 6, 2, 1 of n = 9: F = 1 − (30 + 2 + 0) / 72; (72 − 32) / 2 = 20 pairs without a path;
    // communities {a,b,c} {d,e,f} {g,h} {i}: ties c–d and c–f cross.
    expect(r.before).toEqual({ actors: 9, components: 3, largestComponent: 6, fragmentation: 1 - 32 / 72, disconnectedPairs: 20, interCommunityTies: 2 });
    // after: {a,b} {d,e} {f} {g,h} {i} over n = 8: F = 1 − (2 + 2 + 0 + 2 + 0) / 56; (56 − 6) / 2 = 25.
    expect(r.after).toEqual({ actors: 8, components: 5, largestComponent: 2, fragmentation: 1 - 6 / 56, disconnectedPairs: 25, interCommunityTies: 0 });
    // Remaining pairs connected before: C(5,2) in {a,b,d,e,f} + 1 in {g,h} = 11; after: 3; lost 8 of C(8,2) = 28.
    expect(r.pairsDisconnected).toBe(8);
    expect(r.pairsDisconnectedShare).toBeCloseTo(8 / 28, 15);
    // {a,b} and {d,e} tie at size 2: the piece holding the earliest actor (a) stays.
    expect(r.splitOff).toEqual([
      { size: 2, members: ['d', 'e'] },
      { size: 1, members: ['f'] },
    ]);
    // Each of a, b, d, e, f reached the other 4; now f reaches nobody, the others one actor.
    expect(r.lostReach).toEqual([
      { id: 'f', before: 4, after: 0 },
      { id: 'a', before: 4, after: 1 },
      { id: 'b', before: 4, after: 1 },
      { id: 'd', before: 4, after: 1 },
      { id: 'e', before: 4, after: 1 },
    ]);
    expect(r.lostReachCount).toBe(5);
  });

  it('removing a leaf disconnects nobody else', () => {
    const r = whatIf(view, [idx('e')]);
    expect(r.after).toMatchObject({ actors: 8, components: 3, largestComponent: 5, fragmentation: 1 - (20 + 2) / 56 });
    expect(r.pairsDisconnected).toBe(0);
    expect(r.pairsDisconnectedShare).toBe(0);
    expect(r.splitOff).toEqual([]);
    expect(r.lostReach).toEqual([]);
  });

  it('removing both ends of a pair leaves the rest as it was', () => {
    const r = whatIf(view, [idx('g'), idx('h')]);
    expect(r.after).toMatchObject({ actors: 7, components: 2, largestComponent: 6, fragmentation: 1 - 30 / 42 });
    expect(r.pairsDisconnected).toBe(0);
    expect(r.splitOff).toEqual([]);
  });
});
