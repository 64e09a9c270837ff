// The viewer application: one ViewState (mirrored in the URL hash) drives the map, the controls
// and the panels. Loading a run fetches its map graph (community level above the server's
// threshold unless drilled in or asked for every actor) and the actors' attributes.
import Graph from 'graphology';
import { downloadAsPNG } from '@sigma/export-image';
import { api, type EdgeList, type NodeItem, type RunRecord, type WhatIfResult } from './api.js';
import { byId, clear, h } from './dom.js';
import { applyFilters, buildFilterIndex, numericColumn, type FilterIndex, type FilterResult } from './map-filter.js';
import { colorScale, formatNumber, MAX_SIZE, MIN_SIZE, sizeScale, TIE_STYLES, tieKind, type TieKind } from './map-style.js';
import { MapView } from './map-view.js';
import { actorPanel } from './panels/actor-panel.js';
import { brokerPanel } from './panels/broker-panel.js';
import { clusterPanel } from './panels/cluster-panel.js';
import { healthPanel } from './panels/health-panel.js';
import { runPanel } from './panels/run-panel.js';
import { whatIfPanel } from './panels/whatif-panel.js';
import { runLabels } from './run-label.js';
import { mountSearch, type SearchEntry } from './search.js';
import { decodeView, DEFAULT_VIEW, encodeView, type ViewState } from './view-state.js';

type Tab = 'actor' | 'brokers' | 'groups' | 'health' | 'whatif' | 'run';
const NODE_PAGE = 10_000;
const BROKERS = 50;
const HEALTH = 100;
/** The server's largest page. */
const MAX_PAGE = 10_000;
const NON_METRICS = new Set(['x', 'y', 'size', 'color', 'label', 'group', 'community', 'baseSize', 'actors']);

/** Every actor of the run (attributes for colouring, filters and search), a page at a time. */
async function fetchActors(run: string): Promise<Map<string, NodeItem>> {
  const actors = new Map<string, NodeItem>();
  for (let offset = 0; ; offset += NODE_PAGE) {
    const page = await api.nodes(run, NODE_PAGE, offset);
    for (const n of page.items) actors.set(n.id, n);
    if (offset + NODE_PAGE >= page.total) break;
  }
  return actors;
}

export class App {
  private state: ViewState = decodeView(location.hash);
  private run: RunRecord | null = null;
  private graph: Graph | null = null;
  private ix: FilterIndex | null = null;
  private map: MapView | null = null;
  private level: 'actors' | 'communities' = 'actors';
  private actors = new Map<string, NodeItem>();
  /** The run whose actors `actors` holds ('' = none loaded). */
  private actorsOf = '';
  private searchEntries: SearchEntry[] = [];
  /** The run whose actors `searchEntries` lists ('' = none yet), and each actor's community. */
  private searchOf = '';
  /** The run whose actors are being fetched for search ('' = none). */
  private searchLoading = '';
  private communityOf = new Map<string, number>();
  private filtered: FilterResult | null = null;
  private tab: Tab = 'actor';
  private whatIf: { picked: string[]; result: WhatIfResult | null; error?: string } = { picked: [], result: null };
  private loadedKey = '';
  private loadSeq = 0;
  private urlTimer = 0;

