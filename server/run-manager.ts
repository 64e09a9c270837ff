// Background scoring runs of the server. A run started by POST /api/runs goes on in a worker thread
// (its own store connection to the same workspace) so the API stays responsive; progress comes back
// as messages. Running runs, and recently failed ones (the store keeps only finished runs), are held
// here in memory. Without a workspace folder (or when asked) a run goes on in this thread instead.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RunRecord } from '../engine/model/types.js';
import type { GraphStore } from '../engine/store/graph-store.js';
import { newRunId } from '../engine/store/run-id.js';
import type { ScoreOptions } from '../engine/run/options.js';
import type { Progress } from '../engine/run/progress.js';
import { socapVersion } from '../engine/run/version.js';
import { executeRun, type RunJob } from './run-job.js';
import type { WorkerInput, WorkerMessage } from './score-worker.js';

/** Failed runs remembered (newest first) so clients can read why. */
const FAILED_KEPT = 100;

export interface Logger {
  info(message: string): void;
  error(message: string): void;
}

export interface RunProgress {
  stage: string;
  done: number;
  total: number;
}

/** A run as the API shows it: a stored record, or one still running (no counts yet) with its progress. */
export interface ServerRun extends Omit<RunRecord, 'counts'> {
  counts?: RunRecord['counts'];
  progress?: RunProgress;
  /** Seconds since a running run started. */
  elapsed?: number;
}

interface ActiveRun {
  record: ServerRun & { progress: RunProgress };
  started: number;
  cancel(): void;
  finished: Promise<void>;
}

/**
 * Starts the scoring worker: the compiled JavaScript next to this module when it exists (dist/),
 * else the TypeScript source through tsx's ESM hooks, registered inside the worker before the entry
 * is imported (tests and development; Node 20 ignores `--import` in a worker's execArgv).
 */
