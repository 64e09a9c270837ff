// Labels of the viewer's run picker (viewer/src/run-label.ts).
import { describe, expect, it } from 'vitest';
import { runLabels, runTime } from '../../viewer/src/run-label.js';

describe('run picker labels', () => {
  it('give the local minute a run was made, with the end of the id only when another run shares it', () => {
    // Local times, so the expectations hold in any time zone.
    const at = (y: number, mo: number, d: number, h: number, mi: number, s: number): string => new Date(y, mo - 1, d, h, mi, s).toISOString();
    const runs = [
      { id: 'r-20261123-165435-1e579c', createdAt: at(2026, 11, 23, 16, 54, 35), status: 'done' as const },
      { id: 'r-20261123-165402-00aa11', createdAt: at(2026, 11, 23, 16, 54, 2), status: 'done' as const },
      { id: 'r-20261102-090000-bb22cc', createdAt: at(2026, 11, 2, 9, 0, 0), status: 'done' as const },
      { id: 'r-20261124-000000-dd33ee', createdAt: at(2026, 11, 24, 0, 0, 59), status: 'running' as const },
    ];
    expect([...runLabels(runs)]).toEqual([
      ['r-20261123-165435-1e579c', '2026-11-23 16:54 · 1e579c'],
      ['r-20261123-165402-00aa11', '2026-11-23 16:54 · 00aa11'],
      ['r-20261102-090000-bb22cc', '2026-11-02 09:00'],
      ['r-20261124-000000-dd33ee', '2026-11-24 00:00 (running)'],
    ]);
  });

  it('fall back to the stored text when the time cannot be read', () => {
    expect(runTime('yesterday')).toBe('yesterday');
  });
});
