// Source: GEXF 1.x (https://gexf.net), streamed with saxes.
//
// <attributes class="node|edge"><attribute id="0" title="department"><default>…</default>
// declares what <attvalue for="0" value="…"/> means (GEXF 1.0 writes id= instead of for=; both are
// read). Nodes: the `label` XML attribute, and attvalues titled label / kind / anything else
// (./xml-records.ts). Edges: the XML attributes `weight`; `kind`, else `label`, as the type;
// `timestamp`, else `start`, as the timestamp; then attvalues titled weight / type / relation /
// timestamp for what the XML attributes leave open. The edge `type` attribute is directedness
// (directed | undirected | mutual; mutual counts as undirected); any other value of it is taken as
// the interaction type. Without it, <graph defaultedgetype> decides. When an attvalue repeats
// (dynamic GEXF), the last one wins.
// Nodes must come before the edges that name them (the GEXF schema puts <nodes> first).
// RowError.line is the line where the <node>/<edge> element starts.
// Cost: one streaming pass; memory O(actors) for the declared ids.
import { ActorRegistry } from './actor-registry.js';
import type { IngestContext } from './ingest-context.js';
import { streamXml } from './xml-stream.js';
import { actorValuesOf, interactionValuesOf, withDefaults, type AttributeDecl, type OpenElement } from './xml-records.js';

const DIRECTEDNESS = new Set(['directed', 'undirected', 'mutual']);

export async function ingestGexf(path: string, ctx: IngestContext): Promise<void> {
  const decls = { node: new Map<string, AttributeDecl>(), edge: new Map<string, AttributeDecl>() };
  const actors = new ActorRegistry({
    notDeclared: 'no <node> with this id before the edge',
    rejected: 'its <node> was rejected',
    firstAt: (line) => `first on line ${line}`,
  });
  const open: OpenElement[] = [];
  let attrClass: 'node' | 'edge' | undefined;
  let decl: AttributeDecl | undefined;
  let defaultText: string | undefined;
  let defaultUndirected = false;

  await streamXml(path, ctx, 'gexf', 'GEXF', {
    open(name, attrs, line) {
      switch (name) {
        case 'graph':
          defaultUndirected = attrs.defaultedgetype === 'undirected' || attrs.defaultedgetype === 'mutual';
          break;
        case 'attributes':
          attrClass = attrs.class === 'edge' ? 'edge' : attrs.class === 'node' ? 'node' : undefined;
          break;
        case 'attribute':
          if (attrClass !== undefined && attrs.id !== undefined) {
            decl = { name: attrs.title ?? attrs.id };
            decls[attrClass].set(attrs.id, decl);
          }
          break;
        case 'default':
          if (decl !== undefined) defaultText = '';
          break;
        case 'node':
        case 'edge':
          open.push({ kind: name, line, xml: attrs, values: new Map() });
          break;
        case 'attvalue': {
          const el = open[open.length - 1];
          const ref = attrs.for ?? attrs.id;
          if (el !== undefined && ref !== undefined) {
            el.values.set(decls[el.kind].get(ref)?.name ?? ref, attrs.value ?? '');
          }
          break;
        }
      }
    },
    text(t) {
      if (defaultText !== undefined) defaultText += t;
    },
    close(name) {
      switch (name) {
        case 'attributes':
          attrClass = undefined;
          break;
        case 'attribute':
          decl = undefined;
          break;
        case 'default':
          if (decl !== undefined && defaultText !== undefined) decl.default = defaultText.trim();
          defaultText = undefined;
          break;
        case 'node': {
          const el = open.pop()!;
          const values = withDefaults(el.values, decls.node.values());
          actors.offer(ctx, path, el.line, actorValuesOf(el.xml.id, el.xml.label, values));
          break;
        }
        case 'edge': {
          const el = open.pop()!;
          const x = el.xml;
          const fromValues = interactionValuesOf(withDefaults(el.values, decls.edge.values()));
          const directedness = x.type !== undefined && DIRECTEDNESS.has(x.type) ? x.type : undefined;
          const undirected = directedness === undefined ? defaultUndirected : directedness !== 'directed';
          const type = x.kind ?? x.label ?? (directedness === undefined ? x.type : undefined) ?? fromValues.type;
          ctx.offerInteraction(
            path,
            el.line,
            {
              source: x.source,
              target: x.target,
              id: x.id,
              weight: x.weight ?? fromValues.weight,
              type,
              timestamp: x.timestamp ?? x.start ?? fromValues.timestamp,
            },
            { undirected, known: actors.check },
          );
          break;
        }
      }
    },
  });
}
