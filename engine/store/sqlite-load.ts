// One load session of the embedded store: a single write transaction from beginLoad to commit.
//
// Actors are upserted at once (merge in JS: one SELECT and at most one INSERT or UPDATE per actor).
// Interactions are resolved to actor seqs (a bounded id → seq cache spares repeated lookups) and
// appended to a TEMP staging table, flagged when a fixed-size Bloom filter says their content may
// repeat an earlier row of the load (interaction-key.ts). At commit, occurrence numbers are computed
// exactly, with row_number() over content, for the flagged contents only (every unflagged row is
// certainly occurrence 1); then one INSERT ... SELECT in load order with ON CONFLICT DO NOTHING
// against the two idempotency indexes (sqlite-schema.ts) adds what is new. JS memory stays bounded
// whatever the load size. Endpoints become actors as rows are staged, so a row that is not added
// (its id already stored, with other endpoints) still leaves its new endpoints as bare actors.
// Cost: O(rows) statements while loading; at commit a scan of the staged rows, a sort of the
// flagged ones, and one index insertion or lookup per row.
import type { Database, Statement } from 'better-sqlite3';
import type { Actor, Interaction, LoadResult } from '../model/types.js';
import { checkActor, checkInteraction, type LoadSession } from './graph-store.js';
import { RepeatedContentFilter } from './interaction-key.js';

/** Entries of the id → seq caches before they are cleared (bounds memory on huge actor sets). */
const CACHE_LIMIT = 1 << 20;
/** Staged rows per INSERT statement (fewer calls into SQLite); 8 parameters a row. */
const STAGE_ROWS = 64;
const STAGE_COLUMNS = 8;

/** Statements of the load path, prepared once per store (the TEMP tables live as long as the connection). */
export class LoadStatements {
  readonly datasetByName: Statement<[string], number>;
  readonly createDataset: Statement<[string, string, string]>;
  readonly maxActorSeq: Statement<[], number>;
  readonly maxInteractionSeq: Statement<[], number>;
  readonly actorByName: Statement<[number, string], [number, string | null, string | null, string]>;
  readonly actorSeq: Statement<[number, string], number>;
  readonly insertActor: Statement<[number, string, string | null, string | null, string]>;
  readonly updateActor: Statement<[string | null, string | null, string, number]>;
  readonly markUpdated: Statement<[number]>;
  readonly typeId: Statement<[string], number>;
  readonly insertType: Statement<[string]>;
  /** Inserts one staged row, or STAGE_ROWS of them (`stageMany`), from flat parameter lists. */
  readonly stage: Statement<[StagedValue[]]>;
  readonly stageMany: Statement<[StagedValue[]]>;
  readonly numberRepeats: Statement<[]>;
  readonly insertStaged: Statement<[number]>;
  readonly countAdded: Statement<[number, number], number>;
  readonly countUpdated: Statement<[], number>;
  readonly addTypes: Statement<[number, number]>;
  readonly timeRange: Statement<[number], { lo: number | null; hi: number | null }>;
  readonly datasetTimes: Statement<[number], { first_ts: number | null; last_ts: number | null }>;
  readonly updateDataset: Statement<[number, number, number | null, number | null, string, number]>;
  readonly clearStaging: () => void;

