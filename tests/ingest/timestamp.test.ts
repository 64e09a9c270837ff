// Expected epoch values computed with Python's datetime (timezone-aware), not with Date.
import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../engine/ingest/index.js';

describe('parseTimestamp ISO 8601', () => {
  it.each([
    ['2024-03-05', 1709596800000],
    ['2024-03-05T14:30', 1709649000000],
    ['2024-03-05 14:30', 1709649000000],
    ['2024-03-05T14:30:00Z', 1709649000000],
    ['2024-03-05T14:30:00.000z', 1709649000000],
    ['2024-03-05T14:30:15.250+01:00', 1709645415250],
    ['2024-03-05T14:30:15,25+0100', 1709645415250],
    ['2024-03-05T14:30:15-05:30', 1709668815000],
    ['2000-01-01T00:00+05:45', 946664100000],
    ['2024-02-29', 1709164800000],
    ['1969-07-20T20:17:40Z', -14182940000],
    ['0001-01-01', -62135596800000],
    ['  2024-03-05  ', 1709596800000],
  ])('%s → %d', (raw, ms) => {
    expect(parseTimestamp(raw)).toBe(ms);
  });

  it('reads a date-time without a zone as UTC, whatever the local zone', () => {
    expect(parseTimestamp('2024-03-05T14:30:00')).toBe(parseTimestamp('2024-03-05T14:30:00Z'));
  });
});

describe('parseTimestamp numbers', () => {
  it('reads numbers below 1e11 as epoch seconds', () => {
    expect(parseTimestamp('0')).toBe(0);
    expect(parseTimestamp('1262454010')).toBe(1262454010000);
    expect(parseTimestamp('1.5')).toBe(1500);
    expect(parseTimestamp('-86400')).toBe(-86400000);
    expect(parseTimestamp('99999999999')).toBe(99999999999000);
    expect(parseTimestamp('1e9')).toBe(1e12);
    // A basic-format date is a number like any other: 20240305 seconds after the epoch.
    expect(parseTimestamp('20240305')).toBe(20240305000);
  });
  it('reads numbers from 1e11 on as epoch milliseconds', () => {
    expect(parseTimestamp('100000000000')).toBe(100000000000);
    expect(parseTimestamp('1709596800000')).toBe(1709596800000);
    expect(parseTimestamp('-100000000000')).toBe(-100000000000);
  });
});

describe('parseTimestamp refusals', () => {
  it.each([
    '',
    'yesterday',
    '2024-13-01',
    '2024-02-30',
    '2023-02-29',
    '2024-03-05T24:00',
    '2024-03-05T12:60',
    '2024-03-05T12:00:60',
    '2024-03-05T12:00+24:00',
    '2024-03-05Z',
    '2024-3-5',
    '05/03/2024',
    '0x10',
    'Infinity',
    'NaN',
    '1e400',
    '9e15',
    '12 34',
  ])('%j is unparseable', (raw) => {
    expect(parseTimestamp(raw)).toBeUndefined();
  });
});
