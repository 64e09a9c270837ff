// Relationship health: the cooling ties, worst first. A tie cools when its recent contact rate falls
// well below its own baseline rate (engine/metrics/cooling-ties.ts); worst is the lowest ratio of
// the two, then the most baseline contact, as `coolingOrder` ranks them. The server lists the
// cooling ties in tie order, so the panel fetches them all and ranks them here.
import type { EdgeItem, EdgeList } from '../api.js';
import { h } from '../dom.js';
import { renderTable } from '../table.js';

const num = (v: unknown): number => (typeof v === 'number' ? v : NaN);

/** recent_rate / baseline_rate of a cooling tie (NaN when either is missing). */
export function coolingRatio(t: EdgeItem): number {
  return num(t.recent_rate) / num(t.baseline_rate);
}

/** The ties worst first: lowest recent/baseline ratio, then highest baseline rate, then as given. */
export function worstFirst(items: EdgeItem[]): EdgeItem[] {
  const key = (t: EdgeItem): [number, number] => {
    const r = coolingRatio(t);
    const b = num(t.baseline_rate);
    return [Number.isNaN(r) ? Infinity : r, Number.isNaN(b) ? -Infinity : b];
  };
  return items
    .map((t, i) => ({ t, i, k: key(t) }))
    .sort((x, y) => x.k[0] - y.k[0] || y.k[1] - x.k[1] || x.i - y.i)
    .map((x) => x.t);
}

export function healthPanel(list: EdgeList, shown: number, labelOf: (id: string) => string, select: (id: string) => void): HTMLElement {
  const ranked = worstFirst(list.items).slice(0, shown);
  const cols = ['recent_rate', 'baseline_rate', 'strength'].filter((c) => ranked.some((t) => c in t));
  return h(
    'section',
    { class: 'health' },
    h('h2', {}, 'Relationship health'),
    h(
      'p',
      { class: 'muted' },
      list.note ??
        `${list.total} cooling ${list.total === 1 ? 'tie' : 'ties'}${ranked.length < list.total ? `; the ${ranked.length} worst` : ''}, worst first: recent contact rate against the tie’s own baseline (contacts per 30 days).`,
    ),
    ranked.length
      ? renderTable({
          name: 'cooling',
          columns: [
            { key: 'source', label: 'actor' },
            { key: 'target', label: 'actor' },
            { key: 'ratio', label: 'recent ÷ baseline', numeric: true },
            ...cols.map((c) => ({ key: c, label: c.replace(/_/g, ' '), numeric: true })),
          ],
          rows: ranked.map((t) => [labelOf(t.source), labelOf(t.target), coolingRatio(t), ...cols.map((c) => (typeof t[c] === 'number' ? (t[c] as number) : null))]),
          onRow: (i) => select(ranked[i]!.source),
        })
      : null,
  );
}
