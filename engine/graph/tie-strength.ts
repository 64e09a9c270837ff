// Tie strength of each pair from its interactions.
// Weight mode (a plain weighted edge list: no types, no timestamps): strength = the summed weight of
// every interaction of the pair in both directions, unscaled, so classic data sets keep their meaning.
// Cost: O(ties).
import type { TieGraph } from './tie-graph.js';

export type TieStrengthMode = 'weight';

export interface TieStrengths {
  mode: TieStrengthMode;
  /** Per TieGraph tie index. */
  values: Float64Array;
  notes: string[];
}

export function tieStrengths(g: TieGraph): TieStrengths {
  const m = g.tieSource.length;
  const values = new Float64Array(m);
  for (let k = 0; k < m; k++) values[k] = g.facts.weight[k]!;
  return { mode: 'weight', values, notes: [] };
}
