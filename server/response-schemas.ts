// Zod schemas of the JSON the API answers with. They feed the OpenAPI document, and the server
// tests parse every response with them, so a handler that drifts from its documented shape fails.
import { z } from 'zod';
import { NODE_METRIC_COLUMNS } from '../engine/run/options.js';

export const errorResponse = z.object({
  error: z.string().describe('what went wrong, in one sentence'),
  details: z.array(z.unknown()).describe('the individual problems (fields, rows, ids), possibly empty'),
});

export const scoreValue = z.union([z.number(), z.string(), z.boolean(), z.null()]);
const values = z.record(z.string(), scoreValue);

export const health = z.object({ status: z.literal('ok'), version: z.string(), store: z.string() });

export const datasetInfo = z.object({
  name: z.string(),
  actors: z.number().int(),
  interactions: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  firstTimestamp: z.number().optional(),
  lastTimestamp: z.number().optional(),
  types: z.array(z.string()),
});
export const datasetList = z.object({ items: z.array(datasetInfo) });
export const datasetDeleted = z.object({ deleted: z.string(), runsRemoved: z.number().int() });

export const rowError = z.object({
  file: z.string(),
  line: z.number().int(),
  column: z.string().nullable(),
  reason: z.string(),
  severity: z.enum(['error', 'warning']),
});

export const loadResponse = z.object({
  loaded: z.object({
    dataset: z.string(),
    actorsAdded: z.number().int(),
    actorsUpdated: z.number().int(),
    interactionsAdded: z.number().int(),
    interactionsUnchanged: z.number().int(),
  }),
  summary: z.object({
    format: z.string(),
    files: z.array(z.string()),
    actorsRead: z.number().int(),
    interactionsRead: z.number().int(),
    skipped: z.number().int(),
    errors: z.number().int(),
    warnings: z.number().int(),
  }),
  errors: z.array(rowError),
});

export const runProgress = z.object({ stage: z.string(), done: z.number(), total: z.number() });

export const runRecord = z.object({
  id: z.string(),
  dataset: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  createdAt: z.string(),
  finishedAt: z.string().optional(),
  version: z.string().optional(),
  input: z.string().optional(),
  parameters: z.record(z.string(), z.unknown()),
  counts: z.object({ actors: z.number(), interactions: z.number(), ties: z.number(), skipped: z.number() }).optional(),
  modularity: z.number().optional(),
  timings: z.record(z.string(), z.number()).describe('seconds per stage'),
  betweenness: z.object({ mode: z.enum(['exact', 'sampled']), samples: z.number().optional(), errorBound: z.number().optional() }).optional(),
  notes: z.array(z.string()),
  peakMemoryBytes: z.number().optional(),
  error: z.string().optional(),
  extra: z.record(z.string(), z.unknown()).optional(),
  progress: runProgress.optional().describe('while running: the current stage and how far it is'),
  elapsed: z.number().optional().describe('while running: seconds since the run started'),
});
export const runList = z.object({ items: z.array(runRecord) });
export const runStarted = z.object({ id: z.string(), status: z.literal('running'), dataset: z.string() });

export const nodeItem = z
  .object({
    id: z.string(),
    label: z.string(),
    attributes: z.record(z.string(), z.string()).describe('the actor attributes as loaded (department, title, ...)'),
    metrics: values.describe(`every metric of the run, by column name (${NODE_METRIC_COLUMNS.join(', ')}); null = not defined for this actor`),
  })
  .describe('one actor of a run');
export const nodeList = z.object({ total: z.number().int().describe('actors matching the filters, before limit/offset'), items: z.array(nodeItem) });

export const tieItem = z
  .object({ other: z.string(), label: z.string(), strength: scoreValue })
  .catchall(scoreValue)
  .describe('one tie of the actor: the other actor, its label, then every tie column of the run');

