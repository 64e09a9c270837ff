// Tie strength of each pair from its interactions (design.md "Tie strength"; docs/tie-strength.md).
// Weight mode (a plain weighted edge list: no timestamps and at most one named type): strength =
// the summed weight of every interaction of the pair in both directions, unscaled, so classic data
// sets keep their meaning.
// Model mode (anything else): strength = Σ_c w_c x_c / Σ_{c active} w_c over the components, each
// in [0, 1], with h the half-life and T the as-of time (default: the latest timestamp):
//   frequency     log(1 + f) / log(1 + f_max), f = Σ_rows weight · 2^{−(T − t)/h} (undated rows: weight)
//   recency       2^{−(T − last)/h}, capped at 1; 0 for a tie with no dated row
//   reciprocity   min(w→, w←) / max(w→, w←)  (Granovetter 1973's "reciprocal services")
//   multiplexity  distinct types of the tie / the most distinct types any tie has
//   duration      (last − first) / (latest − earliest timestamp of the log)
//   overlap       neighbourhood overlap (Onnela et al. 2007) on the graph of ties of positive weight
// A component drops out (NaN, its weight shared by the others) when the data cannot inform it:
// recency and duration without timestamps, duration when the log spans no time, multiplexity when
// no tie has two types, reciprocity when every interaction is undirected. A tie of zero total
// weight has strength 0. Also: the strong rule and weak bridges.
// Cost: O(n + ties) plus the overlap's O(Σ_e min(k_i, k_j)).
import type { Csr } from './csr.js';
import { tieCsr, type TieGraph } from './tie-graph.js';
import { neighbourhoodOverlap } from '../metrics/neighbourhood-overlap.js';
import { DEFAULT_SCORE_OPTIONS, type TieStrengthModeOption, type TieStrengthWeights } from '../run/options.js';

export type { TieStrengthWeights, TieStrengthModeOption };

export type TieStrengthMode = 'weight' | 'model';

export const TIE_COMPONENTS = ['frequency', 'recency', 'reciprocity', 'multiplexity', 'duration', 'overlap'] as const;
export type TieComponent = (typeof TIE_COMPONENTS)[number];

const DAY_MS = 86_400_000;

export interface TieStrengths {
  mode: TieStrengthMode;
  /** Per TieGraph tie index. */
  values: Float64Array;
  notes: string[];
  /** Model mode: each component per TieGraph tie index; NaN for every tie when the component dropped out. */
  components?: Record<TieComponent, Float64Array>;
  /** Model mode: the weights used, renormalised over the active components (0 for dropped ones). */
  weights?: TieStrengthWeights;
  /** Model mode on a dated log: the as-of time (epoch ms). */
  asOf?: number;
}

export interface TieStrengthOptions {
  mode: TieStrengthModeOption;
  halfLifeDays: number;
  /** Epoch ms; undefined = the latest timestamp of the log. */
  asOf?: number;
  weights: TieStrengthWeights;
}

/** Throws unless every weight is finite and non-negative and they sum to 1 (± 1e-9). */
export function checkStrengthWeights(w: TieStrengthWeights): void {
  let sum = 0;
  for (const c of TIE_COMPONENTS) {
    const v = w[c];
    if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError(`tie strength weight "${c}" must be a finite number ≥ 0, got ${v}`);
    sum += v;
  }
  if (Math.abs(sum - 1) > 1e-9) {
    throw new RangeError(`tie strength weights must sum to 1, got ${sum} (${TIE_COMPONENTS.map((c) => `${c} ${w[c]}`).join(', ')})`);
  }
}

/** Weight mode for a plain weighted edge list (no timestamps, at most one named type), else the model. */
export function chooseStrengthMode(g: TieGraph, requested: TieStrengthModeOption = 'auto'): TieStrengthMode {
  if (requested !== 'auto') return requested;
  return !g.timestamped && g.types.length <= 1 ? 'weight' : 'model';
}

export function tieStrengths(g: TieGraph, opts: Partial<TieStrengthOptions> = {}): TieStrengths {
  const mode = chooseStrengthMode(g, opts.mode ?? DEFAULT_SCORE_OPTIONS.tieStrengthMode);
  const m = g.tieSource.length;
  if (mode === 'weight') {
    const values = new Float64Array(m);
    for (let k = 0; k < m; k++) values[k] = g.facts.weight[k]!;
    return { mode: 'weight', values, notes: [] };
  }
  return modelStrengths(g, opts);
}

