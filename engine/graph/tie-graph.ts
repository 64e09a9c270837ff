// Interactions → the undirected tie graph (one tie per unordered pair) and the directed
// interaction graph (one arc per ordered pair), both in typed arrays.
// Streaming: interactions are folded into per-pair accumulators as they arrive, so the raw log is
// never held in memory. Besides the raw facts it folds in, per tie, the recency-decayed weight
// (half-life `halfLifeDays`) and, given an as-of time, the contact counts of two windows (cooling
// ties); and the arcs of endorsing and of negative interaction types (reputation).
// Cost: O(n + interactions) time, O(n + pairs) memory.
import type { Actor, Interaction } from '../model/types.js';
import { csrFromTies, type Csr } from './csr.js';
import { directedCsrFromArcs, type DirectedCsr } from './directed-csr.js';
import { DEFAULT_SCORE_OPTIONS } from '../run/options.js';

const DAY_MS = 86_400_000;

/** Optional accumulations of the builder (all have defaults; none changes the facts above). */
export interface TieGraphOptions {
  /** Half-life (days) of the recency-decayed weight `decaySum`. Default DEFAULT_SCORE_OPTIONS.halfLifeDays. */
  halfLifeDays?: number;
  /**
   * Count each tie's dated interaction rows in two windows ending at `asOf` (epoch ms): recent
   * (asOf − recentDays, asOf] and baseline (asOf − recentDays − baselineDays, asOf − recentDays].
   */
  windows?: { asOf: number; recentDays: number; baselineDays: number };
  /** Interaction types (case-insensitive) kept in the `endorsing` / `negative` arc graphs. Defaults from DEFAULT_SCORE_OPTIONS. */
  endorsingTypes?: readonly string[];
  negativeTypes?: readonly string[];
}

/** Raw per-tie facts the strength model and the health rules read (index = tie index). */
export interface TieFacts {
  /** Summed weight from the lower-index actor to the higher one, and back. Undirected interactions count in both. */
  weightForward: Float64Array;
  weightBackward: Float64Array;
  /** Summed weight of the pair's interaction rows (each row once, whatever its direction). */
  weight: Float64Array;
  /** Interaction rows of the pair. */
  count: Int32Array;
  /** First and last timestamp (epoch ms), NaN when no interaction of the pair has one. */
  firstTimestamp: Float64Array;
  lastTimestamp: Float64Array;
  /** Distinct interaction types of the pair (multiplexity), untyped rows counted as one type "". */
  typeCount: Int32Array;
  /**
   * Recency-decayed weight relative to the tie's own last timestamp: Σ over dated rows of
   * weight · 2^{(t − lastTimestamp)/h}, h the graph's `halfLifeDays`. The decayed weight as of any
   * time T ≥ lastTimestamp is exactly decaySum · 2^{−(T − lastTimestamp)/h}. 0 when no row is dated.
   */
  decaySum?: Float64Array;
  /** Summed weight of the pair's dated rows (the rest of `weight` is undated). */
  datedWeight?: Float64Array;
  /** Dated rows of the pair in the recent and baseline windows (present when the builder had `windows`). */
  recentCount?: Int32Array;
  baselineCount?: Int32Array;
}

export interface TieGraph {
  /** Actors in node-index order: the actors file first (load order), then ids seen only in interactions. */
  actors: Actor[];
  index: Map<string, number>;
  /** Tie endpoints (node indices, lower index first) and raw facts; strength is set by the strength model. */
  tieSource: Int32Array;
  tieTarget: Int32Array;
  facts: TieFacts;
  directed: DirectedCsr;
  interactions: number;
  /** Distinct types over the whole log; true when any interaction has a timestamp. */
  types: string[];
  timestamped: boolean;
  /** Latest and earliest timestamp in the log (epoch ms), NaN when none. */
  lastTimestamp: number;
  firstTimestamp: number;
  /** Self-loop rows met (dropped: a tie needs two actors). */
  selfLoops: number;
  /** Interaction rows marked undirected (when every row is, reciprocity carries no information). */
  undirectedInteractions?: number;
  /** Half-life (days) `facts.decaySum` was accumulated with. */
  halfLifeDays?: number;
  /** The windows `facts.recentCount` / `facts.baselineCount` were counted in. */
  windows?: { asOf: number; recentDays: number; baselineDays: number };
  /** Arcs of the interactions of an endorsing type, and of a negative type (undirected rows both ways). */
  endorsing?: DirectedCsr;
  negative?: DirectedCsr;
  /** Interaction rows of an endorsing type and of a negative type. */
  endorsingInteractions?: number;
  negativeInteractions?: number;
}

