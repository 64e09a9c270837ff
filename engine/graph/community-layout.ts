// Map positions of a large run in two levels of ForceAtlas2 (Jacomy et al. 2014, the iteration of
// graphology-layout-forceatlas2 run straight on its typed-array matrices): first the community
// graph (one node per community, sized by √members, ties between communities aggregated into one
// weighted edge, anti-collision on so communities do not overlap), then each community's members
// on their internal ties, scaled into the community's disc and moved to its centre. Seeded
// starting positions, so the same run always draws the same map. A flat FA2 of 100k actors spends
// seconds per iteration in the Barnes–Hut tree; here every community is small or few.
// Cost: O(I_c · (C² or C log C)) for the C communities, plus Σ_c O(I · n_c² + m_c) for the members
// (Barnes–Hut above 400 members); memory O(n + m).
import { createRequire } from 'node:module';
import type { Csr } from './csr.js';
import type { Layout } from './layout.js';

/** The FA2 settings graphology's iteration reads (defaults.js of graphology-layout-forceatlas2). */
interface Fa2Settings {
  linLogMode: boolean;
  outboundAttractionDistribution: boolean;
  adjustSizes: boolean;
  edgeWeightInfluence: number;
  scalingRatio: number;
  strongGravityMode: boolean;
  gravity: number;
  slowDown: number;
  barnesHutOptimize: boolean;
  barnesHutTheta: number;
}
type Iterate = (settings: Fa2Settings, nodes: Float32Array, edges: Float32Array) => void;
// One FA2 step on the matrices (a CommonJS module of the package, without type declarations).
const iterate = createRequire(import.meta.url)('graphology-layout-forceatlas2/iterate.js') as Iterate;

/** Values per node and per edge in graphology FA2's matrices (helpers.js: PPN, PPE). */
const PPN = 10;
const PPE = 3;
/** Disc radius per √member (the flat layout spreads n actors over √n · 10). */
const UNIT = 10;
/** Above this many nodes a level runs with the Barnes–Hut approximation. */
const BARNES_HUT_ABOVE = 400;

function settings(order: number, adjustSizes: boolean): Fa2Settings {
  return {
    linLogMode: false,
    outboundAttractionDistribution: false,
    adjustSizes,
    edgeWeightInfluence: 1,
    scalingRatio: 10,
    strongGravityMode: true,
    gravity: 1,
    slowDown: 1 + Math.log(Math.max(order, 1)),
    barnesHutOptimize: order > BARNES_HUT_ABOVE,
    barnesHutTheta: 0.5,
  };
}

function iterationsFor(order: number): number {
  if (order <= 100) return 100;
  if (order <= BARNES_HUT_ABOVE) return 50;
  return 30;
}

/** Runs FA2 over `order` nodes and the given edges (node indices, weights); positions start from `rng`. */
function runLevel(order: number, edgeSource: Int32Array, edgeTarget: Int32Array, weight: Float64Array | null, size: Float64Array | null, rng: () => number, spread: number): Float32Array {
  const nodes = new Float32Array(order * PPN);
  for (let i = 0; i < order; i++) {
    const j = i * PPN;
    nodes[j] = (rng() - 0.5) * spread;
    nodes[j + 1] = (rng() - 0.5) * spread;
    nodes[j + 6] = 1; // mass, plus the weighted degree below
    nodes[j + 7] = 1; // convergence
    nodes[j + 8] = size === null ? 1 : size[i]!;
  }
  const m = edgeSource.length;
  const edges = new Float32Array(m * PPE);
  for (let e = 0; e < m; e++) {
    const w = weight === null ? 1 : weight[e]!;
    edges[e * PPE] = edgeSource[e]! * PPN;
    edges[e * PPE + 1] = edgeTarget[e]! * PPN;
    edges[e * PPE + 2] = w;
    nodes[edgeSource[e]! * PPN + 6]! += w;
    nodes[edgeTarget[e]! * PPN + 6]! += w;
  }
  if (order > 1) {
    const s = settings(order, size !== null);
    for (let it = iterationsFor(order); it > 0; it--) iterate(s, nodes, edges);
  }
  return nodes;
}

/** Rounds of pushing overlapping community discs apart. */
const SEPARATION_ROUNDS = 60;
/** Gap kept between discs, as a fraction of the smaller radius. */
const GAP = 0.15;

/**
 * Spreads the community centres so their discs (radius r) do not overlap: scales the layout up until
 * the discs' total area fills about half its bounding box, then moves each overlapping pair apart
 * along the line between them, half the overlap each, for a fixed number of rounds (a sweep over
 * centres sorted by x finds the pairs). Keeps the relative placement FA2 found.
 */
