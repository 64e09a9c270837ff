// The row shapes the Neo4j store sends as `$rows` parameters and the mapping of returned records
// back to socap's data model. Pure functions and one in-memory load buffer: no driver calls here.
//
// Graph model (docs/neo4j.md): (:Dataset {name}) holds counts; (:Actor {dataset, id, seq, label,
// kind, attrKeys, attr_<name>...}) with free attributes as `attr_`-prefixed properties (their order
// in attrKeys); (:Actor)-[:INTERACTED {dataset, key, seq, id, type, timestamp, weight, undirected}]->
// (:Actor) with the interaction type a property value, never a label or relationship type;
// (:Run {id, dataset, record JSON, ...})-[:HAS_CHUNK]->(:ScoreChunk {kind, chunk, rows}) holding every
// score row of the run as JSON text in saved order (rows may name ids that are not actors); for rows
// of actors that exist, (:Run)-[:SCORED {seq, label, values JSON}]->(:Actor) and `socap_<metric>`
// actor properties; (:Actor)-[:TIE_SCORE {run, seq, values JSON, strength}]->(:Actor) for tie rows.
import { createHash } from 'node:crypto';
import type { Record as Neo4jRecord } from 'neo4j-driver';
import {
  type Actor,
  type ActorKind,
  type DatasetInfo,
  type EdgeScoreRow,
  type Interaction,
  type NodeScoreRow,
  type RunRecord,
  type ScoreValue,
} from '../model/types.js';
import { checkActor, checkInteraction, type TieRow } from './graph-store.js';
import { toCypherInteger, toCypherTimestamp, toOptionalNumber, toSafeNumber } from './neo4j-integers.js';

export const ATTRIBUTE_PREFIX = 'attr_';
export const SCORE_PREFIX = 'socap_';

