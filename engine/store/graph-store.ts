// The one storage interface socap talks to. Two implementations (embedded SQLite, Neo4j) pass the
// same contract suite (tests/store/contract.ts).
import {
  ACTOR_KINDS,
  type Actor,
  type DatasetInfo,
  type EdgeScoreRow,
  type Interaction,
  type LoadResult,
  type NodeScoreRow,
  type RunRecord,
  UsageError,
} from '../model/types.js';

/** Data set names: 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' and '-'. */
export const DATASET_NAME_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
export const DATASET_NAME_RULE = "1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'";

/** Throws a UsageError naming the rule when `name` is not a valid data set name. */
export function checkDatasetName(name: string): void {
  if (!DATASET_NAME_PATTERN.test(name)) {
    throw new UsageError(`invalid data set name ${JSON.stringify(name)}: use ${DATASET_NAME_RULE}`);
  }
}

function badRow(kind: string, index: number, line: number | undefined, why: string): never {
  throw new Error(`invalid ${kind} at batch index ${index}${line === undefined ? '' : ` (line ${line})`}: ${why}`);
}

/** The rule every store applies to an actor of a batch (throws naming the batch index and field). */
export function checkActor(a: Actor, index: number): void {
  const bad = (why: string): never => badRow('actor', index, undefined, why);
  if (typeof a.id !== 'string' || a.id === '') bad('id must be a non-empty string');
  if (a.label != null && typeof a.label !== 'string') bad(`label of "${a.id}" must be a string`);
  if (a.kind != null && !(ACTOR_KINDS as readonly string[]).includes(a.kind)) {
    bad(`kind of "${a.id}" must be one of ${ACTOR_KINDS.join(', ')}, got ${JSON.stringify(a.kind)}`);
  }
  if (typeof a.attributes !== 'object' || a.attributes === null) bad(`attributes of "${a.id}" must be an object`);
  for (const [key, value] of Object.entries(a.attributes)) {
    if (typeof value !== 'string') bad(`attribute ${JSON.stringify(key)} of "${a.id}" must be a string`);
  }
}

/**
 * The rule every store applies to an interaction of a batch (throws naming the batch index, line and
 * field). Called once per row of every load: no allocation unless the row is bad.
 */
export function checkInteraction(x: Interaction, index: number): void {
  const k = 'interaction';
  if (typeof x.source !== 'string' || x.source === '') badRow(k, index, x.line, 'source must be a non-empty string');
  if (typeof x.target !== 'string' || x.target === '') badRow(k, index, x.line, 'target must be a non-empty string');
  if (typeof x.weight !== 'number' || !Number.isFinite(x.weight)) {
    badRow(k, index, x.line, `weight must be a finite number, got ${String(x.weight)}`);
  }
  if (x.timestamp != null && (typeof x.timestamp !== 'number' || !Number.isFinite(x.timestamp))) {
    badRow(k, index, x.line, `timestamp must be a finite number of epoch milliseconds, got ${String(x.timestamp)}`);
  }
  if (x.type != null && typeof x.type !== 'string') badRow(k, index, x.line, 'type must be a string');
  if (x.id != null && (typeof x.id !== 'string' || x.id === '')) badRow(k, index, x.line, 'id must be a non-empty string when given');
  if (x.undirected != null && typeof x.undirected !== 'boolean') badRow(k, index, x.line, 'undirected must be a boolean');
}

