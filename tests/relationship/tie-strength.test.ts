import { describe, expect, it } from 'vitest';
import { TieGraphBuilder, tieCsr, type TieGraph } from '../../engine/graph/tie-graph.js';
import { chooseStrengthMode, strongTies, tieStrengths, weakBridges, TIE_COMPONENTS } from '../../engine/graph/tie-strength.js';
import { createRng } from '../../engine/metrics/random.js';
import { localBridges } from '../../engine/metrics/local-bridges.js';
import type { Interaction } from '../../engine/model/types.js';

const DAY = 86_400_000;
const ix = (source: string, target: string, extra: Partial<Interaction> = {}): Interaction => ({ source, target, weight: 1, ...extra });
const build = (rows: Interaction[], opts: ConstructorParameters<typeof TieGraphBuilder>[0] = {}): TieGraph => {
  const b = new TieGraphBuilder(opts);
  for (const r of rows) b.addInteraction(r);
  return b.finish();
};
const tieOf = (g: TieGraph, a: string, b: string): number => {
  const i = g.index.get(a)!;
  const j = g.index.get(b)!;
  for (let k = 0; k < g.tieSource.length; k++) {
    if ((g.tieSource[k] === i && g.tieTarget[k] === j) || (g.tieSource[k] === j && g.tieTarget[k] === i)) return k;
  }
  throw new Error(`no tie ${a}-${b}`);
};

describe('tie strength mode', () => {
  it('weight mode for a plain edge list (untyped or one type, no timestamps), model otherwise; explicit mode wins', () => {
    expect(chooseStrengthMode(build([ix('a', 'b', { weight: 3 })]))).toBe('weight');
    const one = build([ix('a', 'b', { weight: 3, type: 'interaction' }), ix('b', 'c', { weight: 2, type: 'interaction' })]);
    expect(chooseStrengthMode(one)).toBe('weight');
    expect(Array.from(tieStrengths(one).values)).toEqual([3, 2]);
    expect(chooseStrengthMode(build([ix('a', 'b', { type: 'x' }), ix('a', 'b', { type: 'y' })]))).toBe('model');
    expect(chooseStrengthMode(build([ix('a', 'b', { timestamp: 5 })]))).toBe('model');
    expect(chooseStrengthMode(one, 'model')).toBe('model');
    expect(tieStrengths(one, { mode: 'model' }).mode).toBe('model');
  });
});

