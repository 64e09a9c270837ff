// The two-level map layout (engine/graph/community-layout.ts) and the choice between it and the
// flat ForceAtlas2 (mapLayout in engine/graph/layout.ts): seeded and repeatable, every actor
// inside its community's disc, the discs apart, and the flat layout kept for small runs.
import { describe, expect, it } from 'vitest';
import { generateOrgGraph } from '../../datasets/generate-org.js';
import { csrFromTies, type Csr } from '../../engine/graph/csr.js';
import { communityLayout } from '../../engine/graph/community-layout.js';
import { LAYOUT_FLAT_MAX, LAYOUT_MAX_ACTORS, layoutIterations, mapLayout } from '../../engine/graph/layout.js';
import { communities } from '../../engine/metrics/communities.js';
import { createRng } from '../../engine/metrics/random.js';
import { csrOf } from '../helpers/tie-list.js';

function org(n: number): Csr {
  const g = generateOrgGraph({ nodes: n, seed: 5 });
  return csrFromTies(Array.from({ length: n }, (_, i) => `p${i}`), g.source, g.target, Float64Array.from(g.weight));
}

describe('community layout', () => {
  const csr = org(3000);
  const community = communities(csr, { seed: 42, resolution: 1 }).community;
  const layout = communityLayout(csr, community, createRng(42));

  it('is the same for the same seed and differs for another', () => {
    const again = communityLayout(csr, community, createRng(42));
    expect(again.x).toEqual(layout.x);
    expect(again.y).toEqual(layout.y);
    const other = communityLayout(csr, community, createRng(43));
    expect(other.x).not.toEqual(layout.x);
  });

  it('puts every actor inside its community disc (radius √members · 10) and keeps the discs apart', () => {
    const groups = new Map<number, number[]>();
    community.forEach((c, v) => groups.set(c, [...(groups.get(c) ?? []), v]));
    const discs = [...groups.values()].map((vs) => {
      const cx = vs.reduce((s, v) => s + layout.x[v]!, 0) / vs.length;
      const cy = vs.reduce((s, v) => s + layout.y[v]!, 0) / vs.length;
      return { vs, cx, cy, r: Math.sqrt(vs.length) * 10 };
    });
    expect(discs.length).toBeGreaterThan(5);
    for (const d of discs) {
      for (const v of d.vs) {
        expect(Number.isFinite(layout.x[v]!)).toBe(true);
        // The disc is centred on the members' mean, the farthest member on its rim.
        expect(Math.hypot(layout.x[v]! - d.cx, layout.y[v]! - d.cy)).toBeLessThanOrEqual(d.r * (1 + 1e-9));
      }
    }
    for (let a = 0; a < discs.length; a++) {
      for (let b = a + 1; b < discs.length; b++) {
        const gap = Math.hypot(discs[a]!.cx - discs[b]!.cx, discs[a]!.cy - discs[b]!.cy) - discs[a]!.r - discs[b]!.r;
        expect(gap).toBeGreaterThan(0);
      }
    }
  });

  it('reports progress per community up to the total', () => {
    const seen: Array<[number, number]> = [];
    communityLayout(csr, community, createRng(1), { onProgress: (done, total) => seen.push([done, total]) });
    const C = new Set(community).size;
    expect(seen.at(-1)).toEqual([C, C]);
  });

  it('places a lone actor at its community centre and lays out a graph without ties', () => {
    const g = csrOf([['a', 'b', 1]], ['c']);
    const l = communityLayout(g, Int32Array.from([0, 0, 1]), createRng(3));
    expect(Math.hypot(l.x[0]! - l.x[1]!, l.y[0]! - l.y[1]!)).toBeCloseTo(2 * Math.SQRT2 * 10, 6);
    expect(Number.isFinite(l.x[2]!)).toBe(true);
  });
});

describe('mapLayout', () => {
  it('runs the flat ForceAtlas2 up to LAYOUT_FLAT_MAX actors without asking for communities', () => {
    const g = org(300);
    const l = mapLayout(g, () => {
      throw new Error('communities asked for');
    }, createRng(42));
    expect(l?.iterations).toBe(layoutIterations(300));
    expect(layoutIterations(LAYOUT_FLAT_MAX)).toBe(100);
    expect(layoutIterations(LAYOUT_FLAT_MAX + 1)).toBe(0);
    expect(LAYOUT_MAX_ACTORS).toBeGreaterThan(LAYOUT_FLAT_MAX);
  });

  it('lays out by communities above LAYOUT_FLAT_MAX actors, asking for them once', () => {
    const g = org(LAYOUT_FLAT_MAX + 1);
    let asked = 0;
    const community = (): Int32Array => {
      asked++;
      return communities(g, { seed: 42, resolution: 1 }).community;
    };
    const l = mapLayout(g, community, createRng(42))!;
    expect(asked).toBe(1);
    expect(l.x.length).toBe(LAYOUT_FLAT_MAX + 1);
    expect(l.x.every(Number.isFinite)).toBe(true);
  });
});
