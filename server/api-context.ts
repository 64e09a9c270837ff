// What the route handlers share: the store, the background runs, the cache of run views, the
// data sets being loaded, and the lookup of a run id (or `latest`) to a finished run's view.
import type { RunRecord } from '../engine/model/types.js';
import type { GraphStore } from '../engine/store/graph-store.js';
import { conflict, notFound } from './http-error.js';
import type { Logger, RunManager } from './run-manager.js';
import type { RunView, RunViewCache } from './run-view.js';

export interface ApiContext {
  store: GraphStore;
  runs: RunManager;
  views: RunViewCache;
  /** Largest request body, bytes. */
  bodyLimit: number;
  /** Data sets with a load in progress (the store takes one load at a time). */
  loading: Set<string>;
  log: Logger;
}

/** The finished run `id` names (`latest`: the newest, of `dataset` when given); 404 / 409 otherwise. */
export async function findRun(ctx: ApiContext, id: string, dataset?: string): Promise<RunRecord> {
  if (id === 'latest') {
    const run = await ctx.store.getRun('latest', dataset);
    if (!run) throw notFound(dataset === undefined ? 'no finished run yet' : `no finished run of dataset "${dataset}"`);
    return run;
  }
  const run = await ctx.store.getRun(id);
  if (run && (dataset === undefined || run.dataset === dataset)) return run;
  const held = ctx.runs.get(id);
  if (held && (dataset === undefined || held.dataset === dataset)) {
    if (held.status === 'running') throw conflict(`run ${id} is still running: its scores are not there yet`, [{ progress: held.progress }]);
    throw notFound(`run ${id} failed and has no scores: ${held.error ?? 'unknown error'}`);
  }
  throw notFound(dataset === undefined ? `unknown run "${id}"` : `unknown run "${id}" of dataset "${dataset}"`);
}

export async function runView(ctx: ApiContext, id: string, dataset?: string): Promise<RunView> {
  return ctx.views.get(ctx.store, await findRun(ctx, id, dataset));
}

/** Node index of an actor in a run view; 404 when the run has no such actor. */
export function actorIndex(view: RunView, actor: string): number {
  const i = view.index.get(actor);
  if (i === undefined) throw notFound(`unknown actor "${actor}" in run ${view.run.id}`);
  return i;
}
