// Degree and strength on small hand-checked graphs (NetworkX comparisons: spectral-networkx.test.ts).
import { describe, expect, it } from 'vitest';
import { degree, strength } from '../../engine/metrics/degree.js';
import { csrOf } from '../helpers/tie-list.js';

describe('degree and strength', () => {
  it('count ties and sum strengths, isolates 0', () => {
    // a–b 2, a–c 0.5, b–c 1, c–d 4, e isolated
    const csr = csrOf([['a', 'b', 2], ['a', 'c', 0.5], ['b', 'c', 1], ['c', 'd', 4]], ['e']);
    expect(csr.ids).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(Array.from(degree(csr))).toEqual([2, 2, 3, 1, 0]);
    expect(Array.from(strength(csr))).toEqual([2.5, 3, 5.5, 4, 0]);
  });

  it('give empty arrays on an empty graph', () => {
    const csr = csrOf([]);
    expect(degree(csr).length).toBe(0);
    expect(strength(csr).length).toBe(0);
  });
});
