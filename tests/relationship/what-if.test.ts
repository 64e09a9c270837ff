import { describe, expect, it } from 'vitest';
import { components, fragmentation, whatIf } from '../../engine/metrics/fragmentation.js';
import { keyPlayers, removalEffects } from '../../engine/metrics/key-players.js';
import { createRng } from '../../engine/metrics/random.js';
import { csrFromTies } from '../../engine/graph/csr.js';
import { csrOf, loadTieList } from '../helpers/tie-list.js';

const path5 = csrOf([
  ['a', 'b'],
  ['b', 'c'],
  ['c', 'd'],
  ['d', 'e'],
]);
const star = csrOf([
  ['hub', 'x1'],
  ['hub', 'x2'],
  ['hub', 'x3'],
  ['hub', 'x4'],
]);
// Two 4-cliques {a1..a4}, {b1..b4} joined by the bridge a4–b1.
const clique = (p: string): Array<[string, string]> => {
  const out: Array<[string, string]> = [];
  for (let i = 1; i <= 4; i++) for (let j = i + 1; j <= 4; j++) out.push([`${p}${i}`, `${p}${j}`]);
  return out;
};
const barbell = csrOf([...clique('a'), ...clique('b'), ['a4', 'b1']]);
const idx = (csr: { ids: string[] }, id: string) => csr.ids.indexOf(id);

describe('fragmentation, hand-computed', () => {
  it('path of five: removing the middle leaves {a,b},{d,e}: F = 1 − 4/12', () => {
    expect(fragmentation(path5)).toBe(0);
    const w = whatIf(path5, [idx(path5, 'c')]);
    expect(w.before).toEqual({ actors: 5, components: 1, fragmentation: 0, disconnectedPairs: 0, interCommunityTies: null });
    expect(w.after).toEqual({ actors: 4, components: 2, fragmentation: 1 - 4 / 12, disconnectedPairs: 4, interCommunityTies: null });
    expect(w.lostPairs).toBe(4);
    expect(w.lostPairShare).toBe(4 / 6);
    expect(w.lostReach).toEqual([
      { id: 'a', before: 3, after: 1 },
      { id: 'b', before: 3, after: 1 },
      { id: 'd', before: 3, after: 1 },
      { id: 'e', before: 3, after: 1 },
    ]);
    // Removing b: {a}, {c,d,e}: F = 1 − 6/12.
    expect(whatIf(path5, [idx(path5, 'b')]).after.fragmentation).toBe(0.5);
  });

  it('star: removing the hub isolates everyone (F = 1); removing a leaf changes nothing', () => {
    const hub = whatIf(star, [idx(star, 'hub')]);
    expect(hub.after.fragmentation).toBe(1);
    expect(hub.after.components).toBe(4);
    expect(hub.lostPairs).toBe(6);
    const leaf = whatIf(star, [idx(star, 'x1')]);
    expect(leaf.after.fragmentation).toBe(0);
    expect(leaf.lostReach).toEqual([]);
  });

  it('two cliques and a bridge: removing a bridge end splits 3 + 4 (F = 1 − 18/42); inter-community ties counted', () => {
    const community = Int32Array.from(barbell.ids.map((id) => (id.startsWith('a') ? 0 : 1)));
    const w = whatIf(barbell, [idx(barbell, 'a4')], community);
    expect(w.after.fragmentation).toBeCloseTo(1 - 18 / 42, 15);
    expect(w.after.components).toBe(2);
    expect(w.before.interCommunityTies).toBe(1);
    expect(w.after.interCommunityTies).toBe(0);
    expect(w.lostPairs).toBe(12);
    // a1..a3 now reach 2 of the 6 others (lose 4); b1..b4 reach 3 (lose 3).
    expect(w.lostReach[0]).toEqual({ id: 'a1', before: 6, after: 2 });
    expect(w.lostReach[6]).toEqual({ id: 'b4', before: 6, after: 3 });
    expect(w.lostReach.map((r) => r.id)).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'b4']);
    expect(w.removed).toEqual(['a4']);
  });

  it('components label removed actors −1 and count isolates', () => {
    const c = components(csrOf([['a', 'b']], ['z']), Uint8Array.from([0, 1, 0]));
    expect(Array.from(c.label)).toEqual([0, -1, 1]);
    expect(Array.from(c.sizes)).toEqual([1, 1]);
  });
});

describe('key players', () => {
  it('path: the middle first, then the actor that splits the largest remaining part', () => {
    const kp = keyPlayers(path5, 2);
    expect(kp.map((s) => s.id)).toEqual(['c', 'a']);
    expect(kp[0]!.fragmentation).toBeCloseTo(2 / 3, 15);
    // After c: {a,b},{d,e}. Removing a (lowest index among equal gains) leaves {b},{d,e}: F = 1 − 2/6.
    expect(kp[1]!.fragmentation).toBeCloseTo(2 / 3, 15);
    expect(kp[1]!.components).toBe(2);
  });

  it('star: the hub; two cliques: a bridge end (F = 1 − 18/42)', () => {
    expect(keyPlayers(star, 1)[0]).toEqual({ node: idx(star, 'hub'), id: 'hub', fragmentation: 1, components: 4 });
    // a4 and b1 split it alike; the lower node index wins (csrOf numbers b1 before a4).
    expect(idx(barbell, 'b1')).toBeLessThan(idx(barbell, 'a4'));
    expect(keyPlayers(barbell, 1)[0]!.id).toBe('b1');
  });

  it('removal effects equal a full recount for every actor (seeded random graphs and real tie lists)', () => {
    const rng = createRng(2006);
    const graphs = [loadTieList('florentine'), loadTieList('hawthorne'), loadTieList('zachary')];
    for (let t = 0; t < 40; t++) {
      const n = 2 + Math.floor(rng() * 25);
      const m = Math.floor(rng() * n * 1.5);
      const seen = new Set<number>();
      const src: number[] = [];
      const dst: number[] = [];
      for (let e = 0; e < m; e++) {
        const a = Math.floor(rng() * n);
        const b = Math.floor(rng() * n);
        if (a === b || seen.has(Math.min(a, b) * n + Math.max(a, b))) continue;
        seen.add(Math.min(a, b) * n + Math.max(a, b));
        src.push(a);
        dst.push(b);
      }
      graphs.push(csrFromTies(Array.from({ length: n }, (_, i) => `v${i}`), Int32Array.from(src), Int32Array.from(dst), new Float64Array(src.length).fill(1)));
    }
    for (const csr of graphs) {
      const pre = new Uint8Array(csr.n);
      if (csr.n > 3) pre[1] = 1;
      const eff = removalEffects(csr, pre);
      for (let v = 0; v < csr.n; v++) {
        if (pre[v] === 1) {
          expect(Number.isNaN(eff.fragmentation[v]!)).toBe(true);
          continue;
        }
        const w = whatIf(csr, pre[1] === 1 ? [1, v] : [v]);
        expect(eff.fragmentation[v]).toBeCloseTo(w.after.fragmentation, 12);
        expect(eff.components[v]).toBe(w.after.components);
      }
    }
  });

  it('K larger than the actors stops when none is left; K must be a non-negative integer', () => {
    expect(keyPlayers(csrOf([['a', 'b']]), 5).map((s) => s.id)).toEqual(['a', 'b']);
    expect(() => keyPlayers(path5, -1)).toThrow('keyPlayers: K must be an integer ≥ 0, got -1');
  });
});
