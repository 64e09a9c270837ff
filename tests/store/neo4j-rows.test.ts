// The Neo4j store's pure parts, no server: batching, the `$rows` parameter shapes, and the mapping of
// driver records (real neo4j-driver Record objects, as a query would return them) to the data model.
import { createHash } from 'node:crypto';
import neo4j, { Record as Neo4jRecord } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../engine/model/types.js';
import {
  actorFromRecord,
  datasetFromRecord,
  edgeScoreChunk,
  edgeScoreParams,
  edgeScoresFromChunks,
  interactionFromRecord,
  interactionKey,
  nodeScoreChunk,
  nodeScoreParams,
  nodeScoresFromChunks,
  PendingLoad,
  runFromRecord,
  runProps,
  splitBatches,
  tieFromRecord,
} from '../../engine/store/neo4j-rows.js';

const rec = (fields: Record<string, unknown>): Neo4jRecord => new Neo4jRecord(Object.keys(fields), Object.values(fields));

describe('splitBatches', () => {
  it('splits into batches of at most the size, in order, the last one shorter', () => {
    expect(splitBatches([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(splitBatches([1, 2, 3, 4], 2)).toEqual([[1, 2], [3, 4]]);
    expect(splitBatches([1, 2], 10_000)).toEqual([[1, 2]]);
  });

  it('gives no batch for no rows', () => {
    expect(splitBatches([], 5)).toEqual([]);
  });

  it('rejects a size that is not a positive integer', () => {
    expect(() => splitBatches([1], 0)).toThrow('batch size must be a positive integer, got 0');
    expect(() => splitBatches([1], 2.5)).toThrow('batch size must be a positive integer, got 2.5');
  });
});

describe('actor rows', () => {
  it('merges actors by id in first-seen order, adds bare endpoint actors, prefixes attributes', () => {
    const load = new PendingLoad();
    load.addActors([
      { id: 'a', label: 'Ann', attributes: { department: 'R&D' } },
      { id: 'b', attributes: {} },
    ]);
    load.addInteractions([{ source: 'a', target: 'c', weight: 1 }]);
    load.addActors([{ id: 'a', kind: 'person', attributes: { title: 'Dr', department: 'Ops' } }]);
    expect(load.actorParams(10)).toEqual([
      {
        id: 'a',
        seq: 11n,
        label: 'Ann',
        kind: 'person',
        attrs: { attr_department: 'Ops', attr_title: 'Dr' },
        attrKeys: ['department', 'title'],
      },
      { id: 'b', seq: 12n, label: null, kind: null, attrs: {}, attrKeys: [] },
      { id: 'c', seq: 13n, label: null, kind: null, attrs: {}, attrKeys: [] },
    ]);
  });

  it('keeps an attribute named __proto__ as an ordinary property', () => {
    const load = new PendingLoad();
    load.addActors([{ id: 'x', attributes: JSON.parse('{"__proto__": "v"}') as Record<string, string> }]);
    const [row] = load.actorParams(0);
    expect(Object.keys(row!.attrs)).toEqual(['attr___proto__']);
    expect(row!.attrKeys).toEqual(['__proto__']);
  });

  it('rejects a bad actor with the row and the reason', () => {
    const load = new PendingLoad();
    expect(() => load.addActors([{ id: 'ok', attributes: {} }, { id: '', attributes: {} }])).toThrow(
      'invalid actor at batch index 1: id must be a non-empty string',
    );
    expect(() => load.addActors([{ id: 'k', kind: 'robot' as 'person', attributes: {} }])).toThrow(
      'invalid actor at batch index 0: kind of "k" must be one of person, team, org, external, got "robot"',
    );
    expect(() => load.addActors([{ id: 'n', attributes: { age: 3 as unknown as string } }])).toThrow(
      'invalid actor at batch index 0: attribute "age" of "n" must be a string',
    );
    expect(load.actorCount).toBe(0);
  });
});

describe('interaction rows', () => {
  const email = { source: 'a', target: 'b', type: 'email', timestamp: 1_700_000_000_000, weight: 2 };

  it('sends the type as a value, ids as strings, whole timestamps as INTEGER, seqs from the base', () => {
    const load = new PendingLoad();
    load.addInteractions([
      { ...email, id: 'm-1', undirected: true },
      { source: 'b', target: 'a', timestamp: 1.5, weight: 0.25 },
    ]);
    const [first, second] = load.interactionParams(100);
    expect(first).toEqual({
      key: 'id:m-1',
      id: 'm-1',
      source: 'a',
      target: 'b',
      type: 'email',
      timestamp: 1_700_000_000_000n,
      weight: 2,
      undirected: true,
      seq: 101n,
    });
    expect(second).toMatchObject({ id: null, type: null, timestamp: 1.5, weight: 0.25, undirected: false, seq: 102n });
    expect(second!.key).toMatch(/^c:[A-Za-z0-9_-]{43}:1$/);
  });

  it('keys an id-less row by the SHA-256 of its content and its occurrence in the load', () => {
    const load = new PendingLoad();
    load.addInteractions([email, email, { ...email, weight: 3 }]);
    const hash = createHash('sha256')
      .update(JSON.stringify(['a', 'b', 'email', 1_700_000_000_000, 2]))
      .digest('base64url');
    expect(load.interactionParams(0).map((r) => r.key)).toEqual([
      `c:${hash}:1`,
      `c:${hash}:2`,
      interactionKey({ ...email, weight: 3 }, 1),
    ]);
    expect(interactionKey({ ...email, weight: 3 }, 1)).not.toContain(hash);
  });

  it('gives the same keys when the same rows are loaded again (idempotent re-load)', () => {
    const rows = [email, email, { ...email, id: 'x' }, { source: 'c', target: 'a', weight: 1 }];
    const once = new PendingLoad();
    const again = new PendingLoad();
    once.addInteractions(rows);
    again.addInteractions(rows.slice(0, 2));
    again.addInteractions(rows.slice(2));
    expect(again.interactionParams(7).map((r) => r.key)).toEqual(once.interactionParams(0).map((r) => r.key));
  });

  it('drops a second row with an id already seen in the load and counts it', () => {
    const load = new PendingLoad();
    load.addInteractions([{ ...email, id: 'x' }, { ...email, id: 'x', weight: 9 }, { ...email, id: 'y' }]);
    expect(load.interactionParams(0).map((r) => r.key)).toEqual(['id:x', 'id:y']);
    expect(load.repeatedIds).toBe(1);
  });

  it('rejects a bad interaction with its batch index, line and reason', () => {
    const load = new PendingLoad();
    expect(() => load.addInteractions([{ source: 'a', target: 'b', weight: Number.NaN, line: 7 }])).toThrow(
      'invalid interaction at batch index 0 (line 7): weight must be a finite number, got NaN',
    );
    expect(() => load.addInteractions([email, { source: 'a', target: '', weight: 1 }])).toThrow(
      'invalid interaction at batch index 1: target must be a non-empty string',
    );
    expect(() => load.addInteractions([{ ...email, timestamp: Number.POSITIVE_INFINITY }])).toThrow(
      'invalid interaction at batch index 0: timestamp must be a finite number of epoch milliseconds, got Infinity',
    );
    expect(load.interactionCount).toBe(0);
  });
});

describe('score rows', () => {
  it('sends node values as JSON, socap_ properties and seqs from the offset', () => {
    const rows = nodeScoreParams(
      [
        { id: 'a', label: 'Ann', values: { degree: 2, betweenness: 0.5, community: null, strong: true } },
        { id: 'b', label: 'b', values: { degree: 0, betweenness: 0, community: '3', strong: false } },
      ],
      20,
    );
    expect(rows[0]).toEqual({
      id: 'a',
      seq: 20n,
      label: 'Ann',
      values: '{"degree":2,"betweenness":0.5,"community":null,"strong":true}',
      props: { socap_degree: 2, socap_betweenness: 0.5, socap_community: null, socap_strong: true },
    });
    expect(rows[1]!.seq).toBe(21n);
  });

  it('sends tie values as JSON with the strength column as a number for GDS', () => {
    const [withStrength, without] = edgeScoreParams(
      [
        { source: 'a', target: 'b', values: { strength: 0.75, bridge: false } },
        { source: 'b', target: 'c', values: { strength: null } },
      ],
      0,
    );
    expect(withStrength).toEqual({ source: 'a', target: 'b', seq: 0n, values: '{"strength":0.75,"bridge":false}', strength: 0.75 });
    expect(without!.strength).toBeNull();
  });

  it('rejects non-finite and non-scalar values', () => {
    expect(() => nodeScoreParams([{ id: 'a', label: 'a', values: { pagerank: Number.NaN } }], 0)).toThrow(
      'saveRun: node "a" column "pagerank" is NaN; only finite numbers can be stored (null = empty)',
    );
    expect(() => edgeScoreParams([{ source: 'a', target: 'b', values: { x: [1] as unknown as number } }], 0)).toThrow(
      'saveRun: edge "a"-"b" column "x" is not a number, string, boolean or null',
    );
  });

  it('stores every row in chunks of JSON text and reads them back exactly, chunk after chunk', () => {
    const nodes = [
      { id: 'ana', label: 'Ana', values: { degree: 2, betweenness: 0.1 + 0.2, community: null, strong: true } },
      { id: '007', label: '', values: { degree: 0, betweenness: 5e-324, community: '2', strong: false } },
      { id: 'Zoë 😀', label: 'Zoë', values: JSON.parse('{"__proto__": 1, "x": 1.7976931348623157e308}') as Record<string, number> },
    ];
    expect(nodeScoreChunk(nodes.slice(0, 1))).toEqual(['["ana","Ana",{"degree":2,"betweenness":0.30000000000000004,"community":null,"strong":true}]']);
    const back = nodeScoresFromChunks([rec({ rows: nodeScoreChunk(nodes.slice(0, 2)) }), rec({ rows: nodeScoreChunk(nodes.slice(2)) })]);
    expect(back).toEqual(nodes);
    expect(Object.keys(back[2]!.values)).toEqual(['__proto__', 'x']);
    const edges = [
      { source: 'ana', target: 'bo', values: { strength: 0.7000000000000001, bridge: false, span: null } },
      { source: '007', target: '7', values: { strength: 1e-300, bridge: true, span: 3 } },
    ];
    expect(edgeScoresFromChunks([rec({ rows: edgeScoreChunk(edges) })])).toEqual(edges);
    expect(edgeScoresFromChunks([])).toEqual([]);
  });
});

describe('runs', () => {
  const run: RunRecord = {
    id: 'r-20240102-030405-abcdef',
    dataset: 'krackhardt',
    status: 'done',
    createdAt: '2024-01-02T03:04:05.000Z',
    finishedAt: '2024-01-02T03:04:06.000Z',
    version: '0.1.0',
    input: 'krackhardt',
    parameters: { seed: 42, distance: 'inverse' },
    counts: { actors: 21, interactions: 190, ties: 102, skipped: 0 },
    timings: { betweenness: 1.5 },
    notes: [],
    modularity: 0.25,
  };

  it('stores queryable scalars, nested parts as JSON, and the record, which reads back equal', () => {
    const props = runProps(run);
    expect(props).toMatchObject({
      id: run.id,
      dataset: 'krackhardt',
      status: 'done',
      createdAt: run.createdAt,
      parameters: '{"seed":42,"distance":"inverse"}',
      timings: '{"betweenness":1.5}',
    });
    expect(runFromRecord(rec({ record: props['record'] }))).toEqual(run);
  });

  it('stores an absent finishedAt as null (no property)', () => {
    const { finishedAt: _, ...running } = run;
    expect(runProps({ ...running, status: 'running' })['finishedAt']).toBeNull();
  });
});

describe('records to actors, interactions, ties and data sets', () => {
  it('maps an actor row; absent label and kind stay absent; attribute order kept', () => {
    const actor = actorFromRecord(
      rec({ seq: 3n, id: 'a', label: 'Ann', kind: null, attributes: [['title', 'Dr'], ['department', 'R&D']] }),
    );
    expect(actor).toEqual({ id: 'a', label: 'Ann', attributes: { title: 'Dr', department: 'R&D' } });
    expect(Object.keys(actor.attributes)).toEqual(['title', 'department']);
    expect('kind' in actor).toBe(false);
  });

  it('maps an interaction row with bigint or Integer timestamps and optional fields', () => {
    const base = { seq: 1n, source: 'a', target: 'b', weight: 2.5 };
    expect(
      interactionFromRecord(rec({ ...base, id: 'm1', type: 'email', timestamp: 1_700_000_000_000n, undirected: true })),
    ).toEqual({ id: 'm1', source: 'a', target: 'b', type: 'email', timestamp: 1_700_000_000_000, weight: 2.5, undirected: true });
    expect(interactionFromRecord(rec({ ...base, id: null, type: null, timestamp: neo4j.int(86_400_000), undirected: false }))).toEqual({
      source: 'a',
      target: 'b',
      timestamp: 86_400_000,
      weight: 2.5,
    });
    expect(interactionFromRecord(rec({ ...base, id: null, type: null, timestamp: null, undirected: false }))).toEqual({
      source: 'a',
      target: 'b',
      weight: 2.5,
    });
  });

  it('maps a tie row in code-unit order, and skips rows that are not a pair’s first interaction', () => {
    expect(tieFromRecord(rec({ seq: 5n, a: 'carol', b: 'bob', interactions: 3n, weight: 4.5 }))).toEqual({
      a: 'bob',
      b: 'carol',
      interactions: 3,
      weight: 4.5,
    });
    // U+10000 is a surrogate pair (0xD800 0xDC00): before U+FFFF in code units, after it in code points.
    expect(tieFromRecord(rec({ seq: 6n, a: '\uFFFF', b: '\u{10000}', interactions: 1n, weight: 1 }))).toEqual({
      a: '\u{10000}',
      b: '\uFFFF',
      interactions: 1,
      weight: 1,
    });
    expect(tieFromRecord(rec({ seq: 7n, a: 'a', b: 'b', interactions: 0n, weight: 0 }))).toBeUndefined();
  });

  it('maps a data set row: counts and timestamps as numbers, types sorted by code unit', () => {
    const info = datasetFromRecord(
      rec({
        name: 'mail',
        actors: 167n,
        interactions: 82_927n,
        createdAt: '2024-01-01T00:00:00.000Z',
        updatedAt: '2024-01-02T00:00:00.000Z',
        firstTimestamp: 1_262_304_000_000n,
        lastTimestamp: 1_285_891_200_000n,
        types: ['email', 'chat', 'Zoom'],
      }),
    );
    expect(info).toEqual({
      name: 'mail',
      actors: 167,
      interactions: 82_927,
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-02T00:00:00.000Z',
      firstTimestamp: 1_262_304_000_000,
      lastTimestamp: 1_285_891_200_000,
      types: ['Zoom', 'chat', 'email'],
    });
  });

  it('leaves out the timestamp range of a data set without timestamps', () => {
    const info = datasetFromRecord(
      rec({ name: 'd', actors: 0n, interactions: 0n, createdAt: 't', updatedAt: 't', firstTimestamp: null, lastTimestamp: null, types: [] }),
    );
    expect('firstTimestamp' in info || 'lastTimestamp' in info).toBe(false);
  });

  it('names the field when a record holds the wrong type', () => {
    expect(() => actorFromRecord(rec({ id: 5n, label: null, kind: null, attributes: [] }))).toThrow(
      'id: expected a string from Neo4j, got bigint',
    );
  });
});
