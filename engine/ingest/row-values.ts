// Turns the raw values of one input row (any format) into an Interaction or an Actor, or into the
// reason the row is rejected. Shared by every source so a value means the same thing everywhere.
//
// - weight: optional (empty = 1); a plain decimal number, finite and ≥ 0.
// - timestamp: optional; see ./timestamp.ts for the accepted forms.
// - source, target, actor id: required, non-empty; kept exactly as given (ids are strings, "007"
//   stays "007").
// - kind: empty or one of person | team | org | external (exact, lower case).
// Cost: constant per value.
import { ACTOR_KINDS, type Actor, type ActorKind, type Interaction } from '../model/types.js';
import { fromNumber, parseTimestamp } from './timestamp.js';

/** A value as a source hands it over: text (CSV, XML) or a number (JSON). */
export type RawValue = string | number | undefined;

export interface InteractionValues {
  source?: string;
  target?: string;
  weight?: RawValue;
  type?: string;
  timestamp?: RawValue;
  id?: string;
}

/** Why a row is rejected, and the field at fault. */
export interface RowProblem {
  column?: string;
  reason: string;
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const QUOTE_LIMIT = 60;

/** `v` as a double-quoted, escaped, one-line string, shortened when long. */
export function quote(v: string): string {
  return JSON.stringify(v.length > QUOTE_LIMIT ? `${v.slice(0, QUOTE_LIMIT)}…` : v);
}

export function isProblem<T extends object>(v: T | RowProblem): v is RowProblem {
  return 'reason' in v;
}

/** The weight of `raw` (1 when absent or empty), or the problem with it. */
export function parseWeight(raw: RawValue): number | RowProblem {
  if (raw === undefined || raw === '') return 1;
  const text = String(raw);
  const v = typeof raw === 'number' ? raw : DECIMAL.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (Number.isNaN(v)) return { column: 'weight', reason: `non-numeric weight ${quote(text)}` };
  if (!Number.isFinite(v)) return { column: 'weight', reason: `infinite weight ${quote(text)}` };
  if (v < 0) return { column: 'weight', reason: `negative weight ${quote(text)}` };
  return v === 0 ? 0 : v; // no -0
}

/** The epoch-ms timestamp of `raw` (undefined when absent or empty), or the problem with it. */
export function parseTimestampValue(raw: RawValue): number | undefined | RowProblem {
  if (raw === undefined || raw === '') return undefined;
  const ms = typeof raw === 'number' ? fromNumber(raw) : parseTimestamp(raw);
  if (ms === undefined) return { column: 'timestamp', reason: `unparseable timestamp ${quote(String(raw))}` };
  return ms;
}

/** The interaction of one row, or why it is rejected. Actors and self-loops are checked by the caller. */
export function toInteraction(v: InteractionValues, line: number, undirected: boolean): Interaction | RowProblem {
  if (v.source === undefined || v.source === '') return { column: 'source', reason: 'missing source' };
  if (v.target === undefined || v.target === '') return { column: 'target', reason: 'missing target' };
  const weight = parseWeight(v.weight);
  if (typeof weight !== 'number') return weight;
  const timestamp = parseTimestampValue(v.timestamp);
  if (typeof timestamp === 'object') return timestamp;
  const out: Interaction = { source: v.source, target: v.target, weight, line };
  if (v.type !== undefined && v.type !== '') out.type = v.type;
  if (timestamp !== undefined) out.timestamp = timestamp;
  if (v.id !== undefined && v.id !== '') out.id = v.id;
  if (undirected) out.undirected = true;
  return out;
}

export function isActorKind(v: string): v is ActorKind {
  return (ACTOR_KINDS as readonly string[]).includes(v);
}

export interface ActorValues {
  id?: string;
  label?: string;
  kind?: string;
  attributes: Record<string, string>;
}

/** The actor of one row, or why it is rejected. `idColumn` names the id field in messages. */
export function toActor(v: ActorValues, idColumn = 'id'): Actor | RowProblem {
  if (v.id === undefined || v.id === '') return { column: idColumn, reason: `missing ${idColumn}` };
  const actor: Actor = { id: v.id, attributes: v.attributes };
  if (v.label !== undefined && v.label !== '') actor.label = v.label;
  if (v.kind !== undefined && v.kind !== '') {
    if (!isActorKind(v.kind)) {
      return { column: 'kind', reason: `invalid kind ${quote(v.kind)} (expected person, team, org or external)` };
    }
    actor.kind = v.kind;
  }
  return actor;
}

/** An attribute value from a typed source (JSON) as text; undefined for null/undefined. */
export function stringifyValue(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v);
}
