// GraphML and GEXF sources. office.graphml / office.gexf were written by NetworkX
// (tests/fixtures/ingest/make_xml_fixtures.py); the rest are hand-written here.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError, type Actor } from '../../engine/model/types.js';
import { collect, tempDir, writeInput } from './collect.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/ingest/${name}`, import.meta.url));

/** 1-based line of the first line of `path` containing `needle`. */
function lineOf(path: string, needle: string): number {
  const i = readFileSync(path, 'utf8').split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${needle} not in ${path}`);
  return i + 1;
}

/** The actors of make_xml_fixtures.py's office network. */
const OFFICE_ACTORS: Actor[] = [
  { id: 'ann', label: 'Ann Lee', attributes: { department: 'Sales', level: '3' } },
  { id: '007', label: 'Bond', attributes: { department: 'Field', level: '1' } },
  { id: 'zoë', label: 'Zoë', attributes: { department: 'R&D', level: '2' } },
  { id: '東京', kind: 'team', attributes: { department: 'Tokyo office', level: '0' } },
];

const MARCH_5_1430 = 1709649000000; // 2024-03-05T14:30:00Z
const MARCH_6_0800 = 1709712000000; // 2024-03-06T09:00:00+01:00
const MARCH_7 = 1709769600000; // 2024-03-07
const MARCH_5 = 1709596800000; // 1709596800 s

describe('GraphML written by NetworkX', () => {
  const path = fixture('office.graphml');

  it('reads nodes with label, kind and attributes, and edges with weight, relation, timestamp and id', async () => {
    const r = await collect(path);
    expect(r.actors).toEqual(OFFICE_ACTORS);
    const line = (needle: string): number => lineOf(path, needle);
    expect(r.interactions).toEqual([
      { id: 'm1', source: 'ann', target: '007', weight: 2.5, type: 'email', timestamp: MARCH_5_1430, line: line('id="m1"') },
      { id: 'm2', source: '007', target: 'ann', weight: 1, type: 'email', timestamp: MARCH_6_0800, line: line('id="m2"') },
      { id: 'm3', source: 'zoë', target: 'ann', weight: 4, type: 'advice', timestamp: MARCH_7, line: line('id="m3"') },
      { id: 'm4', source: '東京', target: 'zoë', weight: 1, type: 'meeting', timestamp: MARCH_5, line: line('id="m4"') },
    ]);
    expect(r.messages).toEqual([`${path}:${line('id="m5"')}: warning: self-loop dropped`]);
    expect(r.summary).toEqual({
      format: 'graphml',
      files: [path],
      actorsRead: 4,
      interactionsRead: 4,
      skipped: 1,
      errors: 0,
      warnings: 1,
    });
  });

  it('reads the same in chunks of 3 bytes (elements and multi-byte ids split across chunks)', async () => {
    const whole = await collect(path);
    const chunked = await collect(path, { highWaterMark: 3, batchSize: 2 });
    expect(chunked.actors).toEqual(whole.actors);
    expect(chunked.interactions).toEqual(whole.interactions);
    expect(chunked.calls).toEqual(['a2', 'a2', 'i2', 'i2']);
  });
});

describe('GEXF written by NetworkX', () => {
  const path = fixture('office.gexf');

  it('reads node labels and attvalues, edge weights and attvalues titled relation and timestamp', async () => {
    const r = await collect(path);
    // NetworkX's GEXF writer labels a node without a label by its id.
    expect(r.actors).toEqual(OFFICE_ACTORS.map((a) => (a.label === undefined ? { ...a, label: a.id } : a)));
    expect(r.interactions.map(({ source, target, weight, type, timestamp, id }) => [source, target, weight, type, timestamp, id])).toEqual([
      ['ann', '007', 2.5, 'email', MARCH_5_1430, '0'],
      ['007', 'ann', 1, 'email', MARCH_6_0800, '2'],
      ['zoë', 'ann', 4, 'advice', MARCH_7, '3'],
      ['東京', 'zoë', 1, 'meeting', MARCH_5, '4'],
    ]);
    expect(r.interactions.map((i) => i.line)).toEqual(['"0"', '"2"', '"3"', '"4"'].map((id) => lineOf(path, `id=${id} weight`)));
    expect(r.messages).toEqual([`${path}:${lineOf(path, 'id="1" weight')}: warning: self-loop dropped`]);
    expect(r.summary).toMatchObject({ format: 'gexf', actorsRead: 4, interactionsRead: 4, skipped: 1, warnings: 1 });
  });
});

describe('GraphML hand-written', () => {
  it('applies key defaults, edgedefault and per-edge directed, and reports bad elements by line', async () => {
    const text = [
      '<?xml version="1.0" encoding="UTF-8"?>', // 1
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">', // 2
      '  <key id="dept" for="node" attr.name="department"><default>none</default></key>', // 3
      '  <key id="w" for="edge" attr.name="Weight"><default>2</default></key>', // 4
      '  <key id="r" for="all" attr.name="relation"/>', // 5
      '  <key id="k" for="node" attr.name="kind"/>', // 6
      '  <graph id="G" edgedefault="undirected">', // 7
      '    <node id="a"><data key="dept"> Sales </data></node>', // 8
      '    <node id="b"/>', // 9
      '    <node id="c"><data key="k">robot</data></node>', // 10
      '    <node id="a"/>', // 11
      '    <node><data key="dept">x</data></node>', // 12
      '    <edge source="a" target="b"><data key="r"><![CDATA[co<work]]></data></edge>', // 13
      '    <edge source="a" target="b" directed="true"><data key="w">0.5</data></edge>', // 14
      '    <edge', // 15
      '      source="a" target="b"><data key="w">heavy</data></edge>', // 16
      '    <edge source="a" target="c"/>', // 17
      '    <edge source="a" target="d"/>', // 18
      '    <edge source="b" target="a"><data key="undeclared">x</data></edge>', // 19
      '    <hyperedge><endpoint node="a"/><endpoint node="b"/></hyperedge>', // 20
      '    <node id="d"/>', // 21
      '  </graph>', // 22
      '</graphml>', // 23
    ].join('\n');
    const path = writeInput(tempDir(), 'g.graphml', text);
    const r = await collect(path);
    expect(r.actors).toEqual([
      { id: 'a', attributes: { department: 'Sales' } },
      { id: 'b', attributes: { department: 'none' } },
      { id: 'd', attributes: { department: 'none' } },
    ]);
    expect(r.interactions).toEqual([
      { source: 'a', target: 'b', weight: 2, type: 'co<work', undirected: true, line: 13 },
      { source: 'a', target: 'b', weight: 0.5, line: 14 },
      { source: 'b', target: 'a', weight: 2, undirected: true, line: 19 },
    ]);
    expect(r.messages).toEqual([
      `${path}:10: column "kind": invalid kind "robot" (expected person, team, org or external)`,
      `${path}:11: column "id": duplicate actor id "a" (first on line 8)`,
      `${path}:12: column "id": missing id`,
      `${path}:15: column "weight": non-numeric weight "heavy"`,
      `${path}:17: column "target": unknown actor "c" (its <node> was rejected)`,
      `${path}:18: column "target": unknown actor "d" (no <node> with this id before the edge)`,
      `${path}:20: hyperedges are not supported`,
    ]);
  });

  it('fails on malformed XML, a foreign root element, and an empty document', async () => {
    const dir = tempDir();
    const bad = writeInput(dir, 'bad.graphml', '<graphml>\n  <graph>\n</graphml>\n');
    await expect(collect(bad)).rejects.toThrow(new InputError(`${bad}: malformed XML: 3:10: unexpected close tag.`));
    const foreign = writeInput(dir, 'foreign.graphml', '<?xml version="1.0"?>\n<gexf/>\n');
    await expect(collect(foreign)).rejects.toThrow(new InputError(`${foreign}: not a GraphML document (root element <gexf>)`));
    for (const [name, content] of [
      ['empty.graphml', ''],
      ['blank.graphml', '  \n\n'],
      ['declaration-only.graphml', '<?xml version="1.0"?>\n<!-- nothing -->\n'],
    ]) {
      const path = writeInput(dir, name!, content!);
      await expect(collect(path)).rejects.toThrow(new InputError(`${path} is empty`));
    }
  });
});

describe('GEXF hand-written', () => {
  it('reads GEXF 1.0 attvalue ids, defaults, edge directedness, type from kind or label, and start as timestamp', async () => {
    const text = [
      '<gexf xmlns="http://gexf.net/1.3" version="1.3">', // 1
      '  <graph defaultedgetype="undirected">', // 2
      '    <attributes class="node">', // 3
      '      <attribute id="0" title="office"><default>HQ</default></attribute>', // 4
      '    </attributes>', // 5
      '    <attributes class="edge"><attribute id="t" title="timestamp"/><attribute id="w" title="weight"/></attributes>', // 6
      '    <nodes>', // 7
      '      <node id="1" label="One"><attvalues><attvalue id="0" value="Lab"/></attvalues></node>', // 8
      '      <node id="2"/>', // 9
      '    </nodes>', // 10
      '    <edges>', // 11
      '      <edge source="1" target="2" kind="advice" label="ignored" start="2024-03-07"/>', // 12
      '      <edge source="1" target="2" type="directed" label="email" weight="3"/>', // 13
      '      <edge source="2" target="1" type="mutual"><attvalues><attvalue for="t" value="1709596800"/><attvalue for="w" value="7"/></attvalues></edge>', // 14
      '      <edge source="2" target="1" type="chat" timestamp="2024-03-05T14:30:00Z" weight="-1"/>', // 15
      '      <edge source="2" target="1" type="chat" timestamp="soon"/>', // 16
      '      <edge source="2" target="3"/>', // 17
      '    </edges>', // 18
      '  </graph>', // 19
      '</gexf>', // 20
    ].join('\n');
    const path = writeInput(tempDir(), 'g.gexf', text);
    const r = await collect(path);
    expect(r.actors).toEqual([
      { id: '1', label: 'One', attributes: { office: 'Lab' } },
      { id: '2', attributes: { office: 'HQ' } },
    ]);
    expect(r.interactions).toEqual([
      { source: '1', target: '2', weight: 1, type: 'advice', timestamp: MARCH_7, undirected: true, line: 12 },
      { source: '1', target: '2', weight: 3, type: 'email', line: 13 },
      { source: '2', target: '1', weight: 7, timestamp: MARCH_5, undirected: true, line: 14 },
    ]);
    expect(r.messages).toEqual([
      `${path}:15: column "weight": negative weight "-1"`,
      `${path}:16: column "timestamp": unparseable timestamp "soon"`,
      `${path}:17: column "target": unknown actor "3" (no <node> with this id before the edge)`,
    ]);
  });

  it('fails on a foreign root element', async () => {
    const path = writeInput(tempDir(), 'g.gexf', '<graphml/>');
    await expect(collect(path)).rejects.toThrow(new InputError(`${path}: not a GEXF document (root element <graphml>)`));
  });
});
