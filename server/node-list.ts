// Actor listings of a run: filtered, sorted and paged node rows, and the broker ranking
// (betweenness descending, then constraint ascending). Cost: O(n log n) per request.
import { NODE_METRIC_COLUMNS } from '../engine/run/options.js';
import { badRequest } from './http-error.js';
import { DEFAULT_PAGE, type NodeListQuery } from './request-schemas.js';
import { byActorId, compareText, metricValues, numberOf, type RunView } from './run-view.js';
import type { z } from 'zod';
import type { brokerList, nodeItem } from './response-schemas.js';

export type NodeItem = z.output<typeof nodeItem>;

export function nodeItemOf(view: RunView, i: number): NodeItem {
  const r = view.nodes[i]!;
  return { id: r.id, label: r.label, attributes: view.attributes[i]!, metrics: metricValues(view, i) };
}

function requireColumn(view: RunView, column: string, what: string): void {
  if (!view.metricColumns.includes(column)) {
    throw badRequest(`${what}: metric "${column}" is not in run ${view.run.id}`, [{ in: 'query', path: what, message: `this run has: ${view.metricColumns.join(', ') || 'no metrics'}` }]);
  }
}

/** Compares two numbers-or-missing: missing values sort last whatever the order. */
function compareMaybe(a: number | null, b: number | null, dir: 1 | -1): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return dir * (a - b);
}

export function listNodes(view: RunView, q: NodeListQuery): { total: number; items: NodeItem[] } {
  const ranges: { column: string; min: boolean; bound: number }[] = [];
  for (const m of NODE_METRIC_COLUMNS) {
    for (const side of ['min', 'max'] as const) {
      const v = q[`${side}_${m}` as keyof NodeListQuery];
      if (typeof v === 'number') {
        requireColumn(view, m, `${side}_${m}`);
        ranges.push({ column: m, min: side === 'min', bound: v });
      }
    }
  }
  if (q.community !== undefined) requireColumn(view, 'community', 'community');
  if (q.group !== undefined && view.groupAttribute === null) {
    throw badRequest(`group: run ${view.run.id} has no group attribute`, [{ in: 'query', path: 'group', message: 'score the data set with a group attribute (e.g. department)' }]);
  }
  const sort = q.sort;
  if (sort !== undefined && sort !== 'id' && sort !== 'label') requireColumn(view, sort, 'sort');

  const selected: number[] = [];
  for (let i = 0; i < view.nodes.length; i++) {
    const values = view.nodes[i]!.values;
    if (q.community !== undefined && values.community !== q.community) continue;
    if (q.group !== undefined && view.groups[i] !== q.group) continue;
    let keep = true;
    for (const r of ranges) {
      const v = numberOf(values[r.column]);
      if (v === null || (r.min ? v < r.bound : v > r.bound)) {
        keep = false;
        break;
      }
    }
    if (keep) selected.push(i);
  }
  if (sort !== undefined) {
    const dir = (q.order ?? (sort === 'id' || sort === 'label' ? 'asc' : 'desc')) === 'asc' ? 1 : -1;
    const tie = byActorId(view);
    if (sort === 'id' || sort === 'label') {
      selected.sort((a, b) => {
        const x = sort === 'id' ? view.nodes[a]!.id : view.nodes[a]!.label;
        const y = sort === 'id' ? view.nodes[b]!.id : view.nodes[b]!.label;
        return dir * compareText(x, y) || tie(a, b);
      });
    } else {
      selected.sort((a, b) => compareMaybe(numberOf(view.nodes[a]!.values[sort]), numberOf(view.nodes[b]!.values[sort]), dir) || tie(a, b));
    }
  }
  const offset = q.offset ?? 0;
  const limit = q.limit ?? DEFAULT_PAGE;
  return { total: selected.length, items: selected.slice(offset, offset + limit).map((i) => nodeItemOf(view, i)) };
}

export function rankBrokers(view: RunView, q: { group?: string; limit?: number; offset?: number }): z.output<typeof brokerList> {
  if (!view.metricColumns.includes('betweenness')) {
    return { total: 0, items: [], note: `run ${view.run.id} has no betweenness column: score it with the betweenness metric` };
  }
  if (q.group !== undefined && view.groupAttribute === null) {
    throw badRequest(`group: run ${view.run.id} has no group attribute`, [{ in: 'query', path: 'group', message: 'score the data set with a group attribute (e.g. department)' }]);
  }
  const selected: number[] = [];
  for (let i = 0; i < view.nodes.length; i++) if (q.group === undefined || view.groups[i] === q.group) selected.push(i);
  const b = (i: number): number | null => numberOf(view.nodes[i]!.values.betweenness);
  const c = (i: number): number | null => numberOf(view.nodes[i]!.values.constraint);
  const tie = byActorId(view);
  selected.sort((x, y) => compareMaybe(b(x), b(y), -1) || compareMaybe(c(x), c(y), 1) || tie(x, y));
  const offset = q.offset ?? 0;
  const limit = q.limit ?? DEFAULT_PAGE;
  const items = selected.slice(offset, offset + limit).map((i, k) => ({
    rank: offset + k + 1,
    id: view.nodes[i]!.id,
    label: view.nodes[i]!.label,
    group: view.groups[i]!,
    betweenness: b(i),
    constraint: c(i),
    metrics: metricValues(view, i),
  }));
  return { total: selected.length, items };
}
