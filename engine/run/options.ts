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

/** Weights of the tie strength components (model mode); non-negative, summing to 1. See docs/tie-strength.md. */
export interface TieStrengthWeights {
  frequency: number;
  recency: number;
  reciprocity: number;
  multiplexity: number;
  duration: number;
  overlap: number;
}

/** Weights of the social capital index components; non-negative, summing to 1. See docs/tie-strength.md. */
export interface SocialCapitalWeights {
  bridging: number;
  reach: number;
  reputation: number;
  bonding: number;
}

/** How tie strength is computed: `auto` picks weight mode for a plain weighted edge list, else the model. */
export type TieStrengthModeOption = 'auto' | 'weight' | 'model';

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
  /**
   * Closeness and harmonic: exact (every actor a source), or estimated from the sampled betweenness
   * pivots (engine/metrics/sampled-closeness.ts); `auto` = sampled above `autoSampleAbove`. They are
   * exact whenever betweenness is, the pass visiting every source anyway.
   */
  closeness: BetweennessMode;
  /** `auto` switches to sampled betweenness (and closeness) above this many actors. */
  autoSampleAbove: number;
  /** Worker threads for the path kernels; 0 = all cores. */
  threads: number;
  pagerank: PowerIterationOptions & { alpha: number };
  eigenvector: PowerIterationOptions;
  louvain: { resolution: number };
  /** Tie strength: weight mode, the model, or chosen from the data (docs/tie-strength.md). */
  tieStrengthMode: TieStrengthModeOption;
  /** Half-life, in days, of the recency decay of tie frequency and of tie recency. */
  halfLifeDays: number;
  /** Time (epoch ms) the time-dependent measures are taken at; undefined = the latest timestamp in the data. */
  asOf?: number;
  strengthWeights: TieStrengthWeights;
  /** Model mode: a tie is strong when its strength is at least this. */
  strongThreshold: number;
  /** Weight mode: a tie is strong when its weight is above this percentile (nearest rank) of the tie weights. */
  strongPercentile: number;
  /** Cooling ties: the recent window and the baseline window before it, in days. */
  coolingRecentDays: number;
  coolingBaselineDays: number;
  /** A tie is cooling when its recent contact rate is below this fraction of its baseline rate... */
  coolingRatio: number;
  /** ...and it had at least this many contacts in the baseline window. */
  coolingMinBaseline: number;
  /** Interaction types (case-insensitive) that endorse their target, for reputation. */
  endorsingTypes: string[];
  /** Interaction types (case-insensitive) that count against their target (distrust). */
  negativeTypes: string[];
  /** Weight β of distrust against trust in reputation. */
  distrustWeight: number;
  socialCapitalWeights: SocialCapitalWeights;
}

export const DEFAULT_SCORE_OPTIONS: ScoreOptions = {
  metrics: [...NODE_METRIC_COLUMNS],
  distance: 'inverse',
  seed: 42,
  seeds: [],
  group: undefined,
  betweenness: 'auto',
  samples: 512,
  closeness: 'auto',
  autoSampleAbove: 20_000,
  threads: 0,
  pagerank: { alpha: 0.85, tolerance: 1e-13, maxIterations: 10_000 },
  eigenvector: { tolerance: 1e-13, maxIterations: 10_000 },
  louvain: { resolution: 1 },
  tieStrengthMode: 'auto',
  halfLifeDays: 90,
  asOf: undefined,
  strengthWeights: { frequency: 0.3, recency: 0.2, reciprocity: 0.15, multiplexity: 0.1, duration: 0.1, overlap: 0.15 },
  strongThreshold: 0.5,
  strongPercentile: 75,
  coolingRecentDays: 60,
  coolingBaselineDays: 365,
  coolingRatio: 0.25,
  coolingMinBaseline: 6,
  endorsingTypes: ['advice', 'endorsement', 'referral', 'recommendation'],
  negativeTypes: ['complaint', 'distrust'],
  distrustWeight: 0.5,
  socialCapitalWeights: { bridging: 0.35, reach: 0.25, reputation: 0.2, bonding: 0.2 },
};
