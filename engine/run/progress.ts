// Progress of long work: a bar on a terminal, JSON lines otherwise (or when asked), or nothing.
import { performance } from 'node:perf_hooks';

export type ProgressMode = 'auto' | 'bar' | 'json' | 'quiet';

export interface ProgressEvent {
  stage: string;
  done: number;
  total: number;
  /** Seconds since the reporter started. */
  elapsed: number;
}

export interface Progress {
  /** Reports progress of a stage; cheap to call often (throttled). */
  update(stage: string, done: number, total: number): void;
  /** Marks a stage finished. */
  end(stage: string): void;
  /** A line of information (not progress): printed unless quiet. */
  info(message: string): void;
}

export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

const THROTTLE_MS = 100;

export function createProgress(mode: ProgressMode, stream: ProgressStream = process.stderr): Progress {
  const resolved: Exclude<ProgressMode, 'auto'> = mode === 'auto' ? (stream.isTTY ? 'bar' : 'json') : mode;
  const start = performance.now();
  let lastAt = 0;
  let barOpen = false;
  const elapsed = (): number => Math.round((performance.now() - start) / 10) / 100;
  const closeBar = (): void => {
    if (barOpen) {
      stream.write('\n');
      barOpen = false;
    }
  };
  let pending: { stage: string; done: number; total: number } | undefined;
  const self: Progress = {
    update(stage, done, total) {
      if (resolved === 'quiet') return;
      const now = performance.now();
      if ((total <= 0 || done < total) && now - lastAt < THROTTLE_MS) {
        pending = { stage, done, total };
        return;
      }
      pending = undefined;
      lastAt = now;
      if (resolved === 'json') {
        const ev: ProgressEvent = { stage, done, total, elapsed: elapsed() };
        stream.write(JSON.stringify({ progress: ev }) + '\n');
        return;
      }
      if (total <= 0) {
        // Unknown total (a streamed load): a running count.
        stream.write(`\r${stage.padEnd(14).slice(0, 14)} ${done} rows ${elapsed()}s\x1b[K`);
        barOpen = true;
        return;
      }
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 50));
      const frac = total > 0 ? Math.min(1, done / total) : 1;
      const filled = Math.round(frac * width);
      const pct = (frac * 100).toFixed(0).padStart(3);
      stream.write(`\r${stage.padEnd(14).slice(0, 14)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${pct}% ${done}/${total} ${elapsed()}s\x1b[K`);
      barOpen = true;
    },
    end(stage) {
      if (resolved === 'quiet') return;
      // Show the last throttled update of the stage before closing it.
      if (pending && pending.stage === stage) {
        const p = pending;
        lastAt = 0;
        self.update(p.stage, p.done, p.total > 0 ? p.total : 0);
        if (p.total <= 0) pending = undefined;
      }
      if (resolved === 'json') {
        stream.write(JSON.stringify({ progress: { stage, done: 1, total: 1, elapsed: elapsed(), finished: true } }) + '\n');
        return;
      }
      closeBar();
    },
    info(message) {
      if (resolved === 'quiet') return;
      closeBar();
      if (resolved === 'json') stream.write(JSON.stringify({ info: message }) + '\n');
      else stream.write(message + '\n');
    },
  };
  return self;
}

export const silentProgress: Progress = { update() {}, end() {}, info() {} };