  constructor(db: Database) {
    db.exec(`
      CREATE TEMP TABLE IF NOT EXISTS load_interactions (
        seq INTEGER PRIMARY KEY, ext_id TEXT, source_id INTEGER NOT NULL, target_id INTEGER NOT NULL,
        type_id INTEGER NOT NULL, ts INTEGER, weight REAL NOT NULL, undirected INTEGER NOT NULL,
        maybe_repeat INTEGER NOT NULL);
      CREATE TEMP TABLE IF NOT EXISTS load_occurrences (seq INTEGER PRIMARY KEY, occ INTEGER NOT NULL);
      CREATE TEMP TABLE IF NOT EXISTS load_updated_actors (seq INTEGER PRIMARY KEY);
    `);
    this.datasetByName = db.prepare<[string], number>('SELECT id FROM datasets WHERE name = ?').pluck();
    this.createDataset = db.prepare('INSERT INTO datasets (name, created_at, updated_at) VALUES (?, ?, ?)');
    this.maxActorSeq = db.prepare<[], number>('SELECT ifnull(max(seq), 0) FROM actors').pluck();
    this.maxInteractionSeq = db.prepare<[], number>('SELECT ifnull(max(seq), 0) FROM interactions').pluck();
    this.actorByName = db
      .prepare<[number, string], [number, string | null, string | null, string]>(
        'SELECT seq, label, kind, attributes FROM actors WHERE dataset_id = ? AND id = ?',
      )
      .raw();
    this.actorSeq = db.prepare<[number, string], number>('SELECT seq FROM actors WHERE dataset_id = ? AND id = ?').pluck();
    this.insertActor = db.prepare('INSERT INTO actors (dataset_id, id, label, kind, attributes) VALUES (?, ?, ?, ?, ?)');
    this.updateActor = db.prepare('UPDATE actors SET label = ?, kind = ?, attributes = ? WHERE seq = ?');
    this.markUpdated = db.prepare('INSERT OR IGNORE INTO temp.load_updated_actors (seq) VALUES (?)');
    this.typeId = db.prepare<[string], number>('SELECT id FROM interaction_types WHERE name = ?').pluck();
    this.insertType = db.prepare('INSERT INTO interaction_types (name) VALUES (?)');
    const stageSql = `INSERT INTO temp.load_interactions
      (ext_id, source_id, target_id, type_id, ts, weight, undirected, maybe_repeat) VALUES `;
    const row = '(?, ?, ?, ?, ?, ?, ?, ?)';
    this.stage = db.prepare<[StagedValue[]]>(stageSql + row);
    this.stageMany = db.prepare<[StagedValue[]]>(stageSql + Array<string>(STAGE_ROWS).fill(row).join(', '));
    // Occurrence numbers above 1, for every id-less row whose content is that of a flagged row
    // (a window PARTITION groups NULL timestamps together, like ifnull(ts, 'none') in the IN test).
    this.numberRepeats = db.prepare(
      `INSERT INTO temp.load_occurrences (seq, occ)
       SELECT seq, occ FROM (
         SELECT seq, row_number() OVER (PARTITION BY source_id, target_id, type_id, ts, weight ORDER BY seq) AS occ
         FROM temp.load_interactions
         WHERE ext_id IS NULL AND (source_id, target_id, type_id, ifnull(ts, 'none'), weight) IN (
           SELECT source_id, target_id, type_id, ifnull(ts, 'none'), weight
           FROM temp.load_interactions WHERE maybe_repeat = 1 AND ext_id IS NULL))
       WHERE occ > 1`,
    );
    // Occurrence numbers only matter for id-less rows; rows with an id are keyed by it.
    this.insertStaged = db.prepare(
      `INSERT INTO interactions (dataset_id, ext_id, source_id, target_id, type_id, ts, weight, undirected, occ)
       SELECT ?, ext_id, source_id, target_id, type_id, ts, weight, undirected,
              CASE WHEN ext_id IS NULL THEN ifnull((SELECT o.occ FROM temp.load_occurrences o WHERE o.seq = s.seq), 1) END
       FROM temp.load_interactions s
       ORDER BY seq
       ON CONFLICT DO NOTHING`,
    );
    this.countAdded = db
      .prepare<[number, number], number>('SELECT count(*) FROM actors WHERE dataset_id = ? AND seq > ?')
      .pluck();
    this.countUpdated = db.prepare<[], number>('SELECT count(*) FROM temp.load_updated_actors').pluck();
    this.addTypes = db.prepare(
      `INSERT OR IGNORE INTO dataset_types (dataset_id, type_id)
       SELECT DISTINCT ?, type_id FROM interactions WHERE seq > ? AND type_id <> 0`,
    );
    this.timeRange = db.prepare('SELECT min(ts) AS lo, max(ts) AS hi FROM interactions WHERE seq > ?');
    this.datasetTimes = db.prepare('SELECT first_ts, last_ts FROM datasets WHERE id = ?');
    this.updateDataset = db.prepare(
      `UPDATE datasets SET actors = actors + ?, interactions = interactions + ?, first_ts = ?, last_ts = ?,
       updated_at = ? WHERE id = ?`,
    );
    const clearInteractions = db.prepare('DELETE FROM temp.load_interactions');
    const clearOccurrences = db.prepare('DELETE FROM temp.load_occurrences');
    const clearUpdated = db.prepare('DELETE FROM temp.load_updated_actors');
    this.clearStaging = () => {
      clearInteractions.run();
      clearOccurrences.run();
      clearUpdated.run();
    };
  }
}

type StagedValue = string | number | null;
type SessionState = 'open' | 'committed' | 'rolled back';

export class SqliteLoadSession implements LoadSession {
  private state: SessionState = 'open';
  private readonly actorCache = new Map<string, number>();
  private readonly typeCache = new Map<string, number>();
  private readonly repeats = new RepeatedContentFilter();
  private staged = 0;
  private flagged = 0;
  /** Parameters of staged rows not yet sent to SQLite (fewer than STAGE_ROWS rows). */
  private readonly pending: StagedValue[] = new Array<StagedValue>(STAGE_ROWS * STAGE_COLUMNS);
  private pendingLength = 0;

  /** Call with the write transaction already begun (BEGIN IMMEDIATE). */
  constructor(
    private readonly db: Database,
    private readonly st: LoadStatements,
    readonly dataset: string,
    private readonly datasetId: number,
    /** Actors and interactions with a seq above these existed before the load. */
    private readonly actorSeqBefore: number,
    private readonly interactionSeqBefore: number,
    private readonly onEnd: () => void,
  ) {}

  async addActors(batch: Actor[]): Promise<void> {
    this.guard(() => {
      for (let i = 0; i < batch.length; i++) this.upsertActor(batch[i]!, i);
    });
  }