/** Splits rows into consecutive batches of at most `size` rows (the last may be shorter; none empty). */
export function splitBatches<T>(rows: readonly T[], size: number): T[][] {
  if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`batch size must be a positive integer, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Parameter shapes

export interface ActorParam {
  id: string;
  /** Load order, used only when the actor is new (an existing actor keeps its seq). */
  seq: bigint;
  label: string | null;
  kind: ActorKind | null;
  /** Attributes as `attr_<name>` properties, merged into the node with `+=`. */
  attrs: Record<string, string>;
  /** Attribute names in first-seen order. */
  attrKeys: string[];
}

export interface InteractionParam {
  /** Idempotency key: `id:<id>`, or `c:<hash of content>:<occurrence>`. */
  key: string;
  id: string | null;
  source: string;
  target: string;
  /** The interaction type as a property value. */
  type: string | null;
  timestamp: bigint | number | null;
  weight: number;
  undirected: boolean;
  seq: bigint;
}

export interface NodeScoreParam {
  id: string;
  seq: bigint;
  label: string;
  /** The row's values as JSON, read back exactly by readNodeScores. */
  values: string;
  /** `socap_<column>` properties set on the actor (null removes a stale value). */
  props: Record<string, ScoreValue>;
}

export interface EdgeScoreParam {
  source: string;
  target: string;
  seq: bigint;
  values: string;
  /** The row's `strength` when it is a number, for projecting a run's tie strengths into GDS. */
  strength: number | null;
}

function defineKey<V>(target: Record<string, V>, key: string, value: V): void {
  // defineProperty, not assignment: a key named "__proto__" stays an ordinary key.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The idempotency key of an interaction (see LoadSession): its id, else its content and occurrence. */
export function interactionKey(x: Interaction, occurrence: number): string {
  if (x.id != null) return `id:${x.id}`;
  return `c:${contentHash(x)}:${occurrence}`;
}

function contentHash(x: Interaction): string {
  const content = JSON.stringify([x.source, x.target, x.type ?? null, x.timestamp ?? null, x.weight]);
  return createHash('sha256').update(content).digest('base64url');
}

// ---------------------------------------------------------------------------------------------
// Input checks (a bad row rejects the batch and rolls the session back)

// The checks are the ones every store applies (engine/store/graph-store.ts), so messages are identical.
export { checkActor, checkInteraction };

// ---------------------------------------------------------------------------------------------
// The buffer of one load session

interface PendingActor {
  id: string;
  label: string | null;
  kind: ActorKind | null;
  attributes: Map<string, string>;
}

/**
 * The rows of one load, held until commit: actors merged by id in first-seen order (interaction
 * endpoints not given as actors become bare actors at their first mention), interactions in load
 * order with their idempotency keys. A second interaction with an id already seen in this load is
 * dropped here and counted as unchanged.
 */
export class PendingLoad {
  private readonly actors = new Map<string, PendingActor>();
  private readonly interactions: InteractionParam[] = [];
  private readonly idsSeen = new Set<string>();
  private readonly occurrences = new Map<string, number>();
  /** Interactions repeated by id inside this load (never sent). */
  repeatedIds = 0;

  get actorCount(): number {
    return this.actors.size;
  }

  get interactionCount(): number {
    return this.interactions.length;
  }

  /** Checks the whole batch first, so a bad row leaves the buffer as it was. */
  addActors(batch: readonly Actor[]): void {
    for (let i = 0; i < batch.length; i++) checkActor(batch[i]!, i);
    for (const a of batch) {
      const p = this.actor(a.id);
      if (a.label != null) p.label = a.label;
      if (a.kind != null) p.kind = a.kind;
      for (const key of Object.keys(a.attributes)) p.attributes.set(key, a.attributes[key]!);
    }
  }

  addInteractions(batch: readonly Interaction[]): void {
    for (let i = 0; i < batch.length; i++) checkInteraction(batch[i]!, i);
    for (const x of batch) {
      this.actor(x.source);
      this.actor(x.target);
      let key: string;
      if (x.id != null) {
        if (this.idsSeen.has(x.id)) {
          this.repeatedIds++;
          continue;
        }
        this.idsSeen.add(x.id);
        key = interactionKey(x, 0);
      } else {
        const hash = contentHash(x);
        const occurrence = (this.occurrences.get(hash) ?? 0) + 1;
        this.occurrences.set(hash, occurrence);
        key = `c:${hash}:${occurrence}`;
      }
      this.interactions.push({
        key,
        id: x.id ?? null,
        source: x.source,
        target: x.target,
        type: x.type ?? null,
        timestamp: toCypherTimestamp(x.timestamp),
        weight: x.weight,
        undirected: x.undirected === true,
        seq: 0n,
      });
    }
  }

  /** Actor rows in first-seen order, the i-th with seq `base + i + 1`. */
  actorParams(base: number): ActorParam[] {
    const out: ActorParam[] = [];
    let seq = toCypherInteger(base, 'actor seq');
    for (const p of this.actors.values()) {
      seq++;
      const attrs: Record<string, string> = {};
      for (const [key, value] of p.attributes) defineKey(attrs, ATTRIBUTE_PREFIX + key, value);
      out.push({ id: p.id, seq, label: p.label, kind: p.kind, attrs, attrKeys: [...p.attributes.keys()] });
    }
    return out;
  }

  /** Interaction rows in load order, the i-th with seq `base + i + 1`. */
  interactionParams(base: number): InteractionParam[] {
    let seq = toCypherInteger(base, 'interaction seq');
    for (const row of this.interactions) row.seq = ++seq;
    return this.interactions;
  }

  clear(): void {
    this.actors.clear();
    this.interactions.length = 0;
    this.idsSeen.clear();
    this.occurrences.clear();
  }

  private actor(id: string): PendingActor {
    let p = this.actors.get(id);
    if (p === undefined) {
      p = { id, label: null, kind: null, attributes: new Map() };
      this.actors.set(id, p);
    }
    return p;
  }
}

// ---------------------------------------------------------------------------------------------
// Runs and scores

function checkValues(values: Record<string, ScoreValue>, what: string): void {
  for (const [key, v] of Object.entries(values)) {
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) {
        throw new Error(`saveRun: ${what} column ${JSON.stringify(key)} is ${v}; only finite numbers can be stored (null = empty)`);
      }
    } else if (v !== null && typeof v !== 'string' && typeof v !== 'boolean') {
      throw new Error(`saveRun: ${what} column ${JSON.stringify(key)} is not a number, string, boolean or null`);
    }
  }
}

/** Score rows of actors, the i-th with seq `offset + i`; throws for a non-finite or non-scalar value. */
export function nodeScoreParams(rows: readonly NodeScoreRow[], offset: number): NodeScoreParam[] {
  return rows.map((r, i) => {
    checkValues(r.values, `node ${JSON.stringify(r.id)}`);
    const props: Record<string, ScoreValue> = {};
    for (const key of Object.keys(r.values)) defineKey(props, SCORE_PREFIX + key, r.values[key]!);
    return { id: r.id, seq: BigInt(offset + i), label: r.label, values: JSON.stringify(r.values), props };
  });
}

/** Score rows of ties, the i-th with seq `offset + i`; throws for a non-finite or non-scalar value. */
export function edgeScoreParams(rows: readonly EdgeScoreRow[], offset: number): EdgeScoreParam[] {
  return rows.map((r, i) => {
    checkValues(r.values, `edge ${JSON.stringify(r.source)}-${JSON.stringify(r.target)}`);
    const strength = r.values['strength'];
    return {
      source: r.source,
      target: r.target,
      seq: BigInt(offset + i),
      values: JSON.stringify(r.values),
      strength: typeof strength === 'number' ? strength : null,
    };
  });
}

/** Properties of a (:Run) node: queryable scalars, nested parts as JSON, the whole record as JSON. */
export function runProps(run: RunRecord): Record<string, string | number | null> {
  return {
    id: run.id,
    dataset: run.dataset,
    status: run.status,
    createdAt: run.createdAt,
    finishedAt: run.finishedAt ?? null,
    version: run.version,
    input: run.input,
    parameters: JSON.stringify(run.parameters),
    timings: JSON.stringify(run.timings),
    counts: JSON.stringify(run.counts),
    record: JSON.stringify(run),
  };
}

// ---------------------------------------------------------------------------------------------
// Records back to the data model

function str(rec: Neo4jRecord, key: string): string {
  const v: unknown = rec.get(key);
  if (typeof v !== 'string') throw new TypeError(`${key}: expected a string from Neo4j, got ${v === null ? 'null' : typeof v}`);
  return v;
}

function optStr(rec: Neo4jRecord, key: string): string | undefined {
  const v: unknown = rec.get(key);
  return v === null || v === undefined ? undefined : str(rec, key);
}

/** A row of read-actors.cypher: id, label, kind, attributes as [name, value] pairs. */
export function actorFromRecord(rec: Neo4jRecord): Actor {
  const attributes: Record<string, string> = {};
  const pairs: unknown = rec.get('attributes');
  if (Array.isArray(pairs)) {
    for (const pair of pairs as unknown[]) {
      const [key, value] = pair as [unknown, unknown];
      if (typeof key === 'string' && typeof value === 'string') defineKey(attributes, key, value);
    }
  }
  const actor: Actor = { id: str(rec, 'id'), attributes };
  const label = optStr(rec, 'label');
  const kind = optStr(rec, 'kind');
  if (label !== undefined) actor.label = label;
  if (kind !== undefined) actor.kind = kind as ActorKind;
  return actor;
}

/** A row of read-interactions.cypher. */
export function interactionFromRecord(rec: Neo4jRecord): Interaction {
  const x: Interaction = {
    source: str(rec, 'source'),
    target: str(rec, 'target'),
    weight: toSafeNumber(rec.get('weight'), 'weight'),
  };
  const id = optStr(rec, 'id');
  const type = optStr(rec, 'type');
  const timestamp = toOptionalNumber(rec.get('timestamp'), 'timestamp');
  if (id !== undefined) x.id = id;
  if (type !== undefined) x.type = type;
  if (timestamp !== undefined) x.timestamp = timestamp;
  if (rec.get('undirected') === true) x.undirected = true;
  return x;
}

/**
 * A row of read-ties.cypher: the tie when the row is its pair's first interaction, else undefined.
 * The pair is put in code-unit order here (Cypher's string order is not guaranteed to be JS's).
 */
export function tieFromRecord(rec: Neo4jRecord): TieRow | undefined {
  const interactions = toSafeNumber(rec.get('interactions'), 'interactions');
  if (interactions === 0) return undefined;
  const x = str(rec, 'a');
  const y = str(rec, 'b');
  const weight = toSafeNumber(rec.get('weight'), 'weight');
  return x < y ? { a: x, b: y, interactions, weight } : { a: y, b: x, interactions, weight };
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A row of list-datasets.cypher / get-dataset.cypher. */
export function datasetFromRecord(rec: Neo4jRecord): DatasetInfo {
  const types: unknown = rec.get('types');
  const info: DatasetInfo = {
    name: str(rec, 'name'),
    actors: toSafeNumber(rec.get('actors'), 'actors'),
    interactions: toSafeNumber(rec.get('interactions'), 'interactions'),
    createdAt: str(rec, 'createdAt'),
    updatedAt: str(rec, 'updatedAt'),
    types: Array.isArray(types) ? (types as unknown[]).filter((t): t is string => typeof t === 'string').sort(compareCodeUnits) : [],
  };
  const first = toOptionalNumber(rec.get('firstTimestamp'), 'firstTimestamp');
  const last = toOptionalNumber(rec.get('lastTimestamp'), 'lastTimestamp');
  if (first !== undefined) info.firstTimestamp = first;
  if (last !== undefined) info.lastTimestamp = last;
  return info;
}

/** A row with `record`, the run as saved. */
export function runFromRecord(rec: Neo4jRecord): RunRecord {
  return JSON.parse(str(rec, 'record')) as RunRecord;
}

/** One chunk of node score rows: each row `[id, label, values]` as JSON text. */
export function nodeScoreChunk(rows: readonly NodeScoreRow[]): string[] {
  return rows.map((r) => JSON.stringify([r.id, r.label, r.values]));
}

/** One chunk of edge score rows: each row `[source, target, values]` as JSON text. */
export function edgeScoreChunk(rows: readonly EdgeScoreRow[]): string[] {
  return rows.map((r) => JSON.stringify([r.source, r.target, r.values]));
}

function chunkRows(records: readonly Neo4jRecord[]): unknown[][] {
  const out: unknown[][] = [];
  for (const rec of records) {
    const rows: unknown = rec.get('rows');
    if (!Array.isArray(rows)) throw new TypeError('rows: expected a list from Neo4j');
    for (const text of rows as unknown[]) {
      if (typeof text !== 'string') throw new TypeError('rows: expected JSON text from Neo4j');
      out.push(JSON.parse(text) as unknown[]);
    }
  }
  return out;
}

/** Rows of read-score-chunks.cypher (kind 'node'), in saved order. */
export function nodeScoresFromChunks(records: readonly Neo4jRecord[]): NodeScoreRow[] {
  return chunkRows(records).map(([id, label, values]) => ({
    id: id as string,
    label: label as string,
    values: values as NodeScoreRow['values'],
  }));
}

/** Rows of read-score-chunks.cypher (kind 'edge'), in saved order. */
export function edgeScoresFromChunks(records: readonly Neo4jRecord[]): EdgeScoreRow[] {
  return chunkRows(records).map(([source, target, values]) => ({
    source: source as string,
    target: target as string,
    values: values as EdgeScoreRow['values'],
  }));
}
