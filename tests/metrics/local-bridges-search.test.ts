// The bidirectional span search against a plain one-sided BFS on a generated org graph, where
// thousands of local bridges have spans of several lengths.
import { describe, expect, it } from 'vitest';
import { generateOrgGraph } from '../../datasets/generate-org.js';
import { csrFromTies, type Csr } from '../../engine/graph/csr.js';
import { localBridges } from '../../engine/metrics/local-bridges.js';

function referenceSpan(csr: Csr, e: number): number {
  const from = csr.edgeSource[e]!;
  const to = csr.edgeTarget[e]!;
  const dist = new Map<number, number>([[from, 0]]);
  const queue = [from];
  for (let h = 0; h < queue.length; h++) {
    const v = queue[h]!;
    for (let p = csr.offsets[v]!; p < csr.offsets[v + 1]!; p++) {
      if (csr.halfToEdge[p] === e) continue;
      const w = csr.targets[p]!;
      if (dist.has(w)) continue;
      dist.set(w, dist.get(v)! + 1);
      if (w === to) return dist.get(w)!;
      queue.push(w);
    }
  }
  return Infinity;
}

describe('local bridge spans', () => {
  it('equal a one-sided breadth-first search on a 2 000-person org graph', () => {
    const g = generateOrgGraph({ nodes: 2000, seed: 3 });
    const csr = csrFromTies(
      Array.from({ length: g.n }, (_, i) => String(i)),
      g.source,
      g.target,
      Float64Array.from(g.weight),
    );
    const r = localBridges(csr);
    const spans = new Map<number, number>();
    let checked = 0;
    for (let e = 0; e < csr.m; e++) {
      if (r.isLocalBridge[e] !== 1) continue;
      const want = referenceSpan(csr, e);
      expect(r.span[e]).toBe(want);
      spans.set(want, (spans.get(want) ?? 0) + 1);
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
    expect(spans.size).toBeGreaterThan(1); // several different span lengths were exercised
  });

  it('reports progress about every 1% of the ties (100 to 110 calls), ending at (m, m)', () => {
    const g = generateOrgGraph({ nodes: 500, seed: 3 });
    const csr = csrFromTies(Array.from({ length: g.n }, (_, i) => String(i)), g.source, g.target, Float64Array.from(g.weight));
    const seen: Array<[number, number]> = [];
    localBridges(csr, { onProgress: (done, total) => seen.push([done, total]) });
    expect(seen.at(-1)).toEqual([csr.m, csr.m]);
    expect(seen.length).toBeGreaterThanOrEqual(100);
    expect(seen.length).toBeLessThanOrEqual(110);
    for (let i = 1; i < seen.length; i++) expect(seen[i]![0]).toBeGreaterThan(seen[i - 1]![0]);
  });
});
