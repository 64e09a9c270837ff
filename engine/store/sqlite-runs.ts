// Runs and their score rows in the embedded store.
//
// A run record is one row (nested parts as JSON). Score rows keep their saved order (`ord`); their
// values are JSON: an array in the order of the run's column list when the row's keys are exactly
// that list (the usual case: it spares repeating the names on a million rows), else the object
// itself. JSON text round-trips every finite double exactly, and null, booleans and strings as
// they are; non-finite numbers are rejected (JSON has none; an empty cell is null). -0 reads back as 0.
// Cost: one prepared INSERT per row inside the caller's transaction.
import type { Database, Statement } from 'better-sqlite3';
import type { EdgeScoreRow, NodeScoreRow, RunRecord, RunStatus, ScoreValue } from '../model/types.js';

type Values = Record<string, ScoreValue>;

interface RunRow {
  id: string;
  dataset: string;
  status: string;
  created_at: string;
  finished_at: string | null;
  version: string;
  input: string;
  parameters: string;
  counts: string;
  modularity: number | null;
  timings: string;
  betweenness: string | null;
  notes: string;
  peak_memory: number | null;
  error: string | null;
  extra: string | null;
}

const RUN_COLUMNS = `r.id, d.name AS dataset, r.status, r.created_at, r.finished_at, r.version, r.input,
  r.parameters, r.counts, r.modularity, r.timings, r.betweenness, r.notes, r.peak_memory, r.error, r.extra`;

export class RunStatements {
  readonly datasetByName: Statement<[string], number>;
  readonly runExists: Statement<[string], number>;
  readonly insertRun: Statement<unknown[]>;
  readonly insertNode: Statement<[number, number, string, string, string]>;
  readonly insertEdge: Statement<[number, number, string, string, string]>;