describe('tie strength model, hand-computed', () => {
  // a→b email day 0, b→a meeting day 90, a→c email ×2 (weight 2) day 90; as of day 90, half-life 90 days.
  const g = build([
    ix('a', 'b', { type: 'email', timestamp: 0 }),
    ix('b', 'a', { type: 'meeting', timestamp: 90 * DAY }),
    ix('a', 'c', { type: 'email', timestamp: 90 * DAY, weight: 2 }),
  ]);
  const s = tieStrengths(g);
  const ab = tieOf(g, 'a', 'b');
  const ac = tieOf(g, 'a', 'c');

  it('components', () => {
    const c = s.components!;
    expect(s.mode).toBe('model');
    expect(s.asOf).toBe(90 * DAY);
    // decayed frequency: ab = 1·2^-1 + 1 = 1.5, ac = 2 (the largest).
    expect(c.frequency[ab]).toBeCloseTo(Math.log(2.5) / Math.log(3), 15);
    expect(c.frequency[ac]).toBe(1);
    expect([c.recency[ab], c.recency[ac]]).toEqual([1, 1]);
    expect([c.reciprocity[ab], c.reciprocity[ac]]).toEqual([1, 0]);
    expect([c.multiplexity[ab], c.multiplexity[ac]]).toEqual([1, 0.5]);
    expect([c.duration[ab], c.duration[ac]]).toEqual([1, 0]);
    expect([c.overlap[ab], c.overlap[ac]]).toEqual([0, 0]);
    expect(s.weights).toEqual({ frequency: 0.3, recency: 0.2, reciprocity: 0.15, multiplexity: 0.1, duration: 0.1, overlap: 0.15 });
  });

  it('strength = the weighted sum', () => {
    expect(s.values[ab]).toBeCloseTo((0.3 * Math.log(2.5)) / Math.log(3) + 0.2 + 0.15 + 0.1 + 0.1, 15);
    expect(s.values[ac]).toBeCloseTo(0.3 + 0.2 + 0.05, 15);
    expect(s.notes).toEqual([]);
  });

  it('a later as-of decays frequency and recency', () => {
    const later = tieStrengths(g, { asOf: 180 * DAY });
    expect(later.components!.recency[ab]).toBeCloseTo(0.5, 15);
    // ab: 1.5 · 2^-1 = 0.75; ac: 2 · 2^-1 = 1.
    expect(later.components!.frequency[ab]).toBeCloseTo(Math.log(1.75) / Math.log(2), 15);
  });

  it('the decayed weight is exact whatever the arrival order (reference = the tie’s last timestamp)', () => {
    const times = [5, 400, 37, 0, 220, 219, 1000];
    const forward = build(times.map((t) => ix('x', 'y', { timestamp: t * DAY, weight: 1 + (t % 3) })));
    const backward = build([...times].reverse().map((t) => ix('x', 'y', { timestamp: t * DAY, weight: 1 + (t % 3) })));
    const expected = times.reduce((acc, t) => acc + (1 + (t % 3)) * Math.pow(2, (t - 1000) / 90), 0);
    expect(forward.facts.decaySum![0]).toBeCloseTo(expected, 12);
    expect(backward.facts.decaySum![0]).toBeCloseTo(expected, 12);
    expect(forward.facts.datedWeight![0]).toBe(times.reduce((a, t) => a + 1 + (t % 3), 0));
  });

  it('overlap is computed on the graph of ties of positive weight', () => {
    const t = build([ix('a', 'b', { type: 'x' }), ix('b', 'c', { type: 'y' }), ix('a', 'c', { type: 'x' }), ix('c', 'd', { type: 'x' })]);
    const st = tieStrengths(t);
    // a-b: common {c}; den = (2−1)+(2−1)−1 = 1 → 1. c-d: common none, den = 2 + 0 → 0. a-c: common {b}, den = 1 + 2 − 1 = 2 → 0.5.
    expect(st.components!.overlap[tieOf(t, 'a', 'b')]).toBe(1);
    expect(st.components!.overlap[tieOf(t, 'a', 'c')]).toBe(0.5);
    expect(st.components!.overlap[tieOf(t, 'c', 'd')]).toBe(0);
  });
});

describe('components that drop out', () => {
  it('no timestamps: recency and duration are NaN and the other weights are renormalised', () => {
    const g = build([ix('a', 'b', { type: 'x' }), ix('b', 'a', { type: 'y' }), ix('a', 'c', { type: 'x' })]);
    const s = tieStrengths(g);
    expect(Number.isNaN(s.components!.recency[0]!)).toBe(true);
    expect(Number.isNaN(s.components!.duration[0]!)).toBe(true);
    expect(s.weights!.recency).toBe(0);
    expect(s.weights!.frequency).toBeCloseTo(0.3 / 0.7, 15);
    expect(s.notes).toEqual(['tie strength: no timestamps, so recency and duration drop out and their weights are shared by the other components']);
    // a-b: frequency 1 (both weight 2... a-b has weight 2, a-c 1), reciprocity 1, multiplexity 1, overlap 0.
    const ab = tieOf(g, 'a', 'b');
    expect(s.values[ab]).toBeCloseTo((0.3 + 0.15 + 0.1) / 0.7, 15);
  });

  it('only undirected rows and single-type ties: reciprocity and multiplexity drop out', () => {
    const g = build([ix('a', 'b', { type: 'x', timestamp: 0, undirected: true }), ix('b', 'c', { type: 'y', timestamp: DAY, undirected: true })]);
    const s = tieStrengths(g);
    expect(s.weights!.reciprocity).toBe(0);
    expect(s.weights!.multiplexity).toBe(0);
    expect(s.notes).toEqual([
      'tie strength: no tie has two interaction types, so multiplexity drops out',
      'tie strength: every interaction is undirected, so reciprocity drops out',
    ]);
  });

  it('a tie of zero total weight has strength 0 and is left out of the CSR', () => {
    const g = build([ix('a', 'b', { type: 'x', weight: 0 }), ix('a', 'c', { type: 'y' })]);
    const s = tieStrengths(g);
    expect(s.values[tieOf(g, 'a', 'b')]).toBe(0);
    expect(tieCsr(g, s.values).dropped).toBe(1);
  });
});

