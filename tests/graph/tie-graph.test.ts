import { describe, expect, it } from 'vitest';
import { TieGraphBuilder, tieCsr } from '../../engine/graph/tie-graph.js';
import { tieStrengths } from '../../engine/graph/tie-strength.js';
import { hasArc } from '../../engine/graph/directed-csr.js';
import type { Interaction } from '../../engine/model/types.js';

const ix = (source: string, target: string, extra: Partial<Interaction> = {}): Interaction => ({ source, target, weight: 1, ...extra });

describe('tie graph build', () => {
  it('folds interactions into one tie per unordered pair and one arc per ordered pair', () => {
    const b = new TieGraphBuilder();
    b.addActor({ id: 'a', attributes: { department: 'x' } });
    b.addActor({ id: 'b', attributes: {} });
    b.addActor({ id: 'iso', attributes: {} });
    b.addInteraction(ix('a', 'b', { weight: 2, type: 'email', timestamp: 1000 }));
    b.addInteraction(ix('b', 'a', { weight: 3, type: 'meeting', timestamp: 5000 }));
    b.addInteraction(ix('a', 'b', { weight: 2, type: 'email', timestamp: 3000 }));
    b.addInteraction(ix('c', 'a', { weight: 4 })); // c only in interactions
    b.addInteraction(ix('a', 'a')); // self-loop
    const g = b.finish();
    expect(g.actors.map((a) => a.id)).toEqual(['a', 'b', 'iso', 'c']);
    expect(g.interactions).toBe(4);
    expect(g.selfLoops).toBe(1);
    expect(g.tieSource.length).toBe(2);
    // Tie a–b: forward = a→b (a has the lower index).
    expect(g.facts.weightForward[0]).toBe(4);
    expect(g.facts.weightBackward[0]).toBe(3);
    expect(g.facts.weight[0]).toBe(7);
    expect(g.facts.count[0]).toBe(3);
    expect(g.facts.firstTimestamp[0]).toBe(1000);
    expect(g.facts.lastTimestamp[0]).toBe(5000);
    expect(g.facts.typeCount[0]).toBe(2);
    // Tie a–c: untyped, no timestamps.
    expect(g.facts.weight[1]).toBe(4);
    expect(Number.isNaN(g.facts.firstTimestamp[1]!)).toBe(true);
    expect(g.types).toEqual(['email', 'meeting']);
    expect(g.lastTimestamp).toBe(5000);
    expect(g.directed.a).toBe(3);
    expect(hasArc(g.directed, 0, 1)).toBe(true);
    expect(hasArc(g.directed, 1, 0)).toBe(true);
    expect(hasArc(g.directed, 3, 0)).toBe(true);
    expect(hasArc(g.directed, 0, 3)).toBe(false);
  });

  it('counts undirected interactions once in the weight and in both directions for reciprocity', () => {
    const b = new TieGraphBuilder();
    b.addInteraction(ix('x', 'y', { weight: 5, undirected: true }));
    const g = b.finish();
    expect(g.facts.weight[0]).toBe(5);
    expect(g.facts.weightForward[0]).toBe(5);
    expect(g.facts.weightBackward[0]).toBe(5);
    expect(hasArc(g.directed, 0, 1) && hasArc(g.directed, 1, 0)).toBe(true);
  });

  it('weight mode: strength is the summed weight per pair, both directions; zero-strength ties are left out of the CSR', () => {
    const b = new TieGraphBuilder();
    b.addInteraction(ix('a', 'b', { weight: 1.5 }));
    b.addInteraction(ix('b', 'a', { weight: 2 }));
    b.addInteraction(ix('a', 'c', { weight: 0 }));
    const g = b.finish();
    const s = tieStrengths(g);
    expect(s.mode).toBe('weight');
    expect(Array.from(s.values)).toEqual([3.5, 0]);
    const { csr, dropped, kept } = tieCsr(g, s.values);
    expect(dropped).toBe(1);
    expect(Array.from(kept)).toEqual([0]);
    expect(csr.n).toBe(3);
    expect(csr.m).toBe(1);
    expect(csr.edgeStrength[0]).toBe(3.5);
  });

  it('merges repeated actor records, later attributes winning', () => {
    const b = new TieGraphBuilder();
    b.addActor({ id: 'a', label: 'A', attributes: { department: 'x', level: '1' } });
    b.addActor({ id: 'a', attributes: { department: 'y' } });
    const g = b.finish();
    expect(g.actors).toEqual([{ id: 'a', label: 'A', attributes: { department: 'y', level: '1' } }]);
  });
});
