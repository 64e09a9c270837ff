// A run as a GEXF 1.3 document (https://gexf.net/schema.html): undirected static graph, node
// attributes = the actor attributes (string) and the metrics (double, boolean or string), edge
// weight = tie strength plus the other tie columns, viz positions when the run has a layout.
// Every text is XML-escaped; characters XML 1.0 forbids are dropped. Produced in chunks so a large
// run streams. Cost: O(n · columns + m · tie columns).
import type { ScoreValue } from '../engine/model/types.js';
import { numberOf, type RunView } from './run-view.js';

const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlEscape(s: string): string {
  return s
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

type GexfType = 'double' | 'boolean' | 'string';

/** The GEXF type of a column: boolean or double when every value is, else string. */
function typeOf(values: Iterable<ScoreValue | undefined>): GexfType {
  let type: GexfType | undefined;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    const t: GexfType = typeof v === 'number' ? 'double' : typeof v === 'boolean' ? 'boolean' : 'string';
    if (type === undefined) type = t;
    else if (type !== t) return 'string';
  }
  return type ?? 'double';
}

function valueText(v: ScoreValue): string {
  return typeof v === 'number' ? String(v) : typeof v === 'boolean' ? (v ? 'true' : 'false') : (v ?? '');
}

interface Column {
  id: string;
  title: string;
  type: GexfType;
}

function declare(cls: 'node' | 'edge', cols: Column[]): string {
  if (cols.length === 0) return '';
  const lines = cols.map((c) => `      <attribute id="${xmlEscape(c.id)}" title="${xmlEscape(c.title)}" type="${c.type}"/>\n`);
  return `    <attributes class="${cls}">\n${lines.join('')}    </attributes>\n`;
}

function attvalues(pairs: [id: string, value: ScoreValue | undefined][]): string {
  const kept = pairs.filter(([, v]) => v !== null && v !== undefined && !(typeof v === 'number' && !Number.isFinite(v)));
  if (kept.length === 0) return '';
  return `<attvalues>${kept.map(([id, v]) => `<attvalue for="${xmlEscape(id)}" value="${xmlEscape(valueText(v!))}"/>`).join('')}</attvalues>`;
}

export function* gexfChunks(view: RunView, creator: string, date = new Date()): Generator<string> {
  const attrNames = [...new Set(view.attributes.flatMap((a) => Object.keys(a)))].sort();
  const nodeCols: Column[] = [
    ...attrNames.map((a): Column => ({ id: `attr:${a}`, title: a, type: 'string' })),
    ...view.metricColumns.map((m): Column => ({ id: `metric:${m}`, title: m, type: typeOf(view.nodes.map((r) => r.values[m])) })),
  ];
  const tieCols = view.edgeColumns.filter((c) => c !== 'strength');
  const edgeCols = tieCols.map((c): Column => ({ id: `tie:${c}`, title: c, type: typeOf(view.edges.map((r) => r.values[c])) }));
  yield '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n' +
    `  <meta lastmodifieddate="${date.toISOString().slice(0, 10)}">\n` +
    `    <creator>${xmlEscape(creator)}</creator>\n` +
    `    <description>${xmlEscape(`run ${view.run.id} of dataset ${view.run.dataset}`)}</description>\n` +
    '  </meta>\n' +
    '  <graph defaultedgetype="undirected" mode="static">\n' +
    declare('node', nodeCols) +
    declare('edge', edgeCols) +
    '    <nodes>\n';
  const BATCH = 1000;
  let buf: string[] = [];
  for (let i = 0; i < view.nodes.length; i++) {
    const r = view.nodes[i]!;
    const attrs = view.attributes[i]!;
    const values = attvalues([...attrNames.map((a): [string, ScoreValue | undefined] => [`attr:${a}`, attrs[a]]), ...view.metricColumns.map((m): [string, ScoreValue | undefined] => [`metric:${m}`, r.values[m]])]);
    const x = numberOf(r.values.x);
    const y = numberOf(r.values.y);
    const viz = view.hasLayout && x !== null && y !== null ? `<viz:position x="${x}" y="${y}" z="0"/>` : '';
    buf.push(`      <node id="${xmlEscape(r.id)}" label="${xmlEscape(r.label)}">${values}${viz}</node>\n`);
    if (buf.length === BATCH) {
      yield buf.join('');
      buf = [];
    }
  }
  buf.push('    </nodes>\n    <edges>\n');
  for (let e = 0; e < view.edges.length; e++) {
    const r = view.edges[e]!;
    const w = numberOf(r.values.strength);
    const weight = w === null ? '' : ` weight="${w}"`;
    const values = attvalues(tieCols.map((c): [string, ScoreValue | undefined] => [`tie:${c}`, r.values[c]]));
    buf.push(`      <edge id="${e}" source="${xmlEscape(r.source)}" target="${xmlEscape(r.target)}"${weight}>${values}</edge>\n`);
    if (buf.length === BATCH) {
      yield buf.join('');
      buf = [];
    }
  }
  buf.push('    </edges>\n  </graph>\n</gexf>\n');
  yield buf.join('');
}