describe('tie strength properties', () => {
  it('at equal volume a reciprocal tie is stronger than a one-way tie', () => {
    const g = build([
      ix('a', 'b', { type: 'email', timestamp: 10 * DAY }),
      ix('b', 'a', { type: 'email', timestamp: 20 * DAY }),
      ix('c', 'd', { type: 'email', timestamp: 10 * DAY }),
      ix('c', 'd', { type: 'email', timestamp: 20 * DAY }),
      ix('e', 'f', { type: 'call', timestamp: 0 }),
    ]);
    const s = tieStrengths(g);
    expect(s.values[tieOf(g, 'a', 'b')]!).toBeGreaterThan(s.values[tieOf(g, 'c', 'd')]!);
  });

  it('at equal volume a recent tie is stronger than an old one', () => {
    const g = build([
      ix('a', 'b', { type: 'email', timestamp: 300 * DAY }),
      ix('b', 'a', { type: 'call', timestamp: 310 * DAY }),
      ix('c', 'd', { type: 'email', timestamp: 10 * DAY }),
      ix('d', 'c', { type: 'call', timestamp: 20 * DAY }),
    ]);
    const s = tieStrengths(g);
    expect(s.values[tieOf(g, 'a', 'b')]!).toBeGreaterThan(s.values[tieOf(g, 'c', 'd')]!);
  });

  // A few hundred seeded random logs: adding to a tie more contact (that does not lower its
  // reciprocity), a new channel, or an earlier contact never makes that tie weaker.
  const TYPES = ['email', 'meeting', 'call', 'chat'];
  const randomLog = (rng: () => number): Interaction[] => {
    const n = 4 + Math.floor(rng() * 8);
    const rows: Interaction[] = [];
    const count = 8 + Math.floor(rng() * 50);
    for (let r = 0; r < count; r++) {
      const s = Math.floor(rng() * n);
      let t = Math.floor(rng() * (n - 1));
      if (t >= s) t++;
      rows.push({
        source: `v${s}`,
        target: `v${t}`,
        type: TYPES[Math.floor(rng() * 3)]!,
        timestamp: Math.floor(rng() * 400 * DAY),
        weight: 1 + Math.floor(rng() * 3),
        ...(rng() < 0.1 ? { undirected: true } : {}),
      });
    }
    return rows;
  };
  const asOf = 450 * DAY;

  for (const kind of ['more contact', 'more channels', 'longer relationship'] as const) {
    it(`${kind} never makes a tie weaker (300 seeded random logs)`, () => {
      const rng = createRng(kind.length * 7919);
      let checked = 0;
      let rose = 0;
      for (let trial = 0; trial < 300; trial++) {
        const rows = randomLog(rng);
        const g = build(rows);
        const before = tieStrengths(g, { asOf });
        const k = Math.floor(rng() * g.tieSource.length);
        const a = g.actors[g.tieSource[k]!]!.id;
        const b = g.actors[g.tieTarget[k]!]!.id;
        const wf = g.facts.weightForward[k]!;
        const wb = g.facts.weightBackward[k]!;
        // Contact in the weaker direction, at most the gap, or both ways when balanced, keeps
        // reciprocity from falling (one-way contact to a balanced tie lowers it, by design).
        const gap = Math.abs(wf - wb);
        const dir = gap > 0 ? { source: wf < wb ? a : b, target: wf < wb ? b : a, weight: gap * (0.1 + 0.9 * rng()) } : { source: a, target: b, weight: 1 + rng(), undirected: true };
        const first = g.facts.firstTimestamp[k]!;
        const last = g.facts.lastTimestamp[k]!;
        const extra: Interaction =
          kind === 'more contact'
            ? { ...dir, type: 'email', timestamp: first + rng() * (last - first) }
            : kind === 'more channels'
              ? { source: a, target: b, type: 'chat', timestamp: first + rng() * (last - first), weight: 1, undirected: true }
              : { ...dir, type: 'email', timestamp: first - (1 + rng() * 100) * DAY };
        const after = tieStrengths(build([...rows, extra]), { asOf });
        expect(after.values[k]!).toBeGreaterThanOrEqual(before.values[k]! - 1e-12);
        if (after.values[k]! > before.values[k]! + 1e-12) rose++;
        checked++;
      }
      expect(checked).toBe(300);
      expect(rose).toBeGreaterThan(150);
    });
  }
});

