// The Neo4j GraphStore: neo4j-driver over Bolt, every statement a file under cypher/ (parameters
// only), schema (uniqueness constraints and indexes) created idempotently at open.
//
// One driver per process, shared by every store opened on the same URI and user, closed when the last
// of them closes (and on process exit). Reads and single batches go through `driver.executeQuery`,
// multi-statement writes through `session.executeWrite`: both retry transient failures. Integers:
// the driver runs with `useBigInt` (see neo4j-integers.ts).
//
// Loads differ from the embedded store in one way (docs/neo4j.md): a session buffers its rows in
// memory until `commit`, so `rollback` before commit undoes everything, but `commit` writes batches of
// `batchSize` rows, each its own transaction (a million-row load is not one transaction). If a batch
// fails, the actors and interactions this commit created are deleted again (best effort); attribute
// changes it made to actors that already existed stay. Re-running the same load completes it, since
// loads are idempotent.
import neo4j, { type Driver, type Record as Neo4jRecord, type ManagedTransaction } from 'neo4j-driver';
import type { Actor, DatasetInfo, EdgeScoreRow, Interaction, LoadResult, NodeScoreRow, RunRecord } from '../model/types.js';
import { UsageError } from '../model/types.js';
import { cypher } from './cypher-files.js';
import { checkDatasetName, type GraphStore, type LoadSession, type TieRow } from './graph-store.js';
import { toCypherInteger, toSafeNumber } from './neo4j-integers.js';
import { NEO4J_STATEMENTS, type StatementName } from './neo4j-statements.js';
import {
  actorFromRecord,
  datasetFromRecord,
  edgeScoreChunk,
  edgeScoreParams,
  edgeScoresFromChunks,
  interactionFromRecord,
  nodeScoreChunk,
  nodeScoreParams,
  nodeScoresFromChunks,
  PendingLoad,
  runFromRecord,
  runProps,
  splitBatches,
  tieFromRecord,
} from './neo4j-rows.js';

export interface Neo4jConfig {
  uri: string;
  user?: string;
  password?: string;
  database?: string;
  /** Rows a load batch, a page of a stream, a score batch. Default 10 000. */
  batchSize?: number;
}

export const DEFAULT_NEO4J_BATCH_SIZE = 10_000;

/** Seconds `openNeo4jStore` waits for new indexes to come online. */
const INDEX_WAIT_SECONDS = 300;

/** Constraints and indexes, each `CREATE ... IF NOT EXISTS`; then `schema-await-indexes`. */
const SCHEMA_STATEMENTS = NEO4J_STATEMENTS.filter((name) => name.startsWith('schema-') && name !== 'schema-await-indexes');

type Params = Record<string, unknown>;

/**
 * The Neo4j settings from `NEO4J_URI`, `NEO4J_USER`, `NEO4J_PASSWORD`, `NEO4J_DATABASE`, with `flags`
 * winning over the environment; undefined when no URI is given either way. Empty values count as unset.
 */
export function neo4jConfigFromEnv(
  flags: Partial<Neo4jConfig> = {},
  env: Readonly<Record<string, string | undefined>> = process.env,
): Neo4jConfig | undefined {
  const pick = (flag: string | undefined, name: string): string | undefined => {
    if (flag !== undefined && flag !== '') return flag;
    const value = env[name];
    return value === undefined || value === '' ? undefined : value;
  };
  const uri = pick(flags.uri, 'NEO4J_URI');
  if (uri === undefined) return undefined;
  const cfg: Neo4jConfig = { uri };
  const user = pick(flags.user, 'NEO4J_USER');
  const password = pick(flags.password, 'NEO4J_PASSWORD');
  const database = pick(flags.database, 'NEO4J_DATABASE');
  if (user !== undefined) cfg.user = user;
  if (password !== undefined) cfg.password = password;
  if (database !== undefined) cfg.database = database;
  if (flags.batchSize !== undefined) cfg.batchSize = flags.batchSize;
  return cfg;
}

// ---------------------------------------------------------------------------------------------
// The process's driver

interface SharedDriver {
  key: string;
  uri: string;
  driver: Driver;
  users: number;
  onExit: () => void;
}

let shared: SharedDriver | undefined;
/** Databases whose schema this process has already ensured (key: driver key + database). */
const schemaReady = new Set<string>();

