// Every read route over HTTP against the real app and a real SQLite store holding Krackhardt's
// high-tech managers, scored once through the engine. Expected values come from the store's own
// score rows (and the data set's nodes.csv), recomputed here independently of the server code.
// Every JSON response is also parsed with its documented response schema.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { EdgeScoreRow, NodeScoreRow, RunRecord } from '../../engine/model/types.js';
import { csvCell } from '../../engine/run/output.js';
import { socapVersion } from '../../engine/run/version.js';
import * as S from '../../server/response-schemas.js';
import { PALETTE } from '../../server/sigma-graph.js';
import { cacheKey } from '../../server/response-cache.js';
import { getJson, KRACKHARDT, removeWorkspace, scoredWorkspace, startTestServer, type TestServer } from './harness.js';

let srv: TestServer;
let run: RunRecord;
let nodes: NodeScoreRow[];
let edges: EdgeScoreRow[];
const department = new Map<string, string>();

beforeAll(async () => {
  const ws = await scoredWorkspace(KRACKHARDT, 'k');
  run = ws.run;
  srv = await startTestServer(ws.workspace);
  nodes = await srv.store.readNodeScores(run.id);
  edges = await srv.store.readEdgeScores(run.id);
  const lines = readFileSync(join(KRACKHARDT, 'nodes.csv'), 'utf8').trim().split('\n').slice(1);
  for (const l of lines) {
    const f = l.split(',');
    department.set(f[0]!, f[4]!);
  }
});

afterAll(async () => {
  await srv?.close();
  if (srv) removeWorkspace(srv.workspace);
});

async function ok<T extends z.ZodType>(path: string, schema: T, init?: RequestInit): Promise<z.output<T>> {
  const r = await getJson(srv.url + path, init);
  expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBe(200);
  return schema.parse(r.body);
}

const num = (r: NodeScoreRow, c: string): number => r.values[c] as number;
/** The metric values of a score row: all but the stored layout (x, y). */
const metricsOf = (r: NodeScoreRow): NodeScoreRow['values'] => Object.fromEntries(Object.entries(r.values).filter(([c]) => c !== 'x' && c !== 'y'));
const byId = (a: NodeScoreRow, b: NodeScoreRow): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const neighbours = (id: string): string[] => edges.filter((e) => e.source === id || e.target === id).map((e) => (e.source === id ? e.target : e.source));

describe('meta and data sets', () => {
  it('GET /api/health', async () => {
    expect(await ok('/api/health', S.health)).toEqual({ status: 'ok', version: socapVersion(), store: 'sqlite' });
  });

  it('GET /api/datasets and /api/datasets/{name}', async () => {
    const list = await ok('/api/datasets', S.datasetList);
    expect(list.items.map((d) => [d.name, d.actors, d.interactions, d.types])).toEqual([['k', 21, 312, ['advice', 'friendship', 'reports_to']]]);
    expect(await ok('/api/datasets/k', S.datasetInfo)).toEqual(list.items[0]);
  });

  it('GET /api/runs, /api/runs/{id} and latest', async () => {
    const list = await ok('/api/runs', S.runList);
    expect(list.items.map((r) => r.id)).toEqual([run.id]);
    const byIdRun = await ok(`/api/runs/${run.id}`, S.runRecord);
    expect(byIdRun).toEqual(JSON.parse(JSON.stringify(await srv.store.getRun(run.id))));
    expect(byIdRun.counts).toEqual({ actors: 21, interactions: 312, ties: edges.length, skipped: 0 });
    expect((await ok('/api/runs/latest', S.runRecord)).id).toBe(run.id);
    expect((await ok('/api/runs/latest?dataset=k', S.runRecord)).id).toBe(run.id);
    expect((await ok('/api/runs?dataset=k', S.runList)).items).toHaveLength(1);
  });
});

