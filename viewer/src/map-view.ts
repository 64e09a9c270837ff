// The Sigma.js map over the run's graph: filtered actors and ties hidden, the hovered actor's ego
// network highlighted and the rest dimmed (reducers read a small hover state; refreshes skip
// reindexing), the selection and what-if marks drawn on top, the camera flying to an actor.
import type Graph from 'graphology';
import Sigma from 'sigma';
import type { FilterIndex, FilterResult } from './map-filter.js';

const DIM_NODE = '#e4e4e4';
const DIM_EDGE = '#efefef';
const SELECTED_COLOR = '#111111';
const REMOVED_COLOR = '#555555';
const SPLIT_COLOR = '#d62728';

export interface MapCallbacks {
  onClickNode(node: string): void;
  onClickStage(): void;
  onCamera(): void;
}

export class MapView {
  readonly sigma: Sigma;
  private hovered: string | null = null;
  private hoverNeighbours = new Set<string>();
  private selected: string | null = null;
  private filter: FilterResult | null = null;
  private removed = new Set<string>();
  private splitOff = new Set<string>();
  private readonly edgeIndex: Map<string, number>;
  /** When the pending hover refresh started (0 = none): its render is timed as a performance measure. */
  private hoverStart = 0;

  constructor(
    container: HTMLElement,
    readonly graph: Graph,
    private readonly ix: FilterIndex,
    cb: MapCallbacks,
  ) {
    this.edgeIndex = new Map(ix.edgeKeys.map((e, k) => [e, k]));
    this.sigma = new Sigma(graph, container, {
      hideEdgesOnMove: true,
      labelRenderedSizeThreshold: 8,
      labelFont: 'system-ui, sans-serif',
      zIndex: true,
      defaultEdgeColor: '#c8c8c8',
      nodeReducer: (node, data) => {
        const i = this.ix.index.get(node);
        if (this.filter && i !== undefined && !this.filter.nodeVisible[i]) return { ...data, hidden: true };
        const out = { ...data };
        if (this.removed.has(node)) out.color = REMOVED_COLOR;
        else if (this.splitOff.has(node)) out.color = SPLIT_COLOR;
        if (this.hovered !== null) {
          if (node === this.hovered) {
            out.highlighted = true;
            out.forceLabel = true;
            out.zIndex = 3;
          } else if (this.hoverNeighbours.has(node)) {
            out.zIndex = 2;
          } else {
            out.color = DIM_NODE;
            out.label = null;
            out.zIndex = 0;
          }
        }
        if (node === this.selected) {
          out.highlighted = true;
          out.forceLabel = true;
          out.zIndex = 4;
          out.color = this.hovered === null || node === this.hovered || this.hoverNeighbours.has(node) ? out.color : SELECTED_COLOR;
        }
        return out;
      },
      edgeReducer: (edge, data) => {
        const k = this.edgeIndex.get(edge);
        if (this.filter && k !== undefined && !this.filter.edgeVisible[k]) return { ...data, hidden: true };
        if (this.hovered !== null) {
          const g = this.graph;
          if (g.source(edge) !== this.hovered && g.target(edge) !== this.hovered) return { ...data, color: DIM_EDGE, zIndex: 0 };
          return { ...data, zIndex: 1 };
        }
        return data;
      },
    });
    // Performance marks for tests/bench/viewer-perf.ts: first paint of a graph, and hover frames.
    this.sigma.once('afterRender', () => performance.mark('socap-map-rendered'));
    this.sigma.on('afterRender', () => {
      if (this.hoverStart) performance.measure('socap-hover-frame', { start: this.hoverStart });
      this.hoverStart = 0;
    });
    this.sigma.on('enterNode', ({ node }) => this.setHover(node));
    this.sigma.on('leaveNode', () => this.setHover(null));
    this.sigma.on('clickNode', ({ node }) => cb.onClickNode(node));
    this.sigma.on('clickStage', () => cb.onClickStage());
    this.sigma.getCamera().on('updated', () => cb.onCamera());
    container.dataset.nodes = String(graph.order);
  }

  setHover(node: string | null): void {
    this.hovered = node;
    this.hoverStart = performance.now();
    this.hoverNeighbours = new Set(node === null ? [] : this.graph.neighbors(node));
    this.sigma.refresh({ skipIndexation: true });
  }

  setSelected(node: string | null): void {
    this.selected = node;
    this.sigma.refresh({ skipIndexation: true });
  }

  setFilter(result: FilterResult): void {
    this.filter = result;
    this.sigma.refresh({ skipIndexation: true });
  }

  setWhatIf(removed: string[], splitOff: string[]): void {
    this.removed = new Set(removed);
    this.splitOff = new Set(splitOff);
    this.sigma.refresh({ skipIndexation: true });
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

  kill(): void {
    this.sigma.kill();
  }
}
