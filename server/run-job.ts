// One scoring run as the server starts it: score the data set with the run id the API already
// handed out, then save it. Shared by the worker thread (server/score-worker.ts) and the
// in-process fallback (server/run-manager.ts).
import { performance } from 'node:perf_hooks';
import type { RunRecord } from '../engine/model/types.js';
import type { GraphStore } from '../engine/store/graph-store.js';
import type { ScoreOptions } from '../engine/run/options.js';
import type { Progress } from '../engine/run/progress.js';
import { RunCancelledError, scoreDataset } from '../engine/run/score.js';

export interface RunJob {
  id: string;
  dataset: string;
  options: Partial<ScoreOptions>;
}

/** `signal` is checked between stages; `cancelled` once more right before the run is saved. */
export async function executeRun(store: GraphStore, job: RunJob, progress: Progress, signal: AbortSignal, cancelled: () => boolean): Promise<RunRecord> {
  const result = await scoreDataset({ store, dataset: job.dataset, options: job.options, input: `dataset:${job.dataset}`, progress, signal, save: false });
  const run: RunRecord = { ...result.run, id: job.id };
  if (cancelled()) throw new RunCancelledError();
  const t = performance.now();
  await store.saveRun(run, result.nodes, result.edges);
  run.timings = { ...run.timings, save: (performance.now() - t) / 1000 };
  return run;
}
