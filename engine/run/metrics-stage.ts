// The metric stage of a run: decides which kernels to run for the requested columns, runs each
// once, times it under its column name, and collects node and tie columns.
import { performance } from 'node:perf_hooks';
import type { Csr } from '../graph/csr.js';
import type { TieGraph } from '../graph/tie-graph.js';
import type { ScoreOptions } from './options.js';
import type { Progress } from './progress.js';
import { throwIfAborted } from './cancel.js';
import { degree, strength } from '../metrics/degree.js';
import { computePathCentralitiesParallel } from '../metrics/path-workers.js';
import { pagerank } from '../metrics/pagerank.js';
import { eigenvectorCentrality } from '../metrics/eigenvector.js';
import { structuralHoles } from '../metrics/structural-holes.js';
import { neighbourhoodOverlap } from '../metrics/neighbourhood-overlap.js';
import { localBridges } from '../metrics/local-bridges.js';
import { bridges } from '../metrics/bridges.js';
import { communities } from '../metrics/communities.js';
import { brokerageRoles } from '../metrics/brokerage-roles.js';
import { bondingBridging, groupIndex } from '../metrics/bonding-bridging.js';
import { strongTies, weakBridges, TIE_COMPONENTS, type TieStrengths } from '../graph/tie-strength.js';
import { coolingTies } from '../metrics/cooling-ties.js';
import { reputation } from '../metrics/reputation.js';
import { bondingStrength, socialCapital } from '../metrics/social-capital.js';

export type EdgeColumn = { kind: 'number'; values: Float64Array } | { kind: 'bool'; values: Uint8Array };

export interface MetricResults {
  node: Map<string, Float64Array>;
  edge: Map<string, EdgeColumn>;
  /** Tie columns in output order (after `strength`). */
  edgeOrder: string[];
  modularity?: number;
  betweenness?: RunBetweenness;
  /** The attribute used as the group (brokerage, bonding/bridging), or "community". */
  groupAttribute?: string;
  /** Group index of each actor (−1 = none) and the group names. */
  groups?: { groups: Int32Array; names: string[] };
  extra: Record<string, unknown>;
}

export interface RunBetweenness {
  mode: 'exact' | 'sampled';
  samples?: number;
  errorBound?: number;
}

export interface MetricContext {
  graph: TieGraph;
  csr: Csr;
  /** CSR tie index → TieGraph tie index. */
  kept: Int32Array;
  /** Tie strengths per TieGraph tie (with the model's components in model mode). */
  strength: TieStrengths;
  options: ScoreOptions;
  progress: Progress;
  timings: Record<string, number>;
  notes: string[];
  signal?: AbortSignal;
  /**
   * Node columns computed elsewhere (Neo4j GDS), indexed like the tie graph's actors: used as they
   * are instead of the in-process kernels.
   */
  precomputed?: { node: Map<string, Float64Array>; betweenness?: RunBetweenness };
}

/** Picks the group attribute: the requested one, else `department` when any actor has it, else none. */
export function chooseGroupAttribute(graph: TieGraph, requested?: string): string | undefined {
  if (requested) return requested;
  return graph.actors.some((a) => a.attributes.department !== undefined) ? 'department' : undefined;
}