describe('actors', () => {
  it('lists every actor with every metric, in stored order, by default', async () => {
    const r = await ok(`/api/runs/${run.id}/nodes`, S.nodeList);
    expect(r.total).toBe(21);
    expect(r.items.map((i) => i.id)).toEqual(nodes.map((n) => n.id));
    for (const [k, item] of r.items.entries()) expect(item.metrics).toEqual(metricsOf(nodes[k]!));
    expect(r.items[0]).toMatchObject({ id: 'A01', label: 'A01', attributes: { age: '33', tenure: '9.333', level: '3', department: '4', level_label: 'Manager' } });
  });

  it('sorts by a metric (descending by default, ties by id) and pages', async () => {
    const expected = [...nodes].sort((a, b) => num(b, 'betweenness') - num(a, 'betweenness') || byId(a, b)).map((n) => n.id);
    const r = await ok('/api/runs/latest/nodes?sort=betweenness&limit=5', S.nodeList);
    expect(r.items.map((i) => i.id)).toEqual(expected.slice(0, 5));
    const page = await ok('/api/runs/latest/nodes?sort=betweenness&limit=5&offset=5', S.nodeList);
    expect(page.items.map((i) => i.id)).toEqual(expected.slice(5, 10));
    const asc = await ok('/api/runs/latest/nodes?sort=constraint&order=asc&limit=3', S.nodeList);
    expect(asc.items.map((i) => i.id)).toEqual([...nodes].sort((a, b) => num(a, 'constraint') - num(b, 'constraint') || byId(a, b)).slice(0, 3).map((n) => n.id));
    const labels = await ok('/api/runs/latest/nodes?sort=label&order=desc&limit=2', S.nodeList);
    expect(labels.items.map((i) => i.id)).toEqual(['A21', 'A20']);
  });

  it('filters by metric range, group and community', async () => {
    const r = await ok('/api/runs/latest/nodes?min_betweenness=0.03&max_constraint=0.2', S.nodeList);
    const expected = nodes.filter((n) => num(n, 'betweenness') >= 0.03 && num(n, 'constraint') <= 0.2).map((n) => n.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(r.items.map((i) => i.id)).toEqual(expected);
    expect(r.total).toBe(expected.length);
    const g = await ok('/api/runs/latest/nodes?group=2', S.nodeList);
    expect(g.items.map((i) => i.id)).toEqual(nodes.filter((n) => department.get(n.id) === '2').map((n) => n.id));
    expect(g.total).toBe(8);
    const c = await ok('/api/runs/latest/nodes?community=0', S.nodeList);
    expect(c.items.map((i) => i.id)).toEqual(nodes.filter((n) => n.values.community === 0).map((n) => n.id));
  });

  it('GET /nodes/{actor}: metrics, percentiles, ties and explanation from the stored scores', async () => {
    const top = [...nodes].sort((a, b) => num(b, 'betweenness') - num(a, 'betweenness') || byId(a, b))[0]!;
    const d = await ok(`/api/runs/${run.id}/nodes/${top.id}`, S.nodeDetail);
    expect(d.metrics.betweenness).toBe(top.values.betweenness);
    expect(d.metrics).toEqual(metricsOf(top));
    expect(d.group).toBe(department.get(top.id));
    expect(d.groupAttribute).toBe('department');
    // Percentile: share of the other 20 actors with a strictly lower value.
    for (const c of ['betweenness', 'constraint', 'degree', 'pagerank']) {
      const below = nodes.filter((n) => num(n, c) < num(top, c)).length;
      expect(d.percentiles[c]).toBeCloseTo((100 * below) / 20, 12);
    }
    expect(d.percentiles.community).toBeUndefined();
    // Ties: one per neighbour, strongest first, with the stored tie values.
    expect(d.ties).toHaveLength(num(top, 'degree'));
    expect(new Set(d.ties.map((t) => t.other))).toEqual(new Set(neighbours(top.id)));
    for (const t of d.ties) {
      const e = edges.find((x) => (x.source === top.id && x.target === t.other) || (x.target === top.id && x.source === t.other))!;
      expect(t).toEqual({ other: t.other, label: t.other, ...e.values });
    }
    const s = d.ties.map((t) => t.strength as number);
    expect(s).toEqual([...s].sort((a, b) => b - a));
    const lowerConstraint = nodes.filter((n) => num(n, 'constraint') > num(top, 'constraint')).length;
    expect(d.explanation).toContain(`${top.label} has ${num(top, 'degree')} ties.`);
    expect(d.explanation).toContain(`lower than ${Math.round((100 * lowerConstraint) / 20)}% of actors`);
    expect(d.explanation).toContain('It ranks 1st of 21 actors by betweenness');
    expect(d.explanation).toContain(`as liaison`);
    // The second answer comes from the run's response cache: the same document.
    expect(await ok(`/api/runs/${run.id}/nodes/${top.id}`, S.nodeDetail)).toEqual(d);
    expect(cacheKey('getNode', { a: 1, b: [2, { d: 1, c: 2 }] })).toBe(cacheKey('getNode', { b: [2, { c: 2, d: 1 }], a: 1 }));
    expect(cacheKey('getNode', 1)).not.toBe(cacheKey('getNode', 2));
  });

  it('GET /nodes/{actor}: the explanation names the groups and communities the ties reach, with their counts', async () => {
    // Counts from GET /edges, groups from nodes.csv (department), communities from GET /nodes.
    const listed = (await ok('/api/runs/latest/edges?limit=10000', S.edgeList)).items;
    const community = new Map((await ok('/api/runs/latest/nodes?limit=10000', S.nodeList)).items.map((n) => [n.id, String(n.metrics.community)]));
    /** The sentence the issue asks for, e.g. "Its ties reach 3 department groups (2, 1 and 4); 6 ties of 9 lead into 2 … besides its own (2)." */
    const sentence = (subject: string, one: string, many: string, own: string, reach: Map<string, number>, ties: number): string => {
      const sorted = [...reach].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => name);
      expect(sorted.length).toBeLessThanOrEqual(5);
      const names = sorted.length === 1 ? sorted[0] : `${sorted.slice(0, -1).join(', ')} and ${sorted.at(-1)}`;
      const outside = sorted.filter((name) => name !== own);
      const outTies = outside.reduce((a, name) => a + reach.get(name)!, 0);
      const kinds = (k: number): string => `${k} ${k === 1 ? one : many}`;
      let text = `${subject} reach ${kinds(sorted.length)} (${names})`;
      if (outside.length === 0) text += `, all inside its own (${own})`;
      else if (outTies === ties) text += `, none of them its own (${own})`;
      else text += `; ${outTies} ${outTies === 1 ? 'tie' : 'ties'} of ${ties} ${outTies === 1 ? 'leads' : 'lead'} into ${kinds(outside.length)} besides its own (${own})`;
      return text + '.';
    };
    const seen = { inside: 0, none: 0, some: 0 };
    for (const n of nodes) {
      const others = listed.filter((t) => t.source === n.id || t.target === n.id).map((t) => (t.source === n.id ? t.target : t.source));
      const byGroup = new Map<string, number>();
      const byCommunity = new Map<string, number>();
      for (const o of others) {
        byGroup.set(department.get(o)!, (byGroup.get(department.get(o)!) ?? 0) + 1);
        byCommunity.set(community.get(o)!, (byCommunity.get(community.get(o)!) ?? 0) + 1);
      }
      const d = await ok(`/api/runs/${run.id}/nodes/${n.id}`, S.nodeDetail);
      expect(d.explanation).toContain(`${n.label} has ${others.length} ties.`);
      const groups = sentence('Its ties', 'department group', 'department groups', department.get(n.id)!, byGroup, others.length);
      const comms = sentence('They', 'community', 'communities', community.get(n.id)!, byCommunity, others.length);
      expect(d.explanation, n.id).toContain(`${groups} ${comms}`);
      for (const x of [groups, comms]) seen[x.includes('all inside') ? 'inside' : x.includes('none of them') ? 'none' : 'some']++;
    }
    // The data set exercises the mixed case and at least one of the others.
    expect(seen.some).toBeGreaterThan(0);
    expect(seen.inside + seen.none).toBeGreaterThan(0);
  });

  it('GET /nodes/{actor}/ego: the induced ball of radius 1 and 2', async () => {
    const ego = 'A07';
    for (const radius of [1, 2]) {
      const g = await ok(`/api/runs/${run.id}/nodes/${ego}/ego?radius=${radius}`, S.graphologyJson);
      const ball = new Map<string, number>([[ego, 0]]);
      let frontier = [ego];
      for (let d = 1; d <= radius; d++) {
        frontier = frontier.flatMap((v) => neighbours(v)).filter((v) => !ball.has(v) && ball.set(v, d));
      }
      expect(new Map(g.nodes.map((n) => [n.key, n.attributes.distance]))).toEqual(ball);
      const induced = edges.filter((e) => ball.has(e.source) && ball.has(e.target));
      expect(g.edges).toHaveLength(induced.length);
      expect(g.options).toEqual({ type: 'undirected', multi: false, allowSelfLoops: false });
      expect(g.attributes).toEqual({ run: run.id, ego, radius });
    }
    const g1 = await ok(`/api/runs/${run.id}/nodes/${ego}/ego`, S.graphologyJson);
    expect(g1.attributes.radius).toBe(1);
    // `latest` names the same run.
    expect(await ok(`/api/runs/latest/nodes/${ego}/ego?radius=2`, S.graphologyJson)).toEqual(await ok(`/api/runs/${run.id}/nodes/${ego}/ego?radius=2`, S.graphologyJson));
    expect(await ok(`/api/runs/latest/nodes/${ego}/ego?dataset=k`, S.graphologyJson)).toEqual(g1);
  });
});

