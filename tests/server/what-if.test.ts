// What-if on a hand-drawn graph: a path a–b–c–d–e with a pendant f on c, a pair g–h and an isolate i.
// Every expected number below is worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import { buildRunView } from '../../server/run-view.js';
import { handRun } from './harness.js';
import { componentLabels, fragmentation, whatIf } from '../../server/what-if.js';

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
  ids.map((id) => ({ id, label: id.toUpperCase(), values: { degree: ties.filter((t) => t.includes(id)).length } })),
  ties.map(([source, target]) => ({ source, target, values: { strength: 1 } })),
  new Map(),
);
const idx = (id: string): number => ids.indexOf(id);

describe('fragmentation (Borgatti 2006)', () => {
  it('is 1 − Σ s(s−1) / (n(n−1))', () => {
    // sizes 6, 2, 1 of n = 9: 1 − (30 + 2 + 0) / 72
    expect(fragmentation([6, 2, 1], 9)).toBeCloseTo(40 / 72, 15);
    expect(fragmentation([5], 5)).toBe(0);
    expect(fragmentation([1, 1, 1, 1], 4)).toBe(1);
    expect(fragmentation([1], 1)).toBe(0);
    expect(fragmentation([], 0)).toBe(0);
  });
});

describe('componentLabels', () => {
  it('labels connected actors alike and removed actors −1', () => {
    const removed = new Uint8Array(9);
    removed[idx('c')] = 1;
    const l = componentLabels(9, view.edgeSource, view.edgeTarget, removed);
    expect(l[idx('c')]).toBe(-1);
    expect(l[idx('a')]).toBe(l[idx('b')]);
    expect(l[idx('d')]).toBe(l[idx('e')]);
    expect(l[idx('a')]).not.toBe(l[idx('d')]);
    expect(new Set([l[idx('a')], l[idx('d')], l[idx('f')], l[idx('g')], l[idx('i')]]).size).toBe(5);
  });
});

describe('whatIf', () => {
  it('removing the cut vertex c splits its component in three', () => {
    const r = whatIf(view, [idx('c')]);
    expect(r.removed).toEqual(['c']);
    expect(r.before).toEqual({ actors: 9, components: 3, largestComponent: 6, fragmentation: 1 - 32 / 72 });
    // after: {a,b} {d,e} {f} {g,h} {i} over n = 8: 1 − (2 + 2 + 0 + 2 + 0) / 56
    expect(r.after).toEqual({ actors: 8, components: 5, largestComponent: 2, fragmentation: 1 - 6 / 56 });
    // remaining pairs connected before: C(5,2) in {a,b,d,e,f} + 1 in {g,h} = 11; after: 3; lost 8.
    expect(r.pairsDisconnected).toBe(8);
    expect(r.pairsDisconnectedShare).toBeCloseTo(8 / 11, 15);
    // {a,b} and {d,e} tie at size 2: the piece holding the earliest actor (a) stays.
    expect(r.splitOff).toEqual([
      { size: 2, members: ['d', 'e'] },
      { size: 1, members: ['f'] },
    ]);
  });

  it('removing a leaf disconnects nobody else', () => {
    const r = whatIf(view, [idx('e')]);
    expect(r.after).toEqual({ actors: 8, components: 3, largestComponent: 5, fragmentation: 1 - (20 + 2) / 56 });
    expect(r.pairsDisconnected).toBe(0);
    expect(r.pairsDisconnectedShare).toBe(0);
    expect(r.splitOff).toEqual([]);
  });

  it('removing both ends of a pair leaves the rest as it was', () => {
    const r = whatIf(view, [idx('g'), idx('h')]);
    expect(r.after).toEqual({ actors: 7, components: 2, largestComponent: 6, fragmentation: 1 - 30 / 42 });
    expect(r.pairsDisconnected).toBe(0);
    expect(r.splitOff).toEqual([]);
  });
});
