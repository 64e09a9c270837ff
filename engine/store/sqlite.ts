// The embedded GraphStore: one SQLite file, `<workspace>/socap.db`, through better-sqlite3.
//
// Connections: one writer (load sessions, runs, deletes, migrations) and one reader for queries, so
// readers never see a load before it commits (WAL: a reader sees the last committed state). Each
// stream (readActors, readInteractions, readTies) iterates on a connection of its own, opened for
// that stream and closed when it ends, so streams can interleave with each other and with queries
// and each sees one consistent snapshot. Every value reaches SQL as a bound parameter.
// Schema and idempotency keys: sqlite-schema.ts; loads: sqlite-load.ts; runs: sqlite-runs.ts.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Actor, ActorKind, DatasetInfo, EdgeScoreRow, Interaction, LoadResult, NodeScoreRow, RunRecord } from '../model/types.js';
import { checkDatasetName, type GraphStore, type LoadSession, type TieRow } from './graph-store.js';
import { migrate } from './sqlite-schema.js';
import { LoadStatements, SqliteLoadSession } from './sqlite-load.js';
import { insertRun, RunReads, RunStatements } from './sqlite-runs.js';

export { newRunId } from './run-id.js';

export const DATABASE_FILE = 'socap.db';

interface DatasetRow {
  id: number;
  name: string;
  created_at: string;
  updated_at: string;
  actors: number;
  interactions: number;
  first_ts: number | null;
  last_ts: number | null;
}

const DATASET_ID = '(SELECT id FROM datasets WHERE name = ?)';

const ACTORS_SQL = `SELECT id, label, kind, attributes FROM actors WHERE dataset_id = ${DATASET_ID} ORDER BY seq`;

const INTERACTIONS_SQL = `
  SELECT i.ext_id, s.id, t.id, y.name, i.ts, i.weight, i.undirected
  FROM interactions i JOIN actors s ON s.seq = i.source_id JOIN actors t ON t.seq = i.target_id
  LEFT JOIN interaction_types y ON y.id = i.type_id
  WHERE i.dataset_id = ${DATASET_ID} ORDER BY i.seq`;

// Pairs are grouped by actor seq in SQL; which id comes first (code-unit order) is settled in JS,
// since SQLite compares UTF-8 bytes (code-point order), which differs from UTF-16 above U+FFFF.
const TIES_SQL = `
  SELECT a.id, b.id, p.n, p.w FROM (
    SELECT min(source_id, target_id) AS lo, max(source_id, target_id) AS hi,
           count(*) AS n, sum(weight) AS w, min(seq) AS first
    FROM interactions WHERE dataset_id = ${DATASET_ID} AND source_id <> target_id
    GROUP BY lo, hi) p
  JOIN actors a ON a.seq = p.lo JOIN actors b ON b.seq = p.hi
  ORDER BY p.first`;

export class SqliteStore implements GraphStore {
  readonly kind = 'sqlite' as const;
  /** The database file. */
  readonly location: string;
  private readonly db: Database.Database;
  private readonly reader: Database.Database;
  private readonly load: LoadStatements;
  private readonly runWrites: RunStatements;
  private readonly runReads: RunReads;
  private readonly datasetByName: Database.Statement<[string], DatasetRow>;
  private readonly allDatasets: Database.Statement<[], DatasetRow>;
  private readonly typesOf: Database.Statement<[number], string>;
  private readonly deleteByName: Database.Statement<[string]>;
  private readonly streams = new Set<OpenStream>();
  private session: SqliteLoadSession | undefined;
  private closed = false;

  constructor(
    file: string,
    /** How long a write waits for another process's write to finish before failing. */
    private readonly busyTimeoutMs = 5000,
  ) {
    this.location = file;
    this.db = new Database(file, { timeout: busyTimeoutMs });
    try {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
      this.db.pragma('cache_size = -65536');
      this.db.pragma('journal_size_limit = 67108864');
      migrate(this.db);
    } catch (err) {
      this.db.close();
      throw err;
    }
    this.reader = this.openReader();
    this.load = new LoadStatements(this.db);
    this.runWrites = new RunStatements(this.db);
    this.runReads = new RunReads(this.reader);
    const datasetColumns = 'id, name, created_at, updated_at, actors, interactions, first_ts, last_ts';
    this.datasetByName = this.reader.prepare(`SELECT ${datasetColumns} FROM datasets WHERE name = ?`);
    this.allDatasets = this.reader.prepare(`SELECT ${datasetColumns} FROM datasets ORDER BY name`);
    this.typesOf = this.reader
      .prepare<[number], string>(
        'SELECT t.name FROM dataset_types d JOIN interaction_types t ON t.id = d.type_id WHERE d.dataset_id = ?',
      )
      .pluck();
    this.deleteByName = this.db.prepare('DELETE FROM datasets WHERE name = ?');
  }

  async listDatasets(): Promise<DatasetInfo[]> {
    this.ensureOpen();
    return this.allDatasets.all().map((r) => this.info(r));
  }

  async getDataset(name: string): Promise<DatasetInfo | undefined> {
    this.ensureOpen();
    const row = this.datasetByName.get(name);
    return row === undefined ? undefined : this.info(row);
  }

  async deleteDataset(name: string): Promise<boolean> {
    this.ensureWritable('deleteDataset');
    // One statement, one transaction: the foreign keys cascade to actors, interactions, runs, scores.
    return this.db.transaction(() => this.deleteByName.run(name).changes > 0).immediate();
  }

