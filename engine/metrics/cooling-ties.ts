// Cooling ties: relationships whose recent contact rate has fallen well below their own baseline.
// With R the recent window (asOf − recentDays, asOf] and B the baseline window of baselineDays just
// before it, r and b a tie's dated interaction rows ("contacts") in each:
//   recent_rate = 30 r / recentDays,  baseline_rate = 30 b / baselineDays   (contacts per 30 days)
//   cooling  ⇔  b ≥ minBaseline  and  recent_rate < ratio · baseline_rate
// Each tie is compared with its own history, not with other ties, so a naturally sparse tie is not
// flagged for being sparse; the minimum baseline keeps noise (a few contacts) from being flagged.
// The counts are folded in while the tie graph is built (TieGraphBuilder `windows`).
// Cost: O(ties), plus O(c log c) to order the c cooling ties.
import type { TieGraph } from '../graph/tie-graph.js';
import { DEFAULT_SCORE_OPTIONS } from '../run/options.js';

export interface CoolingRule {
  /** Cooling when recent_rate < ratio · baseline_rate. */
  ratio: number;
  /** Minimum contacts in the baseline window for a tie to be judged at all. */
  minBaseline: number;
}

export interface CoolingTies {
  /** Per TieGraph tie index. */
  cooling: Uint8Array;
  recentRate: Float64Array;
  baselineRate: Float64Array;
  recentContacts: Int32Array;
  baselineContacts: Int32Array;
  /** Last contact (epoch ms), NaN when the tie has no dated row. */
  lastContact: Float64Array;
  asOf: number;
  recentDays: number;
  baselineDays: number;
}

/** The builder option that counts the windows of the cooling rule as of `asOf`. */
export function coolingWindows(
  asOf: number,
  days: { recentDays?: number; baselineDays?: number } = {},
): { asOf: number; recentDays: number; baselineDays: number } {
  return {
    asOf,
    recentDays: days.recentDays ?? DEFAULT_SCORE_OPTIONS.coolingRecentDays,
    baselineDays: days.baselineDays ?? DEFAULT_SCORE_OPTIONS.coolingBaselineDays,
  };
}

export function coolingTies(g: TieGraph, rule: Partial<CoolingRule> = {}): CoolingTies {
  const { recentCount, baselineCount } = g.facts;
  if (!g.windows || !recentCount || !baselineCount) {
    throw new Error('cooling ties need the contact windows: build the tie graph with new TieGraphBuilder({ windows: coolingWindows(asOf) })');
  }
  const ratio = rule.ratio ?? DEFAULT_SCORE_OPTIONS.coolingRatio;
  const minBaseline = rule.minBaseline ?? DEFAULT_SCORE_OPTIONS.coolingMinBaseline;
  if (!(ratio >= 0) || !Number.isFinite(ratio)) throw new RangeError(`cooling ratio must be a finite number ≥ 0, got ${ratio}`);
  if (!(minBaseline >= 0)) throw new RangeError(`cooling minimum baseline must be ≥ 0, got ${minBaseline}`);
  const { asOf, recentDays, baselineDays } = g.windows;
  const m = g.tieSource.length;
  const cooling = new Uint8Array(m);
  const recentRate = new Float64Array(m);
  const baselineRate = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const r = recentCount[k]!;
    const b = baselineCount[k]!;
    recentRate[k] = (30 * r) / recentDays;
    baselineRate[k] = (30 * b) / baselineDays;
    cooling[k] = b >= minBaseline && b > 0 && recentRate[k]! < ratio * baselineRate[k]! ? 1 : 0;
  }
  return {
    cooling,
    recentRate,
    baselineRate,
    recentContacts: recentCount.slice(),
    baselineContacts: baselineCount.slice(),
    lastContact: g.facts.lastTimestamp.slice(),
    asOf,
    recentDays,
    baselineDays,
  };
}

/**
 * The cooling ties, worst first: lowest recent/baseline rate ratio, then most baseline contacts,
 * then earliest last contact, then tie index.
 */
export function coolingOrder(c: CoolingTies): Int32Array {
  const list: number[] = [];
  for (let k = 0; k < c.cooling.length; k++) if (c.cooling[k] === 1) list.push(k);
  const drop = (k: number): number => c.recentRate[k]! / c.baselineRate[k]!;
  list.sort(
    (x, y) =>
      drop(x) - drop(y) ||
      c.baselineContacts[y]! - c.baselineContacts[x]! ||
      c.lastContact[x]! - c.lastContact[y]! ||
      x - y,
  );
  return Int32Array.from(list);
}
