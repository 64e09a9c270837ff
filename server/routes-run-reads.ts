// Read routes over one finished run: actors (list, detail, ego network), ties, brokers,
// communities, groups, relationship health, the map graph, what-if and exports.
// Wherever a run id is expected, `latest` names the newest finished run (`?dataset=` narrows it).
import type { Response } from 'express';
import { socapVersion } from '../engine/run/version.js';
import { actorIndex, runView, type ApiContext } from './api-context.js';
import { communitySummary, groupSummary } from './cluster-summary.js';
import { egoNetwork } from './ego-network.js';
import { listEdges, tieHealth } from './edge-list.js';
import { gexfChunks } from './gexf.js';
import { notFound } from './http-error.js';
import { nodeDetailOf } from './node-detail.js';
import { listNodes, rankBrokers } from './node-list.js';
import { nodesCsvChunks } from './nodes-csv.js';
import {
  actorParams,
  brokerQuery,
  edgeListQuery,
  egoQuery,
  exportQuery,
  graphQuery,
  nodeListQuery,
  pagedRunQuery,
  runParams,
  runScopedQuery,
  summaryQuery,
  whatIfBody,
} from './request-schemas.js';
import { brokerList, clusterList, edgeList, graphologyJson, nodeDetail, nodeList, whatIfResponse } from './response-schemas.js';
import { defineRoute, type JsonReply, type Route } from './route.js';
import { cachedJson, cacheKey } from './response-cache.js';
import type { RunView } from './run-view.js';
import { COMMUNITY_LEVEL_ABOVE, sigmaGraph } from './sigma-graph.js';
import { whatIf } from './what-if.js';

const DEFAULT_TOP = 5;

/** The route's JSON over a run, from the view's response cache; `inputs` are the validated parameters that shape it. */
function cached(view: RunView, operation: string, inputs: unknown[], make: (view: RunView) => unknown): JsonReply {
  return { json: cachedJson(view, cacheKey(operation, ...inputs), () => make(view)) };
}

/** Writes chunks with back-pressure; stops when the client goes away. */
async function sendChunks(res: Response, type: string, fileName: string, chunks: Iterable<string>): Promise<void> {
  res.status(200).type(type).set('Content-Disposition', `attachment; filename="${fileName}"`);
  for (const chunk of chunks) {
    if (res.destroyed) return;
    if (!res.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    }
  }
  res.end();
}

