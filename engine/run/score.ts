// The scoring pipeline: store → tie graph → metrics → run record and score rows → store.
// One run is saved in one transaction after every metric has finished, so a failed or cancelled
// run leaves nothing half-written.
import { performance } from 'node:perf_hooks';
import type { Actor, EdgeScoreRow, NodeScoreRow, RunRecord, ScoreValue } from '../model/types.js';
import type { GraphStore } from '../store/graph-store.js';
import { TieGraphBuilder, tieCsr, type TieGraph, type TieGraphOptions } from '../graph/tie-graph.js';
import { coolingWindows } from '../metrics/cooling-ties.js';
import { tieStrengths } from '../graph/tie-strength.js';
import { DEFAULT_SCORE_OPTIONS, NODE_METRIC_COLUMNS, type NodeMetric, type ScoreOptions } from './options.js';
import { computeMetrics, type MetricContext, type MetricResults } from './metrics-stage.js';
import { UsageError } from '../model/types.js';
import { silentProgress, type Progress } from './progress.js';
import { socapVersion } from './version.js';
import { newRunId } from '../store/run-id.js';
import { LAYOUT_MAX_ACTORS, mapLayout } from '../graph/layout.js';
import { createRng } from '../metrics/random.js';
import { communities } from '../metrics/communities.js';
import { RunCancelledError, throwIfAborted } from './cancel.js';

export interface ScoreRequest {
  store: GraphStore;
  dataset: string;
  options?: Partial<ScoreOptions>;
  /** What the data came from, for run.json (a path, or `dataset:NAME`). */
  input?: string;
  progress?: Progress;
  /** Checked between stages and inside long kernels; an aborted run saves nothing. */
  signal?: AbortSignal;
  /** Do not save the run (what-if and dry runs). */
  save?: boolean;
  /** `gds`: betweenness, closeness (hops), PageRank, eigenvector and Louvain run inside Neo4j GDS (Neo4j store only). */
  engine?: 'local' | 'gds';
}

export interface ScoreResult {
  run: RunRecord;
  nodeColumns: string[];
  nodes: NodeScoreRow[];
  edgeColumns: string[];
  edges: EdgeScoreRow[];
  graph: TieGraph;
  metrics: MetricResults;
}

export { RunCancelledError };

export function resolveOptions(partial: Partial<ScoreOptions> = {}): ScoreOptions {
  const o: ScoreOptions = { ...DEFAULT_SCORE_OPTIONS, ...partial };
  o.pagerank = { ...DEFAULT_SCORE_OPTIONS.pagerank, ...(partial.pagerank ?? {}) };
  o.eigenvector = { ...DEFAULT_SCORE_OPTIONS.eigenvector, ...(partial.eigenvector ?? {}) };
  o.louvain = { ...DEFAULT_SCORE_OPTIONS.louvain, ...(partial.louvain ?? {}) };
  const unknown = o.metrics.filter((m) => !(NODE_METRIC_COLUMNS as readonly string[]).includes(m));
  if (unknown.length) throw new Error(`unknown metric(s): ${unknown.join(', ')} (known: ${NODE_METRIC_COLUMNS.join(', ')})`);
  return o;
}

/** Reads a data set from a store into a TieGraph (builder options: half-life, windows, endorsing types). */
export async function readTieGraph(
  store: GraphStore,
  dataset: string,
  progress: Progress = silentProgress,
  builderOptions: TieGraphOptions = {},
): Promise<TieGraph> {
  const b = new TieGraphBuilder(builderOptions);
  for await (const a of store.readActors(dataset)) b.addActor(a);
  let i = 0;
  for await (const x of store.readInteractions(dataset)) {
    b.addInteraction(x);
    if ((++i & 0xffff) === 0) progress.update('read', i, 0);
  }
  progress.end('read');
  return b.finish();
}

