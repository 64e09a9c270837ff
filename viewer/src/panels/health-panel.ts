// Relationship health: the cooling ties, worst first, as the server ranks them.
import type { EdgeList } from '../api.js';
import { h } from '../dom.js';
import { renderTable } from '../table.js';

export function healthPanel(list: EdgeList, labelOf: (id: string) => string, select: (id: string) => void): HTMLElement {
  const cols = ['strength', 'cooling_ratio', 'recent_rate', 'baseline_rate', 'recency'].filter((c) => list.items.some((t) => c in t));
  return h(
    'section',
    {},
    h('h2', {}, 'Relationship health'),
    h('p', { class: 'muted' }, list.note ?? `${list.total} cooling ties; the worst first.`),
    list.items.length
      ? renderTable({
          name: 'cooling',
          columns: [{ key: 'source', label: 'actor' }, { key: 'target', label: 'actor' }, ...cols.map((c) => ({ key: c, label: c.replace(/_/g, ' '), numeric: true }))],
          rows: list.items.map((t) => [labelOf(t.source), labelOf(t.target), ...cols.map((c) => (typeof t[c] === 'number' ? (t[c] as number) : null))]),
          onRow: (i) => select(list.items[i]!.source),
        })
      : null,
  );
}