export async function computeMetrics(ctx: MetricContext): Promise<MetricResults> {
  const { csr, graph, options, timings, progress } = ctx;
  const want = new Set<string>(options.metrics);
  // What is computed: the requested columns plus what they are built from (not all are output).
  const need = new Set<string>(want);
  if (want.has('social_capital')) for (const c of ['constraint', 'harmonic', 'reputation', 'strength', 'bonding']) need.add(c);
  const node = new Map<string, Float64Array>();
  const edge = new Map<string, EdgeColumn>();
  const extra: Record<string, unknown> = {};
  const out: MetricResults = { node, edge, edgeOrder: [], extra };
  /** Columns computed only as inputs of others: dropped from the output at the end. */
  const hidden = new Set<string>();
  const timed = <T>(name: string, f: () => T): T => {
    throwIfAborted(ctx.signal);
    const t = performance.now();
    const r = f();
    timings[name] = (timings[name] ?? 0) + (performance.now() - t) / 1000;
    progress.end(name);
    return r;
  };

  if (want.has('degree')) node.set('degree', timed('degree', () => degree(csr)));
  if (need.has('strength')) node.set('strength', timed('strength', () => strength(csr)));
  if (need.has('strength') && !want.has('strength')) hidden.add('strength');

  // Communities first: the group falls back to them.
  let community: Int32Array | undefined;
  const groupAttr = chooseGroupAttribute(graph, options.group);
  const needGroups = ['social_capital', 'bonding', 'bridging', 'coordinator', 'itinerant', 'gatekeeper', 'representative', 'liaison'].some((c) => want.has(c));
  const pre = ctx.precomputed?.node ?? new Map<string, Float64Array>();
  for (const [c, v] of pre) if (want.has(c)) node.set(c, v);
  if (pre.has('community')) {
    community = Int32Array.from(pre.get('community')!);
  } else if (want.has('community') || (needGroups && !groupAttr)) {
    const c = timed('community', () => communities(csr, { seed: options.seed, resolution: options.louvain.resolution }));
    community = c.community;
    out.modularity = c.modularity;
    node.set('community', Float64Array.from(c.community));
  }

  // Shortest-path family: one pass per source feeds all three.
  const wantB = want.has('betweenness') && !pre.has('betweenness');
  const wantC = want.has('closeness') && !pre.has('closeness');
  const wantH = need.has('harmonic') && !pre.has('harmonic');
  if (pre.has('betweenness') && ctx.precomputed?.betweenness) out.betweenness = ctx.precomputed.betweenness;
  if (wantB || wantC || wantH) {
    const sampled = options.betweenness === 'sampled' || (options.betweenness === 'auto' && csr.n > options.autoSampleAbove);
    const sampledDistances = options.closeness === 'sampled' || (options.closeness === 'auto' && csr.n > options.autoSampleAbove);
    const t = performance.now();
    const r = await computePathCentralitiesParallel(csr, {
      threads: options.threads,
      signal: ctx.signal,
      distance: options.distance,
      betweenness: wantB ? (sampled ? 'sampled' : 'exact') : 'none',
      samples: options.samples,
      seed: options.seed,
      closeness: wantC,
      harmonic: wantH,
      distances: sampledDistances ? 'sampled' : 'exact',
      onProgress: (done, total) => progress.update('paths', done, total),
    });
    progress.end('paths');
    const secs = (performance.now() - t) / 1000;
    // One shared pass: its time is reported once, under the first path metric asked for.
    timings[wantB ? 'betweenness' : wantC ? 'closeness' : 'harmonic'] = secs;
    if (r.betweenness) node.set('betweenness', r.betweenness);
    if (r.closeness) node.set('closeness', r.closeness);
    if (r.harmonic) node.set('harmonic', r.harmonic);
    if (r.harmonic && !want.has('harmonic')) hidden.add('harmonic');
    if (r.distanceSamples !== undefined) {
      if (r.closeness) extra.closeness = { mode: 'sampled', samples: r.distanceSamples, errorBound: r.closenessErrorBound };
      if (r.harmonic) extra.harmonic = { mode: 'sampled', samples: r.distanceSamples, errorBound: r.harmonicErrorBound };
      ctx.notes.push(
        `closeness and harmonic are estimated from ${r.distanceSamples} pivots (Eppstein–Wang); exact values need --closeness exact (every actor a source)`,
      );
    } else {
      if (wantC) extra.closeness = { mode: 'exact' };
      if (wantH) extra.harmonic = { mode: 'exact' };
    }
    if (wantB) {
      out.betweenness =
        sampled && r.betweennessSamples !== undefined && r.betweennessSamples < csr.n
          ? { mode: 'sampled', samples: r.betweennessSamples, errorBound: r.betweennessErrorBound }
          : { mode: 'exact' };
    }
  }

  if (want.has('eigenvector') && !pre.has('eigenvector')) {
    const r = timed('eigenvector', () => eigenvectorCentrality(csr, options.eigenvector));
    node.set('eigenvector', r.values);
    extra.eigenvector = { iterations: r.iterations, converged: r.converged, delta: r.delta };
    if (!r.converged) ctx.notes.push(`eigenvector did not converge in ${r.iterations} iterations (last change ${r.delta}); values are the last iterate`);
  }
  if (want.has('pagerank') && !pre.has('pagerank')) {
    const r = timed('pagerank', () => pagerank(csr, options.pagerank));
    node.set('pagerank', r.values);
    extra.pagerank = { iterations: r.iterations, converged: r.converged, delta: r.delta };
    if (!r.converged) ctx.notes.push(`pagerank did not converge in ${r.iterations} iterations (last change ${r.delta}); values are the last iterate`);
  }
  const holes = ['constraint', 'effective_size', 'efficiency', 'hierarchy'] as const;
  if (holes.some((c) => need.has(c))) {
    // One pass gives all four; its time is reported under `constraint`.
    const sh = timed('constraint', () => structuralHoles(csr));
    const cols = { constraint: sh.constraint, effective_size: sh.effectiveSize, efficiency: sh.efficiency, hierarchy: sh.hierarchy };
    for (const c of holes) if (need.has(c)) node.set(c, cols[c]);
    for (const c of holes) if (need.has(c) && !want.has(c)) hidden.add(c);
  }

  // Groups: an attribute, or the communities.
  if (needGroups) {
    const gi = groupAttr
      ? groupIndex(graph.actors.map((a) => a.attributes[groupAttr]))
      : { groups: community!, names: [...new Set(community!)].sort((x, y) => x - y).map(String) };
    out.groups = gi;
    out.groupAttribute = groupAttr ?? 'community';
    if (want.has('bonding') || want.has('bridging')) {
      const bb = timed('bonding', () => bondingBridging(csr, gi.groups));
      if (want.has('bonding')) node.set('bonding', bb.bonding);
      if (want.has('bridging')) node.set('bridging', bb.bridging);
    }
    const roles = ['coordinator', 'itinerant', 'gatekeeper', 'representative', 'liaison'] as const;
    if (roles.some((r) => want.has(r))) {
      if (groupAttr) {
        const br = timed('brokerage', () => brokerageRoles(graph.directed, gi.groups));
        for (const r of roles) if (want.has(r)) node.set(r, Float64Array.from(br[r]));
      } else {
        // Gould–Fernandez roles are defined by a group attribute; communities are not one.
        for (const r of roles) if (want.has(r)) node.set(r, new Float64Array(csr.n).fill(NaN));
        ctx.notes.push('brokerage roles need a group attribute (--group ATTR, or a department column): their columns are empty');
      }
    }
  }

  if (need.has('reputation')) {
    const r = timed('reputation', () =>
      reputation(graph, { seeds: options.seeds, distrustWeight: options.distrustWeight, alpha: options.pagerank.alpha, tolerance: options.pagerank.tolerance, maxIterations: options.pagerank.maxIterations }),
    );
    node.set('reputation', r.reputation);
    if (!want.has('reputation')) hidden.add('reputation');
    extra.reputation = { source: r.source, iterations: r.iterations, converged: r.converged, delta: r.delta };
    ctx.notes.push(...r.notes);
  }
  if (want.has('social_capital') && out.groups) {
    const groups = out.groups.groups;
    const sc = timed('social_capital', () =>
      socialCapital(
        {
          constraint: node.get('constraint')!,
          harmonic: node.get('harmonic')!,
          reputation: node.get('reputation')!,
          bonding: bondingStrength(csr, groups),
          strength: node.get('strength')!,
        },
        options.socialCapitalWeights,
      ),
    );
    node.set('social_capital', sc.index);
  }
  for (const c of hidden) node.delete(c);

  // Tie columns (per CSR tie; TieGraph arrays are mapped through `kept`).
  const kept = ctx.kept;
  const byCsr = <T extends Uint8Array | Float64Array>(src: T, make: (n: number) => T): T => {
    const outArr = make(csr.m);
    for (let e = 0; e < csr.m; e++) outArr[e] = src[kept[e]!]!;
    return outArr;
  };
  const strongByCsr = byCsr(strongTies(ctx.strength, { strongThreshold: options.strongThreshold, strongPercentile: options.strongPercentile }), (n) => new Uint8Array(n));
  edge.set('strong', { kind: 'bool', values: strongByCsr });
  const ov = timed('overlap', () => neighbourhoodOverlap(csr));
  edge.set('overlap', { kind: 'number', values: ov });
  const lb = timed('local_bridge', () => localBridges(csr, { onProgress: (done, total) => progress.update('local_bridge', done, total) }));
  edge.set('local_bridge', { kind: 'bool', values: lb.isLocalBridge });
  edge.set('span', { kind: 'number', values: lb.span });
  edge.set('bridge', { kind: 'bool', values: timed('bridge', () => bridges(csr)) });
  edge.set('weak_bridge', { kind: 'bool', values: weakBridges(csr, strongByCsr, lb.isLocalBridge, community) });
  out.edgeOrder = ['strong', 'overlap', 'local_bridge', 'span', 'bridge', 'weak_bridge'];
  const comps = ctx.strength.components;
  if (comps) {
    for (const c of TIE_COMPONENTS) {
      if (c === 'overlap') continue; // the same quantity as the overlap column
      edge.set(c, { kind: 'number', values: byCsr(comps[c], (n) => new Float64Array(n)) });
      out.edgeOrder.push(c);
    }
  }
  if (graph.windows) {
    const cool = timed('cooling', () => coolingTies(graph, { ratio: options.coolingRatio, minBaseline: options.coolingMinBaseline }));
    edge.set('cooling', { kind: 'bool', values: byCsr(cool.cooling, (n) => new Uint8Array(n)) });
    edge.set('recent_rate', { kind: 'number', values: byCsr(cool.recentRate, (n) => new Float64Array(n)) });
    edge.set('baseline_rate', { kind: 'number', values: byCsr(cool.baselineRate, (n) => new Float64Array(n)) });
    out.edgeOrder.push('cooling', 'recent_rate', 'baseline_rate');
  }
  return out;
}
