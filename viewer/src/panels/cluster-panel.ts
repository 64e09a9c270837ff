// Communities and groups: size, ties inside and out, cohesion and top members; a row filters the
// map to that community (or group).
import type { ClusterList } from '../api.js';
import { h } from '../dom.js';
import { renderTable } from '../table.js';

export function clusterPanel(title: string, list: ClusterList, pick: (key: string | null) => void): HTMLElement {
  return h(
    'section',
    {},
    h('h3', {}, title, list.attribute ? h('span', { class: 'muted' }, ` (${list.attribute})`) : null),
    list.note ? h('p', { class: 'muted' }, list.note) : null,
    renderTable({
      name: title.toLowerCase(),
      columns: [
        { key: 'key', label: list.attribute ?? 'key' },
        { key: 'size', label: 'actors', numeric: true },
        { key: 'internalTies', label: 'ties in', numeric: true },
        { key: 'externalTies', label: 'ties out', numeric: true },
        { key: 'cohesion', label: 'cohesion', numeric: true },
        { key: 'top', label: `top by ${list.rankedBy ?? 'score'}` },
      ],
      rows: list.items.map((c) => [c.key ?? '(none)', c.size, c.internalTies, c.externalTies, c.cohesion, c.topMembers.map((m) => m.label).join(', ')]),
      onRow: (i) => pick(list.items[i]!.key),
    }),
  );
}
