// GDS pushdown: the heavy node metrics of a data set computed inside Neo4j by the Graph Data Science
// library and streamed back, for graphs too large for one machine's memory or time.
//
// The tie graph is projected with a Cypher projection (cypher/gds/project.cypher): one undirected
// relationship a pair, `strength` = the pair's summed interaction weight (or, with `strengthRun`, the
// strength column a stored run computed) and `distance` = 1 / strength. Each algorithm runs in stream
// mode and its raw GDS numbers are brought to the NetworkX definitions socap uses in process
// (docs/neo4j.md has the derivations):
// - betweenness: GDS halves undirected dependencies and does not normalise; × 2 / ((n−1)(n−2)) gives
//   nx.betweenness_centrality(normalized=True); sampled: × 2 / (k(n−2)), NetworkX's scale of non-pivot nodes.
// - closeness: GDS closeness is unweighted; with useWassermanFaust it equals nx.closeness_centrality
//   (wf_improved=True) on hop distances, so it is offered only with `distance: 'hops'`.
// - pagerank: GDS scores are unnormalised ((1−d) teleport a node, no dangling redistribution); on an
//   undirected graph they are proportional to NetworkX's, so dividing by their sum gives nx.pagerank.
// - eigenvector: rescaled to unit L2 norm (NetworkX's normalisation).
// - louvain: GDS Louvain (single-threaded for determinism), communities renumbered 0.. in actor order.
// Cost: one projection (O(E) in Neo4j), then each algorithm's GDS cost; O(n) memory here.
import { randomBytes } from 'node:crypto';
import type { Record as Neo4jRecord } from 'neo4j-driver';
import type { DistanceMode } from '../graph/csr.js';
import { UsageError } from '../model/types.js';
import { DEFAULT_SCORE_OPTIONS, type BetweennessMode, type PowerIterationOptions } from '../run/options.js';
import type { GraphStore } from './graph-store.js';
import { Neo4jStore } from './neo4j.js';
import { toSafeNumber } from './neo4j-integers.js';
import type { StatementName } from './neo4j-statements.js';

export const GDS_METRICS = ['betweenness', 'closeness', 'pagerank', 'eigenvector', 'louvain'] as const;
export type GdsMetric = (typeof GDS_METRICS)[number];

export interface GdsMetricOptions {
  /** Seed of sampled betweenness (GDS `samplingSeed`). */
  seed: number;
  /** Default: all but closeness, plus closeness when `distance` is 'hops'. */
  metrics?: readonly GdsMetric[];
  /** Path lengths: 1 / strength (default) or hop counts. */
  distance?: DistanceMode;
  /** Default 'auto': sampled above `autoSampleAbove` actors. */
  betweenness?: BetweennessMode;
  /** Pivots of sampled betweenness (GDS `samplingSize`). */
  samplingSize?: number;
  autoSampleAbove?: number;
  pagerank?: PowerIterationOptions & { alpha: number };
  eigenvector?: PowerIterationOptions;
  /** Project the strength column of this stored run's tie scores instead of summed weights. */
  strengthRun?: string;
}

export interface GdsMetricResult {
  /** Actor ids in the store's load order; every array below is indexed like it. */
  ids: string[];
  betweenness?: Float64Array;
  closeness?: Float64Array;
  pagerank?: Float64Array;
  eigenvector?: Float64Array;
  community?: Int32Array;
  betweennessMode?: { mode: 'exact' | 'sampled'; samples?: number };
  graph: { nodes: number; relationships: number };
  /** Milliseconds a step (projection and each metric). */
  timings: Record<string, number>;
}

/** NetworkX's normalised betweenness from GDS's raw undirected scores (n nodes; k pivots when sampled). */
export function betweennessFromGds(raw: Float64Array, n: number, samples?: number): Float64Array {
  const out = new Float64Array(raw.length);
  if (n <= 2) return out;
  const scale = samples === undefined ? 2 / ((n - 1) * (n - 2)) : 2 / (samples * (n - 2));
  for (let i = 0; i < raw.length; i++) out[i] = raw[i]! * scale;
  return out;
}

/** PageRank scaled to sum 1 (all zeros stay zeros). */
export function pagerankFromGds(raw: Float64Array): Float64Array {
  let sum = 0;
  for (let i = 0; i < raw.length; i++) sum += raw[i]!;
  const out = new Float64Array(raw.length);
  if (sum === 0) return out;
  for (let i = 0; i < raw.length; i++) out[i] = raw[i]! / sum;
  return out;
}

/** Scores scaled to unit L2 norm (all zeros stay zeros). */
export function eigenvectorFromGds(raw: Float64Array): Float64Array {
  let sq = 0;
  for (let i = 0; i < raw.length; i++) sq += raw[i]! * raw[i]!;
  const out = new Float64Array(raw.length);
  if (sq === 0) return out;
  const norm = Math.sqrt(sq);
  for (let i = 0; i < raw.length; i++) out[i] = raw[i]! / norm;
  return out;
}

/** Dense community numbers 0, 1, ... in order of first appearance along the actor order. */
export function renumberCommunities(raw: readonly number[]): Int32Array {
  const seen = new Map<number, number>();
  const out = new Int32Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    let c = seen.get(raw[i]!);
    if (c === undefined) {
      c = seen.size;
      seen.set(raw[i]!, c);
    }
    out[i] = c;
  }
  return out;
}

