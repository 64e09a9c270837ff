// Tie listings of a run, filtered on whatever tie columns the run has: strong / weak (the `strong`
// flag), bridges (`bridge`), local bridges (`local_bridge`), cooling (`cooling`). A filter whose
// column the run lacks gives an empty list and a note, never an error. Cost: O(m).
import type { z } from 'zod';
import { DEFAULT_PAGE, type EdgeFilter } from './request-schemas.js';
import type { edgeList } from './response-schemas.js';
import { tieAttributes } from './ego-network.js';
import type { RunView } from './run-view.js';

export type EdgeList = z.output<typeof edgeList>;

const FILTER_COLUMN: Record<EdgeFilter, { column: string; value: boolean }> = {
  strong: { column: 'strong', value: true },
  weak: { column: 'strong', value: false },
  bridges: { column: 'bridge', value: true },
  local_bridges: { column: 'local_bridge', value: true },
  cooling: { column: 'cooling', value: true },
};

export function listEdges(view: RunView, q: { filter?: EdgeFilter; limit?: number; offset?: number }): EdgeList {
  let selected: number[];
  if (q.filter === undefined) selected = view.edges.map((_, e) => e);
  else {
    const { column, value } = FILTER_COLUMN[q.filter];
    if (!view.edgeColumns.includes(column)) {
      return { total: 0, items: [], note: `run ${view.run.id} has no "${column}" tie column, so no tie matches filter=${q.filter}` };
    }
    selected = [];
    for (let e = 0; e < view.edges.length; e++) if (view.edges[e]!.values[column] === value) selected.push(e);
  }
  const offset = q.offset ?? 0;
  const limit = q.limit ?? DEFAULT_PAGE;
  const items = selected.slice(offset, offset + limit).map((e) => ({ source: view.edges[e]!.source, target: view.edges[e]!.target, ...tieAttributes(view, e) }));
  return { total: selected.length, items };
}

/** Relationship health: the cooling ties, when the run has that column. */
export function tieHealth(view: RunView, q: { limit?: number; offset?: number }): EdgeList {
  if (!view.edgeColumns.includes('cooling')) {
    return { total: 0, items: [], note: `run ${view.run.id} has no "cooling" tie column: cooling needs timestamped interactions` };
  }
  return listEdges(view, { ...q, filter: 'cooling' });
}
