// The relationship commands run in-process against a real embedded store in a temporary workspace.
// They are registered on a fresh commander program here, so the test does not depend on main.ts's wiring.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerRelationshipCommands } from '../../engine/cli/relationship-commands.js';
import { openSqliteStore } from '../../engine/store/sqlite.js';
import { loadInput } from '../../engine/run/load.js';
import { scoreDataset } from '../../engine/run/score.js';
import { UsageError } from '../../engine/model/types.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
let dir: string;
let workspace: string;

function program(): { cmd: Command; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const io = { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } };
  const cmd = new Command().exitOverride().configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
  registerRelationshipCommands(cmd, io, { openStore: async () => openSqliteStore({ workspace }) });
  return { cmd, out: () => out, err: () => err };
}

async function socap(...argv: string[]): Promise<{ out: string; err: string; code: number | undefined }> {
  const p = program();
  process.exitCode = undefined;
  await p.cmd.parseAsync(argv, { from: 'user' });
  const code = typeof process.exitCode === 'number' ? process.exitCode : undefined;
  process.exitCode = undefined;
  return { out: p.out(), err: p.err(), code };
}

/** `count` contacts a→b (alternating direction) spread evenly over days [from, to). */
function contacts(a: string, b: string, count: number, from: number, to: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const t = new Date(T0 + (from + ((to - from) * i) / count) * DAY).toISOString();
    return i % 2 ? `${a},${b},email,1,${t}` : `${b},${a},email,1,${t}`;
  });
}

function folder(name: string, nodes: string[], edges: string[]): string {
  const d = join(dir, name);
  mkdirSync(d);
  writeFileSync(join(d, 'nodes.csv'), nodes.join('\n') + '\n');
  writeFileSync(join(d, 'edges.csv'), edges.join('\n') + '\n');
  return d;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'socap-rel-'));
  workspace = join(dir, 'ws');
  // As of day 1000: recent (940, 1000], baseline (575, 940].
  const health = folder(
    'health',
    ['id,department', 'ann,sales', 'bob,sales', 'cy,ops', 'dee,ops', 'eve,ops'],
    [
      'source,target,relation,weight,timestamp',
      ...contacts('ann', 'bob', 60, 576, 1000),
      ...contacts('ann', 'cy', 40, 576, 940),
      ...contacts('ann', 'cy', 1, 990, 991),
      ...contacts('cy', 'dee', 73, 576, 940),
      ...contacts('cy', 'dee', 1, 960, 961),
      ...contacts('dee', 'eve', 5, 576, 940),
      `ann,bob,email,1,${new Date(T0 + 1000 * DAY).toISOString()}`, // the latest timestamp: the default as-of
    ],
  );
  // Two 4-cliques joined by the bridge a4–b1; departments by clique; no timestamps.
  const edges = ['source,target,relation,weight'];
  for (const p of ['a', 'b']) for (let i = 1; i <= 4; i++) for (let j = i + 1; j <= 4; j++) edges.push(`${p}${i},${p}${j},work,1`);
  edges.push('a4,b1,work,1');
  const barbell = folder('barbell', ['id,department', ...['a', 'b'].flatMap((p) => [1, 2, 3, 4].map((i) => `${p}${i},${p.toUpperCase()}`))], edges);
  const store = openSqliteStore({ workspace });
  try {
    await loadInput(store, 'health', health);
    await loadInput(store, 'barbell', barbell);
  } finally {
    await store.close();
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('socap health', () => {
  it('lists the cooling ties worst first with window counts, last contact and computed brokerage', async () => {
    const r = await socap('health', '--dataset', 'health', '--json', '-q');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ dataset: 'health', as_of: new Date(T0 + 1000 * DAY).toISOString(), recent_days: 60, baseline_days: 365, ratio: 0.25, min_baseline: 6, ties: 4, cooling_ties: 2, brokerage_from: 'computed' });
    expect(j.cooling.map((c: { a: string; b: string }) => [c.a, c.b].sort().join('-'))).toEqual(['cy-dee', 'ann-cy']);
    const [first] = j.cooling;
    expect(first).toMatchObject({ recent_contacts: 1, baseline_contacts: 73, last_contact: new Date(T0 + 960 * DAY).toISOString() });
    expect(first.recent_rate).toBeCloseTo(0.5, 12);
    expect(first.baseline_rate).toBeCloseTo(6, 12);
    // cy is the only path between ann's side and dee/eve: both cy and dee broker; constraint of cy < 1.
    const cy = first.a === 'cy' ? 'a' : 'b';
    expect(first[`${cy}_betweenness`]).toBeGreaterThan(0);
    expect(first[`${cy}_constraint`]).toBeLessThan(1);
  });

  it('uses the latest run for brokerage when there is one; windows and ratio are flags; text table', async () => {
    const store = openSqliteStore({ workspace });
    let runId: string;
    try {
      runId = (await scoreDataset({ store, dataset: 'health', options: { metrics: ['betweenness', 'constraint'] } })).run.id;
    } finally {
      await store.close();
    }
    const r = await socap('health', '--dataset', 'health', '--json', '-q');
    expect(JSON.parse(r.out).brokerage_from).toBe(`run ${runId}`);
    const strict = await socap('health', '--dataset', 'health', '--json', '-q', '--ratio', '0.05');
    expect(JSON.parse(strict.out).cooling).toEqual([]);
    const text = await socap('health', '--dataset', 'health', '-q', '--min-baseline', '5');
    expect(text.out).toContain('3 of 4 ties');
    expect(text.out.split('\n')[3]).toMatch(/^a\s+b\s+recent\s+baseline/);
  });

  it('bad usage: no timestamps, no dataset, an unknown dataset, a bad flag', async () => {
    await expect(socap('health', '--dataset', 'barbell', '-q')).rejects.toThrow(
      new UsageError('dataset "barbell" has no timestamped interactions: cooling ties need dated contacts'),
    );
    await expect(socap('health', '-q')).rejects.toThrow('health needs an <input> file or folder, or --dataset NAME');
    await expect(socap('health', '--dataset', 'nope', '-q')).rejects.toThrow(/^unknown dataset "nope" in /);
    await expect(socap('health', '--dataset', 'health', '--recent-days', '0')).rejects.toThrow('--recent-days must be a positive number, got "0"');
    await expect(socap('health', '--dataset', 'health', '--as-of', 'soon')).rejects.toThrow(
      '--as-of must be an ISO 8601 date or time, or epoch seconds or milliseconds, got "soon"',
    );
  });

  it('--help shows an example', async () => {
    await expect(socap('health', '--help')).rejects.toMatchObject({ code: 'commander.helpDisplayed' });
    const p = program();
    await p.cmd.parseAsync(['health', '--help'], { from: 'user' }).catch(() => undefined);
    expect(p.out()).toContain('socap health --dataset manufacturing --recent-days 30 --baseline-days 180');
  });
});

