// The embedded store's schema and its migrations. `schema_version` holds one row per applied
// migration; opening a database applies the missing ones in order, each in its own transaction, and
// refuses a database written by a newer socap.
//
// Version 1:
// - datasets: one row per data set, with counts, timestamp range and times maintained at each commit
//   (so DatasetInfo costs O(1) and O(types)).
// - actors: integer surrogate key (seq, in load order), unique (dataset, id); attributes as JSON.
// - interaction_types: type names interned once for all data sets (0 = no type).
// - interactions: endpoints as actor seqs; seq order = load order. Idempotency keys are two partial
//   unique indexes: (dataset, ext_id) for rows with an id, and (dataset, source, target, type,
//   timestamp, weight, occurrence) for rows without one. `ifnull(ts, 'none')` makes "no timestamp" one
//   value (a text never equals a number), since NULLs are distinct in a unique index.
// - runs, node_scores, edge_scores: a run record in columns (JSON for the nested parts) and its score
//   rows in saved order; deleting a data set cascades to all of them.
import type { Database } from 'better-sqlite3';

const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE datasets (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    actors INTEGER NOT NULL DEFAULT 0,
    interactions INTEGER NOT NULL DEFAULT 0,
    first_ts INTEGER,
    last_ts INTEGER
  );
  CREATE TABLE actors (
    seq INTEGER PRIMARY KEY,
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    label TEXT,
    kind TEXT,
    attributes TEXT NOT NULL
  );
  CREATE UNIQUE INDEX actors_by_id ON actors(dataset_id, id);
  CREATE INDEX actors_in_order ON actors(dataset_id);
  CREATE TABLE interaction_types (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
  );
  CREATE TABLE dataset_types (
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    type_id INTEGER NOT NULL,
    PRIMARY KEY (dataset_id, type_id)
  ) WITHOUT ROWID;
  CREATE TABLE interactions (
    seq INTEGER PRIMARY KEY,
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    ext_id TEXT,
    source_id INTEGER NOT NULL,
    target_id INTEGER NOT NULL,
    type_id INTEGER NOT NULL,
    ts INTEGER,
    weight REAL NOT NULL,
    undirected INTEGER NOT NULL,
    occ INTEGER
  );
  CREATE INDEX interactions_in_order ON interactions(dataset_id);
  CREATE UNIQUE INDEX interactions_by_id ON interactions(dataset_id, ext_id) WHERE ext_id IS NOT NULL;
  CREATE UNIQUE INDEX interactions_by_content
    ON interactions(dataset_id, source_id, target_id, type_id, ifnull(ts, 'none'), weight, occ)
    WHERE ext_id IS NULL;
  CREATE TABLE runs (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    finished_at TEXT,
    version TEXT NOT NULL,
    input TEXT NOT NULL,
    parameters TEXT NOT NULL,
    counts TEXT NOT NULL,
    modularity REAL,
    timings TEXT NOT NULL,
    betweenness TEXT,
    notes TEXT NOT NULL,
    peak_memory REAL,
    error TEXT,
    extra TEXT,
    node_columns TEXT NOT NULL,
    edge_columns TEXT NOT NULL
  );
  CREATE INDEX runs_newest ON runs(created_at, seq);
  CREATE INDEX runs_of_dataset ON runs(dataset_id, created_at, seq);
  CREATE TABLE node_scores (
    run_seq INTEGER NOT NULL REFERENCES runs(seq) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    id TEXT NOT NULL,
    label TEXT NOT NULL,
    vals TEXT NOT NULL,
    PRIMARY KEY (run_seq, ord)
  ) WITHOUT ROWID;
  CREATE TABLE edge_scores (
    run_seq INTEGER NOT NULL REFERENCES runs(seq) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    vals TEXT NOT NULL,
    PRIMARY KEY (run_seq, ord)
  ) WITHOUT ROWID;
  `,
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the database to SCHEMA_VERSION; throws on a database of a newer version. */
export function migrate(db: Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const current = db.prepare('SELECT ifnull(max(version), 0) FROM schema_version').pluck();
  const record = db.prepare('INSERT INTO schema_version (version, applied_at) VALUES (?, ?)');
  // Read and apply under one write lock, so two processes opening a new file cannot both migrate it.
  db.transaction(() => {
    const from = current.get() as number;
    if (from > SCHEMA_VERSION) {
      throw new Error(
        `the database ${db.name} has schema version ${from}, newer than this socap supports (${SCHEMA_VERSION}); upgrade socap`,
      );
    }
    for (let v = from + 1; v <= SCHEMA_VERSION; v++) {
      db.exec(MIGRATIONS[v - 1]!);
      record.run(v, new Date().toISOString());
    }
  }).immediate();
}