  async addInteractions(batch: Interaction[]): Promise<void> {
    this.guard(() => {
      const pending = this.pending;
      for (let i = 0; i < batch.length; i++) {
        const x = batch[i]!;
        checkInteraction(x, i);
        const source = this.actorSeqOf(x.source);
        const target = this.actorSeqOf(x.target);
        const type = x.type == null ? 0 : this.typeIdOf(x.type);
        const ts = x.timestamp ?? null;
        let maybeRepeat = 0;
        if (x.id == null && this.repeats.add(source, target, type, ts, x.weight)) {
          maybeRepeat = 1;
          this.flagged++;
        }
        let k = this.pendingLength;
        pending[k++] = x.id ?? null;
        pending[k++] = source;
        pending[k++] = target;
        pending[k++] = type;
        pending[k++] = ts;
        pending[k++] = x.weight;
        pending[k++] = x.undirected === true ? 1 : 0;
        pending[k++] = maybeRepeat;
        if (k === pending.length) {
          this.st.stageMany.run(pending);
          k = 0;
        }
        this.pendingLength = k;
      }
      this.staged += batch.length;
    });
  }

  async commit(): Promise<LoadResult> {
    return this.guard(() => {
      const st = this.st;
      for (let k = 0; k < this.pendingLength; k += STAGE_COLUMNS) st.stage.run(this.pending.slice(k, k + STAGE_COLUMNS));
      this.pendingLength = 0;
      if (this.flagged > 0) st.numberRepeats.run();
      const interactionsAdded = st.insertStaged.run(this.datasetId).changes;
      const actorsAdded = st.countAdded.get(this.datasetId, this.actorSeqBefore)!;
      const actorsUpdated = st.countUpdated.get()!;
      st.addTypes.run(this.datasetId, this.interactionSeqBefore);
      const range = st.timeRange.get(this.interactionSeqBefore)!;
      const known = st.datasetTimes.get(this.datasetId)!;
      st.updateDataset.run(
        actorsAdded,
        interactionsAdded,
        minOf(known.first_ts, range.lo),
        maxOf(known.last_ts, range.hi),
        new Date().toISOString(),
        this.datasetId,
      );
      st.clearStaging();
      this.db.exec('COMMIT');
      this.finish('committed');
      return {
        dataset: this.dataset,
        actorsAdded,
        actorsUpdated,
        interactionsAdded,
        interactionsUnchanged: this.staged - interactionsAdded,
      };
    });
  }

  async rollback(): Promise<void> {
    if (this.state === 'open') this.abort();
  }

  /** Runs a step of the session; any error rolls the whole session back before it propagates. */
  private guard<T>(step: () => T): T {
    if (this.state !== 'open') throw new Error(`the load session of data set "${this.dataset}" is already ${this.state}`);
    try {
      return step();
    } catch (err) {
      this.abort();
      throw err;
    }
  }

  private abort(): void {
    if (this.db.open && this.db.inTransaction) this.db.exec('ROLLBACK');
    this.finish('rolled back');
  }

  private finish(state: SessionState): void {
    this.state = state;
    this.actorCache.clear();
    this.typeCache.clear();
    this.onEnd();
  }

  private upsertActor(a: Actor, index: number): void {
    checkActor(a, index);
    const st = this.st;
    const found = st.actorByName.get(this.datasetId, a.id);
    if (found === undefined) {
      const seq = st.insertActor.run(this.datasetId, a.id, a.label ?? null, a.kind ?? null, JSON.stringify(a.attributes))
        .lastInsertRowid as number;
      this.remember(this.actorCache, a.id, seq);
      return;
    }
    const [seq, oldLabel, oldKind, oldAttributes] = found;
    const label = a.label ?? oldLabel;
    const kind = a.kind ?? oldKind;
    const attributes = JSON.parse(oldAttributes) as Record<string, string>;
    let changed = label !== oldLabel || kind !== oldKind;
    for (const key of Object.keys(a.attributes)) {
      const value = a.attributes[key]!;
      if (Object.hasOwn(attributes, key) && attributes[key] === value) continue;
      Object.defineProperty(attributes, key, { value, enumerable: true, writable: true, configurable: true });
      changed = true;
    }
    if (!changed) return;
    st.updateActor.run(label, kind, JSON.stringify(attributes), seq);
    if (seq <= this.actorSeqBefore) st.markUpdated.run(seq);
  }

  /** The seq of an actor of this data set, creating a bare actor for an unknown id. */
  private actorSeqOf(id: string): number {
    const cached = this.actorCache.get(id);
    if (cached !== undefined) return cached;
    let seq = this.st.actorSeq.get(this.datasetId, id);
    if (seq === undefined) seq = this.st.insertActor.run(this.datasetId, id, null, null, '{}').lastInsertRowid as number;
    this.remember(this.actorCache, id, seq);
    return seq;
  }

  private typeIdOf(name: string): number {
    const cached = this.typeCache.get(name);
    if (cached !== undefined) return cached;
    const id = this.st.typeId.get(name) ?? (this.st.insertType.run(name).lastInsertRowid as number);
    this.remember(this.typeCache, name, id);
    return id;
  }

  private remember(cache: Map<string, number>, key: string, value: number): void {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, value);
  }
}

function minOf(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

function maxOf(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}