describe('ties and analyses', () => {
  it('GET /edges: all ties, and filters on the tie columns the run has', async () => {
    const all = await ok('/api/runs/latest/edges?limit=10000', S.edgeList);
    expect(all.total).toBe(edges.length);
    expect(all.items).toEqual(edges.map((e) => ({ source: e.source, target: e.target, ...e.values })));
    const lb = await ok('/api/runs/latest/edges?filter=local_bridges', S.edgeList);
    expect(lb.total).toBe(edges.filter((e) => e.values.local_bridge === true).length);
    const br = await ok('/api/runs/latest/edges?filter=bridges', S.edgeList);
    expect(br.total).toBe(edges.filter((e) => e.values.bridge === true).length);
    for (const [filter, column, value] of [
      ['strong', 'strong', true],
      ['weak', 'strong', false],
      ['cooling', 'cooling', true],
    ] as const) {
      const r = await ok(`/api/runs/latest/edges?filter=${filter}`, S.edgeList);
      if (column in edges[0]!.values) {
        expect(r.total).toBe(edges.filter((e) => e.values[column] === value).length);
      } else {
        expect(r).toEqual({ total: 0, items: [], note: `run ${run.id} has no "${column}" tie column, so no tie matches filter=${filter}` });
      }
    }
  });

  it('GET /brokers: betweenness descending, then constraint ascending; by group', async () => {
    const rank = (list: NodeScoreRow[]): string[] =>
      [...list].sort((a, b) => num(b, 'betweenness') - num(a, 'betweenness') || num(a, 'constraint') - num(b, 'constraint') || byId(a, b)).map((n) => n.id);
    const r = await ok('/api/runs/latest/brokers?limit=21', S.brokerList);
    expect(r.items.map((b) => b.id)).toEqual(rank(nodes));
    expect(r.items.map((b) => b.rank)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(r.items[0]!.betweenness).toBe(nodes.find((n) => n.id === r.items[0]!.id)!.values.betweenness);
    const g = await ok('/api/runs/latest/brokers?group=1', S.brokerList);
    expect(g.items.map((b) => b.id)).toEqual(rank(nodes.filter((n) => department.get(n.id) === '1')));
    expect(g.items.every((b) => b.group === '1')).toBe(true);
  });

  it('GET /communities and /groups: sizes, ties inside and across, cohesion', async () => {
    const check = (list: z.output<typeof S.clusterList>, keyOf: (id: string) => string): void => {
      expect(list.items.reduce((a, c) => a + c.size, 0)).toBe(21);
      for (const c of list.items) {
        const members = new Set(nodes.filter((n) => keyOf(n.id) === c.key).map((n) => n.id));
        expect(c.size).toBe(members.size);
        const inside = edges.filter((e) => members.has(e.source) && members.has(e.target));
        const across = edges.filter((e) => members.has(e.source) !== members.has(e.target));
        expect(c.internalTies).toBe(inside.length);
        expect(c.externalTies).toBe(across.length);
        const si = inside.reduce((a, e) => a + (e.values.strength as number), 0);
        const sx = across.reduce((a, e) => a + (e.values.strength as number), 0);
        expect(c.internalStrength).toBeCloseTo(si, 12);
        expect(c.cohesion).toBeCloseTo(si / (si + sx), 12);
        const best = [...members].map((id) => nodes.find((n) => n.id === id)!).sort((a, b) => num(b, 'betweenness') - num(a, 'betweenness') || byId(a, b))[0]!;
        expect(c.topMembers[0]).toEqual({ id: best.id, label: best.label, score: best.values.betweenness });
      }
    };
    const communities = await ok('/api/runs/latest/communities', S.clusterList);
    expect(communities.attribute).toBe('community');
    expect(communities.rankedBy).toBe('betweenness');
    check(communities, (id) => String(nodes.find((n) => n.id === id)!.values.community));
    const groups = await ok('/api/runs/latest/groups?top=2', S.clusterList);
    expect(groups.attribute).toBe('department');
    expect(groups.items.map((g) => [g.key, g.size])).toEqual([
      ['2', 8],
      ['1', 5],
      ['4', 4],
      ['3', 3],
      ['0', 1],
    ]);
    expect(groups.items.every((g) => g.topMembers.length <= 2)).toBe(true);
    check(groups, (id) => department.get(id)!);
  });

  it('GET /health: the cooling ties, or a note when the run has none', async () => {
    const h = await ok('/api/runs/latest/health', S.edgeList);
    if ('cooling' in edges[0]!.values) expect(h.total).toBe(edges.filter((e) => e.values.cooling === true).length);
    else expect(h).toEqual({ total: 0, items: [], note: `run ${run.id} has no "cooling" tie column: cooling needs timestamped interactions` });
  });

  it('POST /whatif: components and fragmentation after removing actors (a read)', async () => {
    // Remove the 15 actors of highest degree; recompute the components of the other 6 with a plain BFS.
    const removed = [...nodes].sort((a, b) => num(b, 'degree') - num(a, 'degree') || byId(a, b)).slice(0, 15).map((n) => n.id);
    const rest = nodes.map((n) => n.id).filter((id) => !removed.includes(id));
    const seen = new Set<string>();
    const sizes: number[] = [];
    for (const s of rest) {
      if (seen.has(s)) continue;
      let frontier = [s];
      seen.add(s);
      let size = 1;
      while (frontier.length) {
        frontier = frontier.flatMap((v) => neighbours(v)).filter((v) => rest.includes(v) && !seen.has(v) && seen.add(v) && ++size);
      }
      sizes.push(size);
    }
    const n = rest.length;
    const r = await ok('/api/runs/latest/whatif', S.whatIfResponse, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ remove: removed }),
    });
    expect(r.removed).toEqual(removed);
    expect(r.before).toMatchObject({ actors: 21, components: 1, largestComponent: 21, fragmentation: 0, disconnectedPairs: 0 });
    expect(r.after.actors).toBe(6);
    expect(r.after.components).toBe(sizes.length);
    expect(r.after.largestComponent).toBe(Math.max(...sizes));
    expect(r.after.fragmentation).toBeCloseTo(1 - sizes.reduce((a, s) => a + s * (s - 1), 0) / (n * (n - 1)), 15);
    const connectedAfter = sizes.reduce((a, s) => a + (s * (s - 1)) / 2, 0);
    expect(r.pairsDisconnected).toBe(15 - connectedAfter);
    expect(r.pairsDisconnectedShare).toBeCloseTo((15 - connectedAfter) / 15, 15);
    expect(r.splitOff.reduce((a, p) => a + p.size, 0)).toBe(n - Math.max(...sizes));
  });
});

