// Tie filters and tie flags over HTTP on two small organizations whose answers are known by hand:
// - "org": the dated organization of tests/browser/cooling-org.ts (cooling ties worked out there)
//   plus a tie A–D that closes the triangle A–C–D, so the 4-cycle A–B–F–E holds local bridges that
//   are not bridges, the triangle holds neither, and A–G, G–H are bridges;
// - "wt": a plain weighted edge list (weight mode: strength = the weight), a triangle P–Q–R joined by
//   the bridge R–S to the 4-cycle S–T–U–V, weights 1..8, so the strong ties follow by hand.
// Bridges and local bridges are recomputed here from the fixtures' tie lists (remove each tie and
// test connectivity; look for a common neighbour), never from the server's or the engine's code.
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { RunRecord } from '../../engine/model/types.js';
import { loadInput } from '../../engine/run/load.js';
import { scoreDataset } from '../../engine/run/score.js';
import { openSqliteStore } from '../../engine/store/sqlite.js';
import * as S from '../../server/response-schemas.js';
import { AS_OF, COOLING_WORST_FIRST, TIES as ORG_TIES, writeCoolingOrg } from '../browser/cooling-org.js';
import { getJson, handRun, removeWorkspace, startTestServer, type TestServer } from './harness.js';

const DAY = 86_400_000;

/** The org's ties: cooling-org.ts's and A–D (8 contacts in each window: r/b = 1, not cooling). */
const ORG: [string, string][] = [...ORG_TIES.map(([a, b]): [string, string] => [a, b]), ['A', 'D']];
/** The weighted ties and their weights. */
const WT: [string, string, number][] = [
  ['P', 'Q', 1],
  ['Q', 'R', 2],
  ['P', 'R', 3],
  ['R', 'S', 4],
  ['S', 'T', 5],
  ['T', 'U', 6],
  ['U', 'V', 7],
  ['V', 'S', 8],
];

let folder: string;
let srv: TestServer;
let org: RunRecord;
let wt: RunRecord;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'socap-api-edges-'));
  const orgDir = join(folder, 'org');
  writeCoolingOrg(orgDir);
  const at = (daysBefore: number): string => new Date(AS_OF - daysBefore * DAY).toISOString();
  const ad = [...Array.from({ length: 8 }, (_, k) => `A,D,email,${at(61 + 45 * k)}`), ...Array.from({ length: 8 }, (_, k) => `D,A,email,${at(1 + k)}`)];
  appendFileSync(join(orgDir, 'edges.csv'), ad.join('\n') + '\n');
  const wtFile = join(folder, 'interactions.csv');
  writeFileSync(wtFile, ['source,target,weight', ...WT.map(([a, b, w]) => `${a},${b},${w}`)].join('\n') + '\n');

  const workspace = mkdtempSync(join(tmpdir(), 'socap-api-edges-ws-'));
  const store = openSqliteStore({ workspace });
  try {
    await loadInput(store, 'org', orgDir);
    await loadInput(store, 'wt', wtFile);
    org = (await scoreDataset({ store, dataset: 'org', options: { strongThreshold: 0.5 } })).run;
    wt = (await scoreDataset({ store, dataset: 'wt', options: { strongPercentile: 75 } })).run;
  } finally {
    await store.close();
  }
  srv = await startTestServer(workspace);
});

afterAll(async () => {
  await srv?.close();
  if (srv) removeWorkspace(srv.workspace);
  removeWorkspace(folder);
});

async function ok<T extends z.ZodType>(path: string, schema: T): Promise<z.output<T>> {
  const r = await getJson(srv.url + path);
  expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBe(200);
  return schema.parse(r.body);
}

type Item = z.output<typeof S.edgeList>['items'][number];
const key = (a: string, b: string): string => (a < b ? `${a}–${b}` : `${b}–${a}`);
const pair = (t: { source: string; target: string }): string => key(t.source, t.target);
const pairs = (items: { source: string; target: string }[]): string[] => items.map(pair).sort();
const keysOf = (ties: [string, string, ...unknown[]][]): string[] => ties.map(([a, b]) => key(a, b)).sort();

