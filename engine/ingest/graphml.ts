// Source: GraphML (http://graphml.graphdrawing.org/), streamed with saxes.
//
// <key id="d0" for="node|edge|all" attr.name="department"> declares what <data key="d0"> means
// (a key without attr.name is named by its id); a <default> child gives the value for elements
// without that <data>. Node data become actor label / kind / attributes, edge data weight / type
// (alias relation) / timestamp (./xml-records.ts). <data> text is trimmed. An edge is undirected
// when it says directed="false", or says nothing in a <graph edgedefault="undirected">.
// Nodes must be declared before the edges that name them (as every common writer does), so edges
// can be checked while streaming; <hyperedge> is not supported (reported, dropped).
// RowError.line is the line where the <node>/<edge> element starts.
// Cost: one streaming pass; memory O(actors) for the declared ids.
import { ActorRegistry } from './actor-registry.js';
import type { IngestContext } from './ingest-context.js';
import { streamXml } from './xml-stream.js';
import { actorValuesOf, interactionValuesOf, withDefaults, type AttributeDecl, type OpenElement } from './xml-records.js';

interface KeyDecl extends AttributeDecl {
  domain: string;
}

export async function ingestGraphml(path: string, ctx: IngestContext): Promise<void> {
  const keys = new Map<string, KeyDecl>();
  const actors = new ActorRegistry({
    notDeclared: 'no <node> with this id before the edge',
    rejected: 'its <node> was rejected',
    firstAt: (line) => `first on line ${line}`,
  });
  const open: OpenElement[] = [];
  const undirectedGraphs: boolean[] = [];
  let key: KeyDecl | undefined;
  let capture: { into: 'data' | 'default'; name: string; text: string } | undefined;

  let nodeDecls: KeyDecl[] = [];
  let edgeDecls: KeyDecl[] = [];
  const updateDecls = (): void => {
    nodeDecls = [...keys.values()].filter((k) => k.domain === 'node' || k.domain === 'all');
    edgeDecls = [...keys.values()].filter((k) => k.domain === 'edge' || k.domain === 'all');
  };

  await streamXml(path, ctx, 'graphml', 'GraphML', {
    open(name, attrs, line) {
      switch (name) {
        case 'key':
          key = { name: attrs['attr.name'] ?? attrs.id ?? '', domain: attrs.for ?? 'all' };
          if (attrs.id !== undefined) keys.set(attrs.id, key);
          break;
        case 'default':
          if (key !== undefined) capture = { into: 'default', name: key.name, text: '' };
          break;
        case 'graph':
          undirectedGraphs.push(attrs.edgedefault === 'undirected');
          break;
        case 'node':
        case 'edge':
          open.push({ kind: name, line, xml: attrs, values: new Map() });
          break;
        case 'data': {
          const k = attrs.key ?? '';
          if (open.length > 0) capture = { into: 'data', name: keys.get(k)?.name ?? k, text: '' };
          break;
        }
        case 'hyperedge':
          ctx.reject(path, line, 'hyperedges are not supported');
          break;
      }
    },
    text(t) {
      if (capture !== undefined) capture.text += t;
    },
    close(name) {
      switch (name) {
        case 'key':
          key = undefined;
          updateDecls();
          break;
        case 'default':
          if (key !== undefined && capture !== undefined) key.default = capture.text.trim();
          capture = undefined;
          break;
        case 'data':
          if (capture !== undefined) open[open.length - 1]!.values.set(capture.name, capture.text.trim());
          capture = undefined;
          break;
        case 'graph':
          undirectedGraphs.pop();
          break;
        case 'node': {
          const el = open.pop()!;
          const values = withDefaults(el.values, nodeDecls);
          actors.offer(ctx, path, el.line, actorValuesOf(el.xml.id, undefined, values));
          break;
        }
        case 'edge': {
          const el = open.pop()!;
          const values = withDefaults(el.values, edgeDecls);
          const directed = el.xml.directed;
          const undirected = directed === undefined ? undirectedGraphs[undirectedGraphs.length - 1] === true : directed === 'false';
          ctx.offerInteraction(
            path,
            el.line,
            { source: el.xml.source, target: el.xml.target, id: el.xml.id, ...interactionValuesOf(values) },
            { undirected, known: actors.check },
          );
          break;
        }
      }
    },
  });
}