describe('map graph and exports', () => {
  it('GET /graph: every actor with x, y, size, palette color and metrics; every tie', async () => {
    const g = await ok('/api/runs/latest/graph', S.graphologyJson);
    expect(g.nodes.map((n) => n.key)).toEqual(nodes.map((n) => n.id));
    expect(g.edges).toHaveLength(edges.length);
    expect(g.attributes.level).toBe('actors');
    expect(g.attributes.sizeMetric).toBe('betweenness');
    // Scoring stores the ForceAtlas2 layout with the node scores: a finite x and y for every actor,
    // not all at one point; the map serves exactly those.
    for (const n of nodes) expect([Number.isFinite(n.values.x), Number.isFinite(n.values.y)], n.id).toEqual([true, true]);
    expect(new Set(nodes.map((n) => `${n.values.x},${n.values.y}`)).size).toBe(nodes.length);
    expect(g.attributes.layout).toBe('stored');
    expect(g.attributes.notes).toEqual([]);
    const bs = nodes.map((n) => num(n, 'betweenness'));
    const [lo, hi] = [Math.min(...bs), Math.max(...bs)];
    for (const [k, n] of g.nodes.entries()) {
      const row = nodes[k]!;
      expect(n.attributes.color).toBe(PALETTE[num(row, 'community') % PALETTE.length]);
      expect(n.attributes.betweenness).toBe(row.values.betweenness);
      expect(n.attributes.size).toBeCloseTo(3 + 12 * Math.sqrt((num(row, 'betweenness') - lo) / (hi - lo)), 12);
      expect([n.attributes.x, n.attributes.y]).toEqual([row.values.x, row.values.y]);
    }
    expect(g.edges[0]!.attributes.strength).toBe(edges[0]!.values.strength);
  });

  it('GET /graph: each tie carries the columns and flags GET /edges gives the same tie', async () => {
    const g = await ok('/api/runs/latest/graph', S.graphologyJson);
    const listed = (await ok('/api/runs/latest/edges?limit=10000', S.edgeList)).items;
    const pairKey = (t: { source: string; target: string }): string => [t.source, t.target].sort().join('|');
    const byPair = new Map(listed.map((t) => [pairKey(t), t]));
    expect(byPair.size).toBe(edges.length);
    expect(new Set(g.edges.map(pairKey))).toEqual(new Set(byPair.keys()));
    const flags = ['strong', 'local_bridge', 'bridge', 'weak_bridge'];
    for (const e of g.edges) {
      for (const f of flags) expect(typeof e.attributes[f], `${pairKey(e)} ${f}`).toBe('boolean');
      const { size: _size, ...columns } = e.attributes;
      const { source: _s, target: _t, ...listedColumns } = byPair.get(pairKey(e))!;
      expect(columns, pairKey(e)).toEqual(listedColumns);
    }
    // strong and weak_bridge take both values among these ties, so a flag copied from the wrong tie shows.
    for (const f of ['strong', 'weak_bridge']) expect(new Set(g.edges.map((e) => e.attributes[f]))).toEqual(new Set([true, false]));
  });

  it('GET /graph?level=communities: one node per community at the centroid, ties aggregated', async () => {
    const actors = await ok('/api/runs/latest/graph', S.graphologyJson);
    const g = await ok('/api/runs/latest/graph?level=communities', S.graphologyJson);
    const comms = [...new Set(nodes.map((n) => num(n, 'community')))];
    expect(g.nodes.map((n) => n.attributes.community).sort()).toEqual(comms.sort());
    for (const c of g.nodes) {
      const members = actors.nodes.filter((n) => n.attributes.community === c.attributes.community);
      expect(c.attributes.actors).toBe(members.length);
      expect(c.attributes.x).toBeCloseTo(members.reduce((a, n) => a + (n.attributes.x as number), 0) / members.length, 9);
    }
    const across = edges.filter((e) => nodes.find((n) => n.id === e.source)!.values.community !== nodes.find((n) => n.id === e.target)!.values.community);
    expect(g.edges.reduce((a, e) => a + (e.attributes.ties as number), 0)).toBe(across.length);
    expect(g.attributes.internalTies).toBe(edges.length - across.length);
  });

  it('GET /export?format=csv: the nodes.csv contract', async () => {
    const r = await fetch(`${srv.url}/api/runs/${run.id}/export?format=csv`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename="k-${run.id}-nodes.csv"`);
    const cols = Object.keys(nodes[0]!.values).filter((c) => c !== 'x' && c !== 'y');
    const expected = [['id', 'label', ...cols].join(','), ...nodes.map((n) => [n.id, n.label, ...cols.map((c) => csvCell(n.values[c]))].join(','))].join('\n') + '\n';
    expect(await r.text()).toBe(expected);
  });

  it('GET /export?format=json: graphology JSON of every actor', async () => {
    const r = await fetch(`${srv.url}/api/runs/latest/export?format=json`);
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename="k-${run.id}.json"`);
    const doc = S.graphologyJson.parse(await r.json());
    expect(doc).toEqual(await ok('/api/runs/latest/graph?level=actors', S.graphologyJson));
  });

  it('GET /export?format=gexf: well-formed GEXF 1.3 with attributes and weights', async () => {
    const r = await fetch(`${srv.url}/api/runs/latest/export?format=gexf`);
    expect(r.headers.get('content-type')).toBe('application/gexf+xml; charset=utf-8');
    const xml = await r.text();
    const parser = new SaxesParser({ xmlns: true });
    const seen: { nodes: string[]; weights: number[]; version?: string; depts: Map<string, string>; current?: string } = { nodes: [], weights: [], depts: new Map() };
    parser.on('opentag', (t) => {
      const a = (k: string): string => t.attributes[k]!.value;
      if (t.local === 'gexf') seen.version = a('version');
      if (t.local === 'node') seen.nodes.push((seen.current = a('id')));
      if (t.local === 'edge') seen.weights.push(Number(a('weight')));
      if (t.local === 'attvalue' && a('for') === 'attr:department') seen.depts.set(seen.current!, a('value'));
    });
    parser.write(xml).close();
    expect(seen.version).toBe('1.3');
    expect(seen.nodes).toEqual(nodes.map((n) => n.id));
    expect(seen.weights).toEqual(edges.map((e) => e.values.strength));
    expect(seen.depts).toEqual(department);
  });
});
