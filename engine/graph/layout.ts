// Map positions of a run: ForceAtlas2 (Jacomy et al. 2014, graphology-layout-forceatlas2) from
// seeded starting positions, so the same run always draws the same map. Barnes–Hut above 2 000
// actors. Cost: O(iterations · (n log n + m)); iterations shrink with size (`layoutIterations`).
// Above LAYOUT_FLAT_MAX actors `mapLayout` lays out communities, then members within each
// (community-layout.ts); above LAYOUT_MAX_ACTORS no layout is computed (the map opens on the
// community-level graph).
import { UndirectedGraph } from 'graphology';
import fa2Module from 'graphology-layout-forceatlas2';
import { communityLayout } from './community-layout.js';
import type { Csr } from './csr.js';

// A CommonJS module: its default import is the layout function itself.
const forceAtlas2 = fa2Module as unknown as typeof fa2Module.default;

export const LAYOUT_MAX_ACTORS = 200_000;
/** Above this many actors the layout goes by communities (community-layout.ts). */
export const LAYOUT_FLAT_MAX = 20_000;

/** Flat ForceAtlas2 iterations for n actors (0: no flat layout at this size). */
export function layoutIterations(n: number): number {
  if (n <= 2_000) return 300;
  if (n <= LAYOUT_FLAT_MAX) return 100;
  return 0;
}

export interface Layout {
  x: Float64Array;
  y: Float64Array;
  iterations: number;
}

/** ForceAtlas2 positions of the tie graph; `rng` gives the starting positions (seeded by the caller). */
export function forceAtlas2Layout(csr: Csr, rng: () => number): Layout | undefined {
  const iterations = layoutIterations(csr.n);
  if (iterations === 0) return undefined;
  const g = new UndirectedGraph({ allowSelfLoops: false });
  const spread = Math.sqrt(csr.n) * 10;
  for (let i = 0; i < csr.n; i++) g.addNode(String(i), { x: (rng() - 0.5) * spread, y: (rng() - 0.5) * spread });
  for (let e = 0; e < csr.m; e++) g.addUndirectedEdge(String(csr.edgeSource[e]), String(csr.edgeTarget[e]), { weight: csr.edgeStrength[e] });
  const settings = forceAtlas2.inferSettings(g);
  const pos = forceAtlas2(g, {
    iterations,
    getEdgeWeight: null,
    settings: { ...settings, barnesHutOptimize: csr.n > 2_000, gravity: 1, scalingRatio: 10 },
  });
  const x = new Float64Array(csr.n);
  const y = new Float64Array(csr.n);
  for (let i = 0; i < csr.n; i++) {
    const p = pos[String(i)]!;
    x[i] = p.x;
    y[i] = p.y;
  }
  return { x, y, iterations };
}

/**
 * The run's map positions: flat ForceAtlas2 up to LAYOUT_FLAT_MAX actors, by communities above it
 * (`community()` gives each actor's community; called only then), none above LAYOUT_MAX_ACTORS.
 */
export function mapLayout(csr: Csr, community: () => Int32Array, rng: () => number, onProgress?: (done: number, total: number) => void): Layout | undefined {
  if (csr.n > LAYOUT_MAX_ACTORS) return undefined;
  if (csr.n <= LAYOUT_FLAT_MAX) return forceAtlas2Layout(csr, rng);
  return communityLayout(csr, community(), rng, { onProgress });
}
