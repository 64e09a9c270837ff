// What-if: the actors picked for removal, and after a run of the question the components and
// Borgatti fragmentation before and after, pairs cut apart and the pieces that split off (drawn
// red on the map; removed actors dark).
import type { WhatIfResult } from '../api.js';
import { h } from '../dom.js';
import { formatNumber } from '../map-style.js';

export interface WhatIfActions {
  remove(actor: string): void;
  run(): void;
  clear(): void;
  select(actor: string): void;
}

export function whatIfPanel(picked: string[], result: WhatIfResult | null, labelOf: (id: string) => string, actions: WhatIfActions, error?: string): HTMLElement {
  const stat = (name: string, a: number, b: number): HTMLElement =>
    h('tr', {}, h('th', { scope: 'row' }, name), h('td', { class: 'num' }, formatNumber(a)), h('td', { class: 'num' }, formatNumber(b)));
  return h(
    'section',
    { class: 'whatif' },
    h('h2', {}, 'What if they left?'),
    h('p', { class: 'muted' }, 'Pick actors with “What if they left?” on their panel, then compare the network before and after.'),
    h(
      'ul',
      { class: 'picked' },
      ...picked.map((id) => h('li', {}, labelOf(id), ' ', h('button', { type: 'button', class: 'small', 'aria-label': `remove ${labelOf(id)} from the list`, onclick: () => actions.remove(id) }, '×'))),
    ),
    h(
      'div',
      { class: 'buttons' },
      h('button', { type: 'button', id: 'whatif-run', disabled: picked.length === 0, onclick: () => actions.run() }, 'Compare'),
      h('button', { type: 'button', disabled: picked.length === 0 && result === null, onclick: () => actions.clear() }, 'Clear'),
    ),
    error ? h('p', { class: 'error', role: 'alert' }, error) : null,
    result
      ? h(
          'div',
          { id: 'whatif-result' },
          h(
            'table',
            { class: 'metrics' },
            h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', { class: 'num' }, 'before'), h('th', { class: 'num' }, 'after'))),
            h(
              'tbody',
              {},
              stat('actors', result.before.actors, result.after.actors),
              stat('components', result.before.components, result.after.components),
              stat('largest component', result.before.largestComponent, result.after.largestComponent),
              stat('fragmentation', result.before.fragmentation, result.after.fragmentation),
            ),
          ),
          h('p', {}, `${result.pairsDisconnected} pairs of remaining actors lose every path (${formatNumber(100 * result.pairsDisconnectedShare)}% of the connected pairs).`),
          h('h3', {}, `Split-off pieces (${result.splitOff.length}), in red on the map`),
          h(
            'ul',
            {},
            ...result.splitOff.map((p) =>
              h('li', {}, `${p.size} actors: `, ...p.members.slice(0, 8).flatMap((m, i) => [i ? ', ' : '', h('a', { href: '#', onclick: (e: Event) => (e.preventDefault(), actions.select(m)) }, labelOf(m))]), p.size > 8 ? ', …' : ''),
            ),
          ),
        )
      : null,
  );
}