/** Growable typed-array columns for the per-pair accumulators. */
class PairColumns {
  cap = 1024;
  len = 0;
  a = new Int32Array(this.cap);
  b = new Int32Array(this.cap);
  wf = new Float64Array(this.cap);
  wb = new Float64Array(this.cap);
  ws = new Float64Array(this.cap);
  count = new Int32Array(this.cap);
  first = new Float64Array(this.cap).fill(NaN);
  last = new Float64Array(this.cap).fill(NaN);
  typeMask = new Uint32Array(this.cap);
  decay = new Float64Array(this.cap);
  dated = new Float64Array(this.cap);
  recent = new Int32Array(this.cap);
  baseline = new Int32Array(this.cap);

  push(a: number, b: number): number {
    if (this.len === this.cap) this.grow();
    const k = this.len++;
    this.a[k] = a;
    this.b[k] = b;
    return k;
  }

  private grow(): void {
    const cap = this.cap * 2;
    const g32 = (x: Int32Array): Int32Array<ArrayBuffer> => {
      const y = new Int32Array(cap);
      y.set(x);
      return y;
    };
    const g64 = (x: Float64Array, fill = 0): Float64Array<ArrayBuffer> => {
      const y = new Float64Array(cap).fill(fill);
      y.set(x);
      return y;
    };
    this.a = g32(this.a);
    this.b = g32(this.b);
    this.wf = g64(this.wf);
    this.wb = g64(this.wb);
    this.ws = g64(this.ws);
    this.count = g32(this.count);
    this.first = g64(this.first, NaN);
    this.last = g64(this.last, NaN);
    const tm = new Uint32Array(cap);
    tm.set(this.typeMask);
    this.typeMask = tm;
    this.decay = g64(this.decay);
    this.dated = g64(this.dated);
    this.recent = g32(this.recent);
    this.baseline = g32(this.baseline);
    this.cap = cap;
  }
}

function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Folds actors and interactions into a TieGraph. Feed with `addActor`/`addInteraction`, then `finish`. */
export class TieGraphBuilder {
  private readonly actors: Actor[] = [];
  private readonly index = new Map<string, number>();
  private readonly ties = new PairColumns();
  private readonly tieOf = new Map<number, number>();
  private readonly arcs = new PairColumns();
  private readonly arcOf = new Map<number, number>();
  private readonly typeIndex = new Map<string, number>();
  /** Types beyond the 32 a mask holds: per tie, the set of extra type indices. */
  private readonly extraTypes = new Map<number, Set<number>>();
  private interactions = 0;
  private selfLoops = 0;
  private timestamped = false;
  private minTs = Infinity;
  private maxTs = -Infinity;
  private undirectedRows = 0;
  private readonly halfLifeMs: number;
  private readonly halfLifeDays: number;
  private readonly windows?: { asOf: number; recentDays: number; baselineDays: number };
  private readonly recentFrom: number = NaN;
  private readonly baselineFrom: number = NaN;
  private readonly endorsingSet: Set<string>;
  private readonly negativeSet: Set<string>;
  /** Per type index: 1 endorsing, 2 negative, 0 neither. */
  private readonly typeClass: number[] = [];
  private readonly endorsingArcs = new PairColumns();
  private readonly endorsingOf = new Map<number, number>();
  private readonly negativeArcs = new PairColumns();
  private readonly negativeOf = new Map<number, number>();
  private endorsingRows = 0;
  private negativeRows = 0;

