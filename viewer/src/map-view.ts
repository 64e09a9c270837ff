// The Sigma.js map over the run's graph: filtered actors and ties hidden, the selection and what-if
// marks drawn on top, the camera flying to an actor, and hover: the hovered actor's ties and
// neighbours drawn, every other tie hidden and every other actor dimmed.
//
// Hover never re-renders the graph. A sigma render redraws the whole node and tie layers, which
// under software WebGL costs hundreds of milliseconds on a 10k-actor map whatever the reducers
// hide (tests/bench/viewer-perf.ts; docs/viewer.md). Instead a hover hides the tie layer (CSS),
// veils the node and label layers, and draws the ego network on a 2D canvas layer of its own between
// them and sigma's hover layer (which draws the hovered actor itself): O(degree) canvas calls. The
// layer is redrawn after every sigma render, so it follows the camera, filters and restyling.
// Reducers read only the filter result (typed arrays), the selection and the what-if marks.
import type { AbstractGraph as Graph } from 'graphology-types';
import Sigma from 'sigma';
import type { FilterIndex, FilterResult } from './map-filter.js';

const REMOVED_COLOR = '#555555';
const SPLIT_COLOR = '#d62728';
/** The veil over the node and label layers while an actor is hovered. */
const HOVER_VEIL = 'rgba(255, 255, 255, 0.78)';
/** The ego network's layer (a sigma canvas layer, above the labels, below sigma's hover layer). */
const EGO_LAYER = 'ego';
/** Neighbours are labelled when the hovered actor has at most this many. */
const EGO_LABELS_UP_TO = 40;
const LABEL_FONT = 'system-ui, sans-serif';

export interface MapCallbacks {
  onClickNode(node: string): void;
  onClickStage(): void;
  onCamera(): void;
}

/** What the browser tests and the benchmark ask of the map (as `window.socapMap`). */
export interface MapProbe {
  /** The colours of the what-if marks: removed actors, and the actors of the pieces that split off. */
  readonly whatIfColors: { removed: string; splitOff: string };
  /** The actor's centre in pixels from the map's top-left corner; null when hidden or unknown. */
  viewportPosition(node: string): { x: number; y: number } | null;
  /** The actors of the map graph. */
  nodes(): string[];
  /** The colour and size (pixels at zoom 1) the actor is drawn with, and whether it is drawn highlighted (the selection); null when unknown. */
  nodeLook(node: string): { color: string; size: number; highlighted: boolean } | null;
  /** The ties of the map graph (their keys). */
  edges(): string[];
  /** The tie's ends, and the colour, width (pixels at zoom 1) and visibility it is drawn with; null when unknown. */
  edgeLook(edge: string): { source: string; target: string; color: string; size: number; hidden: boolean } | null;
  /** The camera's state (sigma's framed graph coordinates) and whether it is moving. */
  camera(): { x: number; y: number; ratio: number; angle: number; animated: boolean };
}

declare global {
  interface Window {
    socapMap?: MapProbe;
  }
}

export class MapView implements MapProbe {
  readonly sigma: Sigma;
  readonly whatIfColors = { removed: REMOVED_COLOR, splitOff: SPLIT_COLOR };
  /** The hovered actor's number in the filter index, -1 when none. */
  private hovered = -1;
  private selected: string | null = null;
  private filter: FilterResult | null;
  private removed = new Set<string>();
  private splitOff = new Set<string>();
  private readonly edgeIndex: Map<string, number>;
  private readonly ego: CanvasRenderingContext2D;
  private readonly edgeLayer: HTMLCanvasElement;
  /** When the pending hover change began (0 = none): its frame is timed as a performance measure. */
  private hoverStart = 0;

