// The actor panel: attributes; every metric with its value and percentile bar; the explanation;
// Gould–Fernandez role counts; the strongest ties with their strength components; cooling ties;
// buttons for the ego view and the what-if list.
import type { NodeDetail, TieItem } from '../api.js';
import { h } from '../dom.js';
import { formatValue } from '../map-style.js';
import { renderTable } from '../table.js';

export const ROLE_COLUMNS = ['coordinator', 'itinerant', 'gatekeeper', 'representative', 'liaison'] as const;
const ROLE_HELP: Record<(typeof ROLE_COLUMNS)[number], string> = {
  coordinator: 'between two members of its own group',
  itinerant: 'between two members of another group',
  gatekeeper: 'letting outsiders into its group',
  representative: 'speaking for its group to outsiders',
  liaison: 'between two other groups',
};
const TIE_COMPONENTS = ['strength', 'frequency', 'recency', 'reciprocity', 'multiplexity', 'duration', 'overlap'];
const TOP_TIES = 10;

export interface ActorActions {
  select(actor: string): void;
  egoView(actor: string, radius: 1 | 2): void;
  addToWhatIf(actor: string): void;
}

export function actorPanel(d: NodeDetail, actions: ActorActions): HTMLElement {
  const metricRows = Object.entries(d.metrics)
    .filter(([k]) => !(ROLE_COLUMNS as readonly string[]).includes(k))
    .map(([k, v]) => {
      const pct = d.percentiles[k];
      const name = k.replace(/_/g, ' ');
      // The bar is drawn to the exact share; its text and accessible name give it rounded.
      const higher = pct === null || pct === undefined ? '' : `higher than ${Math.round(pct)}% of actors`;
      return h(
        'tr',
        { 'data-metric': k, 'data-value': v === null ? '' : String(v) },
        h('th', { scope: 'row' }, name),
        h('td', { class: 'num metric-value' }, formatValue(v)),
        h(
          'td',
          { class: 'pct' },
          pct === null || pct === undefined
            ? ''
            : h('span', { class: 'bar', role: 'img', 'aria-label': `${name}: ${higher}`, title: higher }, h('span', { class: 'fill', style: `width:${pct}%` })),
        ),
        h('td', { class: 'num pct-text' }, pct === null || pct === undefined ? '' : `${Math.round(pct)}%`),
      );
    });
  const roles = ROLE_COLUMNS.filter((r) => r in d.metrics).map((r) => h('li', { title: ROLE_HELP[r] }, h('strong', {}, formatValue(d.metrics[r])), ` ${r}`));
  const ties = d.ties.slice(0, TOP_TIES);
  const comps = TIE_COMPONENTS.filter((c) => ties.some((t) => c in t));
  const cooling = d.ties.filter((t) => t.cooling === true);
  const tieTable = (name: string, list: TieItem[]): HTMLElement =>
    renderTable({
      name,
      file: `socap-${name}-${d.id}`,
      columns: [{ key: 'other', label: 'tie to' }, ...comps.map((c) => ({ key: c, label: c, numeric: true }))],
      rows: list.map((t) => [t.label, ...comps.map((c) => (typeof t[c] === 'number' ? (t[c] as number) : null))]),
      onRow: (i) => actions.select(list[i]!.other),
    });
  return h(
    'section',
    { class: 'actor', 'data-actor': d.id },
    h('h2', {}, d.label, d.label !== d.id ? h('span', { class: 'muted' }, ` (${d.id})`) : null),
    h(
      'div',
      { class: 'buttons' },
      h('button', { type: 'button', onclick: () => actions.egoView(d.id, 1) }, 'Ego network'),
      h('button', { type: 'button', onclick: () => actions.egoView(d.id, 2) }, 'Ego, 2 steps'),
      h('button', { type: 'button', onclick: () => actions.addToWhatIf(d.id) }, 'What if they left?'),
    ),
    h('p', { class: 'explanation' }, d.explanation),
    h(
      'dl',
      { class: 'attributes' },
      ...Object.entries(d.attributes).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
      d.groupAttribute ? h('dt', {}, `group (${d.groupAttribute})`) : null,
      d.groupAttribute ? h('dd', {}, d.group ?? '—') : null,
    ),
    h('h3', {}, 'Metrics'),
    h('table', { class: 'metrics' }, h('tbody', {}, ...metricRows)),
    roles.length ? h('h3', {}, 'Brokerage roles (Gould–Fernandez)') : null,
    roles.length ? h('ul', { class: 'roles' }, ...roles) : null,
    h('h3', {}, `Strongest ties (${Math.min(TOP_TIES, d.ties.length)} of ${d.ties.length})`),
    tieTable('ties', ties),
    h('h3', {}, 'Cooling ties'),
    cooling.length ? tieTable('cooling-ties', cooling) : h('p', { class: 'muted' }, 'cooling' in (d.ties[0] ?? {}) ? 'None of its ties is cooling.' : 'This run has no cooling measure (it needs timestamps).'),
  );
}