function modelStrengths(g: TieGraph, opts: Partial<TieStrengthOptions>): TieStrengths {
  const weights = opts.weights ?? DEFAULT_SCORE_OPTIONS.strengthWeights;
  checkStrengthWeights(weights);
  const halfLifeDays = opts.halfLifeDays ?? DEFAULT_SCORE_OPTIONS.halfLifeDays;
  if (!(halfLifeDays > 0) || !Number.isFinite(halfLifeDays)) throw new RangeError(`halfLifeDays must be a positive number of days, got ${halfLifeDays}`);
  const f = g.facts;
  const notes: string[] = [];
  const m = g.tieSource.length;
  const dated = g.timestamped;
  const asOf = dated ? (opts.asOf ?? DEFAULT_SCORE_OPTIONS.asOf ?? g.lastTimestamp) : undefined;
  if (asOf !== undefined && !Number.isFinite(asOf)) throw new RangeError(`asOf must be a finite time (epoch ms), got ${asOf}`);
  const decay = f.decaySum;
  if (dated && decay && g.halfLifeDays !== undefined && g.halfLifeDays !== halfLifeDays) {
    throw new Error(
      `tie strength: the tie graph accumulated decay with a ${g.halfLifeDays}-day half-life but ${halfLifeDays} days was asked; build it with new TieGraphBuilder({ halfLifeDays: ${halfLifeDays} })`,
    );
  }
  const hMs = halfLifeDays * DAY_MS;

  const frequency = new Float64Array(m);
  const recency = new Float64Array(m);
  const reciprocity = new Float64Array(m);
  const multiplexity = new Float64Array(m);
  const duration = new Float64Array(m);

  // Frequency: decayed weight as of asOf, log-scaled against the largest.
  let fMax = 0;
  for (let k = 0; k < m; k++) {
    let v = f.weight[k]!;
    if (dated && decay && f.datedWeight) {
      const last = f.lastTimestamp[k]!;
      const undated = f.weight[k]! - f.datedWeight[k]!;
      const factor = Number.isNaN(last) ? 0 : Math.min(1, Math.pow(2, -(asOf! - last) / hMs));
      v = decay[k]! * factor + undated;
    }
    v = v > 0 ? v : 0;
    frequency[k] = v;
    if (v > fMax) fMax = v;
  }
  const logMax = Math.log1p(fMax);
  for (let k = 0; k < m; k++) frequency[k] = logMax > 0 ? Math.log1p(frequency[k]!) / logMax : 0;
  if (dated && !decay) notes.push('tie frequency is not recency-decayed: the tie graph has no decayed weights');

  let maxTypes = 0;
  for (let k = 0; k < m; k++) if (f.typeCount[k]! > maxTypes) maxTypes = f.typeCount[k]!;
  const span = g.lastTimestamp - g.firstTimestamp;
  for (let k = 0; k < m; k++) {
    const a = f.weightForward[k]!;
    const b = f.weightBackward[k]!;
    const hi = a > b ? a : b;
    reciprocity[k] = hi > 0 ? (a > b ? b : a) / hi : 0;
    multiplexity[k] = maxTypes > 0 ? f.typeCount[k]! / maxTypes : 0;
    if (dated) {
      const first = f.firstTimestamp[k]!;
      const last = f.lastTimestamp[k]!;
      if (Number.isNaN(last)) {
        recency[k] = 0;
        duration[k] = 0;
      } else {
        recency[k] = Math.min(1, Math.pow(2, -(asOf! - last) / hMs));
        duration[k] = span > 0 ? (last - first) / span : 0;
      }
    }
  }

  // Embeddedness: overlap on the graph of every tie of positive weight, mapped back to tie index.
  const overlap = new Float64Array(m);
  const structural = tieCsr(g, f.weight);
  const ov = neighbourhoodOverlap(structural.csr);
  for (let e = 0; e < structural.kept.length; e++) overlap[structural.kept[e]!] = ov[e]!;

  const active: Record<TieComponent, boolean> = {
    frequency: true,
    recency: dated,
    reciprocity: g.undirectedInteractions === undefined || g.undirectedInteractions < g.interactions,
    multiplexity: maxTypes > 1,
    duration: dated && span > 0,
    overlap: true,
  };
  if (!dated) notes.push('tie strength: no timestamps, so recency and duration drop out and their weights are shared by the other components');
  else if (!(span > 0)) notes.push('tie strength: the log spans no time, so duration drops out');
  if (!active.multiplexity) notes.push('tie strength: no tie has two interaction types, so multiplexity drops out');
  if (!active.reciprocity) notes.push('tie strength: every interaction is undirected, so reciprocity drops out');

  const components: Record<TieComponent, Float64Array> = { frequency, recency, reciprocity, multiplexity, duration, overlap };
  let activeSum = 0;
  for (const c of TIE_COMPONENTS) if (active[c]) activeSum += weights[c];
  const used = { frequency: 0, recency: 0, reciprocity: 0, multiplexity: 0, duration: 0, overlap: 0 };
  if (activeSum > 0) {
    for (const c of TIE_COMPONENTS) used[c] = active[c] ? weights[c] / activeSum : 0;
  } else {
    used.frequency = 1;
    notes.push('tie strength: every weighted component dropped out, so strength is the frequency alone');
  }

  const values = new Float64Array(m);
  for (const c of TIE_COMPONENTS) {
    const w = used[c];
    const x = components[c];
    if (w > 0) for (let k = 0; k < m; k++) values[k]! += w * x[k]!;
  }
  for (let k = 0; k < m; k++) if (!(f.weight[k]! > 0)) values[k] = 0;
  for (const c of TIE_COMPONENTS) if (!active[c]) components[c].fill(NaN);
  return { mode: 'model', values, notes, components, weights: used, ...(asOf !== undefined ? { asOf } : {}) };
}

