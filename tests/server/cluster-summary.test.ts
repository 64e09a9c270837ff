// GET /communities and /groups over HTTP: the members who hold each community's or group's outside
// ties (ties to actors outside it), most such ties first, then by id, with the count and the summed
// strength of those ties. Expected holders are recomputed here from the run's ties
// (GET /api/runs/:id/edges) and the data set's nodes.csv, not with the server's code; two
// Krackhardt departments are also written out by hand. A small hand-built data set has a group
// with no outside ties.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as S from '../../server/response-schemas.js';
import { getJson, KRACKHARDT, removeWorkspace, scoredWorkspace, startTestServer, type TestServer } from './harness.js';

type Holder = z.output<typeof S.outsideHolder>;
type Tie = { source: string; target: string; strength: number };

const servers: TestServer[] = [];
const dirs: string[] = [];

async function ok<T extends z.ZodType>(srv: TestServer, path: string, schema: T): Promise<z.output<T>> {
  const r = await getJson(srv.url + path);
  expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBe(200);
  return schema.parse(r.body);
}

/** Every tie of the run, as the edges route lists them. */
async function tiesOf(srv: TestServer, runId: string): Promise<Tie[]> {
  const r = await ok(srv, `/api/runs/${runId}/edges?limit=10000`, S.edgeList);
  expect(r.items).toHaveLength(r.total);
  return r.items.map((e) => ({ source: e.source, target: e.target, strength: e.strength as number }));
}

/** The outside holders of the actors in `members`, counted tie by tie. */
function expectedHolders(members: Set<string>, ties: Tie[], label: Map<string, string>): Holder[] {
  const count = new Map<string, { ties: number; strength: number }>();
  for (const t of ties) {
    const inS = members.has(t.source);
    const inT = members.has(t.target);
    if (inS === inT) continue;
    const holder = inS ? t.source : t.target;
    const c = count.get(holder) ?? { ties: 0, strength: 0 };
    c.ties += 1;
    c.strength += t.strength;
    count.set(holder, c);
  }
  return [...count.entries()]
    .sort(([a, x], [b, y]) => y.ties - x.ties || (a < b ? -1 : 1))
    .map(([id, c]) => ({ id, label: label.get(id)!, outsideTies: c.ties, outsideStrength: c.strength }));
}

/** Holders compared exactly on id, label and count, and on strength to 12 digits. */
function expectHolders(actual: Holder[], expected: Holder[]): void {
  expect(actual.map((h) => [h.id, h.label, h.outsideTies])).toEqual(expected.map((h) => [h.id, h.label, h.outsideTies]));
  actual.forEach((h, i) => {
    expect(h.outsideStrength).toBeTypeOf('number');
    expect(h.outsideStrength!).toBeCloseTo(expected[i]!.outsideStrength!, 12);
  });
}

afterAll(async () => {
  for (const s of servers) {
    await s.close();
    removeWorkspace(s.workspace);
  }
  for (const d of dirs) removeWorkspace(d);
});

