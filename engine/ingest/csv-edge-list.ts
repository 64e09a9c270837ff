// Source: a single CSV edge list (`source,target[,weight][,type|relation][,timestamp][,id]`).
// Actors are implied by the interactions: each id is emitted once, as `{ id, attributes: {} }`,
// the first time an accepted interaction names it.
// Cost: one streaming pass; memory O(distinct actors) for the set of ids already emitted.
import type { Interaction } from '../model/types.js';
import { readCsvTable } from './csv-table.js';
import { edgeColumns, edgeValues, type EdgeColumns } from './edge-columns.js';
import type { IngestContext } from './ingest-context.js';
import type { InteractionValues } from './row-values.js';

export async function ingestCsvEdgeList(path: string, ctx: IngestContext): Promise<void> {
  const seen = new Set<string>();
  const implyActor = (id: string): void => {
    if (seen.has(id)) return;
    seen.add(id);
    ctx.addActor({ id, attributes: {} });
  };
  let cols: EdgeColumns | undefined;
  const values: InteractionValues = {}; // reused row after row: one object, not one per row
  await readCsvTable(path, ctx, {
    header: (names) => {
      cols = edgeColumns(path, names);
    },
    row: (fields, line) => {
      const r: Interaction | undefined = ctx.offerInteraction(path, line, edgeValues(cols!, fields, values));
      if (r !== undefined) {
        implyActor(r.source);
        implyActor(r.target);
      }
    },
  });
}
