// The viewer's map filters (viewer/src/map-filter.ts) on a hand-made graph, every count worked out
// by hand: triangle a-b-c, c-d, d-e, and a separate pair f-g; a-b, a-c, c-d strong.
import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { applyFilters, buildFilterIndex, type FilterSpec } from '../../viewer/src/map-filter.js';

function graph(): UndirectedGraph {
  const g = new UndirectedGraph();
  const x: Record<string, number | null> = { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: null };
  const dept: Record<string, string> = { a: 'ops', b: 'ops', c: 'sales', d: 'sales', e: 'it', f: 'it', g: 'ops' };
  for (const [k, v] of Object.entries(x)) g.addNode(k, { x: v, community: k < 'd' ? 0 : 1, dept: dept[k] });
  const ties: [string, string, boolean][] = [['a', 'b', true], ['b', 'c', false], ['a', 'c', true], ['c', 'd', true], ['d', 'e', false], ['f', 'g', false]];
  for (const [s, t, strong] of ties) g.addEdge(s, t, { strong });
  return g;
}

const ix = buildFilterIndex(graph());
const none: FilterSpec = { ranges: {}, termOf: null, terms: new Set(), community: null, strongOnly: false, minDegree: 0, ego: null, giantOnly: false };
const run = (spec: Partial<FilterSpec>) => {
  const r = applyFilters(ix, { ...none, ...spec });
  const kept = ix.keys.filter((_, i) => r.nodeVisible[i]).join('');
  return { kept, nodes: r.nodes, edges: r.edges };
};

describe('map filters', () => {
  it('no filter keeps everything', () => {
    expect(run({})).toEqual({ kept: 'abcdefg', nodes: 7, edges: 6 });
  });
  it('strong ties only hides weak ties, not actors', () => {
    expect(run({ strongOnly: true })).toEqual({ kept: 'abcdefg', nodes: 7, edges: 3 });
  });
  it('metric range is inclusive and drops actors without the value', () => {
    expect(run({ ranges: { x: { min: 2, max: 4 } } })).toEqual({ kept: 'bcd', nodes: 3, edges: 2 });
    expect(run({ ranges: { x: { min: 5 } } })).toEqual({ kept: 'ef', nodes: 2, edges: 0 });
  });
  it('terms keep the chosen attribute values', () => {
    const of = (i: number): string | null => ix.graph.getNodeAttribute(ix.keys[i]!, 'dept') as string;
    expect(run({ termOf: of, terms: new Set(['ops']) })).toEqual({ kept: 'abg', nodes: 3, edges: 1 });
  });
  it('community keeps one community', () => {
    expect(run({ community: 1 })).toEqual({ kept: 'defg', nodes: 4, edges: 2 });
  });
  it('minimum degree counts the remaining ties', () => {
    expect(run({ minDegree: 2 })).toEqual({ kept: 'abcd', nodes: 4, edges: 4 });
    expect(run({ minDegree: 2, strongOnly: true })).toEqual({ kept: 'ac', nodes: 2, edges: 1 });
  });
  it('ego radius 1 and 2 around the selection', () => {
    expect(run({ ego: { node: 'c', radius: 1 } })).toEqual({ kept: 'abcd', nodes: 4, edges: 4 });
    expect(run({ ego: { node: 'c', radius: 2 } })).toEqual({ kept: 'abcde', nodes: 5, edges: 5 });
    expect(run({ ego: { node: 'e', radius: 1 }, strongOnly: true })).toEqual({ kept: 'e', nodes: 1, edges: 0 });
    expect(run({ ego: { node: 'nobody', radius: 1 } })).toEqual({ kept: '', nodes: 0, edges: 0 });
  });
  it('giant component keeps the largest connected part', () => {
    expect(run({ giantOnly: true })).toEqual({ kept: 'abcde', nodes: 5, edges: 5 });
    expect(run({ giantOnly: true, strongOnly: true })).toEqual({ kept: 'abcd', nodes: 4, edges: 3 });
  });
});