  constructor(options: TieGraphOptions = {}) {
    this.halfLifeDays = options.halfLifeDays ?? DEFAULT_SCORE_OPTIONS.halfLifeDays;
    if (!(this.halfLifeDays > 0) || !Number.isFinite(this.halfLifeDays)) {
      throw new RangeError(`halfLifeDays must be a positive number of days, got ${this.halfLifeDays}`);
    }
    this.halfLifeMs = this.halfLifeDays * DAY_MS;
    if (options.windows) {
      const { asOf, recentDays, baselineDays } = options.windows;
      if (!Number.isFinite(asOf) || !(recentDays > 0) || !(baselineDays > 0)) {
        throw new RangeError(`windows need a finite asOf and positive recentDays and baselineDays, got ${asOf}, ${recentDays}, ${baselineDays}`);
      }
      this.windows = { asOf, recentDays, baselineDays };
      this.recentFrom = asOf - recentDays * DAY_MS;
      this.baselineFrom = this.recentFrom - baselineDays * DAY_MS;
    }
    this.endorsingSet = new Set((options.endorsingTypes ?? DEFAULT_SCORE_OPTIONS.endorsingTypes).map((t) => t.toLowerCase()));
    this.negativeSet = new Set((options.negativeTypes ?? DEFAULT_SCORE_OPTIONS.negativeTypes).map((t) => t.toLowerCase()));
  }

  addActor(actor: Actor): void {
    const i = this.index.get(actor.id);
    if (i === undefined) {
      this.index.set(actor.id, this.actors.length);
      this.actors.push(actor);
    } else {
      const prev = this.actors[i]!;
      this.actors[i] = {
        ...prev,
        ...actor,
        attributes: { ...prev.attributes, ...actor.attributes },
      };
    }
  }

