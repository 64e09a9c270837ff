import { describe, expect, it } from 'vitest';
import { bondingStrength, midRankPercentiles, socialCapital, strongestComponent } from '../../engine/metrics/social-capital.js';
import { csrOf } from '../helpers/tie-list.js';

const f = (xs: number[]) => Float64Array.from(xs);

describe('mid-rank percentiles', () => {
  it('ties share the mid-rank, NaN stays out, one value is 50', () => {
    expect(Array.from(midRankPercentiles(f([3, 1, 2, 2, NaN])))).toEqual([100, 0, 50, 50, NaN]);
    expect(Array.from(midRankPercentiles(f([7])))).toEqual([50]);
    expect(Array.from(midRankPercentiles(f([5, 5, 5])))).toEqual([50, 50, 50]);
    expect(Array.from(midRankPercentiles(f([1, 2, 3]), (i) => i !== 1))).toEqual([0, NaN, 100]);
  });
});

describe('social capital index, hand-computed', () => {
  // a, b, c have ties (c has no group); d is an isolate.
  const sc = socialCapital({
    constraint: f([0.5, 1, 0.8, NaN]),
    harmonic: f([2, 1, 1.5, 0]),
    reputation: f([0.1, 0.4, 0.4, 0.1]),
    bonding: f([1, 0, NaN, NaN]),
    strength: f([2, 1, 1.5, 0]),
  });

  it('component percentiles', () => {
    expect(Array.from(sc.percentiles.bridging)).toEqual([100, 0, 50, 0]);
    expect(Array.from(sc.percentiles.reach)).toEqual([100, 0, 50, 0]);
    expect(sc.percentiles.reputation[0]).toBeCloseTo(100 / 6, 12);
    expect(sc.percentiles.reputation[1]).toBeCloseTo(250 / 3, 12);
    expect(Array.from(sc.percentiles.bonding)).toEqual([100, 0, NaN, 0]);
  });

  it('index: weighted percentiles, renormalised over the components defined for the actor', () => {
    expect(sc.index[0]).toBeCloseTo(35 + 25 + 0.2 * (100 / 6) + 20, 12);
    expect(sc.index[1]).toBeCloseTo(0.2 * (250 / 3), 12);
    expect(sc.index[2]).toBeCloseTo((0.35 * 50 + 0.25 * 50 + 0.2 * (250 / 3)) / 0.8, 12);
    expect(sc.index[3]).toBeCloseTo(0.2 * (100 / 6), 12);
  });

  it('strongest component names the largest weighted share', () => {
    expect([0, 1, 2, 3].map((i) => strongestComponent(sc, i))).toEqual(['bridging', 'reputation', 'bridging', 'reputation']);
  });

  it('weights are checked', () => {
    expect(() =>
      socialCapital({ constraint: f([1]), harmonic: f([1]), reputation: f([1]), bonding: f([1]), strength: f([1]) }, { bridging: 0.5, reach: 0.5, reputation: 0.5, bonding: 0 }),
    ).toThrow('social capital weights must sum to 1, got 1.5 (bridging 0.5, reach 0.5, reputation 0.5, bonding 0)');
    expect(() => socialCapital({ constraint: f([1, 2]), harmonic: f([1]), reputation: f([1]), bonding: f([1]), strength: f([1]) })).toThrow(
      'socialCapital: constraint has 2 entries for 1 actors',
    );
  });
});

describe('bonding strength', () => {
  it('sums the strength of ties inside the own group; NaN without a group', () => {
    const csr = csrOf([
      ['a', 'b', 2],
      ['a', 'c', 3],
      ['b', 'c', 1],
      ['c', 'd', 4],
    ]);
    // groups: a 0, b 0, c 1, d −1
    expect(Array.from(bondingStrength(csr, Int32Array.from([0, 0, 1, -1])))).toEqual([2, 2, 0, NaN]);
  });
});