describe("Krackhardt's managers: outside holders by department and by community", () => {
  let srv: TestServer;
  let runId: string;
  let ties: Tie[];
  const department = new Map<string, string>();
  const label = new Map<string, string>();

  beforeAll(async () => {
    const ws = await scoredWorkspace(KRACKHARDT, 'k');
    runId = ws.run.id;
    srv = await startTestServer(ws.workspace);
    servers.push(srv);
    ties = await tiesOf(srv, runId);
    for (const l of readFileSync(join(KRACKHARDT, 'nodes.csv'), 'utf8').trim().split('\n').slice(1)) {
      const f = l.split(',');
      department.set(f[0]!, f[4]!);
    }
    for (const n of (await ok(srv, `/api/runs/${runId}/nodes`, S.nodeList)).items) label.set(n.id, n.label);
  });

  const membersOf = (key: string | null): Set<string> => new Set([...department].filter(([, d]) => d === key).map(([id]) => id));

  it('every department lists all its outside holders (top=100), most outside ties first, then by id', async () => {
    const groups = await ok(srv, `/api/runs/${runId}/groups?top=100`, S.clusterList);
    expect(groups.attribute).toBe('department');
    expect(groups.items.map((g) => g.key)).toEqual(['2', '1', '4', '3', '0']);
    for (const g of groups.items) {
      const expected = expectedHolders(membersOf(g.key), ties, label);
      expectHolders(g.outsideHolders, expected);
      // Every outside tie has exactly one end in the group: the counts add up to the group's ties out.
      expect(g.outsideHolders.reduce((a, h) => a + h.outsideTies, 0)).toBe(g.externalTies);
      expect(g.outsideHolders.reduce((a, h) => a + h.outsideStrength!, 0)).toBeCloseTo(g.externalStrength, 12);
    }
  });

  it('departments 0 (the CEO alone), 3 and 2 counted by hand', async () => {
    // Department 0 is A07 alone, so every tie of A07 leaves it.
    const ofA07 = ties.filter((t) => t.source === 'A07' || t.target === 'A07');
    // Department 3: A10, A11, A18; a tie leaves it when its other end is not one of the three.
    const dept3 = ['A10', 'A11', 'A18'];
    const out3 = (id: string): Tie[] => ties.filter((t) => (t.source === id || t.target === id) && !(dept3.includes(t.source) && dept3.includes(t.target)));
    const groups = await ok(srv, `/api/runs/${runId}/groups?top=100`, S.clusterList);
    const g0 = groups.items.find((g) => g.key === '0')!;
    const g3 = groups.items.find((g) => g.key === '3')!;
    expect(ofA07.length).toBeGreaterThan(0);
    expect(g0.outsideHolders).toHaveLength(1);
    expect(g0.outsideHolders[0]!.id).toBe('A07');
    expect(g0.outsideHolders[0]!.outsideTies).toBe(ofA07.length);
    expect(g0.outsideHolders[0]!.outsideStrength!).toBeCloseTo(
      ofA07.reduce((a, t) => a + t.strength, 0),
      12,
    );
    const counts = dept3.map((id) => [id, out3(id).length] as const).filter(([, c]) => c > 0);
    counts.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    expect(g3.outsideHolders.map((h) => [h.id, h.outsideTies])).toEqual(counts);
    // The same counted from edges.csv (distinct unordered pairs of the three relations, 159 in all):
    // A10 and A11 hold 14 each, so id breaks the tie.
    expect(g3.outsideHolders.map((h) => [h.id, h.outsideTies])).toEqual([
      ['A18', 15],
      ['A10', 14],
      ['A11', 14],
    ]);
    expect(g0.outsideHolders.map((h) => [h.id, h.outsideTies])).toEqual([['A07', 14]]);
    const g2 = groups.items.find((g) => g.key === '2')!;
    expect(g2.outsideHolders.map((h) => [h.id, h.outsideTies])).toEqual([
      ['A15', 13],
      ['A03', 12],
      ['A09', 12],
      ['A20', 12],
      ['A05', 11],
      ['A19', 8],
      ['A13', 5],
      ['A14', 5],
    ]);
  });

  it('every community lists its outside holders as its ties imply', async () => {
    const nodes = (await ok(srv, `/api/runs/${runId}/nodes`, S.nodeList)).items;
    const communities = await ok(srv, `/api/runs/${runId}/communities?top=100`, S.clusterList);
    expect(communities.items.length).toBeGreaterThan(1);
    for (const c of communities.items) {
      const members = new Set(nodes.filter((n) => String(n.metrics.community) === c.key).map((n) => n.id));
      expect(members.size).toBe(c.size);
      expectHolders(c.outsideHolders, expectedHolders(members, ties, label));
      expect(c.outsideHolders.length).toBeGreaterThan(0);
    }
  });

  it('top limits the holders to the first ones (default 5, like topMembers); the other fields are unchanged', async () => {
    const all = await ok(srv, `/api/runs/${runId}/groups?top=100`, S.clusterList);
    const biggest = all.items[0]!;
    expect(biggest.outsideHolders.length).toBeGreaterThan(5);
    for (const [query, n] of [['?top=2', 2], ['?top=0', 0], ['', 5]] as const) {
      const limited = await ok(srv, `/api/runs/${runId}/groups${query}`, S.clusterList);
      expect(limited.items.map((g) => g.key)).toEqual(all.items.map((g) => g.key));
      limited.items.forEach((g, i) => {
        expect(g.outsideHolders).toEqual(all.items[i]!.outsideHolders.slice(0, n));
        expect(g.topMembers).toHaveLength(Math.min(n, g.size));
        const { outsideHolders: _a, topMembers: _b, ...rest } = g;
        const { outsideHolders: _c, topMembers: _d, ...restAll } = all.items[i]!;
        expect(rest).toEqual(restAll);
      });
    }
    const communities = await ok(srv, `/api/runs/${runId}/communities?top=1`, S.clusterList);
    expect(communities.items.every((c) => c.outsideHolders.length === 1)).toBe(true);
  });
});

describe('a group with no outside ties', () => {
  it('gives [] while the other groups list theirs', async () => {
    // Group a: X1–X2–X3, with X3 tied to X4 of group b; group c: X5–X6, tied to no one else.
    const dir = mkdtempSync(join(tmpdir(), 'socap-cluster-input-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'nodes.csv'), 'id,label,department\nX1,Ann,a\nX2,Bo,a\nX3,Cy,a\nX4,Di,b\nX5,Ed,c\nX6,Flo,c\n');
    writeFileSync(join(dir, 'edges.csv'), 'source,target,relation,weight\nX1,X2,talk,1\nX2,X3,talk,1\nX3,X4,talk,1\nX5,X6,talk,1\n');
    const ws = await scoredWorkspace(dir, 'small');
    const srv = await startTestServer(ws.workspace);
    servers.push(srv);
    const groups = await ok(srv, `/api/runs/${ws.run.id}/groups`, S.clusterList);
    expect(groups.attribute).toBe('department');
    const holders = Object.fromEntries(groups.items.map((g) => [g.key, g.outsideHolders.map((h) => [h.id, h.label, h.outsideTies])]));
    expect(holders).toEqual({ a: [['X3', 'Cy', 1]], b: [['X4', 'Di', 1]], c: [] });
    expect(groups.items.find((g) => g.key === 'c')!.externalTies).toBe(0);
  });
});