  constructor(
    private readonly container: HTMLElement,
    readonly graph: Graph,
    private readonly ix: FilterIndex,
    filter: FilterResult | null,
    cb: MapCallbacks,
  ) {
    this.filter = filter;
    this.edgeIndex = new Map(ix.edgeKeys.map((e, k) => [e, k]));
    this.sigma = new Sigma(graph, container, {
      hideEdgesOnMove: true,
      // Room around the graph for the labels of the outermost actors (sigma's default, 30, cut
      // "Gus Grant" on the right edge to "Gu").
      stagePadding: 70,
      labelRenderedSizeThreshold: 8,
      labelFont: LABEL_FONT,
      zIndex: true,
      defaultEdgeColor: '#c8c8c8',
      // Sigma hands the reducers a fresh shallow copy of the attributes: they change it in place.
      nodeReducer: (node, data) => {
        const i = this.ix.index.get(node);
        if (i !== undefined && this.filter && !this.filter.nodeVisible[i]) {
          data.hidden = true;
          return data;
        }
        if (this.removed.has(node)) data.color = REMOVED_COLOR;
        else if (this.splitOff.has(node)) data.color = SPLIT_COLOR;
        if (node === this.selected) {
          data.highlighted = true;
          data.forceLabel = true;
          data.zIndex = 1;
        }
        return data;
      },
      edgeReducer: (edge, data) => {
        const k = this.edgeIndex.get(edge);
        if (k !== undefined && this.filter && !this.filter.edgeVisible[k]) data.hidden = true;
        return data;
      },
    });
    this.ego = this.sigma.createCanvas(EGO_LAYER, { afterLayer: 'labels' }).getContext('2d')!;
    this.edgeLayer = this.sigma.getCanvases().edges!;
    // Performance marks for tests/bench/viewer-perf.ts: first paint of a graph (sigma's constructor
    // renders at once), and hover frames (from the pointer event that changed the hover to the
    // first animation frame after drawing).
    performance.mark('socap-map-rendered');
    this.sigma.on('afterRender', () => this.drawEgo());
    this.sigma.on('enterNode', ({ node, event }) => this.setHover(node, event.original.timeStamp));
    this.sigma.on('leaveNode', ({ event }) => this.setHover(null, event.original.timeStamp));
    this.sigma.on('clickNode', ({ node }) => cb.onClickNode(node));
    this.sigma.on('clickStage', () => cb.onClickStage());
    this.sigma.getCamera().on('updated', () => cb.onCamera());
    container.dataset.nodes = String(graph.order);
    window.socapMap = this;
  }

  /** Hover `node` (null: none); `since` is when the pointer event that caused it happened. */
  setHover(node: string | null, since = performance.now()): void {
    const next = node === null ? -1 : (this.ix.index.get(node) ?? -1);
    if (next === this.hovered) return;
    this.hovered = next;
    this.hoverStart = since;
    this.drawEgo();
  }

