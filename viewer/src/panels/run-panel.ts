// The run: its data set, counts, parameters, per-stage timings and notes. Each parameter and timing
// row carries its raw value (`data-value`, JSON) beside the text shown.
import type { RunRecord } from '../api.js';
import { h } from '../dom.js';
import { formatNumber } from '../map-style.js';

/** A parameter as the panel shows it: lists in full, objects as `key value` pairs. */
export function paramText(v: unknown): string {
  if (Array.isArray(v)) return v.length ? v.map((x) => paramText(x)).join(', ') : '—';
  if (v !== null && typeof v === 'object') return Object.entries(v).map(([k, x]) => `${k} ${paramText(x)}`).join(', ') || '—';
  if (typeof v === 'number') return formatNumber(v);
  return v === null || v === undefined ? '—' : String(v);
}

export function runPanel(run: RunRecord): HTMLElement {
  const timings = Object.entries(run.timings).sort((a, b) => b[1] - a[1]);
  const total = timings.reduce((s, [, t]) => s + t, 0);
  return h(
    'section',
    { class: 'run', 'data-run': run.id },
    h('h2', {}, `Run ${run.id}`),
    h(
      'dl',
      { class: 'attributes' },
      h('dt', {}, 'data set'),
      h('dd', {}, run.dataset),
      h('dt', {}, 'finished'),
      h('dd', {}, run.finishedAt ?? run.status),
      run.version ? h('dt', {}, 'version') : null,
      run.version ? h('dd', {}, run.version) : null,
      run.counts ? h('dt', {}, 'counts') : null,
      run.counts ? h('dd', {}, `${run.counts.actors} actors, ${run.counts.ties} ties, ${run.counts.interactions} interactions`) : null,
      run.modularity !== undefined ? h('dt', {}, 'modularity') : null,
      run.modularity !== undefined ? h('dd', {}, formatNumber(run.modularity)) : null,
      run.betweenness ? h('dt', {}, 'betweenness') : null,
      run.betweenness ? h('dd', {}, run.betweenness.mode === 'sampled' ? `sampled, ${run.betweenness.samples} pivots, error ≤ ${formatNumber(run.betweenness.errorBound ?? NaN)}` : 'exact') : null,
    ),
    h('h3', {}, 'Parameters'),
    h(
      'table',
      { class: 'metrics params' },
      h('tbody', {}, ...Object.entries(run.parameters).map(([k, v]) => h('tr', { 'data-param': k, 'data-value': JSON.stringify(v) }, h('th', { scope: 'row' }, k), h('td', {}, paramText(v))))),
    ),
    h('h3', {}, `Timings (seconds; ${formatNumber(total)} in all)`),
    h(
      'table',
      { class: 'metrics timings' },
      h('tbody', {}, ...timings.map(([k, s]) => h('tr', { 'data-stage': k, 'data-value': String(s) }, h('th', { scope: 'row' }, k), h('td', { class: 'num' }, formatNumber(s))))),
    ),
    run.notes.length ? h('h3', {}, 'Notes') : null,
    run.notes.length ? h('ul', { class: 'notes' }, ...run.notes.map((n) => h('li', {}, n))) : null,
  );
}
