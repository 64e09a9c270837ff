// The one storage interface socap talks to. Two implementations (embedded SQLite, Neo4j) pass the
// same contract suite (tests/store/contract.ts).
import type {
  Actor,
  DatasetInfo,
  EdgeScoreRow,
  Interaction,
  LoadResult,
  NodeScoreRow,
  RunRecord,
} from '../model/types.js';

/**
 * A load in progress. Actors and interactions arrive in batches as the ingest stream produces them.
 * `commit` makes the load visible; `rollback` (or a crash before commit) leaves the previous state.
 *
 * Idempotency: an interaction with an `id` is identified by (dataset, id). One without is identified
 * by its content (source, target, type, timestamp, weight) and its occurrence number among identical
 * rows of the same load, so loading the same file twice adds nothing, while a row repeated inside
 * one file is kept as many times as it appears. Actors are upserted by id (attributes merged).
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

export interface GraphStore {
  readonly kind: 'sqlite' | 'neo4j';
  /** A short human description, e.g. the SQLite file path or the Neo4j URI. */
  readonly location: string;

  listDatasets(): Promise<DatasetInfo[]>;
  getDataset(name: string): Promise<DatasetInfo | undefined>;
  /** Removes the data set and every run of it. Returns false when it did not exist. */
  deleteDataset(name: string): Promise<boolean>;

  beginLoad(dataset: string): Promise<LoadSession>;

  /** Streams the actors of a data set, in load order. */
  readActors(dataset: string): AsyncIterable<Actor>;
  /** Streams the interactions of a data set, in load order. */
  readInteractions(dataset: string): AsyncIterable<Interaction>;
  /** Streams the ties of a data set aggregated per unordered pair (self-loops excluded). */
  readTies(dataset: string): AsyncIterable<TieRow>;

  /** Stores a finished run and its scores in one transaction (all or nothing). */
  saveRun(run: RunRecord, nodes: NodeScoreRow[], edges: EdgeScoreRow[]): Promise<void>;
  /** Runs newest first, optionally of one data set. */
  listRuns(dataset?: string): Promise<RunRecord[]>;
  /** A run by id; `latest` is the newest run (of `dataset` when given). */
  getRun(id: string, dataset?: string): Promise<RunRecord | undefined>;
  readNodeScores(runId: string): Promise<NodeScoreRow[]>;
  readEdgeScores(runId: string): Promise<EdgeScoreRow[]>;

  close(): Promise<void>;
}
