// Communities and groups: size, ties inside and out, cohesion, top members and the members who hold
// the outside ties (label and how many ties to actors outside, most first); a row filters the map to
// that community (or group).
import type { ClusterList, ClusterSummary } from '../api.js';
import { h } from '../dom.js';
import { renderTable } from '../table.js';

/** "A07 (5), A21 (4)": each outside holder's label and its ties to actors outside; "none" without. */
export function holdersText(c: ClusterSummary): string {
  return c.outsideHolders.length ? c.outsideHolders.map((m) => `${m.label} (${m.outsideTies})`).join(', ') : 'none';
}

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
        { key: 'holders', label: 'holds the outside ties', list: true },
        { key: 'top', label: `top by ${list.rankedBy ?? 'score'}`, list: true },
      ],
      rows: list.items.map((c) => [c.key ?? '(none)', c.size, c.internalTies, c.externalTies, c.cohesion, holdersText(c), c.topMembers.map((m) => m.label).join(', ')]),
      onRow: (i) => pick(list.items[i]!.key),
    }),
  );
}