describe('strong ties and weak bridges', () => {
  it('model mode: strength ≥ threshold', () => {
    const s = { mode: 'model' as const, values: Float64Array.from([0.2, 0.5, 0.7, 0]), notes: [] };
    expect(Array.from(strongTies(s, { strongThreshold: 0.5 }))).toEqual([0, 1, 1, 0]);
    expect(Array.from(strongTies(s, { strongThreshold: 0 }))).toEqual([1, 1, 1, 0]);
  });

  it('weight mode: above the 75th percentile (nearest rank) of positive weights; equal weights give none', () => {
    const s = { mode: 'weight' as const, values: Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 0]), notes: [] };
    // 8 positive weights: rank ceil(0.75 · 8) = 6 → cut 6; strong: 7, 8.
    expect(Array.from(strongTies(s))).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 0]);
    expect(Array.from(strongTies({ ...s, values: Float64Array.from([1, 1, 1]) }))).toEqual([0, 0, 0]);
    expect(() => strongTies(s, { strongPercentile: 101 })).toThrow('strongPercentile must be in [0, 100], got 101');
  });

  it('weak bridge: not strong, and a local bridge or across communities', () => {
    // Triangle a-b-c plus bridge c-d and triangle d-e-f; communities {a,b,c}, {d,e,f} except b in another.
    const g = build([ix('a', 'b'), ix('b', 'c'), ix('a', 'c'), ix('c', 'd'), ix('d', 'e'), ix('e', 'f'), ix('d', 'f')]);
    const { csr } = tieCsr(g, g.facts.weight);
    const lb = localBridges(csr);
    const community = Int32Array.from([0, 1, 0, 2, 2, 2]); // a b c d e f
    const strong = new Uint8Array(csr.m);
    const wb = weakBridges(csr, strong, lb.isLocalBridge, community);
    const names = (e: number) => `${csr.ids[csr.edgeSource[e]!]}-${csr.ids[csr.edgeTarget[e]!]}`;
    expect([...wb.keys()].filter((e) => wb[e] === 1).map(names)).toEqual(['a-b', 'b-c', 'c-d']);
    strong[tieOf(g, 'c', 'd')] = 1;
    expect(weakBridges(csr, strong, lb.isLocalBridge).reduce((a, x) => a + x, 0)).toBe(0);
  });
});

describe('tie strength errors', () => {
  it('weights must sum to 1', () => {
    const g = build([ix('a', 'b', { type: 'x' }), ix('a', 'b', { type: 'y' })]);
    expect(() => tieStrengths(g, { weights: { frequency: 0.5, recency: 0.2, reciprocity: 0.15, multiplexity: 0.1, duration: 0.1, overlap: 0.15 } })).toThrow(
      'tie strength weights must sum to 1, got 1.2 (frequency 0.5, recency 0.2, reciprocity 0.15, multiplexity 0.1, duration 0.1, overlap 0.15)',
    );
    expect(() => tieStrengths(g, { weights: { frequency: -0.1, recency: 0.4, reciprocity: 0.15, multiplexity: 0.1, duration: 0.3, overlap: 0.15 } })).toThrow(
      'tie strength weight "frequency" must be a finite number ≥ 0, got -0.1',
    );
  });

  it('the half-life asked must be the one the decay was accumulated with', () => {
    const g = build([ix('a', 'b', { timestamp: 0 })]);
    expect(() => tieStrengths(g, { halfLifeDays: 30 })).toThrow(
      'tie strength: the tie graph accumulated decay with a 90-day half-life but 30 days was asked; build it with new TieGraphBuilder({ halfLifeDays: 30 })',
    );
    const g30 = build([ix('a', 'b', { timestamp: 0 }), ix('a', 'c', { timestamp: 30 * DAY })], { halfLifeDays: 30 });
    expect(tieStrengths(g30, { halfLifeDays: 30 }).components!.recency[0]).toBeCloseTo(0.5, 15);
  });

  it('components listed in output order', () => {
    expect([...TIE_COMPONENTS]).toEqual(['frequency', 'recency', 'reciprocity', 'multiplexity', 'duration', 'overlap']);
  });
});
