// Map positions of a run: ForceAtlas2 (Jacomy et al. 2014, graphology-layout-forceatlas2) from
// seeded starting positions, so the same run always draws the same map. Barnes–Hut above 2 000
// actors. Cost: O(iterations · (n log n + m)); iterations shrink with size (LAYOUT_ITERATIONS), and
// above LAYOUT_MAX_ACTORS no layout is computed (the map opens on the community-level graph).
import { UndirectedGraph } from 'graphology';
import fa2Module from 'graphology-layout-forceatlas2';
import type { Csr } from './csr.js';

// A CommonJS module: its default import is the layout function itself.
const forceAtlas2 = fa2Module as unknown as typeof fa2Module.default;

export const LAYOUT_MAX_ACTORS = 200_000;

export function layoutIterations(n: number): number {
  if (n <= 2_000) return 300;
  if (n <= 20_000) return 100;
  if (n <= LAYOUT_MAX_ACTORS) return 30;
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