function acquireDriver(cfg: Neo4jConfig): SharedDriver {
  const key = `${cfg.uri}\u0000${cfg.user ?? ''}`;
  if (shared !== undefined) {
    if (shared.key !== key) {
      throw new UsageError(
        `a Neo4j driver for ${shared.uri} is already open in this process; close its stores before opening ${cfg.uri}`,
      );
    }
    shared.users++;
    return shared;
  }
  const auth = cfg.user === undefined ? undefined : neo4j.auth.basic(cfg.user, cfg.password ?? '');
  let driver: Driver;
  try {
    driver = neo4j.driver(cfg.uri, auth, { useBigInt: true, userAgent: 'socap' });
  } catch (err) {
    throw new Error(`cannot reach Neo4j at ${cfg.uri}: ${errorText(err)}`);
  }
  const onExit = (): void => void driver.close();
  process.once('exit', onExit);
  shared = { key, uri: cfg.uri, driver, users: 1, onExit };
  return shared;
}

async function releaseDriver(d: SharedDriver): Promise<void> {
  d.users--;
  if (d.users > 0) return;
  if (shared === d) shared = undefined;
  process.removeListener('exit', d.onExit);
  await d.driver.close();
}

function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n')[0]!.trim();
}

/** Opens a store on a Neo4j database: checks it is reachable, then ensures the schema. */
export async function openNeo4jStore(cfg: Neo4jConfig): Promise<Neo4jStore> {
  const batchSize = cfg.batchSize ?? DEFAULT_NEO4J_BATCH_SIZE;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) {
    throw new UsageError(`invalid Neo4j batch size ${String(cfg.batchSize)}: use a positive integer`);
  }
  const d = acquireDriver(cfg);
  try {
    await d.driver.verifyConnectivity(cfg.database === undefined ? {} : { database: cfg.database });
  } catch (err) {
    await releaseDriver(d);
    throw new Error(`cannot reach Neo4j at ${cfg.uri}: ${errorText(err)}`);
  }
  const store = new Neo4jStore(d, cfg.database, batchSize);
  try {
    const readyKey = `${d.key}\u0001${cfg.database ?? ''}`;
    if (!schemaReady.has(readyKey)) {
      for (const name of SCHEMA_STATEMENTS) await store.runStatement(name, {}, 'write');
      await store.runStatement('schema-await-indexes', { timeoutSeconds: BigInt(INDEX_WAIT_SECONDS) }, 'write');
      schemaReady.add(readyKey);
    }
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

// ---------------------------------------------------------------------------------------------
// The store

export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  /** The URI (and database when not the default). */
  readonly location: string;
  readonly batchSize: number;
  private session: Neo4jLoadSession | undefined;
  private closed = false;

  constructor(
    private readonly shared: SharedDriver,
    readonly database: string | undefined,
    batchSize: number,
  ) {
    this.location = database === undefined ? shared.uri : `${shared.uri} (database ${database})`;
    this.batchSize = batchSize;
  }

  /** Runs `cypher/<name>.cypher` in its own transaction (with the driver's retries); the records. */
  async runStatement(name: StatementName, params: Params, mode: 'read' | 'write'): Promise<Neo4jRecord[]> {
    this.ensureOpen();
    const res = await this.shared.driver.executeQuery(cypher(name), params, {
      database: this.database,
      routing: mode === 'read' ? neo4j.routing.READ : neo4j.routing.WRITE,
    });
    return res.records;
  }

  /** Runs `work` in one write transaction (retried as a whole on transient failures). */
  async inWriteTransaction<T>(work: (run: (name: StatementName, params: Params) => Promise<Neo4jRecord[]>) => Promise<T>): Promise<T> {
    this.ensureOpen();
    const session = this.shared.driver.session({
      database: this.database,
      defaultAccessMode: neo4j.session.WRITE,
      bookmarkManager: this.shared.driver.executeQueryBookmarkManager,
    });
    try {
      return await session.executeWrite(async (tx: ManagedTransaction) =>
        work(async (name, params) => (await tx.run(cypher(name), params)).records),
      );
    } finally {
      await session.close();
    }
  }

  async listDatasets(): Promise<DatasetInfo[]> {
    const rows = (await this.runStatement('list-datasets', {}, 'read')).map(datasetFromRecord);
    return rows.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  }

  async getDataset(name: string): Promise<DatasetInfo | undefined> {
    const rows = await this.runStatement('get-dataset', { dataset: name }, 'read');
    return rows.length === 0 ? undefined : datasetFromRecord(rows[0]!);
  }

  /** Deletes in batches (relationships, actors, runs, then the data set node): not one transaction. */
  async deleteDataset(name: string): Promise<boolean> {
    this.ensureNoSession('deleteDataset');
    if ((await this.getDataset(name)) === undefined) return false;
    const limit = BigInt(this.batchSize);
    for (const step of ['delete-dataset-relationships', 'delete-dataset-actors', 'delete-dataset-runs'] as const) {
      await this.repeatUntilNone(step, { dataset: name, limit });
    }
    const rows = await this.runStatement('delete-dataset', { dataset: name }, 'write');
    return toSafeNumber(rows[0]?.get('deleted') ?? 0n, 'deleted') > 0;
  }

  /** Runs a batched delete until it deletes nothing. */
  async repeatUntilNone(name: StatementName, params: Params): Promise<void> {
    for (;;) {
      const rows = await this.runStatement(name, params, 'write');
      if (toSafeNumber(rows[0]?.get('deleted') ?? 0n, 'deleted') === 0) return;
    }
  }

  async beginLoad(dataset: string): Promise<LoadSession> {
    checkDatasetName(dataset);
    this.ensureNoSession('beginLoad');
    this.session = new Neo4jLoadSession(this, dataset, () => {
      this.session = undefined;
    });
    return this.session;
  }

  readActors(dataset: string): AsyncIterable<Actor> {
    return this.pages('read-actors', dataset, actorFromRecord);
  }

  readInteractions(dataset: string): AsyncIterable<Interaction> {
    return this.pages('read-interactions', dataset, interactionFromRecord);
  }

  readTies(dataset: string): AsyncIterable<TieRow> {
    return this.pages('read-ties', dataset, tieFromRecord);
  }

  /**
   * One transaction: the run node; every score row in chunks of batchSize rows (read back exactly);
   * for rows of actors that exist, SCORED relationships and socap_ properties, and TIE_SCORE relationships.
   */
  async saveRun(run: RunRecord, nodes: NodeScoreRow[], edges: EdgeScoreRow[]): Promise<void> {
    this.ensureNoSession('saveRun');
    if (typeof run.id !== 'string' || run.id === '' || run.id === 'latest') {
      throw new Error(`saveRun: invalid run id ${JSON.stringify(run.id)} (non-empty, and "latest" is reserved)`);
    }
    const size = this.batchSize;
    // Shapes (and value checks) first, so a bad value rejects before any write.
    const nodeBatches = splitBatches(nodes, size).map((b, i) => ({
      chunk: nodeScoreChunk(b),
      rows: nodeScoreParams(b, i * size),
    }));
    const edgeBatches = splitBatches(edges, size).map((b, i) => ({
      chunk: edgeScoreChunk(b),
      rows: edgeScoreParams(b, i * size),
    }));
    const { id: runId, dataset } = run;
    await this.inWriteTransaction(async (q) => {
      if ((await q('get-dataset', { dataset })).length === 0) {
        throw new Error(`saveRun: unknown data set ${JSON.stringify(dataset)}`);
      }
      if ((await q('get-run', { id: runId, dataset: null })).length > 0) {
        throw new Error(`saveRun: a run with id ${JSON.stringify(runId)} already exists`);
      }
      await q('write-run', { id: runId, props: runProps(run) });
      for (const [i, b] of nodeBatches.entries()) {
        await q('write-score-chunk', { runId, kind: 'node', chunk: BigInt(i), rows: b.chunk });
        await q('write-scores', { runId, dataset, rows: b.rows });
      }
      for (const [i, b] of edgeBatches.entries()) {
        await q('write-score-chunk', { runId, kind: 'edge', chunk: BigInt(i), rows: b.chunk });
        await q('write-edge-scores', { runId, dataset, rows: b.rows });
      }
    });
  }

  async listRuns(dataset?: string): Promise<RunRecord[]> {
    return (await this.runStatement('list-runs', { dataset: dataset ?? null }, 'read')).map(runFromRecord);
  }

  async getRun(id: string, dataset?: string): Promise<RunRecord | undefined> {
    const rows =
      id === 'latest'
        ? await this.runStatement('get-latest-run', { dataset: dataset ?? null }, 'read')
        : await this.runStatement('get-run', { id, dataset: dataset ?? null }, 'read');
    return rows.length === 0 ? undefined : runFromRecord(rows[0]!);
  }

  async readNodeScores(runId: string): Promise<NodeScoreRow[]> {
    return nodeScoresFromChunks(await this.runStatement('read-score-chunks', { runId, kind: 'node' }, 'read'));
  }

  async readEdgeScores(runId: string): Promise<EdgeScoreRow[]> {
    return edgeScoresFromChunks(await this.runStatement('read-score-chunks', { runId, kind: 'edge' }, 'read'));
  }

  /** Drops an open load session, releases the shared driver (closed with its last store). Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.session?.rollback();
    this.closed = true;
    await releaseDriver(this.shared);
  }

  /** Keyset paging over `seq`: each page is one read query of at most batchSize rows. */
  private async *pages<T>(name: StatementName, dataset: string, map: (rec: Neo4jRecord) => T | undefined): AsyncGenerator<T> {
    const limit = BigInt(this.batchSize);
    let after = 0n;
    for (;;) {
      const rows = await this.runStatement(name, { dataset, after, limit }, 'read');
      for (const rec of rows) {
        const item = map(rec);
        if (item !== undefined) yield item;
      }
      if (rows.length < this.batchSize) return;
      after = toCypherInteger(toSafeNumber(rows[rows.length - 1]!.get('seq'), 'seq'), 'seq');
    }
  }

  private ensureOpen(): void {
    if (this.closed) throw new Error(`the store ${this.location} is closed`);
  }

  private ensureNoSession(what: string): void {
    this.ensureOpen();
    if (this.session !== undefined) {
      throw new Error(
        `${what}: a load session of data set "${this.session.dataset}" is open on this store; commit or roll it back first`,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Load sessions

type SessionState = 'open' | 'committed' | 'rolled back';

class Neo4jLoadSession implements LoadSession {
  private state: SessionState = 'open';
  private readonly pending = new PendingLoad();

  constructor(
    private readonly store: Neo4jStore,
    readonly dataset: string,
    private readonly onEnd: () => void,
  ) {}

  async addActors(batch: Actor[]): Promise<void> {
    this.buffer(() => this.pending.addActors(batch));
  }

  async addInteractions(batch: Interaction[]): Promise<void> {
    this.buffer(() => this.pending.addInteractions(batch));
  }

  /** Adds rows to the buffer; a bad row rolls the whole session back before the error propagates. */
  private buffer(step: () => void): void {
    this.guard();
    try {
      step();
    } catch (err) {
      this.finish('rolled back');
      throw err;
    }
  }

  async commit(): Promise<LoadResult> {
    this.guard();
    const { store, dataset, pending } = this;
    const size = store.batchSize;
    let reserved: { actorBase: number; interactionBase: number } | undefined;
    try {
      const now = new Date().toISOString();
      const [r] = await store.runStatement(
        'reserve-load',
        {
          dataset,
          now,
          actorCount: BigInt(pending.actorCount),
          interactionCount: BigInt(pending.interactionCount),
        },
        'write',
      );
      reserved = {
        actorBase: toSafeNumber(r!.get('actorBase'), 'actorBase'),
        interactionBase: toSafeNumber(r!.get('interactionBase'), 'interactionBase'),
      };
      let actorsAdded = 0;
      let actorsUpdated = 0;
      for (const rows of splitBatches(pending.actorParams(reserved.actorBase), size)) {
        const [c] = await store.runStatement('load-actors', { dataset, rows }, 'write');
        actorsAdded += toSafeNumber(c!.get('added'), 'added');
        actorsUpdated += toSafeNumber(c!.get('updated'), 'updated');
      }
      let interactionsAdded = 0;
      const interactions = pending.interactionParams(reserved.interactionBase);
      for (const rows of splitBatches(interactions, size)) {
        const [c] = await store.runStatement('load-interactions', { dataset, rows }, 'write');
        interactionsAdded += toSafeNumber(c!.get('added'), 'added');
      }
      await store.runStatement('refresh-dataset', { dataset, now: new Date().toISOString() }, 'write');
      const result: LoadResult = {
        dataset,
        actorsAdded,
        actorsUpdated,
        interactionsAdded,
        interactionsUnchanged: interactions.length + pending.repeatedIds - interactionsAdded,
      };
      this.finish('committed');
      return result;
    } catch (err) {
      if (reserved !== undefined) await this.undo(reserved).catch(() => undefined);
      this.finish('rolled back');
      throw err;
    }
  }

  async rollback(): Promise<void> {
    if (this.state === 'open') this.finish('rolled back');
  }

  /** Best effort after a failed commit: deletes what this commit created (see the file comment). */
  private async undo(reserved: { actorBase: number; interactionBase: number }): Promise<void> {
    const { store, dataset, pending } = this;
    const limit = BigInt(store.batchSize);
    const range = (base: number, count: number) => ({ from: BigInt(base), to: BigInt(base + count) });
    await store.repeatUntilNone('undo-load-interactions', {
      dataset,
      limit,
      ...range(reserved.interactionBase, pending.interactionCount),
    });
    await store.repeatUntilNone('undo-load-actors', { dataset, limit, ...range(reserved.actorBase, pending.actorCount) });
    if (reserved.actorBase === 0 && reserved.interactionBase === 0) {
      await store.runStatement('delete-dataset', { dataset }, 'write');
    } else {
      await store.runStatement('refresh-dataset', { dataset, now: new Date().toISOString() }, 'write');
    }
  }

  private guard(): void {
    if (this.state !== 'open') throw new Error(`the load session of data set "${this.dataset}" is already ${this.state}`);
  }

  private finish(state: SessionState): void {
    this.state = state;
    this.pending.clear();
    this.onEnd();
  }
}