export function runReadRoutes(ctx: ApiContext): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/runs/{id}/nodes',
      operationId: 'listNodes',
      summary: 'Actors of a run with every metric: filter, sort, page',
      description:
        'Filters: `group` (value of the run\'s group attribute), `community`, and `min_<metric>` / `max_<metric>` (inclusive; actors without a value are left out). ' +
        '`sort` by id, label or any metric (metrics default to descending, missing values last; ties broken by id). `limit` 1..10000, default 100.',
      tag: 'actors',
      access: 'read',
      params: runParams,
      query: nodeListQuery,
      responses: { 200: { description: 'the matching actors', schema: nodeList } },
      handler: async ({ params, query }) => cached(await runView(ctx, params.id, query.dataset), 'listNodes', [query], (v) => listNodes(v, query)),
    }),
    defineRoute({
      method: 'get',
      path: '/api/runs/{id}/nodes/{actor}',
      operationId: 'getNode',
      summary: 'One actor: metrics, percentiles, ties and a plain-language explanation of its position',
      tag: 'actors',
      access: 'read',
      params: actorParams,
      query: runScopedQuery,
      responses: { 200: { description: 'the actor', schema: nodeDetail } },
      handler: async ({ params, query }) => {
        const view = await runView(ctx, params.id, query.dataset);
        const i = actorIndex(view, params.actor);
        return cached(view, 'getNode', [i], (v) => nodeDetailOf(v, i));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/runs/{id}/nodes/{actor}/ego',
      operationId: 'getEgoNetwork',
      summary: 'The ego network of an actor (radius 1 or 2) as graphology JSON',
      tag: 'actors',
      access: 'read',
      params: actorParams,
      query: egoQuery,
      responses: { 200: { description: 'actors within the radius and every tie among them', schema: graphologyJson } },
      handler: async ({ params, query }) => {
        const view = await runView(ctx, params.id, query.dataset);
        const i = actorIndex(view, params.actor);
        const radius = query.radius ?? 1;
        return cached(view, 'getEgoNetwork', [i, radius], (v) => egoNetwork(v, i, radius));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/runs/{id}/edges',
      operationId: 'listEdges',
      summary: 'Ties of a run with every tie column; filter strong, weak, bridges, local_bridges or cooling',
      description: 'A filter whose column the run lacks returns no ties and a `note`.',
      tag: 'ties',
      access: 'read',
      params: runParams,
      query: edgeListQuery,
      responses: { 200: { description: 'the matching ties', schema: edgeList } },
      handler: async ({ params, query }) => cached(await runView(ctx, params.id, query.dataset), 'listEdges', [query], (v) => listEdges(v, query)),
    }),
    defineRoute({
      method: 'get',
      path: '/api/runs/{id}/brokers',
      operationId: 'listBrokers',
      summary: 'Actors ranked as brokers: betweenness descending, then constraint ascending',
      tag: 'analysis',
      access: 'read',
      params: runParams,
      query: brokerQuery,
      responses: { 200: { description: 'the ranking', schema: brokerList } },
      handler: async ({ params, query }) => cached(await runView(ctx, params.id, query.dataset), 'listBrokers', [query], (v) => rankBrokers(v, query)),
    }),
    defineRoute({
      method: 'get',
      path: '/api/runs/{id}/communities',
      operationId: 'listCommunities',
      summary: 'Communities: size, internal and external ties, cohesion, top members, the members who hold the outside ties',
      tag: 'analysis',
      access: 'read',
      params: runParams,
      query: summaryQuery,
      responses: { 200: { description: 'one item per community, largest first', schema: clusterList } },
      handler: async ({ params, query }) => cached(await runView(ctx, params.id, query.dataset), 'listCommunities', [query.top], (v) => communitySummary(v, query.top ?? DEFAULT_TOP)),
    }),
    defineRoute({
      method: 'get',
      path: '/api/runs/{id}/groups',
      operationId: 'listGroups',
      summary: "Groups of the run's group attribute: size, internal and external ties, cohesion, top members, the members who hold the outside ties",
      tag: 'analysis',
      access: 'read',
      params: runParams,
      query: summaryQuery,
      responses: { 200: { description: 'one item per group, largest first', schema: clusterList } },
      handler: async ({ params, query }) => cached(await runView(ctx, params.id, query.dataset), 'listGroups', [query.top], (v) => groupSummary(v, query.top ?? DEFAULT_TOP)),
    }),
    defineRoute({
      method: 'get',
      path: '/api/runs/{id}/health',
      operationId: 'getTieHealth',
      summary: 'Relationship health: the cooling ties (when the run has that column)',
      tag: 'ties',
      access: 'read',
      params: runParams,
      query: pagedRunQuery,
      responses: { 200: { description: 'the cooling ties, or none and a note', schema: edgeList } },
      handler: async ({ params, query }) => cached(await runView(ctx, params.id, query.dataset), 'getTieHealth', [query], (v) => tieHealth(v, query)),
    }),
    defineRoute({
      method: 'get',
      path: '/api/runs/{id}/graph',
      operationId: 'getGraph',
      summary: 'The tie graph for the map (graphology JSON with x, y, size, color)',
      description: `Above ${COMMUNITY_LEVEL_ABOVE} actors, \`level=auto\` (the default) returns one node per community at the centroid of its members, ties aggregated; \`level=actors\` forces every actor. \`size\` picks the metric that sizes nodes (default betweenness, else degree).`,
      tag: 'map',
      access: 'read',
      params: runParams,
      query: graphQuery,
      responses: { 200: { description: 'the graph', schema: graphologyJson } },
      handler: async ({ params, query }) => cached(await runView(ctx, params.id, query.dataset), 'getGraph', [query.level, query.size], (v) => sigmaGraph(v, { level: query.level, size: query.size })),
    }),
    defineRoute({
      method: 'post',
      path: '/api/runs/{id}/whatif',
      operationId: 'whatIf',
      summary: 'What if these actors left: components, fragmentation and the pieces that split off',
      description: 'A read: nothing is stored. Computed on the run\'s tie graph.',
      tag: 'analysis',
      access: 'read',
      params: runParams,
      query: runScopedQuery,
      body: { contentType: 'application/json', schema: whatIfBody },
      responses: { 200: { description: 'before and after', schema: whatIfResponse } },
      handler: async ({ params, query, body }) => {
        const view = await runView(ctx, params.id, query.dataset);
        const ids = [...new Set(body.remove)];
        const unknown = ids.filter((id) => !view.index.has(id));
        if (unknown.length) throw notFound(`unknown actor(s) in remove: ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ', …' : ''}`, unknown);
        return { json: whatIf(view, ids.map((id) => view.index.get(id)!)) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/runs/{id}/export',
      operationId: 'exportRun',
      summary: 'Download a run: nodes.csv (csv), graphology JSON (json) or GEXF 1.3 (gexf)',
      tag: 'export',
      access: 'read',
      params: runParams,
      query: exportQuery,
      responses: { 200: { description: 'the file, as an attachment', schema: graphologyJson, contentTypes: ['text/csv', 'application/gexf+xml'] } },
      handler: async ({ params, query, res }) => {
        const view = await runView(ctx, params.id, query.dataset);
        const base = `${view.run.dataset}-${view.run.id}`;
        const format = query.format ?? 'csv';
        if (format === 'csv') return sendChunks(res, 'text/csv; charset=utf-8', `${base}-nodes.csv`, nodesCsvChunks(view));
        if (format === 'gexf') return sendChunks(res, 'application/gexf+xml; charset=utf-8', `${base}.gexf`, gexfChunks(view, `socap ${socapVersion()}`));
        return { json: sigmaGraph(view, { level: 'actors' }), headers: { 'Content-Disposition': `attachment; filename="${base}.json"` } };
      },
    }),
  ];
}
