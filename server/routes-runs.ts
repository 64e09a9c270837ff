// Run routes: start a scoring run in the background, list runs (stored ones and those held in
// memory: running or failed), show one run with its progress.
import type { ScoreOptions } from '../engine/run/options.js';
import { findRun, type ApiContext } from './api-context.js';
import { conflict, notFound } from './http-error.js';
import { runBody, runListQuery, runParams, runScopedQuery, type RunBody } from './request-schemas.js';
import { runList, runRecord, runStarted } from './response-schemas.js';
import { defineRoute, type Route } from './route.js';
import { newestFirst, type ServerRun } from './run-manager.js';

function scoreOptions(body: RunBody): Partial<ScoreOptions> {
  const o: Partial<ScoreOptions> = {};
  if (body.metrics !== undefined) o.metrics = body.metrics;
  if (body.distance !== undefined) o.distance = body.distance;
  if (body.seed !== undefined) o.seed = body.seed;
  if (body.seeds !== undefined) o.seeds = body.seeds;
  if (body.group !== undefined) o.group = body.group;
  if (body.betweenness !== undefined) o.betweenness = body.betweenness;
  if (body.closeness !== undefined) o.closeness = body.closeness;
  if (body.samples !== undefined) o.samples = body.samples;
  return o;
}


export function runRoutes(ctx: ApiContext): Route[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/runs',
      operationId: 'startRun',
      summary: 'Score a data set in the background; poll GET /api/runs/{id} for progress',
      description: 'Options default as in `socap score`. The run goes on in a worker thread; the API keeps answering meanwhile.',
      tag: 'runs',
      access: 'write',
      body: { contentType: 'application/json', schema: runBody },
      responses: { 202: { description: 'started', schema: runStarted } },
      handler: async ({ body }) => {
        // A data set on its first load is not stored yet: it is being loaded (409), not unknown.
        if (ctx.loading.has(body.dataset)) throw conflict(`dataset "${body.dataset}" is being loaded: score it when the load has finished`);
        if (!(await ctx.store.getDataset(body.dataset))) throw notFound(`unknown dataset "${body.dataset}"`);
        const running = ctx.runs.runningFor(body.dataset);
        if (running) throw conflict(`a run of dataset "${body.dataset}" is already running (${running.id})`, [{ run: running.id }]);
        const run = ctx.runs.start(body.dataset, scoreOptions(body));
        return { status: 202, json: { id: run.id, status: 'running', dataset: run.dataset }, headers: { Location: `/api/runs/${run.id}` } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/runs',
      operationId: 'listRuns',
      summary: 'Runs, newest first, including running and failed ones held in memory',
      tag: 'runs',
      access: 'read',
      query: runListQuery,
      responses: { 200: { description: 'the runs', schema: runList } },
      handler: async ({ query }) => {
        const held = ctx.runs.list(query.dataset);
        const heldIds = new Set(held.map((r) => r.id));
        const stored = (await ctx.store.listRuns(query.dataset)).filter((r) => !heldIds.has(r.id));
        return { json: { items: [...held, ...stored].sort(newestFirst) } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/runs/{id}',
      operationId: 'getRun',
      summary: 'One run: status, progress while running, counts, timings, parameters, notes',
      tag: 'runs',
      access: 'read',
      params: runParams,
      query: runScopedQuery,
      responses: { 200: { description: 'the run', schema: runRecord } },
      handler: async ({ params, query }) => {
        if (params.id === 'latest') return { json: await findRun(ctx, 'latest', query.dataset) };
        const run: ServerRun | undefined = ctx.runs.get(params.id) ?? (await ctx.store.getRun(params.id));
        if (!run || (query.dataset !== undefined && run.dataset !== query.dataset)) throw notFound(`unknown run "${params.id}"`);
        return { json: run };
      },
    }),
  ];
}
