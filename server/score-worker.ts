// Worker-thread entry of a server run: opens its own connection to the workspace store (SQLite WAL
// lets it write while the API keeps reading), scores and saves the run, and reports progress and the
// outcome to the parent as messages. Cancelling is a flag in shared memory, not a message: the
// scoring kernels are synchronous, so a message would only arrive after the run. The flag is read at
// every progress report, and the run aborts at the next stage boundary; nothing is saved then.
// The thread lowers its own priority first (`niceness`), before it loads the engine, so neither the
// run nor its start-up starves the API's reads: the engine's modules are imported only after that.
import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { RunRecord } from '../engine/model/types.js';
import type { Progress } from '../engine/run/progress.js';
import type { RunJob } from './run-job.js';

export interface WorkerInput {
  workspace: string;
  job: RunJob;
  /** Shared flag: element 0 becomes 1 when the parent cancels the run. */
  cancel: Int32Array;
  /** Nice value this thread takes first; the path threads it starts inherit it. */
  niceness: number;
}

/**
 * Lowers this thread's scheduling priority: on Linux `setpriority(PRIO_PROCESS, 0)` applies to the
 * calling thread only, so the server's own threads keep theirs and answer reads first. Returns the
 * nice value the thread has, or null where the system refused (the run goes on at normal priority).
 */
export function lowerThreadPriority(niceness: number): number | null {
  if (niceness <= 0) return getPriority();
  try {
    setPriority(Math.min(19, Math.max(getPriority(), niceness)));
    return getPriority();
  } catch {
    return null;
  }
}

export type WorkerMessage =
  | { type: 'progress'; stage: string; done: number; total: number }
  | { type: 'done'; run: RunRecord }
  | { type: 'failed'; error: string; cancelled: boolean };

const THROTTLE_MS = 100;

async function main(): Promise<void> {
  const port = parentPort!;
  const { workspace, job, cancel, niceness } = workerData as WorkerInput;
  lowerThreadPriority(niceness);
  const [{ openSqliteStore }, { executeRun }] = await Promise.all([import('../engine/store/sqlite.js'), import('./run-job.js')]);
  const controller = new AbortController();
  const cancelled = (): boolean => {
    if (Atomics.load(cancel, 0) === 1 && !controller.signal.aborted) controller.abort();
    return controller.signal.aborted;
  };
  const post = (m: WorkerMessage): void => port.postMessage(m);
  let last = 0;
  const progress: Progress = {
    update(stage, done, total) {
      cancelled();
      const now = Date.now();
      if (done < total && now - last < THROTTLE_MS) return;
      last = now;
      post({ type: 'progress', stage, done, total });
    },
    end(stage) {
      cancelled();
      post({ type: 'progress', stage, done: 1, total: 1 });
    },
    info() {},
  };
  const store = openSqliteStore({ workspace });
  try {
    const run = await executeRun(store, job, progress, controller.signal, cancelled);
    post({ type: 'done', run });
  } catch (err) {
    post({ type: 'failed', error: err instanceof Error ? err.message : String(err), cancelled: cancelled() });
  } finally {
    await store.close();
    port.close();
  }
}

void main();