  async beginLoad(dataset: string): Promise<LoadSession> {
    checkDatasetName(dataset);
    this.ensureWritable('beginLoad');
    try {
      this.db.exec('BEGIN IMMEDIATE');
    } catch (err) {
      throw new Error(`cannot start a load in ${this.location}: ${(err as Error).message} (another process is writing?)`);
    }
    try {
      const st = this.load;
      st.clearStaging();
      let id = st.datasetByName.get(dataset);
      if (id === undefined) {
        const now = new Date().toISOString();
        id = st.createDataset.run(dataset, now, now).lastInsertRowid as number;
      }
      const actorsBefore = st.maxActorSeq.get()!;
      const interactionsBefore = st.maxInteractionSeq.get()!;
      this.session = new SqliteLoadSession(this.db, st, dataset, id, actorsBefore, interactionsBefore, () => {
        this.session = undefined;
      });
      return this.session;
    } catch (err) {
      this.db.exec('ROLLBACK');
      throw err;
    }
  }

  readActors(dataset: string): AsyncIterable<Actor> {
    return this.stream(ACTORS_SQL, dataset, (row) => {
      const [id, label, kind, attributes] = row as [string, string | null, string | null, string];
      const actor: Actor = { id, attributes: JSON.parse(attributes) as Record<string, string> };
      if (label !== null) actor.label = label;
      if (kind !== null) actor.kind = kind as ActorKind;
      return actor;
    });
  }

  readInteractions(dataset: string): AsyncIterable<Interaction> {
    return this.stream(INTERACTIONS_SQL, dataset, (row) => {
      const [extId, source, target, type, ts, weight, undirected] = row as [
        string | null, string, string, string | null, number | null, number, number,
      ];
      const x: Interaction = { source, target, weight };
      if (extId !== null) x.id = extId;
      if (type !== null) x.type = type;
      if (ts !== null) x.timestamp = ts;
      if (undirected === 1) x.undirected = true;
      return x;
    });
  }

  readTies(dataset: string): AsyncIterable<TieRow> {
    return this.stream(TIES_SQL, dataset, (row) => {
      const [x, y, interactions, weight] = row as [string, string, number, number];
      return x < y ? { a: x, b: y, interactions, weight } : { a: y, b: x, interactions, weight };
    });
  }

  async saveRun(run: RunRecord, nodes: NodeScoreRow[], edges: EdgeScoreRow[]): Promise<void> {
    this.ensureWritable('saveRun');
    this.db.transaction(() => insertRun(this.runWrites, run, nodes, edges)).immediate();
  }

  async listRuns(dataset?: string): Promise<RunRecord[]> {
    this.ensureOpen();
    return this.runReads.list(dataset);
  }

  async getRun(id: string, dataset?: string): Promise<RunRecord | undefined> {
    this.ensureOpen();
    return this.runReads.get(id, dataset);
  }

  async readNodeScores(runId: string): Promise<NodeScoreRow[]> {
    this.ensureOpen();
    return this.runReads.nodeScores(runId);
  }

  async readEdgeScores(runId: string): Promise<EdgeScoreRow[]> {
    this.ensureOpen();
    return this.runReads.edgeScores(runId);
  }

  /** Rolls back an open load session, ends open streams, closes the file. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.session?.rollback();
    for (const stream of this.streams) endStream(stream);
    this.streams.clear();
    this.reader.close();
    this.db.close();
  }

  private info(r: DatasetRow): DatasetInfo {
    const info: DatasetInfo = {
      name: r.name,
      actors: r.actors,
      interactions: r.interactions,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      types: this.typesOf.all(r.id).sort(compareCodeUnits),
    };
    if (r.first_ts !== null) info.firstTimestamp = r.first_ts;
    if (r.last_ts !== null) info.lastTimestamp = r.last_ts;
    return info;
  }

  /** Streams the raw rows of `sql` (one `?`: the data set name) on a connection of its own. */
  private async *stream<T>(sql: string, dataset: string, map: (row: unknown[]) => T): AsyncGenerator<T> {
    this.ensureOpen();
    const conn = this.openReader();
    const stream: OpenStream = { conn, rows: conn.prepare(sql).raw().iterate(dataset) as IterableIterator<unknown[]> };
    this.streams.add(stream);
    try {
      for (const row of stream.rows) {
        yield map(row);
        if (this.closed) throw new Error(`the store ${this.location} was closed during a read`);
      }
    } finally {
      this.streams.delete(stream);
      endStream(stream);
    }
  }

  private openReader(): Database.Database {
    return new Database(this.location, { readonly: true, fileMustExist: true, timeout: this.busyTimeoutMs });
  }

  private ensureOpen(): void {
    if (this.closed) throw new Error(`the store ${this.location} is closed`);
  }

  private ensureWritable(what: string): void {
    this.ensureOpen();
    if (this.session !== undefined) {
      throw new Error(
        `${what}: a load session of data set "${this.session.dataset}" is open on this store; commit or roll it back first`,
      );
    }
  }
}

/** A stream in progress: its own connection and the statement iterating on it. */
interface OpenStream {
  conn: Database.Database;
  rows: IterableIterator<unknown[]>;
}

function endStream(s: OpenStream): void {
  s.rows.return?.();
  if (s.conn.open) s.conn.close();
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Opens (creating when needed) the store of a workspace folder: `<workspace>/socap.db`. */
export function openSqliteStore(opts: { workspace: string; busyTimeoutMs?: number }): SqliteStore {
  mkdirSync(opts.workspace, { recursive: true });
  return new SqliteStore(join(opts.workspace, DATABASE_FILE), opts.busyTimeoutMs);
}
