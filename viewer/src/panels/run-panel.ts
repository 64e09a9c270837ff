// The run: its data set, counts, parameters, per-stage timings and notes.
import type { RunRecord } from '../api.js';
import { h } from '../dom.js';
import { formatNumber } from '../map-style.js';

function paramText(v: unknown): string {
  if (Array.isArray(v)) return v.length > 6 ? `${v.slice(0, 6).join(', ')}, … (${v.length})` : v.join(', ') || '—';
  if (v !== null && typeof v === 'object') return Object.entries(v).map(([k, x]) => `${k} ${typeof x === 'number' ? formatNumber(x) : String(x)}`).join(', ');
  return v === null || v === undefined ? '—' : String(v);
}

export function runPanel(run: RunRecord): HTMLElement {
  const timings = Object.entries(run.timings).sort((a, b) => b[1] - a[1]);
  return h(
    'section',
    {},
    h('h2', {}, `Run ${run.id}`),
    h(
      'dl',
      { class: 'attributes' },
      h('dt', {}, 'data set'),
      h('dd', {}, run.dataset),
      h('dt', {}, 'finished'),
      h('dd', {}, run.finishedAt ?? run.status),
      run.counts ? h('dt', {}, 'counts') : null,
      run.counts ? h('dd', {}, `${run.counts.actors} actors, ${run.counts.ties} ties, ${run.counts.interactions} interactions`) : null,
      run.modularity !== undefined ? h('dt', {}, 'modularity') : null,
      run.modularity !== undefined ? h('dd', {}, formatNumber(run.modularity)) : null,
      run.betweenness ? h('dt', {}, 'betweenness') : null,
      run.betweenness ? h('dd', {}, run.betweenness.mode === 'sampled' ? `sampled, ${run.betweenness.samples} pivots, error ≤ ${formatNumber(run.betweenness.errorBound ?? NaN)}` : 'exact') : null,
    ),
    h('h3', {}, 'Parameters'),
    h('dl', { class: 'attributes' }, ...Object.entries(run.parameters).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, paramText(v))])),
    h('h3', {}, 'Timings (seconds)'),
    h('table', { class: 'metrics' }, h('tbody', {}, ...timings.map(([k, s]) => h('tr', {}, h('th', { scope: 'row' }, k), h('td', { class: 'num' }, formatNumber(s)))))),
    run.notes.length ? h('h3', {}, 'Notes') : null,
    run.notes.length ? h('ul', {}, ...run.notes.map((n) => h('li', {}, n))) : null,
  );
}
