// A small dated organization for the relationship-health tests, built so each tie's cooling verdict
// and rank follow by hand from the default rule (engine/metrics/cooling-ties.ts; as of the latest
// contact, recent window 60 days, baseline the 365 days before it, cooling when the baseline has at
// least 6 contacts and recent_rate < 0.25 · baseline_rate, i.e. r / b < 0.25 · 60 / 365 ≈ 0.0411):
//
//   tie      baseline b  recent r  r/b     cooling  rank (worst first: lowest r/b, then most b)
//   C–D      20          0         0       yes      1
//   A–B      12          0         0       yes      2
//   A–E      40          1         0.025   yes      3
//   B–F      60          2         0.033   yes      4
//   A–C      24          1         0.042   no (just above the line)
//   E–F      10          5         0.5     no
//   G–H      4           0         0       no (baseline below 6)
//   A–G      10          10        1       no (holds the latest contact: the as-of date)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const AS_OF = Date.UTC(2025, 5, 30, 12);
const DAY = 86_400_000;

export const PEOPLE: Record<string, { label: string; department: string }> = {
  A: { label: 'Ana Alves', department: 'sales' },
  B: { label: 'Bo Berg', department: 'sales' },
  C: { label: 'Cy Costa', department: 'ops' },
  D: { label: 'Di Dahl', department: 'ops' },
  E: { label: 'Ed Ekman', department: 'it' },
  F: { label: 'Fa Field', department: 'it' },
  G: { label: 'Gu Gray', department: 'ops' },
  H: { label: 'Hu Holm', department: 'sales' },
};

/** [a, b, baseline contacts, recent contacts]. */
export const TIES: [string, string, number, number][] = [
  ['A', 'B', 12, 0],
  ['A', 'C', 24, 1],
  ['A', 'E', 40, 1],
  ['B', 'F', 60, 2],
  ['C', 'D', 20, 0],
  ['E', 'F', 10, 5],
  ['G', 'H', 4, 0],
  ['A', 'G', 10, 10],
];

/** The cooling ties, worst first, as unordered pairs. */
export const COOLING_WORST_FIRST: [string, string][] = [
  ['C', 'D'],
  ['A', 'B'],
  ['A', 'E'],
  ['B', 'F'],
];

/** Writes nodes.csv and edges.csv (emails, alternating direction) into `dir`. */
export function writeCoolingOrg(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'nodes.csv'), ['id,label,department', ...Object.entries(PEOPLE).map(([id, p]) => `${id},${p.label},${p.department}`)].join('\n') + '\n');
  const rows = ['source,target,type,timestamp'];
  const at = (daysBefore: number): string => new Date(AS_OF - daysBefore * DAY).toISOString();
  for (const [a, b, base, recent] of TIES) {
    // Baseline contacts spread over days 61..420 before the as-of date, recent ones over 0..59.
    for (let k = 0; k < base; k++) rows.push(k % 2 ? `${b},${a},email,${at(61 + Math.floor((k * 360) / base))}` : `${a},${b},email,${at(61 + Math.floor((k * 360) / base))}`);
    for (let k = 0; k < recent; k++) rows.push(k % 2 ? `${b},${a},email,${at(k * 5)}` : `${a},${b},email,${at(k * 5)}`);
  }
  writeFileSync(join(dir, 'edges.csv'), rows.join('\n') + '\n');
}