  async start(): Promise<void> {
    this.wireControls();
    window.addEventListener('hashchange', () => {
      if (location.hash.replace(/^#/, '') === encodeView(this.state)) return;
      this.state = decodeView(location.hash);
      void this.load();
    });
    await this.load();
  }

  // ---- loading -------------------------------------------------------------------------------

  private async load(): Promise<void> {
    // A newer load (another run picked meanwhile) makes this one stale: it stops at its next step.
    const seq = ++this.loadSeq;
    const stale = (): boolean => seq !== this.loadSeq;
    try {
      this.status('loading…');
      const { items } = await api.runs();
      if (stale()) return;
      const done = items.filter((r) => r.status === 'done');
      if (!done.length) {
        this.fillRunPicker(items, null);
        this.status('No finished run yet: load and score a data set (socap start).');
        return;
      }
      const previous = this.run?.id;
      const run = this.state.run === 'latest' ? done[0]! : await api.run(this.state.run);
      if (stale()) return;
      this.run = run;
      this.fillRunPicker(items, this.run);
      if (this.run.id !== previous) {
        // Another run: its actors, search entries and what-if list are not this one's.
        this.actors.clear();
        this.actorsOf = '';
        this.searchEntries = [];
        this.searchOf = '';
        this.communityOf.clear();
        this.whatIf = { picked: [], result: null };
      }
      const wantActors = this.state.allActors || this.state.community !== null;
      const key = `${this.run.id}/${wantActors}`;
      if (key !== this.loadedKey) {
        const data = await api.graph(run.id, wantActors ? 'actors' : 'auto');
        if (stale()) return;
        this.level = data.attributes.level === 'communities' ? 'communities' : 'actors';
        if (this.level === 'actors' && this.actorsOf !== run.id) {
          const actors = await fetchActors(run.id);
          if (stale()) return;
          this.actors = actors;
          this.actorsOf = run.id;
          this.fillSearch(run.id, actors);
        }
        const graph = new Graph({ type: 'undirected' });
        graph.import(data);
        graph.forEachNode((n, a) => graph.setNodeAttribute(n, 'baseSize', a.size));
        graph.forEachEdge((e, a) => graph.mergeEdgeAttributes(e, { color: this.level === 'communities' ? '#b8b8b8' : TIE_STYLES[tieKind(a)].color }));
        this.map?.kill();
        this.map = null;
        this.graph = graph;
        this.ix = buildFilterIndex(graph);
        // Colours, sizes and filters first, so the map's first render is its final look.
        this.fillControls();
        this.restyle();
        this.refilter();
        this.map = new MapView(byId('map'), graph, this.ix, this.filtered, {
          onClickNode: (n) => this.clickNode(n),
          onClickStage: () => this.select(null),
          onCamera: () => this.saveUrlSoon(),
        });
        this.loadedKey = key;
        byId<HTMLAnchorElement>('export-gexf').href = api.exportUrl(this.run.id, 'gexf');
        this.levelNote(data.attributes);
      } else {
        this.fillControls();
        this.restyle();
        this.refilter();
      }
      if (this.state.camera) this.map!.sigma.getCamera().setState(this.state.camera);
      if (this.state.selected !== null) await this.select(this.state.selected, !this.state.camera);
      else await this.showTab(this.tab);
      this.status('');
    } catch (e) {
      if (!stale()) this.status(`Could not load the map: ${(e as Error).message}`);
    }
  }


  /**
   * The run picker: the data sets (newest run first, as GET /api/runs lists them) and the runs of
   * the chosen one, labelled by when they were made (run-label.ts); runs not done are listed with
   * their status and cannot be picked.
   */
  private fillRunPicker(runs: RunRecord[], chosen: RunRecord | null): void {
    const datasets = [...new Set(runs.map((r) => r.dataset))];
    const dataset = chosen?.dataset ?? datasets[0] ?? '';
    const count = (d: string): number => runs.filter((r) => r.dataset === d).length;
    const datasetSelect = byId<HTMLSelectElement>('dataset-select');
    clear(datasetSelect, ...datasets.map((d) => h('option', { value: d }, `${d} (${count(d)} ${count(d) === 1 ? 'run' : 'runs'})`)));
    datasetSelect.value = dataset;
    const runSelect = byId<HTMLSelectElement>('run-select');
    const ofDataset = runs.filter((r) => r.dataset === dataset);
    const labels = runLabels(ofDataset);
    clear(runSelect, ...ofDataset.map((r) => h('option', { value: r.id, title: r.id, disabled: r.status !== 'done' }, labels.get(r.id)!)));
    if (chosen) runSelect.value = chosen.id;
  }

  /** Loads the map for a changed level (drill-down, every actor, back), and puts the view in the URL. */
  private async reload(): Promise<void> {
    const seq = this.loadSeq + 1;
    await this.load();
    if (seq === this.loadSeq) this.saveUrl();
  }

  /** Opens run `id` with a fresh view, and puts it in the URL. */
  private async switchRun(id: string): Promise<void> {
    this.state = { ...DEFAULT_VIEW, ranges: {}, terms: [], run: id };
    this.loadedKey = '';
    await this.load();
    if (this.state.run === id && this.run?.id === id) this.saveUrl();
  }

  private levelNote(attrs: Record<string, unknown>): void {
    const note = byId('level-note');
    const communities = this.level === 'communities';
    note.hidden = !communities && this.state.community === null;
    note.textContent = communities
      ? `${String(attrs.actors ?? '')} actors shown as one node per community: click a community to open it.`
      : this.state.community !== null
        ? `Community ${this.state.community} of a large run.`
        : '';
    byId('full-graph').hidden = !communities && this.state.community === null;
    byId('community-map').hidden = this.state.community === null && !this.state.allActors;
  }

  // ---- controls ------------------------------------------------------------------------------

  private attributeNames(): string[] {
    const names = new Set<string>();
    for (const a of this.actors.values()) for (const k of Object.keys(a.attributes)) names.add(k);
    return [...names].sort();
  }

  private metricNames(): string[] {
    const g = this.graph!;
    const first = g.nodes()[0];
    if (first === undefined) return [];
    return Object.entries(g.getNodeAttributes(first))
      .filter(([k, v]) => !NON_METRICS.has(k) && (typeof v === 'number' || v === null))
      .map(([k]) => k);
  }

  private fillControls(): void {
    const opts = (sel: HTMLSelectElement, values: [string, string][], value: string): void => {
      clear(sel, ...values.map(([v, text]) => h('option', { value: v }, text)));
      sel.value = values.some(([v]) => v === value) ? value : (values[0]?.[0] ?? '');
    };
    const attrs = this.attributeNames();
    const metrics = this.metricNames();
    opts(byId('color-select'), [['community', 'community'], ...attrs.map((a): [string, string] => [a, a])], this.state.color);
    opts(byId('size-select'), [['', 'default'], ...metrics.map((m): [string, string] => [m, m.replace(/_/g, ' ')])], this.state.size);
    const rangeMetric = byId<HTMLSelectElement>('range-metric');
    // The picker shows a metric the view has a range on (a link opened with one), else keeps its choice.
    const ranged = rangeMetric.value in this.state.ranges ? rangeMetric.value : metrics.find((m) => m in this.state.ranges);
    opts(rangeMetric, metrics.map((m): [string, string] => [m, m.replace(/_/g, ' ')]), ranged ?? (rangeMetric.value || 'degree'));
    opts(byId('terms-attr'), [['', '—'], ...attrs.map((a): [string, string] => [a, a])], this.state.termsAttr);
    byId<HTMLInputElement>('strong-only').checked = this.state.strongOnly;
    byId<HTMLInputElement>('giant-only').checked = this.state.giantOnly;
    byId<HTMLSelectElement>('ego-radius').value = String(this.state.egoRadius);
    byId<HTMLInputElement>('min-degree').value = String(this.state.minDegree);
    this.showRange();
    this.fillTerms();
    const filters = byId('filters');
    filters.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>('input, select, button').forEach((el) => (el.disabled = this.level === 'communities'));
  }

  private showRange(): void {
    const metric = byId<HTMLSelectElement>('range-metric').value;
    const r = this.state.ranges[metric] ?? {};
    const min = byId<HTMLInputElement>('range-min');
    const max = byId<HTMLInputElement>('range-max');
    min.value = r.min === undefined ? '' : String(r.min);
    max.value = r.max === undefined ? '' : String(r.max);
    if (this.ix && metric) {
      const s = sizeScale(numericColumn(this.ix, metric));
      min.placeholder = Number.isFinite(s.lo) ? formatNumber(s.lo) : '';
      max.placeholder = Number.isFinite(s.hi) ? formatNumber(s.hi) : '';
    }
    clear(
      byId('range-list'),
      ...Object.entries(this.state.ranges)
        .filter(([, x]) => x.min !== undefined || x.max !== undefined)
        .map(([m, x]) =>
          h('li', {}, `${formatNumber(x.min ?? -Infinity)} ≤ ${m} ≤ ${formatNumber(x.max ?? Infinity)} `, h('button', { type: 'button', class: 'small', 'aria-label': `remove the ${m} range`, onclick: () => {
            delete this.state.ranges[m];
            this.showRange();
            this.changed();
          } }, '×')),
        ),
    );
  }

  private termOf(attr: string): (i: number) => string | null {
    const ix = this.ix!;
    return (i) => this.actors.get(ix.keys[i]!)?.attributes[attr] ?? null;
  }

  private fillTerms(): void {
    const box = byId('terms');
    const attr = this.state.termsAttr;
    if (!attr || !this.ix) return clear(box);
    const counts = new Map<string, number>();
    const of = this.termOf(attr);
    for (let i = 0; i < this.ix.keys.length; i++) {
      const v = of(i) ?? '';
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const kept = new Set(this.state.terms);
    clear(
      box,
      ...[...counts].sort((a, b) => b[1] - a[1]).map(([v, c]) => {
        const cb = h('input', { type: 'checkbox', value: v, checked: kept.has(v) });
        cb.addEventListener('change', () => {
          this.state.terms = [...box.querySelectorAll<HTMLInputElement>('input:checked')].map((x) => x.value);
          this.changed();
        });
        return h('label', { class: 'check' }, cb, ` ${v || '(none)'} `, h('span', { class: 'muted' }, `(${c})`));
      }),
    );
  }

  private wireControls(): void {
    const on = (id: string, ev: string, f: (el: HTMLInputElement & HTMLSelectElement) => void): void => {
      const el = byId<HTMLInputElement & HTMLSelectElement>(id);
      el.addEventListener(ev, () => f(el));
    };
    on('run-select', 'change', (el) => void this.switchRun(el.value));
    on('dataset-select', 'change', (el) => {
      void api.runs().then(({ items }) => {
        const newest = items.find((r) => r.dataset === el.value && r.status === 'done');
        if (newest) return this.switchRun(newest.id);
        this.fillRunPicker(items, this.run);
        this.status(`Data set ${el.value} has no finished run yet.`);
      }, (e: unknown) => this.status(`Could not list the runs: ${(e as Error).message}`));
    });
    on('color-select', 'change', (el) => {
      this.state.color = el.value;
      this.restyle();
      this.saveUrlSoon();
    });
    on('size-select', 'change', (el) => {
      this.state.size = el.value;
      this.restyle();
      this.saveUrlSoon();
    });
    on('range-metric', 'change', () => this.showRange());
    const setRange = (): void => {
      const metric = byId<HTMLSelectElement>('range-metric').value;
      const min = byId<HTMLInputElement>('range-min').value;
      const max = byId<HTMLInputElement>('range-max').value;
      const r: { min?: number; max?: number } = {};
      if (min.trim() !== '' && Number.isFinite(Number(min))) r.min = Number(min);
      if (max.trim() !== '' && Number.isFinite(Number(max))) r.max = Number(max);
      this.state.ranges[metric] = r;
      this.showRange();
      this.changed();
    };
    on('range-min', 'change', setRange);
    on('range-max', 'change', setRange);
    on('terms-attr', 'change', (el) => {
      this.state.termsAttr = el.value;
      this.state.terms = [];
      this.fillTerms();
      this.changed();
    });
    on('strong-only', 'change', (el) => ((this.state.strongOnly = el.checked), this.changed()));
    on('giant-only', 'change', (el) => ((this.state.giantOnly = el.checked), this.changed()));
    on('ego-radius', 'change', (el) => ((this.state.egoRadius = Number(el.value)), this.changed()));
    on('min-degree', 'input', (el) => ((this.state.minDegree = Math.max(0, Math.floor(Number(el.value) || 0))), this.changed()));
    on('reset-filters', 'click', () => {
      Object.assign(this.state, { ranges: {}, termsAttr: '', terms: [], strongOnly: false, giantOnly: false, egoRadius: 0, minDegree: 0 });
      this.fillControls();
      this.changed();
    });
    on('full-graph', 'click', () => {
      this.state.allActors = true;
      this.state.community = null;
      this.state.camera = null;
      void this.reload();
    });
    on('community-map', 'click', () => {
      this.state.allActors = false;
      this.state.community = null;
      this.state.camera = null;
      void this.reload();
    });
    on('export-png', 'click', () => {
      if (this.map) void downloadAsPNG(this.map.sigma, { fileName: `socap-${this.run?.id ?? 'map'}`, backgroundColor: '#ffffff' });
    });
    on('copy-link', 'click', () => {
      this.saveUrl();
      void navigator.clipboard?.writeText(location.href).then(
        () => this.status('Link copied.'),
        () => this.status(`Link: ${location.href}`),
      );
    });
    document.querySelectorAll<HTMLButtonElement>('.tabs [data-tab]').forEach((b) => b.addEventListener('click', () => void this.showTab(b.dataset.tab as Tab)));
    const search = byId<HTMLInputElement>('search');
    mountSearch(search, byId('suggestions'), () => this.searchEntries, (id) => void this.findActor(id));
    // On the community-level map the actors are not loaded: search fetches them when first used
    // (not at load, where parsing every actor would hold up the map's first frames).
    search.addEventListener('focus', () => void this.loadSearch());
  }

  // ---- map state -----------------------------------------------------------------------------

  private restyle(): void {
    const g = this.graph;
    const ix = this.ix;
    if (!g || !ix) return;
    const byCommunity = this.state.color === 'community' || this.level === 'communities';
    const values = ix.keys.map((k) => {
      if (byCommunity) {
        const c: unknown = g.getNodeAttribute(k, 'community');
        return c === null || c === undefined ? null : String(c);
      }
      return this.actors.get(k)?.attributes[this.state.color] ?? null;
    });
    const scale = colorScale(values);
    ix.keys.forEach((k, i) => g.setNodeAttribute(k, 'color', scale.colorOf(values[i]!)));
    clear(
      byId('legend'),
      h('li', { class: 'legend-title' }, byCommunity ? 'community' : this.state.color),
      ...scale.legend.map((l) => h('li', {}, h('span', { class: 'swatch', style: `background:${l.color}` }), ` ${l.value} `, h('span', { class: 'muted' }, `(${l.count})`))),
    );
    const sizeBy = this.level === 'actors' ? this.state.size : '';
    if (sizeBy) {
      const s = sizeScale(numericColumn(ix, sizeBy));
      const col = numericColumn(ix, sizeBy);
      ix.keys.forEach((k, i) => g.setNodeAttribute(k, 'size', s.sizeOf(col[i]!)));
      clear(
        byId('size-legend'),
        h('p', { class: 'legend-title' }, `size: ${sizeBy.replace(/_/g, ' ')}`),
        ...[s.lo, (s.lo + s.hi) / 2, s.hi].filter(Number.isFinite).map((v) => h('span', { class: 'size-dot' }, h('span', { class: 'dot', style: `width:${2 * s.sizeOf(v)}px;height:${2 * s.sizeOf(v)}px` }), formatNumber(v))),
      );
    } else {
      g.forEachNode((n, a) => g.setNodeAttribute(n, 'size', a.baseSize));
      const metric = g.getAttribute('sizeMetric');
      clear(
        byId('size-legend'),
        h('p', { class: 'legend-title' }, this.level === 'communities' ? 'size: actors in the community' : `size: ${typeof metric === 'string' ? metric : 'constant'}`),
        h('span', { class: 'size-dot' }, h('span', { class: 'dot', style: `width:${2 * MIN_SIZE}px;height:${2 * MIN_SIZE}px` }), 'low'),
        h('span', { class: 'size-dot' }, h('span', { class: 'dot', style: `width:${2 * MAX_SIZE}px;height:${2 * MAX_SIZE}px` }), 'high'),
      );
    }
    const present = new Set<TieKind>();
    if (this.level === 'actors') g.forEachEdge((_, a) => present.add(tieKind(a)));
    clear(
      byId('tie-legend'),
      h('li', { class: 'legend-title' }, this.level === 'communities' ? 'ties between communities' : 'ties (width: strength)'),
      ...(Object.keys(TIE_STYLES) as TieKind[])
        .filter((k) => present.has(k))
        .map((k) => h('li', { title: TIE_STYLES[k].help }, h('span', { class: 'line', style: `background:${TIE_STYLES[k].color}` }), ` ${TIE_STYLES[k].label}: `, h('span', { class: 'muted' }, TIE_STYLES[k].help))),
    );
    this.map?.restyle();
  }

  private refilter(): void {
    if (!this.ix) return;
    const actorsLevel = this.level === 'actors';
    const s = this.state;
    this.filtered = applyFilters(this.ix, {
      ranges: actorsLevel ? s.ranges : {},
      termOf: actorsLevel && s.termsAttr ? this.termOf(s.termsAttr) : null,
      terms: new Set(actorsLevel ? s.terms : []),
      community: actorsLevel ? s.community : null,
      strongOnly: actorsLevel && s.strongOnly,
      minDegree: actorsLevel ? s.minDegree : 0,
      ego: actorsLevel && s.egoRadius && s.selected !== null ? { node: s.selected, radius: s.egoRadius } : null,
      giantOnly: actorsLevel && s.giantOnly,
    });
    this.map?.setFilter(this.filtered);
    const what = this.level === 'communities' ? 'communities' : 'actors';
    const count = byId('count');
    count.dataset.nodes = String(this.filtered.nodes);
    count.dataset.edges = String(this.filtered.edges);
    count.textContent = `${this.filtered.nodes} of ${this.ix.keys.length} ${what} · ${this.filtered.edges} of ${this.ix.edgeKeys.length} ties`;
  }

  private changed(): void {
    this.refilter();
    this.saveUrlSoon();
  }

  private clickNode(node: string): void {
    if (this.level === 'communities') {
      const c: unknown = this.graph!.getNodeAttribute(node, 'community');
      if (typeof c !== 'number') return;
      this.state.community = c;
      this.state.camera = null;
      void this.reload();
      return;
    }
    void this.select(node);
  }

  /** Fetches the run's actors for search when the map did not load them (community level). */
  private async loadSearch(): Promise<void> {
    const run = this.run?.id;
    if (run === undefined || this.searchOf === run || this.searchLoading === run) return;
    this.searchLoading = run;
    try {
      const actors = await fetchActors(run);
      if (this.run?.id !== run || this.searchOf === run) return;
      this.fillSearch(run, actors);
      // Text typed while the actors were on their way gets its suggestions now.
      const search = byId<HTMLInputElement>('search');
      if (document.activeElement === search && search.value) search.dispatchEvent(new Event('input'));
    } catch (e) {
      this.status(`Could not load the actors for search: ${(e as Error).message}`);
    } finally {
      if (this.searchLoading === run) this.searchLoading = '';
    }
  }

  /** The actors search finds (ids, labels, attributes) and their communities. */
  private fillSearch(run: string, actors: Map<string, NodeItem>): void {
    this.searchEntries = [...actors.values()].map((n) => ({ id: n.id, label: n.label, attributes: n.attributes }));
    this.communityOf.clear();
    for (const n of actors.values()) if (typeof n.metrics.community === 'number') this.communityOf.set(n.id, n.metrics.community);
    this.searchOf = run;
  }

  /**
   * Selects an actor found by search. On the community-level map, or drilled into another
   * community, it first opens the actor's community, so the actor is on the map.
   */
  private async findActor(id: string): Promise<void> {
    const c = this.communityOf.get(id);
    if (c !== undefined && (this.level === 'communities' || (this.state.community !== null && this.state.community !== c))) {
      Object.assign(this.state, { community: c, selected: id, camera: null });
      await this.reload();
      return;
    }
    await this.select(id);
  }

  async select(id: string | null, fly = true): Promise<void> {
    this.state.selected = id;
    this.map?.setSelected(id !== null && this.graph?.hasNode(id) ? id : null);
    if (this.state.egoRadius) this.refilter();
    this.saveUrlSoon();
    if (id === null) {
      // The actor panel shows the placeholder again, as a page opened without a selection does.
      if (this.tab === 'actor') await this.showTab('actor');
      return;
    }
    if (fly && this.graph?.hasNode(id)) this.map!.flyTo(id);
    await this.showTab('actor');
  }

  // ---- panels --------------------------------------------------------------------------------

  private labelOf = (id: string): string => this.actors.get(id)?.label ?? id;

  private async showTab(tab: Tab): Promise<void> {
    this.tab = tab;
    document.querySelectorAll<HTMLButtonElement>('.tabs [data-tab]').forEach((b) => b.setAttribute('aria-selected', String(b.dataset.tab === tab)));
    const panel = byId('panel');
    panel.setAttribute('aria-labelledby', `tab-${tab}`);
    const run = this.run;
    if (!run) return;
    // Another tab or run chosen while this one's data was on its way: drop it.
    const current = (): boolean => this.run === run && this.tab === tab;
    try {
      if (tab === 'actor') {
        const id = this.state.selected;
        if (id === null) return clear(panel, h('p', { class: 'muted' }, 'Click an actor on the map, or find one by name, to see why it scores as it does.'));
        const d = await api.node(run.id, id);
        if (this.state.selected !== id || !current()) return;
        clear(
          panel,
          actorPanel(d, {
            select: (a) => void this.select(a),
            egoView: (a, r) => {
              this.state.egoRadius = r;
              byId<HTMLSelectElement>('ego-radius').value = String(r);
              void this.select(a);
              this.refilter();
            },
            addToWhatIf: (a) => {
              if (!this.whatIf.picked.includes(a)) this.whatIf.picked.push(a);
              void this.showTab('whatif');
            },
          }),
        );
      } else if (tab === 'brokers') {
        const board = await brokerPanel(run, BROKERS, (a) => void this.select(a));
        if (!current()) return;
        clear(panel, board);
      } else if (tab === 'groups') {
        const [c, g] = await Promise.all([api.communities(run.id), api.groups(run.id)]);
        if (!current()) return;
        clear(
          panel,
          h('h2', {}, 'Communities and groups'),
          clusterPanel('Groups', g, (key) => this.keepTerm(g.attribute, key)),
          clusterPanel('Communities', c, (key) => this.keepTerm('community', key)),
        );
      } else if (tab === 'health') {
        const cooling = await this.allCoolingTies(run.id);
        if (!current()) return;
        clear(panel, healthPanel(cooling, HEALTH, this.labelOf, (a) => void this.select(a)));
      } else if (tab === 'whatif') {
        this.renderWhatIf();
      } else {
        clear(panel, runPanel(run));
      }
    } catch (e) {
      clear(panel, h('p', { class: 'error', role: 'alert' }, (e as Error).message));
    }
  }

  /** Every cooling tie of the run (the panel ranks them worst first), a page of MAX_PAGE at a time. */
  private async allCoolingTies(run: string): Promise<EdgeList> {
    const first = await api.health(run, MAX_PAGE);
    const items = [...first.items];
    while (items.length < first.total) {
      const page = await api.health(run, MAX_PAGE, items.length);
      if (!page.items.length) break;
      items.push(...page.items);
    }
    return { ...first, items };
  }

  /** A row of the groups or communities table: show only that group (or community). */
  private keepTerm(attr: string | null, key: string | null): void {
    if (attr === 'community' && key !== null) {
      if (this.level === 'communities') {
        this.state.community = Number(key);
        void this.reload();
        return;
      }
      // Only that community: a group kept by an earlier row no longer narrows it.
      this.state.ranges.community = { min: Number(key), max: Number(key) };
      this.state.termsAttr = '';
      this.state.terms = [];
      byId<HTMLSelectElement>('terms-attr').value = '';
      this.fillTerms();
      this.showRange();
    } else if (attr) {
      // Only that group: a community kept by an earlier row no longer narrows it.
      delete this.state.ranges.community;
      this.showRange();
      this.state.termsAttr = attr;
      this.state.terms = [key ?? ''];
      byId<HTMLSelectElement>('terms-attr').value = attr;
      this.fillTerms();
    }
    this.changed();
  }

  private renderWhatIf(): void {
    const w = this.whatIf;
    clear(
      byId('panel'),
      whatIfPanel(w.picked, w.result, this.labelOf, {
        remove: (a) => {
          w.picked = w.picked.filter((x) => x !== a);
          this.renderWhatIf();
        },
        clear: () => {
          this.whatIf = { picked: [], result: null };
          this.map?.setWhatIf([], []);
          this.renderWhatIf();
        },
        run: () => void this.runWhatIf(),
        select: (a) => void this.select(a),
      }, w.error),
    );
  }

  private async runWhatIf(): Promise<void> {
    if (!this.run) return;
    try {
      this.whatIf.result = await api.whatIf(this.run.id, this.whatIf.picked);
      this.whatIf.error = undefined;
      this.map?.setWhatIf(this.whatIf.result.removed, this.whatIf.result.splitOff.flatMap((p) => p.members));
    } catch (e) {
      this.whatIf.error = (e as Error).message;
    }
    if (this.tab === 'whatif') this.renderWhatIf();
  }

  // ---- URL -----------------------------------------------------------------------------------

  private saveUrl(): void {
    window.clearTimeout(this.urlTimer);
    if (this.map) {
      const c = this.map.sigma.getCamera().getState();
      this.state.camera = { x: c.x, y: c.y, ratio: c.ratio };
    }
    // A link names the run it shows, so it keeps showing that run after newer ones are scored
    // (a bare URL, with no view in it, still opens the newest run).
    if (this.run) this.state.run = this.run.id;
    history.replaceState(null, '', `#${encodeView(this.state)}`);
  }

  private saveUrlSoon(): void {
    window.clearTimeout(this.urlTimer);
    this.urlTimer = window.setTimeout(() => this.saveUrl(), 250);
  }

  private status(text: string): void {
    byId('status').textContent = text;
  }
}
