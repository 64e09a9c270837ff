// Zod schemas of every path parameter, query and JSON body the API accepts. Queries arrive as
// strings: numbers and booleans are checked as text first (so the OpenAPI document shows the
// pattern) and then converted. Every object is strict: an unknown key is a 400, never ignored.
import { z } from 'zod';
import { DATASET_NAME_PATTERN, DATASET_NAME_RULE } from '../engine/store/graph-store.js';
import { RUN_ID_PATTERN } from '../engine/store/run-id.js';
import { NODE_METRIC_COLUMNS } from '../engine/run/options.js';

export const MAX_PAGE = 10_000;
export const DEFAULT_PAGE = 100;

const DATASET_NAME_ERROR = `invalid data set name: use ${DATASET_NAME_RULE}`;
export const datasetName = z
  .string({ error: (issue) => (issue.input === undefined ? 'a data set name is required' : DATASET_NAME_ERROR) })
  .regex(DATASET_NAME_PATTERN, { error: DATASET_NAME_ERROR });

/** A run id, or `latest` (the newest finished run, of `?dataset=` when given). */
export const runId = z
  .string()
  .regex(new RegExp(`^(?:latest|${RUN_ID_PATTERN.source.replace(/^\^|\$$/g, '')})$`), { error: 'invalid run id: expected r-YYYYMMDD-HHMMSS-xxxxxx or latest' });

/** A value of the run's group attribute, as a query parameter. */
export const groupValue = z.string().max(1024, { error: 'group is longer than 1024 characters' });
export const actorId = z.string({ error: 'an actor id is a string' }).min(1, { error: 'actor id must not be empty' }).max(1024, { error: 'actor id is longer than 1024 characters' });

/** A non-negative integer query value within [min, max]. */
export function intQuery(name: string, min: number, max: number) {
  const message = `${name} must be an integer from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d{1,15}$/, { error: message })
    .transform(Number)
    .pipe(z.number().min(min, { error: message }).max(max, { error: message }));
}

/** A finite decimal number as query text. */
export function numberQuery(name: string) {
  const message = `${name} must be a number`;
  return z
    .string()
    .regex(/^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/, { error: message })
    .transform(Number)
    .pipe(z.number({ error: message }).refine(Number.isFinite, { error: message }));
}

export function boolQuery(name: string) {
  return z.enum(['true', 'false'], { error: `${name} must be true or false` }).transform((v) => v === 'true');
}

export const pageQuery = {
  limit: intQuery('limit', 1, MAX_PAGE).optional(),
  offset: intQuery('offset', 0, Number.MAX_SAFE_INTEGER).optional(),
};

/** `?dataset=` narrows `latest` to the newest run of one data set. */
export const runScopeQuery = { dataset: datasetName.optional() };

export const datasetParams = z.strictObject({ name: datasetName });
export const runParams = z.strictObject({ id: runId });
export const actorParams = z.strictObject({ id: runId, actor: actorId });

export const uploadQuery = z.strictObject({ strict: boolQuery('strict').optional() });

export const metricName = z.enum(NODE_METRIC_COLUMNS, { error: `unknown metric: expected one of ${NODE_METRIC_COLUMNS.join(', ')}` });

/** A JSON integer in [min, max]; every way of missing it gets the same message. */
function boundedInt(name: string, min: number, max: number) {
  const message = `${name} must be an integer from ${min} to ${max}`;
  return z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });
}

export const runBody = z.strictObject({
  dataset: datasetName,
  metrics: z.array(metricName).min(1, { error: 'metrics must name at least one metric' }).optional(),
  distance: z.enum(['inverse', 'hops'], { error: 'distance must be inverse or hops' }).optional(),
  seed: boundedInt('seed', 0, 2 ** 32 - 1).optional(),
  seeds: z.array(actorId).max(100_000).optional(),
  group: z
    .string({ error: 'group must be an attribute name of 1 to 256 characters' })
    .min(1, { error: 'group must be an attribute name of 1 to 256 characters' })
    .max(256, { error: 'group must be an attribute name of 1 to 256 characters' })
    .optional(),
  betweenness: z.enum(['exact', 'sampled', 'auto'], { error: 'betweenness must be exact, sampled or auto' }).optional(),
  closeness: z.enum(['exact', 'sampled', 'auto'], { error: 'closeness must be exact, sampled or auto' }).optional(),
  samples: boundedInt('samples', 1, 1_000_000).optional(),
});
export type RunBody = z.output<typeof runBody>;

export const runListQuery = z.strictObject({ dataset: datasetName.optional() });

const sortKeys = ['id', 'label', ...NODE_METRIC_COLUMNS] as const;

/** min_<metric> and max_<metric> for every node metric. */
const rangeKeys: Record<string, z.ZodOptional<ReturnType<typeof numberQuery>>> = {};
for (const m of NODE_METRIC_COLUMNS) {
  rangeKeys[`min_${m}`] = numberQuery(`min_${m}`).optional();
  rangeKeys[`max_${m}`] = numberQuery(`max_${m}`).optional();
}

export const nodeListQuery = z.strictObject({
  ...runScopeQuery,
  ...pageQuery,
  sort: z.enum(sortKeys, { error: `sort must be one of ${sortKeys.join(', ')}` }).optional(),
  order: z.enum(['asc', 'desc'], { error: 'order must be asc or desc' }).optional(),
  group: groupValue.optional(),
  community: intQuery('community', 0, Number.MAX_SAFE_INTEGER).optional(),
  ...rangeKeys,
});
export type NodeListQuery = z.output<typeof nodeListQuery>;

export const runScopedQuery = z.strictObject({ ...runScopeQuery });

export const egoQuery = z.strictObject({
  ...runScopeQuery,
  radius: z.enum(['1', '2'], { error: 'radius must be 1 or 2' }).transform(Number).optional(),
});

export const EDGE_FILTERS = ['strong', 'weak', 'bridges', 'local_bridges', 'cooling'] as const;
export type EdgeFilter = (typeof EDGE_FILTERS)[number];

export const edgeListQuery = z.strictObject({
  ...runScopeQuery,
  ...pageQuery,
  filter: z.enum(EDGE_FILTERS, { error: `filter must be one of ${EDGE_FILTERS.join(', ')}` }).optional(),
});

export const brokerQuery = z.strictObject({ ...runScopeQuery, ...pageQuery, group: groupValue.optional() });

export const summaryQuery = z.strictObject({ ...runScopeQuery, top: intQuery('top', 0, 100).optional() });

export const pagedRunQuery = z.strictObject({ ...runScopeQuery, ...pageQuery });

export const graphQuery = z.strictObject({
  ...runScopeQuery,
  level: z.enum(['auto', 'actors', 'communities'], { error: 'level must be auto, actors or communities' }).optional(),
  size: metricName.optional(),
});

export const exportQuery = z.strictObject({
  ...runScopeQuery,
  format: z.enum(['csv', 'json', 'gexf'], { error: 'format must be csv, json or gexf' }).optional(),
});

export const whatIfBody = z.strictObject({
  remove: z
    .array(actorId)
    .min(1, { error: 'remove must list at least one actor id' })
    .max(MAX_PAGE, { error: `remove may list at most ${MAX_PAGE} actor ids` }),
});
