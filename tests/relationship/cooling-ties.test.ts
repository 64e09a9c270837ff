import { describe, expect, it } from 'vitest';
import { TieGraphBuilder, type TieGraph } from '../../engine/graph/tie-graph.js';
import { coolingOrder, coolingTies, coolingWindows } from '../../engine/metrics/cooling-ties.js';
import type { Interaction } from '../../engine/model/types.js';

const DAY = 86_400_000;
const AS_OF = 1000 * DAY;

/** `count` contacts of a pair spread evenly over [fromDay, toDay). */
function contacts(a: string, b: string, count: number, fromDay: number, toDay: number): Interaction[] {
  return Array.from({ length: count }, (_, i) => ({ source: i % 2 ? a : b, target: i % 2 ? b : a, weight: 1, timestamp: (fromDay + ((toDay - fromDay) * i) / count) * DAY }));
}

function graph(rows: Interaction[]): TieGraph {
  const b = new TieGraphBuilder({ windows: coolingWindows(AS_OF) });
  for (const r of rows) b.addInteraction(r);
  return b.finish();
}

const name = (g: TieGraph, k: number): string => [g.actors[g.tieSource[k]!]!.id, g.actors[g.tieTarget[k]!]!.id].sort().join('-');

describe('cooling ties', () => {
  // Windows as of day 1000: recent (940, 1000], baseline (575, 940].
  const rows = [
    ...contacts('steady', 'p1', 60, 576, 1000), // about 5 a month throughout
    ...contacts('steady2', 'p2', 12, 576, 1000), // sparse but steady
    ...contacts('faded', 'p3', 40, 576, 940), // 40 in the baseline, then nothing
    ...contacts('faded', 'p3', 1, 990, 991), //   and a single recent contact
    ...contacts('slowed', 'p4', 73, 576, 940), // 6 a month, then one in two months
    ...contacts('slowed', 'p4', 1, 960, 961),
    ...contacts('few', 'p5', 5, 576, 940), // below the minimum baseline of 6: never judged
    ...contacts('old', 'p6', 30, 100, 500), // before the baseline window: nothing to compare
    ...contacts('new', 'p7', 20, 945, 1000), // new relationship: no baseline
  ];
  const g = graph(rows);
  const c = coolingTies(g);
  const flagged = Array.from(coolingOrder(c)).map((k) => name(g, k));

  it('flags exactly the pairs that nearly stopped, worst first', () => {
    // slowed: 0.5 a month now against 73·30/365 = 6.0 (ratio 0.083); faded: 0.5 against 3.29 (0.152).
    expect(flagged).toEqual(['p4-slowed', 'faded-p3']);
  });

  it('counts contacts per window and rates per 30 days', () => {
    const k = [...Array(g.tieSource.length).keys()].find((i) => name(g, i) === 'faded-p3')!;
    expect(c.recentContacts[k]).toBe(1);
    expect(c.baselineContacts[k]).toBe(40);
    expect(c.recentRate[k]).toBeCloseTo(30 / 60, 15);
    expect(c.baselineRate[k]).toBeCloseTo((30 * 40) / 365, 15);
    expect(c.lastContact[k]).toBe(990 * DAY);
    const s = [...Array(g.tieSource.length).keys()].find((i) => name(g, i) === 'p1-steady')!;
    // 60 contacts over 424 days: days 576 + 424·i/60; recent are those > 940, i.e. i ≥ 52 (51.5…) → 8.
    expect(c.recentContacts[s]).toBe(8);
    expect(c.baselineContacts[s]).toBe(52);
    expect(c.cooling[s]).toBe(0);
  });

  it('the ratio and the minimum baseline are parameters', () => {
    // With ratio 0.05, "slowed" (1 in 60 days vs 6 a month: 0.5 < 0.05·6.0 = 0.3? no) is not flagged, "faded" neither (0.5 vs 0.164).
    expect(Array.from(coolingOrder(coolingTies(g, { ratio: 0.05 })))).toEqual([]);
    // Minimum baseline 5 lets "few" be judged: 5 baseline contacts, none recent → cooling.
    const lenient = Array.from(coolingOrder(coolingTies(g, { minBaseline: 5 }))).map((k) => name(g, k));
    expect(lenient).toEqual(['few-p5', 'p4-slowed', 'faded-p3']);
  });

  it('contacts after the as-of time are in neither window', () => {
    const late = graph([...contacts('x', 'y', 10, 600, 900), ...contacts('x', 'y', 10, 1001, 1100)]);
    const cl = coolingTies(late);
    expect(cl.recentContacts[0]).toBe(0);
    expect(cl.baselineContacts[0]).toBe(10);
    expect(cl.cooling[0]).toBe(1);
  });

  it('needs the windows from the builder', () => {
    const b = new TieGraphBuilder();
    b.addInteraction({ source: 'a', target: 'b', weight: 1, timestamp: 0 });
    expect(() => coolingTies(b.finish())).toThrow(
      'cooling ties need the contact windows: build the tie graph with new TieGraphBuilder({ windows: coolingWindows(asOf) })',
    );
    expect(() => new TieGraphBuilder({ windows: { asOf: NaN, recentDays: 60, baselineDays: 365 } })).toThrow(
      'windows need a finite asOf and positive recentDays and baselineDays, got NaN, 60, 365',
    );
  });
});