export interface StrongRule {
  /** Model mode: strong when strength ≥ this. */
  strongThreshold: number;
  /** Weight mode: strong when the weight is above this percentile (nearest rank) of the positive weights. */
  strongPercentile: number;
}

/**
 * 1 for each strong tie (TieGraph tie index), else 0. Ties of zero strength are never strong.
 * Model mode: strength ≥ strongThreshold. Weight mode: strength > the strongPercentile-th percentile
 * (nearest rank) of the positive strengths, so equal weights give no strong tie.
 */
export function strongTies(s: TieStrengths, rule: Partial<StrongRule> = {}): Uint8Array {
  const v = s.values;
  const strong = new Uint8Array(v.length);
  let cut: number;
  if (s.mode === 'model') {
    cut = rule.strongThreshold ?? DEFAULT_SCORE_OPTIONS.strongThreshold;
    for (let k = 0; k < v.length; k++) strong[k] = v[k]! > 0 && v[k]! >= cut ? 1 : 0;
    return strong;
  }
  const p = rule.strongPercentile ?? DEFAULT_SCORE_OPTIONS.strongPercentile;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`strongPercentile must be in [0, 100], got ${p}`);
  let count = 0;
  for (let k = 0; k < v.length; k++) if (v[k]! > 0) count++;
  if (count === 0) return strong;
  const positive = new Float64Array(count);
  for (let k = 0, i = 0; k < v.length; k++) if (v[k]! > 0) positive[i++] = v[k]!;
  positive.sort();
  cut = positive[Math.max(0, Math.ceil((p / 100) * positive.length) - 1)]!;
  for (let k = 0; k < v.length; k++) strong[k] = v[k]! > cut ? 1 : 0;
  return strong;
}

/**
 * Weak bridges (Granovetter 1973): per CSR tie, 1 when the tie is not strong and is a local bridge
 * or joins two communities. `strong` and `isLocalBridge` are indexed by CSR tie (map a TieGraph
 * array through `kept`), `community` by node (optional).
 */
export function weakBridges(csr: Csr, strong: Uint8Array, isLocalBridge: Uint8Array, community?: Int32Array): Uint8Array {
  const out = new Uint8Array(csr.m);
  for (let e = 0; e < csr.m; e++) {
    if (strong[e] === 1) continue;
    const crosses = community !== undefined && community[csr.edgeSource[e]!] !== community[csr.edgeTarget[e]!];
    out[e] = isLocalBridge[e] === 1 || crosses ? 1 : 0;
  }
  return out;
}