/** Puts the `field` of stream rows `{id, <field>}` at each actor's index; throws for an unknown id or a missing actor. */
export function valuesByActor(records: readonly Neo4jRecord[], index: ReadonlyMap<string, number>, field: string): number[] {
  const out = new Array<number>(index.size).fill(Number.NaN);
  for (const rec of records) {
    const id: unknown = rec.get('id');
    const i = typeof id === 'string' ? index.get(id) : undefined;
    if (i === undefined) throw new Error(`GDS returned ${field} for an actor not in the data set: ${JSON.stringify(id)}`);
    out[i] = toSafeNumber(rec.get(field), field);
  }
  const missing = out.findIndex((v) => Number.isNaN(v));
  if (missing >= 0) {
    const id = [...index.keys()][missing];
    throw new Error(`GDS returned no ${field} for actor ${JSON.stringify(id)}`);
  }
  return out;
}

/** The metrics run by default for a distance mode. */
export function defaultGdsMetrics(distance: DistanceMode): GdsMetric[] {
  return GDS_METRICS.filter((m) => m !== 'closeness' || distance === 'hops');
}

/** Projects the tie graph, streams the metrics, drops the projection (always). */
export async function runGdsMetrics(store: GraphStore, dataset: string, opts: GdsMetricOptions): Promise<GdsMetricResult> {
  const distance = opts.distance ?? DEFAULT_SCORE_OPTIONS.distance;
  const metrics = opts.metrics ?? defaultGdsMetrics(distance);
  if (metrics.includes('closeness') && distance !== 'hops') {
    throw new UsageError('GDS closeness ignores tie strength (hop distances only): use distance "hops", or closeness in process');
  }
  if (!(store instanceof Neo4jStore)) {
    throw new UsageError(`GDS metrics need a Neo4j store; this store is ${store.kind} (${store.location})`);
  }
  const ids: string[] = [];
  for await (const a of store.readActors(dataset)) ids.push(a.id);
  const index = new Map(ids.map((id, i) => [id, i] as const));
  const n = ids.length;
  const result: GdsMetricResult = { ids, graph: { nodes: 0, relationships: 0 }, timings: {} };
  const graphName = `socap-${dataset}-${randomBytes(6).toString('hex')}`;
  const timed = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      result.timings[step] = performance.now() - t0;
    }
  };
  // Every GDS call goes to the writer: the graph catalog lives on the member that projected the graph.
  const stream = (name: StatementName, config: Record<string, unknown>, field: string): Promise<number[]> =>
    timed(name.slice('gds/'.length), async () =>
      valuesByActor(await store.runStatement(name, { graphName, config }, 'write'), index, field),
    );

  try {
    const projected = await timed('project', async () => {
      try {
        return opts.strengthRun === undefined
          ? await store.runStatement('gds/project', { graphName, dataset }, 'write')
          : await store.runStatement('gds/project-run-strength', { graphName, dataset, runId: opts.strengthRun }, 'write');
      } catch (err) {
        const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
        throw new Error(`cannot project data set ${JSON.stringify(dataset)} into GDS on ${store.location}: ${why}`);
      }
    });
    result.graph = {
      nodes: toSafeNumber(projected[0]?.get('nodeCount') ?? 0n, 'nodeCount'),
      relationships: toSafeNumber(projected[0]?.get('relationshipCount') ?? 0n, 'relationshipCount'),
    };
    const weight = distance === 'hops' ? {} : { relationshipWeightProperty: 'distance' };
    if (metrics.includes('betweenness')) {
      const mode = opts.betweenness ?? DEFAULT_SCORE_OPTIONS.betweenness;
      const sampled = mode === 'sampled' || (mode === 'auto' && n > (opts.autoSampleAbove ?? DEFAULT_SCORE_OPTIONS.autoSampleAbove));
      // As many pivots as actors is the exact computation (and NetworkX's exact scale).
      const pivots = opts.samplingSize ?? DEFAULT_SCORE_OPTIONS.samples;
      const samples = sampled && pivots < n ? pivots : undefined;
      const config = samples === undefined ? weight : { ...weight, samplingSize: BigInt(samples), samplingSeed: BigInt(opts.seed) };
      const raw = Float64Array.from(await stream('gds/betweenness', config, 'score'));
      result.betweenness = betweennessFromGds(raw, n, samples);
      result.betweennessMode = samples === undefined ? { mode: 'exact' } : { mode: 'sampled', samples };
    }
    if (metrics.includes('closeness')) {
      result.closeness = Float64Array.from(await stream('gds/closeness', { useWassermanFaust: true }, 'score'));
    }
    if (metrics.includes('pagerank')) {
      const pr = opts.pagerank ?? DEFAULT_SCORE_OPTIONS.pagerank;
      const config = {
        relationshipWeightProperty: 'strength',
        dampingFactor: pr.alpha,
        tolerance: pr.tolerance,
        maxIterations: BigInt(pr.maxIterations),
      };
      result.pagerank = pagerankFromGds(Float64Array.from(await stream('gds/pagerank', config, 'score')));
    }
    if (metrics.includes('eigenvector')) {
      const ev = opts.eigenvector ?? DEFAULT_SCORE_OPTIONS.eigenvector;
      const config = { relationshipWeightProperty: 'strength', tolerance: ev.tolerance, maxIterations: BigInt(ev.maxIterations) };
      result.eigenvector = eigenvectorFromGds(Float64Array.from(await stream('gds/eigenvector', config, 'score')));
    }
    if (metrics.includes('louvain')) {
      const config = { relationshipWeightProperty: 'strength', concurrency: 1n };
      result.community = renumberCommunities(await stream('gds/louvain', config, 'communityId'));
    }
    return result;
  } finally {
    await store.runStatement('gds/drop', { graphName }, 'write').catch(() => undefined);
  }
}