export const nodeDetail = z.object({
  id: z.string(),
  label: z.string(),
  attributes: z.record(z.string(), z.string()),
  group: z.string().nullable().describe("the actor's value of the run's group attribute"),
  groupAttribute: z.string().nullable(),
  metrics: values,
  percentiles: z.record(z.string(), z.number().nullable()).describe('per numeric metric: % of the other actors with a strictly lower value (0..100)'),
  explanation: z.string(),
  ties: z.array(tieItem).describe('strongest first'),
});

export const graphologyJson = z.object({
  attributes: z.record(z.string(), z.unknown()),
  options: z.object({ type: z.literal('undirected'), multi: z.boolean(), allowSelfLoops: z.boolean() }),
  nodes: z.array(z.object({ key: z.string(), attributes: z.record(z.string(), z.unknown()) })),
  edges: z.array(z.object({ key: z.string(), source: z.string(), target: z.string(), attributes: z.record(z.string(), z.unknown()) })),
});

export const edgeItem = z.object({ source: z.string(), target: z.string() }).catchall(scoreValue).describe('one tie: its endpoints, then every tie column of the run');
export const edgeList = z.object({ total: z.number().int(), items: z.array(edgeItem), note: z.string().optional() });

export const brokerItem = z.object({
  rank: z.number().int(),
  id: z.string(),
  label: z.string(),
  group: z.string().nullable(),
  betweenness: z.number().nullable(),
  constraint: z.number().nullable(),
  metrics: values,
});
export const brokerList = z.object({ total: z.number().int(), items: z.array(brokerItem), note: z.string().optional() });

export const member = z.object({ id: z.string(), label: z.string(), score: z.number().nullable() });
export const outsideHolder = z.object({
  id: z.string(),
  label: z.string(),
  outsideTies: z.number().int().describe("the member's ties to actors outside the community/group"),
  outsideStrength: z.number().optional().describe('summed strength of those ties; present when the run has tie strengths'),
});
export const clusterSummary = z.object({
  key: z.string().nullable().describe('community number or group value; null = actors without a group'),
  size: z.number().int(),
  internalTies: z.number().int(),
  externalTies: z.number().int(),
  internalStrength: z.number(),
  externalStrength: z.number(),
  cohesion: z.number().nullable().describe('internal strength / (internal + external strength); null without ties'),
  topMembers: z.array(member),
  outsideHolders: z
    .array(outsideHolder)
    .describe('members with ties to actors outside this community/group, most such ties first, then by id; at most `top`; [] when none'),
});
export const clusterList = z.object({
  attribute: z.string().nullable(),
  rankedBy: z.string().nullable().describe('the metric topMembers are ranked by'),
  items: z.array(clusterSummary),
  note: z.string().optional(),
});

export const componentStats = z.object({
  actors: z.number().int(),
  components: z.number().int(),
  largestComponent: z.number().int(),
  fragmentation: z.number().describe("Borgatti's fragmentation: 1 − Σ s_k(s_k−1) / (n(n−1))"),
  disconnectedPairs: z.number().int().describe('unordered pairs of present actors with no path between them'),
  interCommunityTies: z.number().int().nullable().describe('ties between present actors of different communities; null without communities'),
});
export const whatIfResponse = z.object({
  removed: z.array(z.string()),
  before: componentStats,
  after: componentStats,
  pairsDisconnected: z.number().int().describe('pairs of remaining actors connected before and not after'),
  pairsDisconnectedShare: z.number().describe('pairsDisconnected / all pairs of remaining actors (0 with fewer than two)'),
  splitOff: z.array(z.object({ size: z.number().int(), members: z.array(z.string()) })).describe('pieces cut off from the largest remaining part of their former component'),
  lostReach: z
    .array(z.object({ id: z.string(), before: z.number().int(), after: z.number().int() }))
    .describe('remaining actors that reach fewer remaining actors after the removal, most lost first (at most 1000)'),
  lostReachCount: z.number().int(),
});