function separateDiscs(x: Float64Array, y: Float64Array, r: Float64Array): void {
  const C = x.length;
  if (C < 2) return;
  let area = 0;
  let rMax = 0;
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let c = 0; c < C; c++) {
    area += Math.PI * r[c]! * r[c]!;
    rMax = Math.max(rMax, r[c]!);
    x0 = Math.min(x0, x[c]!);
    x1 = Math.max(x1, x[c]!);
    y0 = Math.min(y0, y[c]!);
    y1 = Math.max(y1, y[c]!);
  }
  const box = Math.max((x1 - x0) * (y1 - y0), 1e-9);
  const grow = Math.sqrt((2 * area) / box);
  if (grow > 1) {
    for (let c = 0; c < C; c++) {
      x[c]! *= grow;
      y[c]! *= grow;
    }
  }
  const order = new Int32Array(C);
  for (let c = 0; c < C; c++) order[c] = c;
  for (let round = 0; round < SEPARATION_ROUNDS; round++) {
    order.sort((a, b) => x[a]! - x[b]! || a - b);
    let moved = false;
    for (let i = 0; i < C; i++) {
      const a = order[i]!;
      for (let j = i + 1; j < C; j++) {
        const b = order[j]!;
        const reach = r[a]! + rMax * (1 + GAP);
        if (x[b]! - x[a]! > reach) break;
        const need = r[a]! + r[b]! + GAP * Math.min(r[a]!, r[b]!);
        let dx = x[b]! - x[a]!;
        let dy = y[b]! - y[a]!;
        let d = Math.hypot(dx, dy);
        if (d >= need) continue;
        if (d === 0) {
          // Coincident centres: part them along a direction fixed by the pair.
          dx = Math.cos(a + b);
          dy = Math.sin(a + b);
          d = 1e-9;
        }
        const push = (need - d) / 2;
        x[a]! -= (dx / d) * push;
        y[a]! -= (dy / d) * push;
        x[b]! += (dx / d) * push;
        y[b]! += (dy / d) * push;
        moved = true;
      }
    }
    if (!moved) break;
  }
}

export interface CommunityLayoutOptions {
  /** Called with (communities placed, communities) as the members are laid out. */
  onProgress?: (done: number, total: number) => void;
}

/** Two-level ForceAtlas2 positions of the tie graph over `community` (any integer labels, one per node). */
export function communityLayout(csr: Csr, community: Int32Array, rng: () => number, opts: CommunityLayoutOptions = {}): Layout {
  const n = csr.n;
  // Communities renumbered 0..C-1 in order of first appearance; members grouped by counting sort.
  const label = new Map<number, number>();
  const of = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    let c = label.get(community[v]!);
    if (c === undefined) label.set(community[v]!, (c = label.size));
    of[v] = c;
  }
  const C = label.size;
  const start = new Int32Array(C + 1);
  for (let v = 0; v < n; v++) start[of[v]! + 1]!++;
  for (let c = 0; c < C; c++) start[c + 1]! += start[c]!;
  const members = new Int32Array(n);
  const fill = start.slice(0, C);
  for (let v = 0; v < n; v++) members[fill[of[v]!]!++] = v;

  // Level 1: the community graph, ties between communities counted into one edge each.
  const between = new Map<number, number>();
  for (let e = 0; e < csr.m; e++) {
    const a = of[csr.edgeSource[e]!]!;
    const b = of[csr.edgeTarget[e]!]!;
    if (a === b) continue;
    const key = a < b ? a * C + b : b * C + a;
    between.set(key, (between.get(key) ?? 0) + 1);
  }
  const cs = new Int32Array(between.size);
  const ct = new Int32Array(between.size);
  const cw = new Float64Array(between.size);
  let k = 0;
  for (const [key, w] of between) {
    cs[k] = Math.floor(key / C);
    ct[k] = key % C;
    cw[k++] = w;
  }
  const radius = new Float64Array(C);
  for (let c = 0; c < C; c++) radius[c] = Math.sqrt(start[c + 1]! - start[c]!) * UNIT;
  const level1 = runLevel(C, cs, ct, cw, null, rng, Math.sqrt(n) * UNIT);
  const centreX = new Float64Array(C);
  const centreY = new Float64Array(C);
  for (let c = 0; c < C; c++) {
    centreX[c] = level1[c * PPN]!;
    centreY[c] = level1[c * PPN + 1]!;
  }
  separateDiscs(centreX, centreY, radius);

  // Level 2: each community's members on their internal ties, fitted into its disc.
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const local = new Int32Array(n); // node → index inside its community
  for (let i = 0; i < n; i++) local[members[i]!] = i - start[of[members[i]!]!]!;
  const every = Math.max(1, Math.floor(C / 100));
  for (let c = 0; c < C; c++) {
    const from = start[c]!;
    const size = start[c + 1]! - from;
    const cx = centreX[c]!;
    const cy = centreY[c]!;
    if (size === 1) {
      x[members[from]!] = cx;
      y[members[from]!] = cy;
    } else {
      let internal = 0;
      for (let i = from; i < from + size; i++) {
        const v = members[i]!;
        for (let p = csr.offsets[v]!; p < csr.offsets[v + 1]!; p++) if (csr.targets[p]! > v && of[csr.targets[p]!] === c) internal++;
      }
      const es = new Int32Array(internal);
      const et = new Int32Array(internal);
      let e = 0;
      for (let i = from; i < from + size; i++) {
        const v = members[i]!;
        for (let p = csr.offsets[v]!; p < csr.offsets[v + 1]!; p++) {
          const w = csr.targets[p]!;
          if (w > v && of[w] === c) {
            es[e] = local[v]!;
            et[e++] = local[w]!;
          }
        }
      }
      const pos = runLevel(size, es, et, null, null, rng, radius[c]!);
      let mx = 0;
      let my = 0;
      for (let i = 0; i < size; i++) {
        mx += pos[i * PPN]!;
        my += pos[i * PPN + 1]!;
      }
      mx /= size;
      my /= size;
      let far = 0;
      for (let i = 0; i < size; i++) far = Math.max(far, Math.hypot(pos[i * PPN]! - mx, pos[i * PPN + 1]! - my));
      const scale = far > 0 ? radius[c]! / far : 0;
      for (let i = 0; i < size; i++) {
        const v = members[from + i]!;
        x[v] = cx + (pos[i * PPN]! - mx) * scale;
        y[v] = cy + (pos[i * PPN + 1]! - my) * scale;
      }
    }
    if (opts.onProgress !== undefined && ((c + 1) % every === 0 || c + 1 === C)) opts.onProgress(c + 1, C);
  }
  return { x, y, iterations: iterationsFor(C) };
}
