// Shared by the GraphML and GEXF sources: a <node> or <edge> being read, with the named values
// collected from its children (GraphML <data>, GEXF <attvalue>), turned into actor or interaction
// values once the element closes.
//
// Names: for an actor, `label` and `kind` fill Actor.label / Actor.kind, every other name becomes
// an attribute (empty values left out). For an interaction, `weight`, `type` (alias `relation`)
// and `timestamp` are used, other names are ignored. Reserved names match ignoring case.
// Declared defaults fill names an element does not give.
// Cost: O(values) per element.
import type { ActorValues, InteractionValues } from './row-values.js';

/** A declared attribute (GraphML <key>, GEXF <attribute>): its name and default value. */
export interface AttributeDecl {
  name: string;
  default?: string;
}

export interface OpenElement {
  kind: 'node' | 'edge';
  line: number;
  /** The element's own XML attributes. */
  xml: Record<string, string>;
  /** Values from child elements, by declared name. */
  values: Map<string, string>;
}

/** Adds the defaults of `decls` for names `values` lacks. */
export function withDefaults(values: Map<string, string>, decls: Iterable<AttributeDecl>): Map<string, string> {
  for (const d of decls) if (d.default !== undefined && !values.has(d.name)) values.set(d.name, d.default);
  return values;
}

/** Actor values from an id, an explicit label (wins over a `label` value) and named values. */
export function actorValuesOf(id: string | undefined, label: string | undefined, values: Map<string, string>): ActorValues {
  const attributes: Record<string, string> = {};
  let kind: string | undefined;
  for (const [name, value] of values) {
    const key = name.toLowerCase();
    if (key === 'label') label ??= value;
    else if (key === 'kind') kind = value;
    else if (value !== '') attributes[name] = value;
  }
  return { id, label, kind, attributes };
}

/** The weight, type and timestamp among named values (first name of each alias list that is present). */
export function interactionValuesOf(values: Map<string, string>): Pick<InteractionValues, 'weight' | 'type' | 'timestamp'> {
  let weight: string | undefined;
  let type: string | undefined;
  let relation: string | undefined;
  let timestamp: string | undefined;
  for (const [name, value] of values) {
    const key = name.toLowerCase();
    if (key === 'weight') weight = value;
    else if (key === 'type') type = value;
    else if (key === 'relation') relation = value;
    else if (key === 'timestamp') timestamp = value;
  }
  return { weight, type: type ?? relation, timestamp };
}
