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

/**
 * Relationship health: the cooling ties worst first, when the run has that column. The order is
 * `coolingOrder`'s (engine/metrics/cooling-ties.ts) from the stored columns: lowest recent/baseline
 * rate ratio, then highest baseline rate (most baseline contacts: the window is the same for every
 * tie), then lowest recency (earliest last contact: recency grows with it), then tie order.
 */
export function tieHealth(view: RunView, q: { limit?: number; offset?: number }): EdgeList {
  if (!view.edgeColumns.includes('cooling')) {
    return { total: 0, items: [], note: `run ${view.run.id} has no "cooling" tie column: cooling needs timestamped interactions` };
  }
  const num = (e: number, column: string): number => {
    const v = view.edges[e]!.values[column];
    return typeof v === 'number' ? v : NaN;
  };
  const cooling: number[] = [];
  for (let e = 0; e < view.edges.length; e++) if (view.edges[e]!.values.cooling === true) cooling.push(e);
  const drop = (e: number): number => num(e, 'recent_rate') / num(e, 'baseline_rate');
  const recency = (e: number): number => (view.edgeColumns.includes('recency') ? num(e, 'recency') : 0);
  cooling.sort((x, y) => drop(x) - drop(y) || num(y, 'baseline_rate') - num(x, 'baseline_rate') || recency(x) - recency(y) || x - y);
  const offset = q.offset ?? 0;
  const limit = q.limit ?? DEFAULT_PAGE;
  const items = cooling.slice(offset, offset + limit).map((e) => ({ source: view.edges[e]!.source, target: view.edges[e]!.target, ...tieAttributes(view, e) }));
  return { total: cooling.length, items };
}
