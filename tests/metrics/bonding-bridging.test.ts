// Bonding / bridging: hand-computed small graphs, the "no group" rule, groupIndex, and the tie
// lists with fixed partitions (an attribute, NetworkX's greedy modularity split) against the
// definition computed in tests/fixtures/networkx/make_tie_fixtures.py.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csrOf, loadTieList, TIE_LISTS } from '../helpers/tie-list.js';
import { bondingBridging, groupIndex } from '../../engine/metrics/bonding-bridging.js';

describe('bonding and bridging (hand-computed)', () => {
  // a, b in X; c, d in Y; e isolate in X.  a-b 3, a-c 1, b-c 2, c-d 4.
  const csr = csrOf([['a', 'b', 3], ['a', 'c', 1], ['b', 'c', 2], ['c', 'd', 4]], ['e']);

  it('weights each tie by its strength', () => {
    const { bonding, bridging } = bondingBridging(csr, Int32Array.from([0, 0, 1, 1, 0]));
    // a: 3 / (3 + 1) = 0.75; b: 3 / (3 + 2) = 0.6; c: 4 / (1 + 2 + 4) = 4/7; d: 4 / 4 = 1; e: isolate.
    expect(Array.from(bonding)).toEqual([0.75, 0.6, 4 / 7, 1, NaN]);
    expect(Array.from(bridging)).toEqual([0.25, 1 - 0.6, 1 - 4 / 7, 0, NaN]);
  });

  it('leaves ties to ungrouped actors out, and ungrouped actors unknown', () => {
    // c ungrouped: a: 3 / 3 = 1; b: 3 / 3 = 1; c: NaN; d: only tie is to c, nothing known: NaN.
    const { bonding, bridging } = bondingBridging(csr, Int32Array.from([0, 0, -1, 1, 0]));
    expect(Array.from(bonding)).toEqual([1, 1, NaN, NaN, NaN]);
    expect(Array.from(bridging)).toEqual([0, 0, NaN, NaN, NaN]);
  });

  it('one group: everyone with ties bonds fully', () => {
    expect(Array.from(bondingBridging(csr, new Int32Array(5)).bonding)).toEqual([1, 1, 1, 1, NaN]);
  });

  it('empty graph, and groups of the wrong length', () => {
    expect(bondingBridging(csrOf([]), new Int32Array(0)).bonding.length).toBe(0);
    expect(() => bondingBridging(csr, new Int32Array(4))).toThrow(
      new RangeError('bondingBridging: groups has 4 entries but the graph has 5 actors'),
    );
  });
});

describe('groupIndex', () => {
  it('numbers values by first appearance; undefined and empty mean no group', () => {
    const { groups, names } = groupIndex(['sales', 'ops', undefined, 'sales', '', 'it', 'ops']);
    expect(Array.from(groups)).toEqual([0, 1, -1, 0, -1, 2, 1]);
    expect(names).toEqual(['sales', 'ops', 'it']);
  });

  it('handles no values and no groups', () => {
    expect(groupIndex([])).toEqual({ groups: new Int32Array(0), names: [] });
    expect(Array.from(groupIndex([undefined, undefined]).groups)).toEqual([-1, -1]);
  });
});

interface PartitionFixture {
  name: string;
  labels: number[];
  bonding: Array<number | null>;
}

describe.each(TIE_LISTS)('bonding on %s with fixed partitions', (name) => {
  const here = dirname(fileURLToPath(import.meta.url));
  const fx = JSON.parse(readFileSync(join(here, '..', 'fixtures', 'networkx', `ties-${name}.json`), 'utf8')) as {
    partitions: PartitionFixture[];
  };
  const csr = loadTieList(name);
  it.each(fx.partitions.map((p) => [p.name, p] as const))('%s', (_label, p) => {
    const { bonding, bridging } = bondingBridging(csr, Int32Array.from(p.labels));
    for (let i = 0; i < csr.n; i++) {
      const want = p.bonding[i];
      if (want === null || want === undefined) {
        expect(bonding[i]).toBeNaN();
        expect(bridging[i]).toBeNaN();
      } else {
        expect(bonding[i]).toBeCloseTo(want, 12);
        expect(bridging[i]).toBeCloseTo(1 - want, 12);
      }
    }
  });
});
