// The Neo4j store against a real server: the shared GraphStore contract when NEO4J_URI is set, and a
// GDS smoke test (numbers against NetworkX) when NEO4J_GDS=1 as well. Without them both suites are
// skipped and say so by name. The suites delete every socap data set in the target database after
// each test; they refuse to start on a database that already holds data sets unless
// NEO4J_TEST_WIPE=1. A tiny batch size makes every load, page and score chunk cross batch boundaries.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../engine/store/graph-store.js';
import { neo4jConfigFromEnv, openNeo4jStore, type Neo4jConfig } from '../../engine/store/neo4j.js';
import { runGdsMetrics } from '../../engine/store/neo4j-gds.js';
import { graphStoreContract, loadInto } from './contract.js';

const BATCH_SIZE = 4;
const env = neo4jConfigFromEnv();
const cfg: Neo4jConfig | undefined = env === undefined ? undefined : { ...env, batchSize: BATCH_SIZE };
const withGds = cfg !== undefined && process.env['NEO4J_GDS'] === '1';

const CONTRACT = cfg === undefined ? 'neo4j store contract (skipped: NEO4J_URI is not set)' : 'neo4j store contract';
const GDS =
  cfg === undefined
    ? 'neo4j GDS smoke test (skipped: NEO4J_URI is not set)'
    : withGds
      ? 'neo4j GDS smoke test'
      : 'neo4j GDS smoke test (skipped: NEO4J_GDS is not 1)';
if (cfg === undefined) {
  console.warn(`${CONTRACT}: set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) to run the Neo4j store suites`);
}

async function wipe(store: GraphStore): Promise<void> {
  for (const d of await store.listDatasets()) await store.deleteDataset(d.name);
}

/** Refuses a database holding data sets this suite did not make, unless NEO4J_TEST_WIPE=1. */
async function checkScratch(config: Neo4jConfig): Promise<void> {
  const store = await openNeo4jStore(config);
  try {
    const names = (await store.listDatasets()).map((d) => d.name);
    if (names.length > 0 && process.env['NEO4J_TEST_WIPE'] !== '1') {
      throw new Error(
        `${store.location} holds data sets (${names.join(', ')}); the Neo4j suites delete every data set: ` +
          'point NEO4J_URI/NEO4J_DATABASE at a scratch database or set NEO4J_TEST_WIPE=1',
      );
    }
    await wipe(store);
  } finally {
    await store.close();
  }
}

describe.skipIf(cfg === undefined)(CONTRACT, () => {
  beforeAll(async () => {
    await checkScratch(cfg!);
  });
  graphStoreContract('neo4j', () => openNeo4jStore(cfg!), wipe);
});

interface SmokeFixture {
  actors: string[];
  ties: [string, string, number][];
  betweenness: number[];
  betweenness_hops: number[];
  closeness_hops: number[];
  pagerank: number[];
  eigenvector: number[];
}

// NetworkX values from tests/fixtures/neo4j/make_gds_smoke.py.
const fx = JSON.parse(readFileSync(new URL('../fixtures/neo4j/gds-smoke.json', import.meta.url), 'utf8')) as SmokeFixture;

function expectClose(actual: Float64Array | undefined, expected: number[], tolerance: number): void {
  expect(actual).toBeDefined();
  expect(actual!.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual![i]! - expected[i]!), `index ${i}`).toBeLessThanOrEqual(tolerance);
}

describe.skipIf(!withGds)(GDS, () => {
  let store: Awaited<ReturnType<typeof openNeo4jStore>>;
  const dataset = 'gds-smoke';

  beforeAll(async () => {
    await checkScratch(cfg!);
    store = await openNeo4jStore(cfg!);
    const result = await loadInto(
      store,
      dataset,
      fx.actors.map((id) => ({ id, attributes: {} })),
      fx.ties.map(([source, target, weight]) => ({ source, target, weight })),
    );
    expect(result).toMatchObject({ actorsAdded: 5, interactionsAdded: 4 });
  });

  afterAll(async () => {
    if (store === undefined) return;
    await wipe(store);
    await store.close();
  });

  it('matches NetworkX with 1/strength distances: betweenness, PageRank, eigenvector; Louvain isolates the isolate', async () => {
    const r = await runGdsMetrics(store, dataset, { seed: 7, betweenness: 'exact' });
    expect(r.ids).toEqual(fx.actors);
    expect(r.graph.nodes).toBe(5);
    // 4 ties; GDS counts an undirected relationship once per direction in some versions.
    expect([4, 8]).toContain(r.graph.relationships);
    expect(r.betweennessMode).toEqual({ mode: 'exact' });
    expectClose(r.betweenness, fx.betweenness, 1e-9);
    expectClose(r.pagerank, fx.pagerank, 1e-6);
    expectClose(r.eigenvector, fx.eigenvector, 1e-6);
    const c = r.community!;
    expect(c[0]).toBe(0);
    expect(c.slice(0, 4).every((x) => x !== c[4])).toBe(true);
    expect(r.closeness).toBeUndefined();
  });

  it('matches NetworkX with hop distances: betweenness and Wasserman-Faust closeness', async () => {
    const r = await runGdsMetrics(store, dataset, { seed: 7, distance: 'hops', metrics: ['betweenness', 'closeness'] });
    expectClose(r.betweenness, fx.betweenness_hops, 1e-9);
    expectClose(r.closeness, fx.closeness_hops, 1e-9);
    expect(r.pagerank).toBeUndefined();
  });

  it('treats as many pivots as actors as exact betweenness', async () => {
    const r = await runGdsMetrics(store, dataset, { seed: 7, betweenness: 'sampled', samplingSize: 5, metrics: ['betweenness'] });
    expect(r.betweennessMode).toEqual({ mode: 'exact' });
    expectClose(r.betweenness, fx.betweenness, 1e-9);
  });
});
