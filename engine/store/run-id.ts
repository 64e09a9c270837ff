// Run ids: sortable by creation time, unique enough for one workspace: r-YYYYMMDD-HHMMSS-xxxxxx.
import { randomBytes } from 'node:crypto';

export function newRunId(now: Date = new Date()): string {
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  const stamp = `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}-${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}`;
  return `r-${stamp}-${randomBytes(3).toString('hex')}`;
}

export const RUN_ID_PATTERN = /^r-\d{8}-\d{6}-[0-9a-f]{6}$/;