/** Ties whose removal leaves their endpoints disconnected (a breadth-first search without the tie). */
function bridgesOf(ties: [string, string, ...unknown[]][]): string[] {
  const out: string[] = [];
  for (const [k, [a, b]] of ties.entries()) {
    const rest = ties.filter((_, j) => j !== k);
    const seen = new Set([a]);
    let frontier = [a];
    while (frontier.length) {
      frontier = frontier.flatMap((v) => rest.filter((t) => t[0] === v || t[1] === v).map((t) => (t[0] === v ? t[1] : t[0]))).filter((v) => !seen.has(v) && seen.add(v));
    }
    if (!seen.has(b)) out.push(key(a, b));
  }
  return out.sort();
}

/** Ties whose endpoints have no common neighbour (they close no triangle). */
function localBridgesOf(ties: [string, string, ...unknown[]][]): string[] {
  const nb = (v: string): Set<string> => new Set(ties.filter((t) => t[0] === v || t[1] === v).map((t) => (t[0] === v ? t[1] : t[0])));
  return ties
    .filter(([a, b]) => ![...nb(a)].some((x) => nb(b).has(x)))
    .map(([a, b]) => key(a, b))
    .sort();
}

describe('the fixtures, worked out by hand', () => {
  it('bridges and local bridges of the tie lists', () => {
    // Guards the hand derivation the filters are checked against below.
    expect(bridgesOf(ORG)).toEqual(['A–G', 'G–H']);
    expect(localBridgesOf(ORG)).toEqual(['A–B', 'A–E', 'A–G', 'B–F', 'E–F', 'G–H']);
    expect(bridgesOf(WT)).toEqual(['R–S']);
    expect(localBridgesOf(WT)).toEqual(['S–T', 'R–S', 'S–V', 'T–U', 'U–V'].sort());
  });

  it('GET /edges lists exactly the fixture ties; weight mode keeps the weights as strengths', async () => {
    const o = await ok(`/api/runs/${org.id}/edges?limit=10000`, S.edgeList);
    expect(o.total).toBe(ORG.length);
    expect(pairs(o.items)).toEqual(keysOf(ORG));
    const w = await ok(`/api/runs/${wt.id}/edges?limit=10000`, S.edgeList);
    expect(pairs(w.items)).toEqual(keysOf(WT));
    for (const [a, b, weight] of WT) expect(w.items.find((t) => pair(t) === key(a, b))!.strength).toBe(weight);
  });
});

describe('GET /edges?filter=', () => {
  const cases: [string, () => RunRecord, string, () => string[]][] = [
    ['org', () => org, 'bridges', () => bridgesOf(ORG)],
    ['org', () => org, 'local_bridges', () => localBridgesOf(ORG)],
    ['org', () => org, 'cooling', () => COOLING_WORST_FIRST.map(([a, b]) => key(a, b)).sort()],
    ['wt', () => wt, 'bridges', () => bridgesOf(WT)],
    ['wt', () => wt, 'local_bridges', () => localBridgesOf(WT)],
    // Weight mode: strong when the weight is above the 75th percentile (nearest rank) of the 8
    // positive weights, i.e. above the 6th smallest (6): the ties of weight 7 and 8.
    ['wt', () => wt, 'strong', () => [key('U', 'V'), key('V', 'S')].sort()],
    ['wt', () => wt, 'weak', () => WT.filter(([, , w]) => w <= 6).map(([a, b]) => key(a, b)).sort()],
  ];
  for (const [name, runOf, filter, expected] of cases) {
    it(`${name}: filter=${filter}`, async () => {
      const run = runOf();
      const all = (await ok(`/api/runs/${run.id}/edges?limit=10000`, S.edgeList)).items;
      const r = await ok(`/api/runs/${run.id}/edges?filter=${filter}`, S.edgeList);
      const want = expected();
      expect(want.length).toBeGreaterThan(0);
      expect(r.note).toBeUndefined();
      expect(r.total).toBe(want.length);
      expect(pairs(r.items)).toEqual(want);
      // Each item is the tie as the unfiltered list shows it, in the unfiltered list's order.
      expect(r.items).toEqual(all.filter((t) => want.includes(pair(t))));
    });
  }

  it('org: strong and weak split the ties at the strength threshold (0.5)', async () => {
    const all = (await ok(`/api/runs/${org.id}/edges?limit=10000`, S.edgeList)).items;
    const strong = await ok(`/api/runs/${org.id}/edges?filter=strong`, S.edgeList);
    const weak = await ok(`/api/runs/${org.id}/edges?filter=weak`, S.edgeList);
    const atLeast = all.filter((t) => (t.strength as number) >= 0.5).map(pair).sort();
    expect(pairs(strong.items)).toEqual(atLeast);
    expect(pairs(weak.items)).toEqual(all.filter((t) => (t.strength as number) < 0.5).map(pair).sort());
    expect(strong.total + weak.total).toBe(ORG.length);
    expect(Math.min(strong.total, weak.total)).toBeGreaterThan(0);
  });

  it('org: GET /health gives the cooling ties worst first; A–D (r/b = 1) is not among them', async () => {
    const h = await ok(`/api/runs/${org.id}/health`, S.edgeList);
    expect(h.items.map(pair)).toEqual(COOLING_WORST_FIRST.map(([a, b]) => key(a, b)));
    const all = (await ok(`/api/runs/${org.id}/edges?limit=10000`, S.edgeList)).items;
    expect(all.find((t) => pair(t) === 'A–D')).toMatchObject({ cooling: false });
  });

  it('wt: weak bridges are the weak ties that are local bridges or join two communities', async () => {
    const community = new Map((await ok(`/api/runs/${wt.id}/nodes`, S.nodeList)).items.map((n) => [n.id, n.metrics.community]));
    const all = (await ok(`/api/runs/${wt.id}/edges?limit=10000`, S.edgeList)).items;
    const strong = new Set([key('U', 'V'), key('V', 'S')]);
    const local = new Set(localBridgesOf(WT));
    for (const t of all) {
      const expected = !strong.has(pair(t)) && (local.has(pair(t)) || community.get(t.source) !== community.get(t.target));
      expect(t.weak_bridge, pair(t)).toBe(expected);
    }
    // By hand: R–S, S–T and T–U are weak local bridges; U–V and V–S are strong.
    expect(all.filter((t) => t.weak_bridge === true).map(pair)).toEqual(expect.arrayContaining(['R–S', 'S–T', 'T–U']));
  });
});

