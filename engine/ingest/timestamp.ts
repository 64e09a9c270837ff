// Parses an interaction timestamp into epoch milliseconds (UTC).
//
// Accepted forms:
// - ISO 8601 extended format, date or date-time: `2024-03-05`, `2024-03-05T14:30`,
//   `2024-03-05T14:30:15.250`, with an optional zone `Z`, `±HH`, `±HHMM` or `±HH:MM`. A space may
//   stand for the `T`. No zone means UTC (never the local zone of the machine running socap).
// - A plain decimal number (optionally signed, with a fraction or an exponent). Numbers with
//   |v| ≥ 1e11 are epoch milliseconds, smaller ones epoch seconds. The ranges do not overlap in
//   practice: 1e11 seconds is the year 5138, 1e11 milliseconds is March 1973.
// Anything else (and any date outside the ECMAScript range of ±8.64e15 ms) is unparseable.
// Calendar values are checked (month 1-12, day within its month, hour 0-23, minute and second 0-59).
// Cost: one regular-expression match and constant arithmetic per value.

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** Numbers at or above this magnitude are epoch milliseconds; below it, epoch seconds. */
export const EPOCH_MS_THRESHOLD = 1e11;
const MAX_EPOCH_MS = 8.64e15;
const MS_PER_DAY = 86_400_000;

/** Epoch milliseconds of `raw`, or undefined when it is not a timestamp (see the rules above). */
export function parseTimestamp(raw: string): number | undefined {
  const text = raw.trim();
  if (text.length === 0) return undefined;
  if (NUMBER.test(text)) return fromNumber(Number(text));
  const m = ISO.exec(text);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  let ms = daysFromCivil(year, month, day) * MS_PER_DAY;
  if (m[4] !== undefined) {
    const hour = Number(m[4]);
    const minute = Number(m[5]);
    const second = m[6] === undefined ? 0 : Number(m[6]);
    if (hour > 23 || minute > 59 || second > 59) return undefined;
    const fraction = m[7] === undefined ? 0 : Number(`0.${m[7]}`) * 1000;
    ms += ((hour * 60 + minute) * 60 + second) * 1000 + fraction;
    const zone = m[8];
    if (zone !== undefined && zone !== 'Z' && zone !== 'z') {
      const offset = zoneOffsetMinutes(zone);
      if (offset === undefined) return undefined;
      ms -= offset * 60_000;
    }
  }
  return Math.abs(ms) <= MAX_EPOCH_MS ? ms : undefined;
}

/** A numeric timestamp (seconds or milliseconds by magnitude) in epoch ms, or undefined. */
export function fromNumber(v: number): number | undefined {
  if (!Number.isFinite(v)) return undefined;
  const ms = Math.abs(v) >= EPOCH_MS_THRESHOLD ? v : v * 1000;
  return Math.abs(ms) <= MAX_EPOCH_MS ? ms : undefined;
}

/** `±HH`, `±HHMM` or `±HH:MM` in minutes east of UTC, or undefined when out of range. */
function zoneOffsetMinutes(zone: string): number | undefined {
  const sign = zone.charCodeAt(0) === 45 /* - */ ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes);
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-compatible low-level date algorithms"). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
