// Every tunable of a scoring run, typed, with its default, in one place.
// The CLI, the server and the library all start from DEFAULT_SCORE_OPTIONS.
import type { DistanceMode } from '../graph/csr.js';

export const NODE_METRIC_COLUMNS = [
  'community',
  'degree',
  'strength',
  'betweenness',
  'closeness',
  'harmonic',
  'eigenvector',
  'pagerank',
  'constraint',
  'effective_size',
  'efficiency',
  'hierarchy',
  'coordinator',
  'itinerant',
  'gatekeeper',
  'representative',
  'liaison',
  'reputation',
  'bonding',
  'bridging',
  'social_capital',
] as const;
export type NodeMetric = (typeof NODE_METRIC_COLUMNS)[number];

export type BetweennessMode = 'exact' | 'sampled' | 'auto';

export interface PowerIterationOptions {
  /** Stop when the L1 change of the iterate, per node, is below this (much tighter than NetworkX's default). */
  tolerance: number;
  maxIterations: number;
}

export interface ScoreOptions {
  /** Metrics to compute (node columns); ties metrics follow from the node metrics they need. */
  metrics: NodeMetric[];
  distance: DistanceMode;
  /** Seed of every random choice (Louvain, sampled betweenness). */
  seed: number;
  /** Pre-trusted actors for reputation; empty = uniform. */
  seeds: string[];
  /** Actor attribute used as the group; undefined = `department` when present, else the community. */
  group?: string;
  betweenness: BetweennessMode;
  /** Pivots for sampled betweenness. */
  samples: number;
  /** `auto` switches to sampled betweenness above this many actors. */
  autoSampleAbove: number;
  /** Worker threads for the path kernels; 0 = all cores. */
  threads: number;
  pagerank: PowerIterationOptions & { alpha: number };
  eigenvector: PowerIterationOptions;
  louvain: { resolution: number };
}

export const DEFAULT_SCORE_OPTIONS: ScoreOptions = {
  metrics: [...NODE_METRIC_COLUMNS],
  distance: 'inverse',
  seed: 42,
  seeds: [],
  group: undefined,
  betweenness: 'auto',
  samples: 512,
  autoSampleAbove: 20_000,
  threads: 0,
  pagerank: { alpha: 0.85, tolerance: 1e-13, maxIterations: 10_000 },
  eigenvector: { tolerance: 1e-13, maxIterations: 10_000 },
  louvain: { resolution: 1 },
};
