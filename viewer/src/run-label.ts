// Labels of the run picker: when a run was made, in the analyst's local time, to the minute
// ("2026-11-23 16:54"); runs of one data set made in the same minute add the end of their id
// ("2026-11-23 16:54 · 1e579c"). The full id is each option's title and the Run tab's heading.
import type { RunRecord } from './api.js';

const two = (n: number): string => String(n).padStart(2, '0');

export function runTime(createdAt: string): string {
  const d = new Date(createdAt);
  if (Number.isNaN(d.getTime())) return createdAt;
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** Picker label of each run of `runs` (one data set's), by run id. */
export function runLabels(runs: Pick<RunRecord, 'id' | 'createdAt' | 'status'>[]): Map<string, string> {
  const times = runs.map((r) => runTime(r.createdAt));
  const labels = new Map<string, string>();
  runs.forEach((r, i) => {
    const shared = times.some((t, j) => j !== i && t === times[i]);
    const label = shared ? `${times[i]} · ${r.id.slice(-6)}` : times[i]!;
    labels.set(r.id, r.status === 'done' ? label : `${label} (${r.status})`);
  });
  return labels;
}
