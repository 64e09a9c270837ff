// Sampled betweenness (K = 512 pivots, the default) ranks the top brokers like the exact pass on
// graphs larger than K (K ≥ n would be the exact pass itself): seeded synthetic organizations of
// 2 000 and 3 000 people (datasets/generate-org.ts), both distance modes, two draw seeds each. The
// top 10 by the estimate must hold at least 8 of the exact top 10, and every node's estimate must
// lie within the reported Hoeffding bound of the exact value.
import { describe, expect, it } from 'vitest';
import { csrFromTies, type Csr, type DistanceMode } from '../../engine/graph/csr.js';
import { computePathCentralitiesParallel } from '../../engine/metrics/path-workers.js';
import { DEFAULT_SCORE_OPTIONS } from '../../engine/run/options.js';
import { generateOrgGraph, personId } from '../../datasets/generate-org.js';

const K = DEFAULT_SCORE_OPTIONS.samples;

function orgCsr(nodes: number, seed: number): Csr {
  const g = generateOrgGraph({ nodes, seed });
  return csrFromTies(Array.from({ length: nodes }, (_, i) => personId(i)), g.source, g.target, Float64Array.from(g.weight));
}

/** Node indices of the ten largest values (ties broken by index). */
function top10(values: Float64Array): number[] {
  return Array.from(values.keys())
    .sort((a, b) => values[b]! - values[a]! || a - b)
    .slice(0, 10);
}

describe(`sampled betweenness with K = ${K} finds the exact top 10 brokers`, () => {
  for (const [nodes, graphSeed] of [
    [2000, 1],
    [3000, 2],
  ] as const) {
    for (const distance of ['inverse', 'hops'] as DistanceMode[]) {
      it(`${nodes} people, ${distance}`, async () => {
        const csr = orgCsr(nodes, graphSeed);
        expect(csr.n).toBeGreaterThan(K);
        const exact = (await computePathCentralitiesParallel(csr, { distance, betweenness: 'exact', threads: 2 })).betweenness!;
        const best = new Set(top10(exact));
        for (const seed of [42, 7]) {
          const r = await computePathCentralitiesParallel(csr, { distance, betweenness: 'sampled', samples: K, seed, threads: 2 });
          expect(r.betweennessSamples).toBe(K);
          const overlap = top10(r.betweenness!).filter((v) => best.has(v)).length;
          expect(overlap, `seed ${seed}`).toBeGreaterThanOrEqual(8);
          let worst = 0;
          for (let v = 0; v < csr.n; v++) worst = Math.max(worst, Math.abs(r.betweenness![v]! - exact[v]!));
          expect(worst).toBeLessThanOrEqual(r.betweennessErrorBound!);
        }
      }, 120_000);
    }
  }
});
