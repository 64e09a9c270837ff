// Tie metrics on the eight fixture tie lists against NetworkX (tests/fixtures/networkx/
// make_tie_fixtures.py): neighbourhood overlap from nx.common_neighbors (1e-9), local bridges and
// spans from nx.local_bridges(G, with_span=True) and bridges from nx.bridges (exact).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTieList, TIE_LISTS } from '../helpers/tie-list.js';
import { neighbourhoodOverlap } from '../../engine/metrics/neighbourhood-overlap.js';
import { localBridges } from '../../engine/metrics/local-bridges.js';
import { bridges } from '../../engine/metrics/bridges.js';

interface TieFixture {
  n: number;
  m: number;
  overlap: number[];
  localBridge: number[];
  span: Array<number | 'Infinity' | null>;
  bridge: number[];
}

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (name: string): TieFixture =>
  JSON.parse(readFileSync(join(here, '..', 'fixtures', 'networkx', `ties-${name}.json`), 'utf8')) as TieFixture;

describe.each(TIE_LISTS)('tie metrics on %s', (name) => {
  const csr = loadTieList(name);
  const want = fixture(name);

  it('has the graph NetworkX saw', () => {
    expect([csr.n, csr.m]).toEqual([want.n, want.m]);
  });

  it('neighbourhood overlap equals the formula over nx.common_neighbors', () => {
    const got = neighbourhoodOverlap(csr);
    expect(got.length).toBe(want.m);
    for (let e = 0; e < want.m; e++) expect(got[e]).toBeCloseTo(want.overlap[e]!, 9);
  });

  it('local bridges and spans equal nx.local_bridges(with_span=True)', () => {
    const { isLocalBridge, span } = localBridges(csr);
    expect(Array.from(isLocalBridge)).toEqual(want.localBridge);
    const wantSpan = want.span.map((s) => (s === null ? NaN : s === 'Infinity' ? Infinity : s));
    expect(Array.from(span)).toEqual(wantSpan);
  });

  it('bridges equal nx.bridges', () => {
    expect(Array.from(bridges(csr))).toEqual(want.bridge);
  });
});

describe('the fixtures exercise every case', () => {
  it('some tie lists have local bridges with finite spans, infinite spans and bridges', () => {
    const all = TIE_LISTS.map(fixture);
    expect(all.some((f) => f.span.some((s) => typeof s === 'number'))).toBe(true);
    expect(all.some((f) => f.span.includes('Infinity'))).toBe(true);
    expect(all.some((f) => f.bridge.includes(1))).toBe(true);
    expect(all.some((f) => f.overlap.some((o) => o > 0 && o < 1))).toBe(true);
  });
});
