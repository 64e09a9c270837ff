import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvCell, writeRunOutputs } from '../../engine/run/output.js';
import type { RunRecord } from '../../engine/model/types.js';

describe('output contract files', () => {
  it('formats cells: full precision, empty for null/NaN, quoted when needed', () => {
    expect(csvCell(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(csvCell(1 / 3)).toBe('0.3333333333333333');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell('Zoë, "Z"')).toBe('"Zoë, ""Z"""');
    expect(csvCell('plain')).toBe('plain');
  });

  it('writes nodes.csv, edges.csv and run.json with the contract columns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'socap-out-'));
    const run: RunRecord = {
      id: 'r-1',
      dataset: 'd',
      status: 'done',
      createdAt: '2026-01-01T00:00:00.000Z',
      version: '0.1.0',
      input: 'x.csv',
      parameters: { distance: 'inverse' },
      counts: { actors: 2, interactions: 3, ties: 1, skipped: 0 },
      modularity: 0.25,
      timings: { read: 0.1, degree: 0.01 },
      notes: [],
    };
    await writeRunOutputs(
      dir,
      run,
      ['degree', 'constraint'],
      [
        { id: 'a', label: 'A', values: { degree: 1, constraint: 1 } },
        { id: 'b c', label: 'b c', values: { degree: 0, constraint: null } },
      ],
      ['strength', 'local_bridge'],
      [{ source: 'a', target: 'b c', values: { strength: 2.5, local_bridge: true } }],
    );
    expect(readFileSync(join(dir, 'nodes.csv'), 'utf8')).toBe('id,label,degree,constraint\na,A,1,1\nb c,b c,0,\n');
    expect(readFileSync(join(dir, 'edges.csv'), 'utf8')).toBe('source,target,strength,local_bridge\na,b c,2.5,true\n');
    const json = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'));
    expect(Object.keys(json).slice(0, 12)).toEqual(['id', 'version', 'dataset', 'input', 'status', 'createdAt', 'finishedAt', 'parameters', 'counts', 'modularity', 'betweenness', 'timings']);
    expect(json.counts).toEqual({ actors: 2, interactions: 3, ties: 1, skipped: 0 });
  });
});
