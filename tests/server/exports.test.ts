// Export writers on a hand-made run whose ids, labels and attributes hold XML and CSV specials:
// the GEXF parses as XML and gives back every text; nodes.csv quotes as engine/run/output.ts does.
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../engine/model/types.js';
import { gexfChunks, xmlEscape } from '../../server/gexf.js';
import { nodesCsvChunks } from '../../server/nodes-csv.js';
import { buildRunView } from '../../server/run-view.js';
import { handRun } from './harness.js';

const run = handRun({ dataset: 'odd<&>', parameters: { group: 'team' }, counts: { actors: 3, interactions: 2, ties: 2, skipped: 0 } });
const actors = new Map<string, Actor>([
  ['a&b', { id: 'a&b', attributes: { team: 'R&D "core"' } }],
  ['<c>', { id: '<c>', attributes: { team: "ops's\u0001" } }],
]);
const view = buildRunView(
  run,
  [
    { id: 'a&b', label: 'Ann, "the" lead', values: { degree: 1, betweenness: 0, x: 1.5, y: -2 } },
    { id: '<c>', label: '<c>', values: { degree: 2, betweenness: 1, x: 0, y: 0 } },
    { id: 'd', label: ' d ', values: { degree: 1, betweenness: null, x: 3, y: 4 } },
  ],
  [
    { source: 'a&b', target: '<c>', values: { strength: 0.25, local_bridge: true } },
    { source: '<c>', target: 'd', values: { strength: 2, local_bridge: false } },
  ],
  actors,
);

describe('GEXF', () => {
  it('escapes the five XML specials and drops characters XML forbids', () => {
    expect(xmlEscape(`<a href="x">&'\u0001\u0008\t</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;\t&lt;/a&gt;');
  });

  it('is well-formed XML that gives back ids, labels, attributes, weights and positions', () => {
    const xml = [...gexfChunks(view, 'socap test', new Date('2025-02-03T00:00:00Z'))].join('');
    const nodes: Record<string, string>[] = [];
    const edges: Record<string, string>[] = [];
    const declared: Record<string, string>[] = [];
    let current: Record<string, string> | undefined;
    let description = '';
    let inDescription = false;
    const parser = new SaxesParser({ xmlns: true });
    parser.on('opentag', (t) => {
      const a = Object.fromEntries(Object.entries(t.attributes).map(([k, v]) => [k, (v as { value: string }).value]));
      if (t.local === 'node') nodes.push((current = { ...a }));
      if (t.local === 'edge') edges.push((current = { ...a }));
      if (t.local === 'attvalue') current![a.for!] = a.value!;
      if (t.local === 'position') Object.assign(current!, { x: a.x, y: a.y });
      if (t.local === 'attribute') declared.push(a);
      if (t.local === 'meta') expect(a.lastmodifieddate).toBe('2025-02-03');
      inDescription = t.local === 'description';
    });
    parser.on('text', (text) => {
      if (inDescription) description += text;
    });
    parser.on('closetag', () => (inDescription = false));
    parser.write(xml).close();
    expect(description).toBe('run r-20250101-000000-abcdef of dataset odd<&>');
    expect(declared).toEqual([
      { id: 'attr:team', title: 'team', type: 'string' },
      { id: 'metric:degree', title: 'degree', type: 'double' },
      { id: 'metric:betweenness', title: 'betweenness', type: 'double' },
      { id: 'tie:local_bridge', title: 'local_bridge', type: 'boolean' },
    ]);
    expect(nodes).toEqual([
      { id: 'a&b', label: 'Ann, "the" lead', 'attr:team': 'R&D "core"', 'metric:degree': '1', 'metric:betweenness': '0', x: '1.5', y: '-2' },
      { id: '<c>', label: '<c>', 'attr:team': "ops's", 'metric:degree': '2', 'metric:betweenness': '1', x: '0', y: '0' },
      { id: 'd', label: ' d ', 'metric:degree': '1', x: '3', y: '4' },
    ]);
    expect(edges).toEqual([
      { id: '0', source: 'a&b', target: '<c>', weight: '0.25', 'tie:local_bridge': 'true' },
      { id: '1', source: '<c>', target: 'd', weight: '2', 'tie:local_bridge': 'false' },
    ]);
  });
});

describe('nodes.csv', () => {
  it('writes id, label and the metric columns (no layout), quoting as the output contract does', () => {
    expect([...nodesCsvChunks(view)].join('')).toBe('id,label,degree,betweenness\na&b,"Ann, ""the"" lead",1,0\n<c>,<c>,2,1\nd," d ",1,\n');
  });
});
