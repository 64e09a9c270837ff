import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TieGraphBuilder } from '../../engine/graph/tie-graph.js';
import { personalizedPageRank, reputation } from '../../engine/metrics/reputation.js';
import { directedCsrFromArcs } from '../../engine/graph/directed-csr.js';
import type { Interaction } from '../../engine/model/types.js';

interface Case {
  name: string;
  actors: string[];
  rows: Array<[string, string, string | null, number, boolean]>;
  seeds: string[];
  endorsingTypes: string[];
  negativeTypes: string[];
  source: 'endorsing' | 'all';
  trust: Record<string, number>;
  distrust: Record<string, number>;
  reputation: Record<string, number>;
}

const here = dirname(fileURLToPath(import.meta.url));
const fixture = JSON.parse(readFileSync(join(here, '..', 'fixtures', 'networkx', 'reputation.json'), 'utf8')) as { beta: number; cases: Case[] };

function graphOf(c: Case) {
  const b = new TieGraphBuilder({ endorsingTypes: c.endorsingTypes, negativeTypes: c.negativeTypes });
  for (const id of c.actors) b.addActor({ id, attributes: {} });
  for (const [source, target, type, weight, undirected] of c.rows) {
    const x: Interaction = { source, target, weight, ...(type !== null ? { type } : {}), ...(undirected ? { undirected } : {}) };
    b.addInteraction(x);
  }
  return b.finish();
}

const ix = (source: string, target: string, type?: string, weight = 1): Interaction => ({ source, target, weight, ...(type ? { type } : {}) });

describe('reputation against NetworkX (make_reputation_fixtures.py)', () => {
  for (const c of fixture.cases) {
    it(`${c.name}: trust = nx.pagerank(D, personalization=seeds), distrust one step, reputation = trust − β·distrust`, () => {
      const g = graphOf(c);
      const r = reputation(g, { seeds: c.seeds, distrustWeight: fixture.beta });
      expect(r.converged).toBe(true);
      expect(r.source).toBe(c.source);
      expect(g.actors.length).toBe(Object.keys(c.trust).length);
      for (const a of g.actors) {
        const i = g.index.get(a.id)!;
        expect(r.trust[i]).toBeCloseTo(c.trust[a.id]!, 12);
        expect(r.distrust[i]).toBeCloseTo(c.distrust[a.id]!, 12);
        expect(Math.abs(r.reputation[i]! - c.reputation[a.id]!)).toBeLessThan(1e-9);
      }
    });
  }
});

describe('reputation rules', () => {
  it('an actor with only negative evidence ranks below an unknown actor with none (uniform start)', () => {
    const b = new TieGraphBuilder();
    b.addActor({ id: 'unknown', attributes: {} });
    b.addInteraction(ix('a', 'b', 'advice'));
    b.addInteraction(ix('c', 'b', 'endorsement'));
    b.addInteraction(ix('c', 'accused', 'complaint'));
    const g = b.finish();
    const r = reputation(g);
    const at = (id: string) => r.reputation[g.index.get(id)!]!;
    expect(r.trust[g.index.get('accused')!]).toBeCloseTo(r.trust[g.index.get('unknown')!]!, 15);
    expect(at('accused')).toBeLessThan(at('unknown'));
    expect(at('b')).toBeGreaterThan(at('unknown'));
  });

  it('the same holds with seeds: a seed complaining about an actor puts it below a stranger (and only trusted complainers count)', () => {
    const b = new TieGraphBuilder();
    b.addActor({ id: 'stranger', attributes: {} });
    b.addInteraction(ix('seed', 'x', 'advice'));
    b.addInteraction(ix('seed', 'accused', 'distrust'));
    b.addInteraction(ix('nobody', 'victim', 'complaint')); // nobody has no trust: no effect
    const g = b.finish();
    const r = reputation(g, { seeds: ['seed'] });
    const at = (id: string) => r.reputation[g.index.get(id)!]!;
    expect(at('stranger')).toBe(0);
    expect(at('accused')).toBeLessThan(0);
    expect(at('victim')).toBe(0);
    // Hand-computed: trust(seed) = t; seed's one negative arc carries α·t to "accused", β = 0.5.
    const t = r.trust[g.index.get('seed')!]!;
    expect(at('accused')).toBeCloseTo(-0.5 * 0.85 * t, 15);
  });

  it('unknown seeds are ignored with a note; no known seed falls back to uniform', () => {
    const b = new TieGraphBuilder();
    b.addInteraction(ix('a', 'b', 'advice'));
    const g = b.finish();
    const r = reputation(g, { seeds: ['zz'] });
    expect(r.notes).toEqual(['reputation: unknown seed actor(s) ignored: zz', 'reputation: no known seed actor, so trust starts uniform']);
    const u = reputation(g);
    expect(Array.from(r.trust)).toEqual(Array.from(u.trust));
  });

  it('typed log without endorsing types: every non-negative interaction endorses, with a note', () => {
    const b = new TieGraphBuilder();
    b.addInteraction(ix('a', 'b', 'email'));
    b.addInteraction(ix('a', 'c', 'complaint'));
    const g = b.finish();
    const r = reputation(g);
    expect(r.source).toBe('all');
    expect(r.notes).toEqual(['reputation: no interaction has an endorsing type, so every interaction that is not negative endorses its target']);
    // D = {a→b}: a and c dangle. Exact fixed point of x = α(xP + (x_a + x_c) p) + (1−α) p, p = 1/3:
    // x_b = x_a + α x_a, x_a = x_c, Σ = 1 ⇒ x_a = 1 / (3 + α).
    const xa = 1 / (3 + 0.85);
    expect(r.trust[g.index.get('a')!]).toBeCloseTo(xa, 12);
    expect(r.trust[g.index.get('b')!]).toBeCloseTo(xa * 1.85, 12);
  });

  it('personalized PageRank never throws: empty graph, all dangling, and a cap on iterations', () => {
    expect(personalizedPageRank(directedCsrFromArcs([], new Int32Array(0), new Int32Array(0), new Float64Array(0)), undefined).values.length).toBe(0);
    const lone = directedCsrFromArcs(['a', 'b'], new Int32Array(0), new Int32Array(0), new Float64Array(0));
    expect(Array.from(personalizedPageRank(lone, undefined).values)).toEqual([0.5, 0.5]);
    const cyc = directedCsrFromArcs(['a', 'b', 'c'], Int32Array.from([0, 1]), Int32Array.from([1, 2]), Float64Array.from([1, 1]));
    const r = personalizedPageRank(cyc, Float64Array.from([1, 0, 0]), { maxIterations: 2 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(2);
  });
});