export function spawnScoreWorker(input: WorkerInput): Worker {
  const js = new URL('./score-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return new Worker(js, { workerData: input });
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const exports = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports;
  const api = pathToFileURL(join(dirname(manifest), exports['./esm/api']!.import.default)).href;
  const entry = new URL('./score-worker.ts', import.meta.url).href;
  // The thread takes its nice value before tsx compiles anything (score-worker.ts takes it again).
  const nice = Math.min(19, Math.max(0, Math.trunc(input.niceness)));
  const lower = `try { const os = require('node:os'); if (${nice} > os.getPriority()) os.setPriority(${nice}); } catch {}`;
  const boot = `${lower} import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData: input });
}

/** Nice value of background scoring threads (Linux nice is per thread: the API threads keep theirs). */
export const DEFAULT_RUN_NICENESS = 10;

/** Runs newest first, by creation time. */
export const newestFirst = (a: Pick<ServerRun, 'createdAt'>, b: Pick<ServerRun, 'createdAt'>): number => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0);

export class RunManager {
  private readonly active = new Map<string, ActiveRun>();
  private failed: ServerRun[] = [];

  constructor(
    private readonly opts: {
      store: GraphStore;
      workspace?: string;
      runInWorker: boolean;
      /** Nice value of the scoring worker thread and the path threads it starts (default DEFAULT_RUN_NICENESS). */
      runNiceness?: number;
      log: Logger;
      /** Called after a run is saved (or has failed). */
      onSettled?: (run: ServerRun) => void;
    },
  ) {}

  /** The running run of a data set, if any. */
  runningFor(dataset: string): ServerRun | undefined {
    for (const a of this.active.values()) if (a.record.dataset === dataset) return this.snapshot(a);
    return undefined;
  }

  get(id: string): ServerRun | undefined {
    const a = this.active.get(id);
    if (a) return this.snapshot(a);
    return this.failed.find((r) => r.id === id);
  }

  /** Running and failed runs held in memory, newest first. */
  list(dataset?: string): ServerRun[] {
    const all = [...[...this.active.values()].map((a) => this.snapshot(a)), ...this.failed];
    return all.filter((r) => dataset === undefined || r.dataset === dataset).sort(newestFirst);
  }

  /** Starts a run in the background; returns its record (status running). */
  start(dataset: string, options: Partial<ScoreOptions>): ServerRun {
    // A run started through the API keeps to one thread (its own worker), so the API keeps a core.
    const job: RunJob = { id: newRunId(), dataset, options: { threads: 1, ...options } };
    const record: ActiveRun['record'] = {
      id: job.id,
      dataset,
      status: 'running',
      createdAt: new Date().toISOString(),
      version: socapVersion(),
      input: `dataset:${dataset}`,
      parameters: { ...options },
      timings: {},
      notes: [],
      progress: { stage: 'queued', done: 0, total: 1 },
    };
    const useWorker = this.opts.runInWorker && this.opts.workspace !== undefined;
    const active = useWorker ? this.inWorker(job, record) : this.inProcess(job, record);
    this.active.set(job.id, active);
    return this.snapshot(active);
  }

  /** Cancels every running run and waits until each has stopped. */
  async close(): Promise<void> {
    const all = [...this.active.values()];
    for (const a of all) a.cancel();
    await Promise.all(all.map((a) => a.finished));
  }

  private snapshot(a: ActiveRun): ServerRun {
    return { ...a.record, progress: { ...a.record.progress }, elapsed: (Date.now() - a.started) / 1000 };
  }

  private settle(id: string, outcome: { run: RunRecord } | { error: string; cancelled: boolean }): void {
    const a = this.active.get(id);
    if (!a) return;
    this.active.delete(id);
    if ('run' in outcome) {
      this.opts.log.info(`run ${id} of dataset "${a.record.dataset}" finished`);
      this.opts.onSettled?.(outcome.run);
      return;
    }
    const { progress: _progress, ...rest } = a.record;
    const failed: ServerRun = {
      ...rest,
      status: 'failed',
      finishedAt: new Date().toISOString(),
      error: outcome.cancelled ? 'run cancelled; nothing was saved' : outcome.error,
    };
    this.opts.log.error(`run ${id} of dataset "${a.record.dataset}" failed: ${failed.error}`);
    this.failed = [failed, ...this.failed].slice(0, FAILED_KEPT);
    this.opts.onSettled?.(failed);
  }

  private onProgress(record: ActiveRun['record'], stage: string, done: number, total: number): void {
    record.progress = { stage, done, total };
  }

  private inWorker(job: RunJob, record: ActiveRun['record']): ActiveRun {
    const cancel = new Int32Array(new SharedArrayBuffer(4));
    const worker = spawnScoreWorker({ workspace: this.opts.workspace!, job, cancel, niceness: this.opts.runNiceness ?? DEFAULT_RUN_NICENESS });
    let settled = false;
    const finished = new Promise<void>((resolve) => {
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') this.onProgress(record, m.stage, m.done, m.total);
        else if (m.type === 'done') {
          settled = true;
          this.settle(job.id, { run: m.run });
        } else if (m.type === 'failed') {
          settled = true;
          this.settle(job.id, { error: m.error, cancelled: m.cancelled });
        }
      });
      worker.on('error', (err) => {
        if (!settled) {
          settled = true;
          this.settle(job.id, { error: err.message, cancelled: false });
        }
      });
      worker.on('exit', (code) => {
        if (!settled) {
          settled = true;
          this.settle(job.id, { error: `the scoring worker stopped (exit code ${code})`, cancelled: false });
        }
        resolve();
      });
    });
    return { record, started: Date.now(), cancel: () => Atomics.store(cancel, 0, 1), finished };
  }

  private inProcess(job: RunJob, record: ActiveRun['record']): ActiveRun {
    const controller = new AbortController();
    const progress: Progress = {
      update: (stage, done, total) => this.onProgress(record, stage, done, total),
      end: (stage) => this.onProgress(record, stage, 1, 1),
      info: () => undefined,
    };
    // Start on a later turn so the 202 goes out first.
    const finished = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => executeRun(this.opts.store, job, progress, controller.signal, () => controller.signal.aborted))
      .then(
        (run) => this.settle(job.id, { run }),
        (err: unknown) => this.settle(job.id, { error: err instanceof Error ? err.message : String(err), cancelled: controller.signal.aborted }),
      );
    return { record, started: Date.now(), cancel: () => controller.abort(), finished };
  }
}