  private node(id: string): number {
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.actors.length;
      this.index.set(id, i);
      this.actors.push({ id, attributes: {} });
    }
    return i;
  }

  private pairKey(a: number, b: number): number {
    // Node indices stay below 2^26 in practice (67M actors); the key is exact below 2^53.
    return a * 67_108_864 + b;
  }

  addInteraction(x: Interaction): void {
    const s = this.node(x.source);
    const t = this.node(x.target);
    if (s === t) {
      this.selfLoops++;
      return;
    }
    this.interactions++;
    const lo = s < t ? s : t;
    const hi = s < t ? t : s;
    const key = this.pairKey(lo, hi);
    let k = this.tieOf.get(key);
    if (k === undefined) {
      k = this.ties.push(lo, hi);
      this.tieOf.set(key, k);
    }
    const c = this.ties;
    if (x.undirected) {
      c.wf[k]! += x.weight;
      c.wb[k]! += x.weight;
    } else if (s === lo) c.wf[k]! += x.weight;
    else c.wb[k]! += x.weight;
    c.ws[k]! += x.weight;
    c.count[k]!++;
    if (x.undirected) this.undirectedRows++;
    const ts = x.timestamp;
    if (ts !== undefined && Number.isFinite(ts)) {
      this.accumulateDated(k, ts, x.weight);
      this.timestamped = true;
      if (ts < this.minTs) this.minTs = ts;
      if (ts > this.maxTs) this.maxTs = ts;
      if (!(c.first[k]! <= ts)) c.first[k] = ts;
      if (!(c.last[k]! >= ts)) c.last[k] = ts;
    }
    const typeName = x.type ?? '';
    let ti = this.typeIndex.get(typeName);
    if (ti === undefined) {
      ti = this.typeIndex.size;
      this.typeIndex.set(typeName, ti);
      const lower = typeName.toLowerCase();
      this.typeClass.push(this.endorsingSet.has(lower) ? 1 : this.negativeSet.has(lower) ? 2 : 0);
    }
    if (ti < 32) c.typeMask[k] = (c.typeMask[k]! | (1 << ti)) >>> 0;
    else {
      let set = this.extraTypes.get(k);
      if (!set) this.extraTypes.set(k, (set = new Set()));
      set.add(ti);
    }
    this.addArc(s, t, x.weight);
    if (x.undirected) this.addArc(t, s, x.weight);
    const cls = this.typeClass[ti]!;
    if (cls !== 0) {
      const cols = cls === 1 ? this.endorsingArcs : this.negativeArcs;
      const of = cls === 1 ? this.endorsingOf : this.negativeOf;
      if (cls === 1) this.endorsingRows++;
      else this.negativeRows++;
      this.addArcTo(cols, of, s, t, x.weight);
      if (x.undirected) this.addArcTo(cols, of, t, s, x.weight);
    }
  }

  /**
   * Decayed weight of tie k relative to its last timestamp (read before it is updated), and the
   * window counts. A later row rescales the sum to the new reference: exact, and never overflows.
   */
  private accumulateDated(k: number, ts: number, w: number): void {
    const c = this.ties;
    const last = c.last[k]!;
    if (!(last >= ts)) c.decay[k] = (Number.isNaN(last) ? 0 : c.decay[k]! * Math.pow(2, (last - ts) / this.halfLifeMs)) + w;
    else c.decay[k]! += w * Math.pow(2, (ts - last) / this.halfLifeMs);
    c.dated[k]! += w;
    if (this.windows && ts <= this.windows.asOf) {
      if (ts > this.recentFrom) c.recent[k]!++;
      else if (ts > this.baselineFrom) c.baseline[k]!++;
    }
  }

  private addArcTo(cols: PairColumns, of: Map<number, number>, s: number, t: number, w: number): void {
    const key = this.pairKey(s, t);
    let k = of.get(key);
    if (k === undefined) {
      k = cols.push(s, t);
      of.set(key, k);
    }
    cols.wf[k]! += w;
  }

  private addArc(s: number, t: number, w: number): void {
    const key = this.pairKey(s, t);
    let k = this.arcOf.get(key);
    if (k === undefined) {
      k = this.arcs.push(s, t);
      this.arcOf.set(key, k);
    }
    this.arcs.wf[k]! += w;
  }

  finish(): TieGraph {
    const m = this.ties.len;
    const c = this.ties;
    const typeCount = new Int32Array(m);
    for (let k = 0; k < m; k++) typeCount[k] = popcount(c.typeMask[k]!) + (this.extraTypes.get(k)?.size ?? 0);
    const ids = this.actors.map((a) => a.id);
    const directed = directedCsrFromArcs(
      ids,
      this.arcs.a.slice(0, this.arcs.len),
      this.arcs.b.slice(0, this.arcs.len),
      this.arcs.wf.slice(0, this.arcs.len),
    );
    const types = [...this.typeIndex.keys()].filter((t) => t !== '').sort();
    const arcsOf = (p: PairColumns): DirectedCsr => directedCsrFromArcs(ids, p.a.slice(0, p.len), p.b.slice(0, p.len), p.wf.slice(0, p.len));
    return {
      actors: this.actors,
      index: this.index,
      tieSource: c.a.slice(0, m),
      tieTarget: c.b.slice(0, m),
      facts: {
        weightForward: c.wf.slice(0, m),
        weightBackward: c.wb.slice(0, m),
        weight: c.ws.slice(0, m),
        count: c.count.slice(0, m),
        firstTimestamp: c.first.slice(0, m),
        lastTimestamp: c.last.slice(0, m),
        typeCount,
        decaySum: c.decay.slice(0, m),
        datedWeight: c.dated.slice(0, m),
        ...(this.windows ? { recentCount: c.recent.slice(0, m), baselineCount: c.baseline.slice(0, m) } : {}),
      },
      directed,
      interactions: this.interactions,
      types,
      timestamped: this.timestamped,
      firstTimestamp: this.timestamped ? this.minTs : NaN,
      lastTimestamp: this.timestamped ? this.maxTs : NaN,
      selfLoops: this.selfLoops,
      undirectedInteractions: this.undirectedRows,
      halfLifeDays: this.halfLifeDays,
      ...(this.windows ? { windows: { ...this.windows } } : {}),
      endorsing: arcsOf(this.endorsingArcs),
      negative: arcsOf(this.negativeArcs),
      endorsingInteractions: this.endorsingRows,
      negativeInteractions: this.negativeRows,
    };
  }
}

/**
 * The CSR of the tie graph with the given per-tie strengths. Ties whose strength is not > 0 are left
 * out (a zero-strength tie has no path length); `kept` maps CSR tie index → TieGraph tie index.
 */
export function tieCsr(g: TieGraph, strength: Float64Array): { csr: Csr; kept: Int32Array; dropped: number } {
  const m = g.tieSource.length;
  const keep: number[] = [];
  for (let k = 0; k < m; k++) if (strength[k]! > 0 && Number.isFinite(strength[k]!)) keep.push(k);
  const kept = Int32Array.from(keep);
  const src = new Int32Array(kept.length);
  const dst = new Int32Array(kept.length);
  const w = new Float64Array(kept.length);
  for (let e = 0; e < kept.length; e++) {
    const k = kept[e]!;
    src[e] = g.tieSource[k]!;
    dst[e] = g.tieTarget[k]!;
    w[e] = strength[k]!;
  }
  const csr = csrFromTies(
    g.actors.map((a) => a.id),
    src,
    dst,
    w,
  );
  return { csr, kept, dropped: m - kept.length };
}
