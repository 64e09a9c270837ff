// Source: a single CSV edge list (`source,target[,weight][,type|relation][,timestamp][,id]`).
// Actors are implied by the interactions: each id is emitted once, as `{ id, attributes: {} }`,
// the first time an accepted interaction names it (before that interaction reaches the sink).
// Cost: one streaming pass; memory O(distinct actors) for the set of ids already emitted.
import type { IngestContext } from './ingest-context.js';
import { readInteractionsCsv } from './interactions-csv.js';

export async function ingestCsvEdgeList(path: string, ctx: IngestContext): Promise<void> {
  const seen = new Set<string>();
  const implyActor = (id: string): void => {
    if (seen.has(id)) return;
    seen.add(id);
    ctx.addActor({ id, attributes: {} });
  };
  await readInteractionsCsv(path, ctx, (values, line) => {
    const r = ctx.offerInteraction(path, line, values);
    if (r !== undefined) {
      implyActor(r.source);
      implyActor(r.target);
    }
  });
}