describe('GET /graph: every tie carries the flags of GET /edges', () => {
  for (const name of ['org', 'wt'] as const) {
    it(name, async () => {
      const run = name === 'org' ? org : wt;
      const all = (await ok(`/api/runs/${run.id}/edges?limit=10000`, S.edgeList)).items;
      const g = await ok(`/api/runs/${run.id}/graph`, S.graphologyJson);
      expect(g.edges).toHaveLength(all.length);
      const flags = ['strong', 'local_bridge', 'bridge', 'weak_bridge', ...(name === 'org' ? ['cooling'] : [])];
      const byPair = new Map<string, Item>(all.map((t) => [pair(t), t]));
      for (const e of g.edges) {
        const t = byPair.get(pair(e))!;
        expect(t, pair(e)).toBeDefined();
        for (const f of flags) expect(typeof e.attributes[f], `${pair(e)} ${f}`).toBe('boolean');
        const { size: _size, ...attributes } = e.attributes;
        const { source: _s, target: _t, ...columns } = t;
        expect(attributes, pair(e)).toEqual(columns);
      }
      expect(new Set(g.edges.map(pair)).size).toBe(all.length);
    });
  }
});

describe('GET /graph of a run stored without a layout', () => {
  it('places the actors on a circle of radius 100, ordered by community then id, and says so', async () => {
    // A run saved straight into the store with wt's scores minus x and y.
    const rows = (await srv.store.readNodeScores(wt.id)).map((r) => {
      const { x: _x, y: _y, ...values } = r.values;
      return { ...r, values };
    });
    const bare = handRun({ id: 'r-20200101-000000-c1c1e0', dataset: 'wt', createdAt: '2020-01-01T00:00:00.000Z', parameters: wt.parameters });
    await srv.store.saveRun(bare, rows, await srv.store.readEdgeScores(wt.id));
    const g = await ok(`/api/runs/${bare.id}/graph`, S.graphologyJson);
    expect(g.attributes.layout).toBe('circle');
    expect(g.attributes.notes).toEqual(['the run has no stored layout: actors are placed on a circle, ordered by community']);
    const order = [...rows].sort((a, b) => (a.values.community as number) - (b.values.community as number) || (a.id < b.id ? -1 : 1)).map((r) => r.id);
    for (const n of g.nodes) {
      const angle = (2 * Math.PI * order.indexOf(n.key)) / rows.length;
      expect(n.attributes.x, n.key).toBeCloseTo(100 * Math.cos(angle), 12);
      expect(n.attributes.y, n.key).toBeCloseTo(100 * Math.sin(angle), 12);
    }
    // The scored run's map keeps its stored layout.
    expect((await ok(`/api/runs/${wt.id}/graph`, S.graphologyJson)).attributes.layout).toBe('stored');
  });
});
