// Integer handling of the Neo4j store: the driver runs with useBigInt, so Cypher INTEGERs arrive as
// bigint; driver Integers are accepted too; nothing beyond ±(2^53 − 1) is silently rounded.
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toCypherInteger, toCypherTimestamp, toOptionalNumber, toSafeNumber } from '../../engine/store/neo4j-integers.js';

const MAX = 9_007_199_254_740_991; // 2^53 - 1

describe('toSafeNumber', () => {
  it('converts bigints and driver Integers within the safe range exactly', () => {
    expect(toSafeNumber(0n, 'n')).toBe(0);
    expect(toSafeNumber(1_700_000_000_000n, 'n')).toBe(1_700_000_000_000);
    expect(toSafeNumber(BigInt(MAX), 'n')).toBe(MAX);
    expect(toSafeNumber(-BigInt(MAX), 'n')).toBe(-MAX);
    expect(toSafeNumber(neo4j.int(42), 'n')).toBe(42);
    expect(toSafeNumber(neo4j.int('-9007199254740991'), 'n')).toBe(-MAX);
  });

  it('passes floats through', () => {
    expect(toSafeNumber(0.1, 'w')).toBe(0.1);
    expect(toSafeNumber(-2.5, 'w')).toBe(-2.5);
  });

  it('rejects integers beyond 2^53 - 1, naming the field and the exact value', () => {
    expect(() => toSafeNumber(BigInt(MAX) + 1n, 'timestamp')).toThrow(
      'timestamp: integer 9007199254740992 is beyond ±(2^53 - 1) and cannot be read as a number without loss of precision',
    );
    expect(() => toSafeNumber(-(2n ** 63n), 'seq')).toThrow(
      'seq: integer -9223372036854775808 is beyond ±(2^53 - 1) and cannot be read as a number without loss of precision',
    );
    expect(() => toSafeNumber(neo4j.int('9007199254740993'), 'communityId')).toThrow(
      'communityId: integer 9007199254740993 is beyond ±(2^53 - 1) and cannot be read as a number without loss of precision',
    );
  });

  it('rejects values that are not numbers', () => {
    expect(() => toSafeNumber('12', 'actors')).toThrow('actors: expected a number from Neo4j, got string');
    expect(() => toSafeNumber(null, 'actors')).toThrow('actors: expected a number from Neo4j, got null');
  });
});

describe('toOptionalNumber', () => {
  it('maps null and undefined to undefined, numbers as toSafeNumber', () => {
    expect(toOptionalNumber(null, 't')).toBeUndefined();
    expect(toOptionalNumber(undefined, 't')).toBeUndefined();
    expect(toOptionalNumber(7n, 't')).toBe(7);
  });
});

describe('parameters that must be Cypher INTEGER', () => {
  it('sends safe integers as bigint', () => {
    expect(toCypherInteger(10_000, 'limit')).toBe(10_000n);
    expect(toCypherInteger(MAX, 'seq')).toBe(BigInt(MAX));
  });

  it('rejects fractions and unsafe integers', () => {
    expect(() => toCypherInteger(1.5, 'limit')).toThrow('limit: 1.5 is not an integer within ±(2^53 - 1)');
    expect(() => toCypherInteger(2 ** 53, 'seq')).toThrow('seq: 9007199254740992 is not an integer within ±(2^53 - 1)');
  });

  it('sends whole timestamps as INTEGER, fractional ones as FLOAT, absent ones as null', () => {
    expect(toCypherTimestamp(1_700_000_000_123)).toBe(1_700_000_000_123n);
    expect(toCypherTimestamp(-86_400_000)).toBe(-86_400_000n);
    expect(toCypherTimestamp(1_700_000_000_123.5)).toBe(1_700_000_000_123.5);
    expect(toCypherTimestamp(undefined)).toBeNull();
  });
});