export async function scoreDataset(req: ScoreRequest): Promise<ScoreResult> {
  const { store, dataset } = req;
  const progress = req.progress ?? silentProgress;
  const options = resolveOptions(req.options);
  if (req.engine === 'gds' && store.kind !== 'neo4j') throw new UsageError('--engine gds needs the Neo4j store (--store neo4j)');
  const info = await store.getDataset(dataset);
  if (!info) throw new Error(`unknown dataset "${dataset}"`);
  const timings: Record<string, number> = {};
  const notes: string[] = [];
  const createdAt = new Date().toISOString();
  const check = (): void => throwIfAborted(req.signal);
  const t0 = performance.now();
  // Time-dependent measures are as of --as-of, else the latest timestamp in the data (reproducible).
  const asOf = options.asOf ?? info.lastTimestamp;
  const graph = await readTieGraph(store, dataset, progress, {
    halfLifeDays: options.halfLifeDays,
    endorsingTypes: options.endorsingTypes,
    negativeTypes: options.negativeTypes,
    ...(asOf !== undefined ? { windows: coolingWindows(asOf, { recentDays: options.coolingRecentDays, baselineDays: options.coolingBaselineDays }) } : {}),
  });
  timings.read = (performance.now() - t0) / 1000;
  check();

  const t1 = performance.now();
  const strength = tieStrengths(graph, { mode: options.tieStrengthMode, halfLifeDays: options.halfLifeDays, asOf, weights: options.strengthWeights });
  const { csr, kept, dropped } = tieCsr(graph, strength.values);
  timings.build = (performance.now() - t1) / 1000;
  if (dropped > 0) notes.push(`${dropped} tie(s) with zero total weight left out of the tie graph`);
  if (graph.selfLoops > 0) notes.push(`${graph.selfLoops} self-loop interaction(s) ignored`);
  notes.push(...strength.notes);
  check();

  const precomputed = req.engine === 'gds' ? await gdsColumns(req, graph, options, timings, notes) : undefined;
  check();
  const metrics = await computeMetrics({ graph, csr, kept, strength, options, precomputed, progress, timings, notes, signal: req.signal });
  check();

  // Map positions, stored with the node scores as `x`/`y` (not nodes.csv columns).
  const t3 = performance.now();
  const layoutCommunities = (): Int32Array => {
    const known = metrics.node.get('community');
    return known ? Int32Array.from(known) : communities(csr, { seed: options.seed, resolution: options.louvain.resolution }).community;
  };
  const layout = mapLayout(csr, layoutCommunities, createRng(options.seed), (done, total) => progress.update('layout', done, total));
  progress.end('layout');
  timings.layout = (performance.now() - t3) / 1000;
  if (!layout) notes.push(`no map layout above ${LAYOUT_MAX_ACTORS} actors; the map opens on the community-level graph`);
  check();

  const nodeColumns = (NODE_METRIC_COLUMNS as readonly string[]).filter((c) => metrics.node.has(c));
  const nodes: NodeScoreRow[] = graph.actors.map((a: Actor, i: number) => {
    const values: Record<string, ScoreValue> = {};
    for (const c of nodeColumns) values[c] = cell(metrics.node.get(c)![i]!);
    if (layout) {
      values.x = layout.x[i]!;
      values.y = layout.y[i]!;
    }
    return { id: a.id, label: a.label ?? a.id, values };
  });
  const edgeColumns = ['strength', ...metrics.edgeOrder.filter((c) => c !== 'strength')];
  const edges: EdgeScoreRow[] = [];
  for (let e = 0; e < csr.m; e++) {
    const values: Record<string, ScoreValue> = { strength: csr.edgeStrength[e]! };
    for (const c of metrics.edgeOrder) {
      const col = metrics.edge.get(c)!;
      values[c] = col.kind === 'bool' ? col.values[e] === 1 : cell(col.values[e]!);
    }
    edges.push({ source: csr.ids[csr.edgeSource[e]!]!, target: csr.ids[csr.edgeTarget[e]!]!, values });
  }

  const run: RunRecord = {
    id: newRunId(),
    dataset,
    status: 'done',
    createdAt,
    finishedAt: new Date().toISOString(),
    version: socapVersion(),
    input: req.input ?? `dataset:${dataset}`,
    parameters: {
      metrics: options.metrics,
      distance: options.distance,
      seed: options.seed,
      seeds: options.seeds,
      group: metrics.groupAttribute ?? null,
      betweenness: options.betweenness,
      closeness: options.closeness,
      samples: options.samples,
      tieStrength: strength.mode,
      strengthWeights: strength.weights ?? null,
      halfLifeDays: options.halfLifeDays,
      asOf: asOf !== undefined ? new Date(asOf).toISOString() : null,
    },
    counts: { actors: graph.actors.length, interactions: graph.interactions, ties: csr.m, skipped: graph.selfLoops + dropped },
    modularity: metrics.modularity,
    timings,
    betweenness: metrics.betweenness,
    notes,
    peakMemoryBytes: process.resourceUsage().maxRSS * 1024,
    extra: metrics.extra,
  };
  if (req.save !== false) {
    const t2 = performance.now();
    check();
    await store.saveRun(run, nodes, edges);
    timings.save = (performance.now() - t2) / 1000;
  }
  return { run, nodeColumns, nodes, edgeColumns, edges, graph, metrics };
}

/** Runs the GDS metrics and maps them onto the tie graph's actor order. */
async function gdsColumns(
  req: ScoreRequest,
  graph: TieGraph,
  options: ScoreOptions,
  timings: Record<string, number>,
  notes: string[],
): Promise<NonNullable<MetricContext['precomputed']>> {
  if (req.store.kind !== 'neo4j') throw new UsageError('--engine gds needs the Neo4j store (--store neo4j)');
  const { runGdsMetrics } = await import('../store/neo4j-gds.js');
  const t = performance.now();
  const r = await runGdsMetrics(req.store, req.dataset, {
    seed: options.seed,
    distance: options.distance,
    betweenness: options.betweenness,
    samplingSize: options.samples,
    autoSampleAbove: options.autoSampleAbove,
    pagerank: options.pagerank,
    eigenvector: options.eigenvector,
  });
  timings.gds = (performance.now() - t) / 1000;
  const node = new Map<string, Float64Array>();
  const place = (values: ArrayLike<number>): Float64Array => {
    const out = new Float64Array(graph.actors.length).fill(NaN);
    r.ids.forEach((id, i) => {
      const j = graph.index.get(id);
      if (j !== undefined) out[j] = values[i]!;
    });
    return out;
  };
  for (const c of ['betweenness', 'closeness', 'pagerank', 'eigenvector', 'community'] as const) {
    const v = r[c];
    if (v) node.set(c, place(v));
  }
  notes.push(`computed in Neo4j GDS: ${[...node.keys()].join(', ')} (see docs/neo4j.md for how GDS's definitions differ)`);
  return { node, betweenness: r.betweennessMode };
}

function cell(v: number): ScoreValue {
  return Number.isFinite(v) ? v : null;
}

export type { NodeMetric };