/**
 * A load in progress. Actors and interactions arrive in batches as the ingest stream produces them.
 * `commit` makes the load visible; `rollback` (or a crash before commit) leaves the previous state.
 *
 * Idempotency: an interaction with an `id` is identified by (dataset, id). One without is identified
 * by its content (source, target, type, timestamp, weight) and its occurrence number among identical
 * rows of the same load, so loading the same file twice adds nothing, while a row repeated inside
 * one file is kept as many times as it appears. Actors are upserted by id (attributes merged).
 *
 * Contract details (tests/store/contract.ts checks each):
 * - Actor merge: a given `label` or `kind` replaces the stored one, an absent one keeps it; given
 *   attributes overwrite those keys, other stored keys stay. `actorsAdded` counts actors that did not
 *   exist before the load; `actorsUpdated` counts actors that existed and whose record this load
 *   changed (once each); an upsert that changes nothing counts as neither.
 * - An interaction endpoint that is not a known actor creates a bare actor (id only, attributes {}),
 *   counted in `actorsAdded`, the data set's actors and `readActors`.
 * - A second interaction with an `id` already stored (or already seen in this load) is not added and
 *   counts as unchanged, whatever its content.
 * - Only one session may be open per store; `beginLoad` rejects while one is. Any error inside
 *   `addActors`/`addInteractions`/`commit` rolls the whole session back before rejecting; `rollback`
 *   of a finished session does nothing; using a session after `commit` rejects.
 * - Until `commit`, readers of the store see the previous state; a new data set appears only at commit.
 */
export interface LoadSession {
  addActors(batch: Actor[]): Promise<void>;
  addInteractions(batch: Interaction[]): Promise<void>;
  commit(): Promise<LoadResult>;
  rollback(): Promise<void>;
}

/** Aggregated raw facts of one unordered pair, as a store can compute them without a graph. */
export interface TieRow {
  /** The two actor ids, `a` < `b` in code-unit order. */
  a: string;
  b: string;
  interactions: number;
  weight: number;
}

/**
 * Unknown names are not errors on the read side: `getDataset`/`getRun` give undefined, `listRuns`,
 * `readNodeScores`, `readEdgeScores` give [], the streams yield nothing, `deleteDataset` gives false.
 * Invalid data set names are rejected (UsageError naming the rule) by `beginLoad`.
 * `saveRun` rejects a run of an unknown data set, an id already stored, the reserved id `latest`, and a
 * score value that is not a finite number, string, boolean or null. `saveRun` and `deleteDataset`
 * reject while a load session is open on the same store.
 */
export interface GraphStore {
  readonly kind: 'sqlite' | 'neo4j';
  /** A short human description, e.g. the SQLite file path or the Neo4j URI. */
  readonly location: string;

  /** Every data set, sorted by name (code-unit order). */
  listDatasets(): Promise<DatasetInfo[]>;
  getDataset(name: string): Promise<DatasetInfo | undefined>;
  /** Removes the data set and every run of it. Returns false when it did not exist. */
  deleteDataset(name: string): Promise<boolean>;

  beginLoad(dataset: string): Promise<LoadSession>;

  /** Streams the actors of a data set, in load order. */
  readActors(dataset: string): AsyncIterable<Actor>;
  /** Streams the interactions of a data set, in load order. */
  readInteractions(dataset: string): AsyncIterable<Interaction>;
  /**
   * Streams the ties of a data set aggregated per unordered pair (self-loops excluded), in the order of
   * each pair's first interaction. `interactions` counts both directions; `weight` sums them.
   */
  readTies(dataset: string): AsyncIterable<TieRow>;

  /** Stores a finished run and its scores in one transaction (all or nothing). */
  saveRun(run: RunRecord, nodes: NodeScoreRow[], edges: EdgeScoreRow[]): Promise<void>;
  /** Runs newest first (createdAt descending, then latest saved first), optionally of one data set. */
  listRuns(dataset?: string): Promise<RunRecord[]>;
  /** A run by id; `latest` is the newest run (of `dataset` when given). */
  getRun(id: string, dataset?: string): Promise<RunRecord | undefined>;
  /** Score rows in the order saved, values exactly as saved. */
  readNodeScores(runId: string): Promise<NodeScoreRow[]>;
  readEdgeScores(runId: string): Promise<EdgeScoreRow[]>;

  close(): Promise<void>;
}
