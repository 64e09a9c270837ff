// The data model shared by every stage (see ../shared/design.md, "Data model").
// Plain data only: no behaviour, no dependency on a store, a graph library or a file format.

export const ACTOR_KINDS = ['person', 'team', 'org', 'external'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** A person, team or organization. `attributes` holds every free column (department, title, ...). */
export interface Actor {
  id: string;
  label?: string;
  kind?: ActorKind;
  attributes: Record<string, string>;
}

/**
 * One interaction, directed as given. `timestamp` is epoch milliseconds (UTC) when known.
 * `undirected` marks interactions of a relation the source declares undirected (listed once per
 * pair): they count in both directions for reciprocity.
 */
export interface Interaction {
  /** Explicit id from the source, used as the idempotency key when present. */
  id?: string;
  source: string;
  target: string;
  type?: string;
  timestamp?: number;
  weight: number;
  undirected?: boolean;
  /** 1-based line (CSV) or element index (XML/JSON) in the source file, for error reports and keys. */
  line?: number;
}

/** One problem with one row of input. Errors drop the row; warnings keep or drop it as `reason` says. */
export interface RowError {
  file: string;
  line: number;
  /** The field (column name) at fault, when one is. */
  column?: string;
  reason: string;
  severity: 'error' | 'warning';
}

/** A failure of the whole input (missing file, empty file, no header, unknown format). */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** Bad command-line or API usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type InputFormat = 'csv' | 'folder' | 'json' | 'graphml' | 'gexf';

/** Streamed output of an ingest source, consumed batch by batch (never the whole file at once). */
export interface IngestSink {
  actors(batch: Actor[]): void | Promise<void>;
  interactions(batch: Interaction[]): void | Promise<void>;
  error(e: RowError): void;
}

export interface IngestSummary {
  format: InputFormat;
  files: string[];
  actorsRead: number;
  interactionsRead: number;
  /** Rows dropped because of an error (warnings that keep the row are not counted). */
  skipped: number;
  errors: number;
  warnings: number;
}

export interface DatasetInfo {
  name: string;
  actors: number;
  interactions: number;
  createdAt: string;
  updatedAt: string;
  /** Min and max interaction timestamp (epoch ms), when any interaction has one. */
  firstTimestamp?: number;
  lastTimestamp?: number;
  /** Distinct interaction types. */
  types: string[];
}

export interface LoadResult {
  dataset: string;
  actorsAdded: number;
  actorsUpdated: number;
  interactionsAdded: number;
  /** Interactions already in the store (same id, or same content and occurrence): not added again. */
  interactionsUnchanged: number;
}

export type RunStatus = 'running' | 'done' | 'failed';

/** One scoring run, as stored and as written to run.json. */
export interface RunRecord {
  id: string;
  dataset: string;
  status: RunStatus;
  createdAt: string;
  finishedAt?: string;
  version: string;
  input: string;
  parameters: Record<string, unknown>;
  counts: { actors: number; interactions: number; ties: number; skipped: number };
  modularity?: number;
  timings: Record<string, number>;
  betweenness?: { mode: 'exact' | 'sampled'; samples?: number; errorBound?: number };
  notes: string[];
  peakMemoryBytes?: number;
  error?: string;
  /** Anything further a stage reports (convergence, layout, ...). */
  extra?: Record<string, unknown>;
}

export type ScoreValue = number | string | boolean | null;

/** One row of nodes.csv: `id`, `label`, then one value per metric column (null = empty cell). */
export interface NodeScoreRow {
  id: string;
  label: string;
  values: Record<string, ScoreValue>;
}

/** One row of edges.csv: `source`, `target`, then one value per column (null = empty cell). */
export interface EdgeScoreRow {
  source: string;
  target: string;
  values: Record<string, ScoreValue>;
}
