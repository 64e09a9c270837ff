// The seeded organization generator (datasets/generate-org.ts) and `socap generate`: fixed by its
// seed, org-shaped (departments of 40–160, each internally connected, ~4.9 ties a person, hubs with
// many outside ties), one row per unordered pair, and a folder that `socap load` reads back whole.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { generateOrgGraph, MAX_DEPARTMENT, MIN_DEPARTMENT, type OrgGraph } from '../../datasets/generate-org.js';
import { registerGenerateCommand } from '../../engine/cli/generate.js';
import { loadInput } from '../../engine/run/load.js';
import { openSqliteStore } from '../../engine/store/sqlite.js';

const tmp = mkdtempSync(join(tmpdir(), 'socap-generate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function departmentSizes(g: OrgGraph): number[] {
  const sizes = new Array<number>(g.departments).fill(0);
  for (const d of g.department) sizes[d]!++;
  return sizes;
}

/** Union-find components of the people of each department over the ties inside it. */
function departmentsConnected(g: OrgGraph): boolean {
  const parent = Int32Array.from({ length: g.n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  for (let e = 0; e < g.source.length; e++) {
    if (g.department[g.source[e]!] === g.department[g.target[e]!]) parent[find(g.source[e]!)] = find(g.target[e]!);
  }
  const rootOf = new Map<number, number>();
  for (let i = 0; i < g.n; i++) {
    const r = find(i);
    const d = g.department[i]!;
    if (rootOf.get(d) === undefined) rootOf.set(d, r);
    else if (rootOf.get(d) !== r) return false;
  }
  return true;
}

describe('generateOrgGraph', () => {
  const g = generateOrgGraph({ nodes: 10_000, seed: 42 });

  it('is fixed by its seed and differs across seeds', () => {
    const again = generateOrgGraph({ nodes: 10_000, seed: 42 });
    expect(again.source).toEqual(g.source);
    expect(again.target).toEqual(g.target);
    expect(again.weight).toEqual(g.weight);
    expect(generateOrgGraph({ nodes: 10_000, seed: 43 }).source).not.toEqual(g.source);
  });

  it('has ~4.9 ties a person, one per pair, no self-ties', () => {
    expect(g.source.length / g.n).toBeGreaterThan(4.8);
    expect(g.source.length / g.n).toBeLessThan(5.0);
    const pairs = new Set<number>();
    let selfTies = 0;
    for (let e = 0; e < g.source.length; e++) {
      const a = g.source[e]!;
      const b = g.target[e]!;
      if (a === b) selfTies++;
      pairs.add(Math.min(a, b) * g.n + Math.max(a, b));
    }
    expect(selfTies).toBe(0);
    expect(pairs.size).toBe(g.source.length);
  });

  it('has departments of 40–160 people, each connected inside, dense inside and sparse between', () => {
    const sizes = departmentSizes(g);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(g.n);
    for (const s of sizes) {
      expect(s).toBeGreaterThanOrEqual(MIN_DEPARTMENT);
      expect(s).toBeLessThanOrEqual(MAX_DEPARTMENT);
    }
    expect(departmentsConnected(g)).toBe(true);
    let inside = 0;
    for (let e = 0; e < g.source.length; e++) if (g.department[g.source[e]!] === g.department[g.target[e]!]) inside++;
    expect(inside / g.source.length).toBeGreaterThan(0.75);
    expect(inside / g.source.length).toBeLessThan(0.9);
  });

  it('gives hubs (about 1%) many more outside ties than anyone else', () => {
    const outside = new Int32Array(g.n);
    for (let e = 0; e < g.source.length; e++) {
      if (g.department[g.source[e]!] !== g.department[g.target[e]!]) {
        outside[g.source[e]!]!++;
        outside[g.target[e]!]!++;
      }
    }
    let hubs = 0;
    let hubOutside = 0;
    let otherOutside = 0;
    for (let i = 0; i < g.n; i++) {
      if (g.hub[i] === 1) {
        hubs++;
        hubOutside += outside[i]!;
      } else otherOutside += outside[i]!;
    }
    expect(hubs / g.n).toBeGreaterThan(0.005);
    expect(hubs / g.n).toBeLessThan(0.02);
    expect(hubOutside / hubs).toBeGreaterThan(10 * (otherOutside / (g.n - hubs)));
  });

  it('keeps small organizations whole: fewer than 40 people are one department', () => {
    const small = generateOrgGraph({ nodes: 25, seed: 1 });
    expect(small.departments).toBe(1);
    expect(departmentsConnected(small)).toBe(true);
    expect(generateOrgGraph({ nodes: 1, seed: 1 }).source.length).toBe(0);
  });

  it('rejects a non-positive or fractional size', () => {
    expect(() => generateOrgGraph({ nodes: 0, seed: 1 })).toThrow('nodes must be a positive integer, got 0');
    expect(() => generateOrgGraph({ nodes: 2.5, seed: 1 })).toThrow('nodes must be a positive integer, got 2.5');
  });
});

describe('socap generate', () => {
  async function cli(args: string[]): Promise<{ out: string; err: string }> {
    let out = '';
    let err = '';
    const io = { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } };
    const program = new Command().exitOverride().configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
    registerGenerateCommand(program, io);
    try {
      await program.parseAsync(args, { from: 'user' });
    } catch (e) {
      err += e instanceof Error ? e.message : String(e);
    }
    return { out, err };
  }

  it('writes nodes.csv and edges.csv that load back with every row', async () => {
    const dir = join(tmp, 'org');
    const { out } = await cli(['generate', '--nodes', '1200', '--seed', '5', '--out', dir]);
    const g = generateOrgGraph({ nodes: 1200, seed: 5 });
    const hubs = g.hub.reduce((a, b) => a + b, 0);
    expect(out).toBe(`wrote 1200 actors in ${g.departments} departments (${hubs} hubs) and ${g.source.length} ties to ${dir}\n`);
    const nodes = readFileSync(join(dir, 'nodes.csv'), 'utf8').split('\n');
    expect(nodes[0]).toBe('id,department');
    expect(nodes[1]).toBe('p0,dept-0');
    expect(nodes.length).toBe(1200 + 2);
    const edges = readFileSync(join(dir, 'edges.csv'), 'utf8').split('\n');
    expect(edges[0]).toBe('source,target,weight');
    expect(edges[1]).toBe(`p${g.source[0]},p${g.target[0]},${g.weight[0]}`);
    expect(edges.length).toBe(g.source.length + 2);
    const store = openSqliteStore({ workspace: join(tmp, 'ws') });
    try {
      const loaded = await loadInput(store, 'org', dir);
      expect(loaded.errors).toEqual([]);
      const info = await store.getDataset('org');
      expect(info?.actors).toBe(1200);
      expect(info?.interactions).toBe(g.source.length);
    } finally {
      await store.close();
    }
  });

  it('rejects a bad --nodes with the reason', async () => {
    const { err } = await cli(['generate', '--nodes', '0', '--out', join(tmp, 'x')]);
    expect(err).toContain('--nodes must be an integer ≥ 1, got "0"');
  });
});
