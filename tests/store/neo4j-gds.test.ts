// The GDS pushdown's conversions from raw GDS scores to the NetworkX definitions socap uses, checked
// against NetworkX values (networkx 3.6.1) and hand computation; no server.
import { Record as Neo4jRecord } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import type { GraphStore } from '../../engine/store/graph-store.js';
import {
  betweennessFromGds,
  defaultGdsMetrics,
  eigenvectorFromGds,
  pagerankFromGds,
  renumberCommunities,
  runGdsMetrics,
  valuesByActor,
} from '../../engine/store/neo4j-gds.js';

describe('betweennessFromGds', () => {
  // Path a-b-c-d. GDS counts each unordered pair once on an undirected graph: raw b = c = 2
  // (pairs a-c, a-d through b). nx.betweenness_centrality(path, normalized=True): b = c = 2/3.
  it('gives NetworkX normalised betweenness from exact raw scores', () => {
    const nx = betweennessFromGds(Float64Array.from([0, 2, 2, 0]), 4);
    expect(Array.from(nx)).toEqual([0, 2 / 3, 2 / 3, 0]);
    expect(nx[1]).toBeCloseTo(0.6666666666666666, 15);
  });

  // Sampled with pivots {a, d}: dependencies of b are 2 (from a) + 1 (from d) over ordered pairs,
  // so GDS's halved raw score is 1.5. nx.betweenness_centrality(path, k=2, seed=2) samples
  // ['a', 'd'] and gives b = c = 0.75 (b and c are not pivots).
  it('gives NetworkX sampled betweenness for non-pivot nodes', () => {
    expect(Array.from(betweennessFromGds(Float64Array.from([0, 1.5, 1.5, 0]), 4, 2))).toEqual([0, 0.75, 0.75, 0]);
  });

  it('is zero on graphs of one or two nodes', () => {
    expect(Array.from(betweennessFromGds(Float64Array.from([1, 1]), 2))).toEqual([0, 0]);
  });
});

describe('pagerankFromGds', () => {
  // Path a-b-c plus an isolate d, damping 0.85. GDS: y = 0.15 + 0.85 Σ y_j / deg_j with no
  // redistribution: y_d = 0.15, y_a = y_c = 0.15 + 0.425 y_b, y_b = 0.405 / 0.2775.
  // nx.pagerank(G, alpha=0.85, tol=1e-14): a = c = 0.24453024453024055, b = 0.4633204633204713,
  // d = 0.04761904761904763 (dangling mass spread uniformly: proportional to GDS's scores).
  it('equals nx.pagerank after scaling to sum 1, isolates included', () => {
    const yb = 0.405 / 0.2775;
    const ya = 0.15 + 0.425 * yb;
    const pr = pagerankFromGds(Float64Array.from([ya, yb, ya, 0.15]));
    const expected = [0.24453024453024055, 0.4633204633204713, 0.24453024453024055, 0.04761904761904763];
    for (let i = 0; i < 4; i++) expect(pr[i]).toBeCloseTo(expected[i]!, 12);
  });

  it('keeps all-zero scores at zero', () => {
    expect(Array.from(pagerankFromGds(new Float64Array(3)))).toEqual([0, 0, 0]);
  });
});

describe('eigenvectorFromGds', () => {
  it('scales to unit L2 norm', () => {
    expect(Array.from(eigenvectorFromGds(Float64Array.from([3, 4, 0])))).toEqual([0.6, 0.8, 0]);
    expect(Array.from(eigenvectorFromGds(new Float64Array(2)))).toEqual([0, 0]);
  });
});

describe('renumberCommunities', () => {
  it('numbers communities 0, 1, ... by first appearance in actor order', () => {
    expect(Array.from(renumberCommunities([7, 7, 3, 9, 3, 7]))).toEqual([0, 0, 1, 2, 1, 0]);
  });
});

describe('valuesByActor', () => {
  const index = new Map([
    ['a', 0],
    ['b', 1],
  ]);
  const row = (id: unknown, value: unknown): Neo4jRecord => new Neo4jRecord(['id', 'communityId'], [id, value]);

  it('places each streamed value at its actor index, integers converted', () => {
    expect(valuesByActor([row('b', 12n), row('a', 5n)], index, 'communityId')).toEqual([5, 12]);
  });

  it('rejects an actor the data set does not have, and an actor GDS left out', () => {
    expect(() => valuesByActor([row('z', 1n)], index, 'communityId')).toThrow(
      'GDS returned communityId for an actor not in the data set: "z"',
    );
    expect(() => valuesByActor([row('a', 1n)], index, 'communityId')).toThrow('GDS returned no communityId for actor "b"');
  });
});

describe('runGdsMetrics', () => {
  const sqlite = { kind: 'sqlite', location: '/tmp/ws/socap.db' } as unknown as GraphStore;

  it('runs closeness only with hop distances, by default and on request', async () => {
    expect(defaultGdsMetrics('inverse')).toEqual(['betweenness', 'pagerank', 'eigenvector', 'louvain']);
    expect(defaultGdsMetrics('hops')).toEqual(['betweenness', 'closeness', 'pagerank', 'eigenvector', 'louvain']);
    await expect(runGdsMetrics(sqlite, 'd', { seed: 1, metrics: ['closeness'] })).rejects.toThrow(
      'GDS closeness ignores tie strength (hop distances only): use distance "hops", or closeness in process',
    );
  });

  it('needs a Neo4j store', async () => {
    await expect(runGdsMetrics(sqlite, 'd', { seed: 1 })).rejects.toThrow(
      'GDS metrics need a Neo4j store; this store is sqlite (/tmp/ws/socap.db)',
    );
  });
});
