// Integers between socap and Neo4j without loss of precision.
//
// Cypher INTEGER is 64-bit; a JS number holds integers exactly only up to 2^53 − 1. The store's driver
// runs with `useBigInt: true`, so every INTEGER arrives as a bigint (FLOAT arrives as a number). A
// driver `Integer` (a driver configured the other way, or one built with `neo4j.int`) is accepted too.
// Reading: a value within ±(2^53 − 1) becomes a number; one beyond is rejected with an error that
// names the field, never rounded (counts, seqs and epoch-millisecond timestamps stay far below).
// Writing: a JS number is sent by the driver as FLOAT, so values that must be INTEGER in Cypher
// (LIMIT, seq, timestamps) are sent as bigint.
import { isInt } from 'neo4j-driver';

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

function beyond(field: string, text: string): Error {
  return new RangeError(`${field}: integer ${text} is beyond ±(2^53 - 1) and cannot be read as a number without loss of precision`);
}

/** A Cypher number (bigint, driver Integer or float) as a JS number; throws for other values. */
export function toSafeNumber(value: unknown, field: string): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') {
    if (value > MAX || value < -MAX) throw beyond(field, value.toString());
    return Number(value);
  }
  if (isInt(value)) {
    if (!value.inSafeRange()) throw beyond(field, value.toString());
    return value.toNumber();
  }
  throw new TypeError(`${field}: expected a number from Neo4j, got ${value === null ? 'null' : typeof value}`);
}

/** Like toSafeNumber, with null and undefined as undefined. */
export function toOptionalNumber(value: unknown, field: string): number | undefined {
  return value === null || value === undefined ? undefined : toSafeNumber(value, field);
}

/** A JS integer as a Cypher INTEGER parameter; throws for a fraction or a value beyond 2^53 − 1. */
export function toCypherInteger(n: number, field: string): bigint {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${field}: ${n} is not an integer within ±(2^53 - 1)`);
  return BigInt(n);
}

/** A timestamp parameter: INTEGER when whole (the usual epoch milliseconds), FLOAT otherwise. */
export function toCypherTimestamp(ms: number | undefined): bigint | number | null {
  if (ms === undefined) return null;
  return Number.isSafeInteger(ms) ? BigInt(ms) : ms;
}