describe('socap groups', () => {
  it('profiles the departments', async () => {
    const r = await socap('groups', '--dataset', 'barbell', '--json', '-q');
    const j = JSON.parse(r.out);
    expect(j.group).toBe('department');
    // Each department: a 4-clique (6 ties of strength 1) and the bridge end holding the one outside tie.
    const clique = (group: string, end: string) => ({
      group,
      size: 4,
      internal_ties: 6,
      external_ties: 1,
      internal_strength: 6,
      external_strength: 1,
      cohesion: 6 / 7,
      density: 1,
      brokers: [end],
      outside_holders: [{ id: end, strength: 1, ties: 1 }],
    });
    expect(j.groups).toEqual([clique('A', 'a4'), clique('B', 'b1')]);
    const text = await socap('groups', '--dataset', 'barbell', '-q');
    expect(text.out).toContain('groups of "barbell" by department: 2');
    await expect(socap('groups', '--dataset', 'barbell', '--group', 'office', '-q')).rejects.toThrow('--group: no actor of dataset "barbell" has the attribute "office"');
  });
});

describe('socap whatif', () => {
  it('--json: the network before and after removing a bridge end', async () => {
    const r = await socap('whatif', '--dataset', 'barbell', '--remove', 'a4', '--json', '-q');
    const j = JSON.parse(r.out);
    expect(j.removed).toEqual(['a4']);
    expect(j.before).toEqual({ components: 1, fragmentation: 0, disconnected_pairs: 0, inter_community_ties: 1 });
    expect(j.after).toEqual({ components: 2, fragmentation: 1 - 18 / 42, disconnected_pairs: 12, inter_community_ties: 0 });
    expect(j.lost_pairs).toBe(12);
    expect(j.lost_reach[0]).toEqual({ id: 'a1', before: 6, after: 2 });
    expect(j.key_players).toBeUndefined();
  });

  it('--top K lists the greedy key players; usage errors', async () => {
    const r = await socap('whatif', '--dataset', 'barbell', '--top', '1', '--json', '-q');
    const j = JSON.parse(r.out);
    expect(j.removed).toEqual([]);
    expect(j.key_players).toHaveLength(1);
    expect(['a4', 'b1']).toContain(j.key_players[0].id);
    expect(j.key_players[0].fragmentation).toBeCloseTo(1 - 18 / 42, 15);
    const text = await socap('whatif', '--dataset', 'barbell', '--remove', 'a4', '--top', '1', '-q');
    expect(text.out).toContain('12 pair(s) of remaining actors lose every path');
    expect(text.out).toContain('key players');
    await expect(socap('whatif', '--dataset', 'barbell', '--remove', 'zz,a1', '-q')).rejects.toThrow('--remove: unknown actor(s) zz in dataset "barbell"');
    await expect(socap('whatif', '--dataset', 'barbell', '-q')).rejects.toThrow('whatif needs --remove ID[,ID...] or --top K (or both)');
  });
});
