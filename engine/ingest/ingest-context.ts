// The state every ingest source shares: batches bound for the sink, bad-row reporting and counts.
//
// Rows are buffered and handed to the sink in batches of at most `batchSize`; `drain` is awaited
// after each chunk of input, so a slow sink holds the reader back (back-pressure) and memory stays
// bounded by one chunk plus one batch. Pending actors always go out before any interaction batch,
// so a store sees every actor before the interactions that name it.
// Cost: O(1) per row plus the sink's own work.
import type { Actor, IngestSink, IngestSummary, InputFormat, Interaction } from '../model/types.js';
import { isProblem, toInteraction, type InteractionValues } from './row-values.js';

export const DEFAULT_BATCH_SIZE = 10_000;
export const DEFAULT_READ_CHUNK = 64 * 1024;

export interface IngestOptions {
  /** Fail (InputError, after the whole input is read) when any row had an error. Warnings do not count. */
  strict?: boolean;
  /** Largest batch handed to the sink (default 10 000). */
  batchSize?: number;
  /** Bytes read from a file at a time (default 64 KiB). Mostly for tests of chunk boundaries. */
  highWaterMark?: number;
}

/** Answers whether an actor id is known; returns the reason when it is not. */
export type ActorCheck = (id: string) => string | undefined;

export interface OfferOptions {
  /** The interaction belongs to an undirected relation. */
  undirected?: boolean;
  /** Checks both endpoints against the declared actors. */
  known?: ActorCheck;
  /** Where the row sits, appended to every message about it (e.g. `(edges #12)`). */
  at?: string;
}

export class IngestContext {
  readonly files: string[] = [];
  readonly batchSize: number;
  readonly highWaterMark: number;
  actorsRead = 0;
  interactionsRead = 0;
  skipped = 0;
  errors = 0;
  warnings = 0;
  private actorBuf: Actor[] = [];
  private interactionBuf: Interaction[] = [];

  constructor(
    private readonly sink: IngestSink,
    opts: IngestOptions = {},
  ) {
    this.batchSize = Math.max(1, Math.floor(opts.batchSize ?? DEFAULT_BATCH_SIZE));
    this.highWaterMark = opts.highWaterMark ?? DEFAULT_READ_CHUNK;
  }

  addActor(a: Actor): void {
    this.actorBuf.push(a);
    this.actorsRead++;
  }

  /** Reports a bad row; the row is dropped. */
  reject(file: string, line: number, reason: string, column?: string): void {
    this.errors++;
    this.skipped++;
    this.sink.error(column === undefined ? { file, line, reason, severity: 'error' } : { file, line, column, reason, severity: 'error' });
  }

  /** Reports a warning; `dropped` says whether the row is dropped (counted in `skipped`). */
  warn(file: string, line: number, reason: string, dropped: boolean, column?: string): void {
    this.warnings++;
    if (dropped) this.skipped++;
    this.sink.error(
      column === undefined ? { file, line, reason, severity: 'warning' } : { file, line, column, reason, severity: 'warning' },
    );
  }

  /**
   * Validates one interaction row and queues it. Rejected: bad values, an endpoint `opts.known`
   * refuses; dropped with a warning: a self-loop. Returns the queued interaction, or undefined.
   */
  offerInteraction(file: string, line: number, values: InteractionValues, opts: OfferOptions = {}): Interaction | undefined {
    const at = opts.at === undefined ? '' : ` ${opts.at}`;
    const r = toInteraction(values, line, opts.undirected === true);
    if (isProblem(r)) {
      this.reject(file, line, r.reason + at, r.column);
      return undefined;
    }
    if (opts.known !== undefined) {
      const badSource = opts.known(r.source);
      const bad = badSource ?? opts.known(r.target);
      if (bad !== undefined) {
        this.reject(file, line, bad + at, badSource !== undefined ? 'source' : 'target');
        return undefined;
      }
    }
    if (r.source === r.target) {
      this.warn(file, line, `self-loop dropped${at}`, true);
      return undefined;
    }
    this.interactionBuf.push(r);
    this.interactionsRead++;
    return r;
  }

  /** Hands every full batch to the sink, awaiting each. Call after each chunk of input. */
  async drain(): Promise<void> {
    if (this.interactionBuf.length >= this.batchSize) {
      await this.flushActors(true);
      await this.flushInteractions(false);
    } else if (this.actorBuf.length >= this.batchSize) {
      await this.flushActors(false);
    }
  }

  /** Hands everything still buffered to the sink. */
  async finish(): Promise<void> {
    await this.flushActors(true);
    await this.flushInteractions(true);
  }

  summary(format: InputFormat): IngestSummary {
    return {
      format,
      files: [...this.files],
      actorsRead: this.actorsRead,
      interactionsRead: this.interactionsRead,
      skipped: this.skipped,
      errors: this.errors,
      warnings: this.warnings,
    };
  }

  private async flushActors(all: boolean): Promise<void> {
    this.actorBuf = await flush(this.actorBuf, this.batchSize, all, (b) => this.sink.actors(b));
  }

  private async flushInteractions(all: boolean): Promise<void> {
    this.interactionBuf = await flush(this.interactionBuf, this.batchSize, all, (b) => this.sink.interactions(b));
  }
}

/** Emits `buf` in batches of `size` (the tail too when `all`), awaiting each; returns what is left. */
async function flush<T>(buf: T[], size: number, all: boolean, emit: (batch: T[]) => void | Promise<void>): Promise<T[]> {
  let k = 0;
  while (buf.length - k >= size || (all && k < buf.length)) {
    const batch = buf.slice(k, k + size);
    k += batch.length;
    await emit(batch);
  }
  return k === 0 ? buf : buf.slice(k);
}
