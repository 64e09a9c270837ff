import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MultiGraph, UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../engine/model/types.js';
import { collect, tempDir, writeInput } from './collect.js';

function exportTo(graph: { export(): unknown }, name = 'g.json'): string {
  const path = join(tempDir(), name);
  writeFileSync(path, JSON.stringify(graph.export()));
  return path;
}

describe('graphology JSON from graph.export()', () => {
  it('reads a mixed multigraph: node label, kind and stringified attributes; edge weight, type, timestamp and key', async () => {
    const g = new MultiGraph();
    g.addNode('ann', { label: 'Ann', kind: 'person', department: 'Sales', level: 3, remote: true, x: 0.5, tags: ['a', 'b'], note: null });
    g.addNode('007', { kind: 'team' });
    g.addNode(42, {});
    g.addDirectedEdgeWithKey('m1', 'ann', '007', { weight: 2.5, type: 'email', timestamp: '2024-03-05T14:30:00Z' });
    g.addUndirectedEdge('007', 42, { relation: 'cowork', timestamp: 1709596800, weight: '3' });
    g.addDirectedEdge(42, 'ann', {});
    const r = await collect(exportTo(g));
    expect(r.actors).toEqual([
      { id: 'ann', label: 'Ann', kind: 'person', attributes: { department: 'Sales', level: '3', remote: 'true', x: '0.5', tags: '["a","b"]' } },
      { id: '007', kind: 'team', attributes: {} },
      { id: '42', attributes: {} },
    ]);
    expect(r.interactions).toEqual([
      { id: 'm1', source: 'ann', target: '007', weight: 2.5, type: 'email', timestamp: 1709649000000, line: 1 },
      { id: expect.any(String), source: '007', target: '42', weight: 3, type: 'cowork', timestamp: 1709596800000, undirected: true, line: 2 },
      { id: expect.any(String), source: '42', target: 'ann', weight: 1, line: 3 },
    ]);
    expect(r.summary).toMatchObject({ format: 'json', actorsRead: 3, interactionsRead: 3, skipped: 0 });
  });

  it('marks every edge of an undirected graph undirected', async () => {
    const g = new UndirectedGraph();
    g.mergeEdge('a', 'b');
    const r = await collect(exportTo(g));
    expect(r.interactions).toEqual([{ id: expect.any(String), source: 'a', target: 'b', weight: 1, undirected: true, line: 1 }]);
  });
});

describe('graphology JSON bad rows', () => {
  it('names the array position of each bad node or edge, 1-based', async () => {
    const doc = {
      attributes: {},
      options: { type: 'directed', multi: true, allowSelfLoops: true },
      nodes: [{ key: 'a' }, { key: 'b', attributes: { kind: 'robot' } }, { attributes: {} }, 'c', { key: 'a' }, { key: 'd' }],
      edges: [
        { source: 'a', target: 'd', attributes: { weight: 'abc' } },
        { source: 'a', target: 'b' },
        { source: 'a', target: 'zz' },
        { source: 'd', target: 'd' },
        { target: 'd' },
        { source: 'a', target: 'd', attributes: { timestamp: 'never' } },
        { source: 'a', target: 'd', attributes: { weight: -1 } },
        { source: 'd', target: 'a', attributes: { weight: 0.5 } },
      ],
    };
    const path = writeInput(tempDir(), 'bad.json', JSON.stringify(doc, null, 2));
    const r = await collect(path);
    expect(r.messages).toEqual([
      `${path}:2: column "kind": invalid kind "robot" (expected person, team, org or external) (nodes #2)`,
      `${path}:3: column "key": missing key (nodes #3)`,
      `${path}:4: not an object (nodes #4)`,
      `${path}:5: column "key": duplicate actor id "a" (first at nodes #1) (nodes #5)`,
      `${path}:1: column "weight": non-numeric weight "abc" (edges #1)`,
      `${path}:2: column "target": unknown actor "b" (its node was rejected) (edges #2)`,
      `${path}:3: column "target": unknown actor "zz" (not in nodes) (edges #3)`,
      `${path}:4: warning: self-loop dropped (edges #4)`,
      `${path}:5: column "source": missing source (edges #5)`,
      `${path}:6: column "timestamp": unparseable timestamp "never" (edges #6)`,
      `${path}:7: column "weight": negative weight "-1" (edges #7)`,
    ]);
    expect(r.actors.map((a) => a.id)).toEqual(['a', 'd']);
    expect(r.interactions).toEqual([{ source: 'd', target: 'a', weight: 0.5, line: 8 }]);
  });

  it('fails on malformed JSON, on a document without a nodes array, and on an empty file', async () => {
    const dir = tempDir();
    const broken = writeInput(dir, 'broken.json', '{"nodes": [');
    await expect(collect(broken)).rejects.toThrow(new RegExp(`^${broken}: malformed JSON: `));
    const other = writeInput(dir, 'other.json', '{"vertices": []}');
    await expect(collect(other)).rejects.toThrow(new InputError(`${other}: not a graphology JSON export (no "nodes" array)`));
    const edges = writeInput(dir, 'edges.json', '{"nodes": [], "edges": {}}');
    await expect(collect(edges)).rejects.toThrow(new InputError(`${edges}: not a graphology JSON export ("edges" is not an array)`));
    const blank = writeInput(dir, 'blank.json', ' \n');
    await expect(collect(blank)).rejects.toThrow(new InputError(`${blank} is empty`));
  });
});