  /** Draws the hovered actor's ego network on its layer (or clears it), and the map's hover attributes. */
  private drawEgo(): void {
    const { width, height } = this.sigma.getDimensions();
    const ctx = this.ego;
    const ratio = window.devicePixelRatio || 1;
    if (ctx.canvas.width !== Math.round(width * ratio) || ctx.canvas.height !== Math.round(height * ratio)) {
      // Sigma sizes the layer's box; its pixels are ours to size (this also resets the context).
      ctx.canvas.width = Math.round(width * ratio);
      ctx.canvas.height = Math.round(height * ratio);
      ctx.scale(ratio, ratio);
    }
    ctx.clearRect(0, 0, width, height);
    const h = this.hovered;
    const hKey = h === -1 ? undefined : this.ix.keys[h];
    const centre = hKey === undefined ? null : this.sigma.getNodeDisplayData(hKey);
    const active = centre !== undefined && centre !== null && !centre.hidden;
    this.edgeLayer.style.visibility = active ? 'hidden' : '';
    if (!active) {
      delete this.container.dataset.hovered;
      delete this.container.dataset.hoverTies;
    } else {
      ctx.fillStyle = HOVER_VEIL;
      ctx.fillRect(0, 0, width, height);
      const { offsets, other, tie, keys, edgeKeys } = this.ix;
      const from = this.sigma.framedGraphToViewport(centre);
      const neighbours: { x: number; y: number; size: number; color: string; label: string | null }[] = [];
      for (let p = offsets[h]!; p < offsets[h + 1]!; p++) {
        const e = this.sigma.getEdgeDisplayData(edgeKeys[tie[p]!]!);
        const d = this.sigma.getNodeDisplayData(keys[other[p]!]!);
        if (!e || !d || e.hidden || d.hidden) continue;
        const to = this.sigma.framedGraphToViewport(d);
        ctx.strokeStyle = e.color;
        ctx.lineWidth = Math.max(1, this.sigma.scaleSize(e.size));
        ctx.beginPath();
        ctx.moveTo(from.x, from.y);
        ctx.lineTo(to.x, to.y);
        ctx.stroke();
        neighbours.push({ x: to.x, y: to.y, size: this.sigma.scaleSize(d.size), color: d.color, label: d.label });
      }
      ctx.lineWidth = 1;
      ctx.strokeStyle = '#ffffff';
      for (const n of neighbours) {
        ctx.fillStyle = n.color;
        ctx.beginPath();
        ctx.arc(n.x, n.y, n.size, 0, 2 * Math.PI);
        ctx.fill();
        ctx.stroke();
      }
      if (neighbours.length <= EGO_LABELS_UP_TO) {
        // Where and how sigma draws a label (drawDiscNodeLabel), so it covers the veiled one.
        const size = this.sigma.getSetting('labelSize');
        ctx.fillStyle = '#1d1d1f';
        ctx.font = `${this.sigma.getSetting('labelWeight')} ${size}px ${LABEL_FONT}`;
        for (const n of neighbours) if (n.label) ctx.fillText(n.label, n.x + n.size + 3, n.y + size / 3);
      }
      this.container.dataset.hovered = hKey!;
      this.container.dataset.hoverTies = String(neighbours.length);
    }
    const start = this.hoverStart;
    if (start) {
      this.hoverStart = 0;
      requestAnimationFrame(() => performance.measure('socap-hover-frame', { start, end: performance.now() }));
    }
  }

  // Selection, filters, what-if marks and styles change what sigma draws: a full refresh, rendered
  // at once (display positions are normalized by the render, and flyTo and the probe read them).
  setSelected(node: string | null): void {
    this.selected = node;
    this.sigma.refresh();
  }

  setFilter(result: FilterResult): void {
    this.filter = result;
    this.sigma.refresh();
  }

  setWhatIf(removed: string[], splitOff: string[]): void {
    this.removed = new Set(removed);
    this.splitOff = new Set(splitOff);
    this.sigma.refresh();
  }

  /** Colours and sizes changed in the graph's attributes. */
  restyle(): void {
    this.sigma.refresh();
  }

  flyTo(node: string, ratio = 0.6): void {
    const d = this.sigma.getNodeDisplayData(node);
    if (!d) return;
    void this.sigma.getCamera().animate({ x: d.x, y: d.y, ratio }, { duration: 450 });
  }

  viewportPosition(node: string): { x: number; y: number } | null {
    const d = this.sigma.getNodeDisplayData(node);
    if (!d || d.hidden) return null;
    const p = this.sigma.framedGraphToViewport(d);
    return { x: p.x, y: p.y };
  }

  nodes(): string[] {
    return this.ix.keys;
  }

  nodeLook(node: string): { color: string; size: number; highlighted: boolean } | null {
    const d = this.sigma.getNodeDisplayData(node);
    return d ? { color: d.color, size: d.size, highlighted: d.highlighted } : null;
  }

  edges(): string[] {
    return this.ix.edgeKeys;
  }

  edgeLook(edge: string): { source: string; target: string; color: string; size: number; hidden: boolean } | null {
    const d = this.sigma.getEdgeDisplayData(edge);
    if (!d || !this.graph.hasEdge(edge)) return null;
    return { source: this.graph.source(edge), target: this.graph.target(edge), color: d.color, size: d.size, hidden: d.hidden };
  }

  camera(): { x: number; y: number; ratio: number; angle: number; animated: boolean } {
    const camera = this.sigma.getCamera();
    const { x, y, ratio, angle } = camera.getState();
    return { x, y, ratio, angle, animated: camera.isAnimated() };
  }

  kill(): void {
    if (window.socapMap === this) delete window.socapMap;
    this.sigma.kill();
  }
}
