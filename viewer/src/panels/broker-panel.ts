// The broker leaderboard: betweenness descending then constraint ascending (the server's order),
// sortable by any column; a row selects the actor on the map.
import type { BrokerItem } from '../api.js';
import { h } from '../dom.js';
import { renderTable } from '../table.js';

export function brokerPanel(items: BrokerItem[], total: number, select: (id: string) => void, note?: string): HTMLElement {
  const cols = ['effective_size', 'social_capital'].filter((c) => items.some((b) => typeof b.metrics[c] === 'number'));
  return h(
    'section',
    {},
    h('h2', {}, 'Brokers'),
    h('p', { class: 'muted' }, `Top ${items.length} of ${total} by betweenness, then lowest constraint.`, note ? ` ${note}` : ''),
    renderTable({
      name: 'brokers',
      columns: [
        { key: 'rank', label: '#', numeric: true },
        { key: 'label', label: 'actor' },
        { key: 'group', label: 'group' },
        { key: 'betweenness', label: 'betweenness', numeric: true },
        { key: 'constraint', label: 'constraint', numeric: true },
        ...cols.map((c) => ({ key: c, label: c.replace(/_/g, ' '), numeric: true })),
      ],
      rows: items.map((b) => [b.rank, b.label, b.group, b.betweenness, b.constraint, ...cols.map((c) => (typeof b.metrics[c] === 'number' ? (b.metrics[c] as number) : null))]),
      onRow: (i) => select(items[i]!.id),
    }),
  );
}