  constructor(db: Database) {
    this.datasetByName = db.prepare<[string], number>('SELECT id FROM datasets WHERE name = ?').pluck();
    this.runExists = db.prepare<[string], number>('SELECT 1 FROM runs WHERE id = ?').pluck();
    this.insertRun = db.prepare(
      `INSERT INTO runs (id, dataset_id, status, created_at, finished_at, version, input, parameters, counts,
        modularity, timings, betweenness, notes, peak_memory, error, extra, node_columns, edge_columns)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertNode = db.prepare('INSERT INTO node_scores (run_seq, ord, id, label, vals) VALUES (?, ?, ?, ?, ?)');
    this.insertEdge = db.prepare('INSERT INTO edge_scores (run_seq, ord, source, target, vals) VALUES (?, ?, ?, ?, ?)');
  }
}

/** Inserts a run and its rows; call inside a transaction (a throw leaves nothing behind). */
export function insertRun(st: RunStatements, run: RunRecord, nodes: NodeScoreRow[], edges: EdgeScoreRow[]): void {
  if (typeof run.id !== 'string' || run.id === '' || run.id === 'latest') {
    throw new Error(`saveRun: invalid run id ${JSON.stringify(run.id)} (non-empty, and "latest" is reserved)`);
  }
  const datasetId = st.datasetByName.get(run.dataset);
  if (datasetId === undefined) throw new Error(`saveRun: unknown data set ${JSON.stringify(run.dataset)}`);
  if (st.runExists.get(run.id) !== undefined) throw new Error(`saveRun: a run with id ${JSON.stringify(run.id)} already exists`);
  const nodeColumns = nodes.length > 0 ? Object.keys(nodes[0]!.values) : [];
  const edgeColumns = edges.length > 0 ? Object.keys(edges[0]!.values) : [];
  const seq = st.insertRun.run(
    run.id,
    datasetId,
    run.status,
    run.createdAt,
    run.finishedAt ?? null,
    run.version,
    run.input,
    JSON.stringify(run.parameters),
    JSON.stringify(run.counts),
    run.modularity ?? null,
    JSON.stringify(run.timings),
    run.betweenness === undefined ? null : JSON.stringify(run.betweenness),
    JSON.stringify(run.notes),
    run.peakMemoryBytes ?? null,
    run.error ?? null,
    run.extra === undefined ? null : JSON.stringify(run.extra),
    JSON.stringify(nodeColumns),
    JSON.stringify(edgeColumns),
  ).lastInsertRowid as number;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    st.insertNode.run(seq, i, n.id, n.label, encodeValues(n.values, nodeColumns, `node ${JSON.stringify(n.id)}`));
  }
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i]!;
    const what = `edge ${JSON.stringify(e.source)}-${JSON.stringify(e.target)}`;
    st.insertEdge.run(seq, i, e.source, e.target, encodeValues(e.values, edgeColumns, what));
  }
}

export function runFromRow(r: RunRow): RunRecord {
  const run: RunRecord = {
    id: r.id,
    dataset: r.dataset,
    status: r.status as RunStatus,
    createdAt: r.created_at,
    version: r.version,
    input: r.input,
    parameters: JSON.parse(r.parameters) as RunRecord['parameters'],
    counts: JSON.parse(r.counts) as RunRecord['counts'],
    timings: JSON.parse(r.timings) as RunRecord['timings'],
    notes: JSON.parse(r.notes) as string[],
  };
  if (r.finished_at !== null) run.finishedAt = r.finished_at;
  if (r.modularity !== null) run.modularity = r.modularity;
  if (r.betweenness !== null) run.betweenness = JSON.parse(r.betweenness) as NonNullable<RunRecord['betweenness']>;
  if (r.peak_memory !== null) run.peakMemoryBytes = r.peak_memory;
  if (r.error !== null) run.error = r.error;
  if (r.extra !== null) run.extra = JSON.parse(r.extra) as Record<string, unknown>;
  return run;
}

/** Read-side statements (on the reader connection). */
export class RunReads {
  private readonly all: Statement<[], RunRow>;
  private readonly ofDataset: Statement<[string], RunRow>;
  private readonly byId: Statement<[string], RunRow>;
  private readonly byIdOfDataset: Statement<[string, string], RunRow>;
  private readonly columns: Statement<[string], { seq: number; node_columns: string; edge_columns: string }>;
  private readonly nodes: Statement<[number], [string, string, string]>;
  private readonly edges: Statement<[number], [string, string, string]>;

  constructor(db: Database) {
    const from = `FROM runs r JOIN datasets d ON d.id = r.dataset_id`;
    const newest = `ORDER BY r.created_at DESC, r.seq DESC`;
    this.all = db.prepare(`SELECT ${RUN_COLUMNS} ${from} ${newest}`);
    this.ofDataset = db.prepare(`SELECT ${RUN_COLUMNS} ${from} WHERE d.name = ? ${newest}`);
    this.byId = db.prepare(`SELECT ${RUN_COLUMNS} ${from} WHERE r.id = ?`);
    this.byIdOfDataset = db.prepare(`SELECT ${RUN_COLUMNS} ${from} WHERE r.id = ? AND d.name = ?`);
    this.columns = db.prepare('SELECT seq, node_columns, edge_columns FROM runs WHERE id = ?');
    this.nodes = db
      .prepare<[number], [string, string, string]>('SELECT id, label, vals FROM node_scores WHERE run_seq = ? ORDER BY ord')
      .raw();
    this.edges = db
      .prepare<[number], [string, string, string]>('SELECT source, target, vals FROM edge_scores WHERE run_seq = ? ORDER BY ord')
      .raw();
  }

  list(dataset?: string): RunRecord[] {
    const rows = dataset === undefined ? this.all.all() : this.ofDataset.all(dataset);
    return rows.map(runFromRow);
  }

  get(id: string, dataset?: string): RunRecord | undefined {
    let row: RunRow | undefined;
    if (id === 'latest') {
      row = dataset === undefined ? this.all.get() : this.ofDataset.get(dataset);
    } else {
      row = dataset === undefined ? this.byId.get(id) : this.byIdOfDataset.get(id, dataset);
    }
    return row === undefined ? undefined : runFromRow(row);
  }

  nodeScores(runId: string): NodeScoreRow[] {
    const run = this.columns.get(runId);
    if (run === undefined) return [];
    const columns = JSON.parse(run.node_columns) as string[];
    return this.nodes.all(run.seq).map(([id, label, vals]) => ({ id, label, values: decodeValues(vals, columns) }));
  }

  edgeScores(runId: string): EdgeScoreRow[] {
    const run = this.columns.get(runId);
    if (run === undefined) return [];
    const columns = JSON.parse(run.edge_columns) as string[];
    return this.edges
      .all(run.seq)
      .map(([source, target, vals]) => ({ source, target, values: decodeValues(vals, columns) }));
  }
}

/** JSON of one row's values: an array when its keys are exactly `columns` in order, else the object. */
export function encodeValues(values: Values, columns: readonly string[], what: string): string {
  const keys = Object.keys(values);
  let asArray = keys.length === columns.length;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    const v = values[key];
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) {
        throw new Error(`saveRun: ${what} column ${JSON.stringify(key)} is ${v}; only finite numbers can be stored (null = empty)`);
      }
    } else if (v !== null && typeof v !== 'string' && typeof v !== 'boolean') {
      throw new Error(`saveRun: ${what} column ${JSON.stringify(key)} is not a number, string, boolean or null`);
    }
    if (asArray && key !== columns[k]) asArray = false;
  }
  if (!asArray) return JSON.stringify(values);
  const list = new Array<ScoreValue>(keys.length);
  for (let k = 0; k < keys.length; k++) list[k] = values[keys[k]!]!;
  return JSON.stringify(list);
}

export function decodeValues(text: string, columns: readonly string[]): Values {
  const parsed = JSON.parse(text) as Values | ScoreValue[];
  if (!Array.isArray(parsed)) return parsed;
  const values: Values = {};
  for (let k = 0; k < columns.length; k++) {
    // defineProperty, not assignment: a column named "__proto__" stays an ordinary key.
    Object.defineProperty(values, columns[k]!, { value: parsed[k], enumerable: true, writable: true, configurable: true });
  }
  return values;
}
