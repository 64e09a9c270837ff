// Source: a graphology JSON serialization (`graph.export()`):
//   { attributes, options: { type, multi, allowSelfLoops }, nodes: [{ key, attributes }],
//     edges: [{ key?, source, target, attributes, undirected? }] }
// Node attributes `label` and `kind` fill Actor.label / Actor.kind; every other attribute becomes
// an actor attribute as text (numbers and booleans written out, objects as JSON, null left out).
// Edge attributes `weight`, `type` (alias `relation`) and `timestamp` fill the interaction; the
// edge `key` becomes its id. An edge is undirected when it says `undirected: true` or the graph's
// `options.type` is "undirected". Rows are numbered by their 1-based position in the `nodes` or
// `edges` array (RowError.line), and messages name it, e.g. `(edges #12)`.
// The document is parsed whole (JSON.parse): a graphology export is the image of a graph that was
// held in memory anyway. Output still goes to the sink in batches.
// Cost: O(file size) to parse, O(1) per node and edge.
import { readFile } from 'node:fs/promises';
import { InputError } from '../model/types.js';
import { ActorRegistry } from './actor-registry.js';
import type { IngestContext } from './ingest-context.js';
import { stringifyValue, type RawValue } from './row-values.js';

type JsonObject = Record<string, unknown>;

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A key or endpoint: strings as they are, numbers written out (graphology stringifies keys too). */
function keyOf(v: unknown): string | undefined {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

/** A numeric attribute keeps its number; anything else goes through as text for the value checks. */
function rawOf(v: unknown): RawValue {
  return typeof v === 'number' ? v : stringifyValue(v);
}

export async function ingestGraphologyJson(path: string, ctx: IngestContext): Promise<void> {
  ctx.files.push(path);
  const text = await readFile(path, 'utf8');
  if (text.trim().length === 0) throw new InputError(`${path} is empty`);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new InputError(`${path}: malformed JSON: ${(err as Error).message}`);
  }
  if (!isObject(doc) || !Array.isArray(doc.nodes)) {
    throw new InputError(`${path}: not a graphology JSON export (no "nodes" array)`);
  }
  if (doc.edges !== undefined && !Array.isArray(doc.edges)) {
    throw new InputError(`${path}: not a graphology JSON export ("edges" is not an array)`);
  }
  const nodes: unknown[] = doc.nodes;
  const edges: unknown[] = doc.edges ?? [];
  const graphUndirected = isObject(doc.options) && doc.options.type === 'undirected';

  const actors = new ActorRegistry({
    notDeclared: 'not in nodes',
    rejected: 'its node was rejected',
    firstAt: (index) => `first at nodes #${index}`,
  });
  for (let i = 0; i < nodes.length; i++) {
    const at = `(nodes #${i + 1})`;
    const n = nodes[i];
    if (!isObject(n)) {
      ctx.reject(path, i + 1, `not an object ${at}`);
      continue;
    }
    const attrs = isObject(n.attributes) ? n.attributes : {};
    const attributes: Record<string, string> = {};
    for (const [name, value] of Object.entries(attrs)) {
      const s = stringifyValue(value);
      if (name !== 'label' && name !== 'kind' && s !== undefined && s !== '') attributes[name] = s;
    }
    const values = { id: keyOf(n.key), label: stringifyValue(attrs.label), kind: stringifyValue(attrs.kind), attributes };
    actors.offer(ctx, path, i + 1, values, { idColumn: 'key', at });
    if ((i + 1) % ctx.batchSize === 0) await ctx.drain();
  }

  for (let i = 0; i < edges.length; i++) {
    const at = `(edges #${i + 1})`;
    const e = edges[i];
    if (!isObject(e)) {
      ctx.reject(path, i + 1, `not an object ${at}`);
      continue;
    }
    const attrs = isObject(e.attributes) ? e.attributes : {};
    const values = {
      source: keyOf(e.source),
      target: keyOf(e.target),
      weight: rawOf(attrs.weight),
      type: stringifyValue(attrs.type ?? attrs.relation),
      timestamp: rawOf(attrs.timestamp),
      id: keyOf(e.key),
    };
    ctx.offerInteraction(path, i + 1, values, { undirected: e.undirected === true || graphUndirected, known: actors.check, at });
    if ((i + 1) % ctx.batchSize === 0) await ctx.drain();
  }
}
