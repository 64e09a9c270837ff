// Eigenvector centrality on the undirected tie graph, weighted by strength: the unit Perron vector
// x of A (A_ij = w_ij), A x = λ₁ x, found by the Lanczos method (Lanczos 1950; Golub & Van Loan,
// Matrix Computations, 4th ed., ch. 10: 10.1 Lanczos, 10.3.1 complete reorthogonalisation) with
// explicit restarts. Matches nx.eigenvector_centrality(G, weight='strength') (networkx 3.6), unit
// L2 norm, which power-iterates (A + I) from the all-ones start.
//
// Each cycle runs up to L = 60 Lanczos steps (fewer when the basis would pass 128 MiB) from a unit
// vector v₀ (first cycle: 1/√n; later ones: the last Ritz vector): w = A v_j − α_j v_j − β_{j−1} v_{j−1}, then w is orthogonalised once more
// against every basis vector, β_j = ‖w‖, v_{j+1} = w / β_j. The top eigenpair (θ, s) of the
// tridiagonal T = tridiag(β, α, β) comes from implicit QL (EISPACK tql2); the Ritz vector is
// y = V s, and ‖A y − θ y‖₂ = β_j |s_j| (s_j: last entry of s; exact at the first step of a cycle, where it is computed
// from A v₀ itself). Every vector stays in the Krylov space of the all-ones start, so on a
// disconnected graph, or when the top eigenvalue is repeated, the result is the projection of the
// start on the top eigenspace: what the power iteration converges to (mass on the component(s)
// with the largest eigenvalue, others 0; two equal components keep equal shares). The largest
// Ritz value is taken algebraically, so a bipartite graph's −λ₁ never competes. A step whose new
// direction is rounding noise (β_j ≤ 1e-12 ‖A v_j‖) means the Krylov space is exhausted: the
// cycle ends there rather than extend the basis with noise, and the Ritz vector is exact.
//
// Stopping rule, tied to the `tolerance` of the power iteration it replaces (stop when one step
// changes the unit iterate by less than `tolerance` per node in L1): one (A + I) power step from a
// unit y with residual r = A y − θ y changes it by about r / (1 + θ), whose L1 size per node is at
// most ‖r‖₂ / (√n (1 + θ)). So `delta` = ‖A y − θ y‖₂ / (√n (1 + θ)) and the run has converged
// when delta < tolerance (or the Krylov space is exhausted); `iterations` counts products A v, and
// `maxIterations` caps them. It never throws: out of budget, it returns the current Ritz vector
// with converged = false. The sign is fixed so that Σ x > 0; a converged vector's negative entries
// are within its error of 0 (the Perron vector has none: there NetworkX's values are 0 up to its own
// tolerance) and are set to 0.
// Edge cases: no nodes → empty result; no ties → every node 1/√n (what NetworkX returns).
// Reference: Bonacich 1972. Cost: O(n + m) per product plus O(k n) for reorthogonalising step k
// and O(k³) for T_k, so O(c (L (n + m) + L² n + L⁴)) for c cycles; memory O(L n) for the basis.
// On the 100k-person generated org graph: 193 products where the power iteration took 3 878.
import type { Csr } from '../graph/csr.js';
import { DEFAULT_SCORE_OPTIONS, type PowerIterationOptions } from '../run/options.js';
import type { PowerIterationResult } from './pagerank.js';

export type { PowerIterationResult } from './pagerank.js';

/** Lanczos steps per restart cycle (the basis holds this many vectors of length n). */
const CYCLE_STEPS = 60;
/** The basis never holds more than this many numbers (128 MiB); large graphs get shorter cycles. */
const BASIS_BUDGET = 1 << 24;
const MIN_CYCLE_STEPS = 8;
/** A new direction shorter than this fraction of ‖A v_j‖ is rounding noise: the space is invariant. */
const BREAKDOWN = 1e-12;
/** Implicit QL sweeps allowed per eigenvalue before it is taken as it stands. */
const QL_MAX_SWEEPS = 60;

export function eigenvectorCentrality(csr: Csr, opts: Partial<PowerIterationOptions> = {}): PowerIterationResult {
  const defaults = DEFAULT_SCORE_OPTIONS.eigenvector;
  const tolerance = opts.tolerance ?? defaults.tolerance;
  const maxIterations = opts.maxIterations ?? defaults.maxIterations;
  const n = csr.n;
  if (n === 0) return { values: new Float64Array(0), iterations: 0, converged: true, delta: 0 };
  const steps = Math.min(n, Math.max(MIN_CYCLE_STEPS, Math.min(CYCLE_STEPS, Math.floor(BASIS_BUDGET / n))));
  const rootN = Math.sqrt(n);

  const basis = new Float64Array(steps * n); // row i = Lanczos vector v_i
  const w = new Float64Array(n);
  const y = new Float64Array(n).fill(1 / rootN); // current Ritz vector, unit length
  const alpha = new Float64Array(steps);
  const beta = new Float64Array(steps);
  const ql = new TridiagonalEigen(steps);
  const coef = new Float64Array(steps);
  const stats = new Float64Array(2); // vᵀ A v and ‖A v‖² of the last product

  let products = 0;
  let delta = Infinity;
  for (;;) {
    basis.set(y, 0);
    let k = 0; // vectors in the basis of this cycle
    for (;;) {
      if (products >= maxIterations) {
        // Out of budget before any product of this cycle: y (the start of the cycle) stands.
        return finish(y, products, delta < tolerance, delta);
      }
      const j = k++;
      const row = j * n;
      multiply(csr, basis, row, w, stats);
      products++;
      const a = stats[0]!;
      // Three-term recurrence, then one full reorthogonalisation pass (classical Gram–Schmidt).
      if (j > 0) {
        const b = beta[j - 1]!;
        const prev = row - n;
        for (let p = 0; p < n; p++) w[p] = w[p]! - a * basis[row + p]! - b * basis[prev + p]!;
      } else {
        for (let p = 0; p < n; p++) w[p] = w[p]! - a * basis[p]!;
      }
      const squares = orthogonalise(w, basis, k, coef);
      alpha[j] = a + coef[j]!;
      const residual = Math.sqrt(squares);
      beta[j] = residual;
      const exhausted = residual <= BREAKDOWN * Math.sqrt(stats[1]!);

      // Top Ritz pair of T_k; its residual is β_j |s_{k−1}|.
      const theta = ql.top(alpha, beta, k, coef);
      const estimate = residual * Math.abs(coef[k - 1]!);
      delta = estimate / (rootN * (1 + Math.max(theta, 0)));
      const done = delta < tolerance || exhausted;
      if (j === 0 && done) {
        // v₀ = y already satisfies the rule, measured on A y itself.
        return finish(y, products, true, delta);
      }
      if (done || k === steps || products >= maxIterations) {
        y.fill(0);
        for (let i = 0, r = 0; i < k; i++, r += n) {
          const s = coef[i]!;
          for (let p = 0; p < n; p++) y[p] = y[p]! + s * basis[r + p]!;
        }
        normalise(y);
        if (products >= maxIterations) return finish(y, products, done, delta);
        break; // restart from y; the next cycle's first product measures its residual exactly
      }
      const next = k * n;
      const scale = 1 / residual;
      for (let p = 0; p < n; p++) basis[next + p] = w[p]! * scale;
    }
  }
}

/** w = A v for v = basis[row .. row + n); writes vᵀ A v and ‖A v‖² to stats[0], stats[1]. */
function multiply(csr: Csr, basis: Float64Array, row: number, w: Float64Array, stats: Float64Array): void {
  const { n, offsets, targets, strengths } = csr;
  let alpha = 0;
  let squares = 0;
  for (let p = 0; p < n; p++) {
    let v = 0;
    for (let e = offsets[p]!; e < offsets[p + 1]!; e++) v += strengths[e]! * basis[row + targets[e]!]!;
    w[p] = v;
    alpha += basis[row + p]! * v;
    squares += v * v;
  }
  stats[0] = alpha;
  stats[1] = squares;
}

/**
 * w ← w − V Vᵀ w over the first `rows` basis vectors (one classical Gram–Schmidt pass), with the
 * coefficients Vᵀ w left in coef; returns ‖w‖². Four rows a sweep, so w is read a quarter as often.
 */
function orthogonalise(w: Float64Array, basis: Float64Array, rows: number, coef: Float64Array): number {
  const n = w.length;
  let i = 0;
  for (; i + 4 <= rows; i += 4) {
    const r0 = i * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    let c0 = 0;
    let c1 = 0;
    let c2 = 0;
    let c3 = 0;
    for (let p = 0; p < n; p++) {
      const v = w[p]!;
      c0 += basis[r0 + p]! * v;
      c1 += basis[r1 + p]! * v;
      c2 += basis[r2 + p]! * v;
      c3 += basis[r3 + p]! * v;
    }
    coef[i] = c0;
    coef[i + 1] = c1;
    coef[i + 2] = c2;
    coef[i + 3] = c3;
  }
  for (; i < rows; i++) {
    const r = i * n;
    let c = 0;
    for (let p = 0; p < n; p++) c += basis[r + p]! * w[p]!;
    coef[i] = c;
  }
  i = 0;
  for (; i + 4 <= rows; i += 4) {
    const r0 = i * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    const c0 = coef[i]!;
    const c1 = coef[i + 1]!;
    const c2 = coef[i + 2]!;
    const c3 = coef[i + 3]!;
    for (let p = 0; p < n; p++) {
      w[p] = w[p]! - (c0 * basis[r0 + p]! + c1 * basis[r1 + p]! + c2 * basis[r2 + p]! + c3 * basis[r3 + p]!);
    }
  }
  for (; i < rows; i++) {
    const r = i * n;
    const c = coef[i]!;
    for (let p = 0; p < n; p++) w[p] = w[p]! - c * basis[r + p]!;
  }
  let squares = 0;
  for (let p = 0; p < n; p++) squares += w[p]! * w[p]!;
  return squares;
}

function normalise(x: Float64Array): void {
  let squares = 0;
  for (let p = 0; p < x.length; p++) squares += x[p]! * x[p]!;
  const scale = 1 / Math.sqrt(squares);
  for (let p = 0; p < x.length; p++) x[p] = x[p]! * scale;
}

/** Orients x so that Σ x > 0 (the Perron vector's sign), zeroes rounding negatives once converged. */
function finish(x: Float64Array, iterations: number, converged: boolean, delta: number): PowerIterationResult {
  let sum = 0;
  for (let p = 0; p < x.length; p++) sum += x[p]!;
  if (sum < 0) for (let p = 0; p < x.length; p++) x[p] = -x[p]!;
  if (converged) {
    let clamped = false;
    for (let p = 0; p < x.length; p++) {
      if (x[p]! < 0) {
        x[p] = 0;
        clamped = true;
      }
    }
    if (clamped) normalise(x);
  }
  return { values: x, iterations, converged, delta };
}

/**
 * The largest eigenvalue of a symmetric tridiagonal matrix and its unit eigenvector, by the
 * implicit QL method with eigenvector accumulation (EISPACK tql2, as in JAMA). Buffers are
 * allocated once for the largest size; cost O(k³) for a k × k matrix.
 */
class TridiagonalEigen {
  private readonly d: Float64Array;
  private readonly e: Float64Array;
  private readonly z: Float64Array;

  constructor(private readonly size: number) {
    this.d = new Float64Array(size);
    this.e = new Float64Array(size);
    this.z = new Float64Array(size * size);
  }

  /**
   * For T with diagonal alpha[0..k) and off-diagonal beta[0..k−1): writes the eigenvector of the
   * largest eigenvalue to out[0..k) and returns that eigenvalue.
   */
  top(alpha: Float64Array, beta: Float64Array, k: number, out: Float64Array): number {
    const { d, e, z, size } = this;
    for (let i = 0; i < k; i++) {
      d[i] = alpha[i]!;
      e[i] = i + 1 < k ? beta[i]! : 0;
      for (let c = 0; c < k; c++) z[i * size + c] = i === c ? 1 : 0;
    }
    let f = 0;
    let tst1 = 0;
    for (let l = 0; l < k; l++) {
      tst1 = Math.max(tst1, Math.abs(d[l]!) + Math.abs(e[l]!));
      let m = l;
      while (m < k - 1 && Math.abs(e[m]!) > Number.EPSILON * tst1) m++;
      if (m > l) {
        let sweeps = 0;
        do {
          // Implicit shift from the leading 2 × 2 block.
          let g = d[l]!;
          let p = (d[l + 1]! - g) / (2 * e[l]!);
          let r = Math.hypot(p, 1);
          if (p < 0) r = -r;
          d[l] = e[l]! / (p + r);
          d[l + 1] = e[l]! * (p + r);
          const dl1 = d[l + 1]!;
          let h = g - d[l]!;
          for (let i = l + 2; i < k; i++) d[i] = d[i]! - h;
          f += h;
          // QL sweep from m up to l, accumulating the rotations in z.
          p = d[m]!;
          let c = 1;
          let c2 = 1;
          let c3 = 1;
          const el1 = e[l + 1]!;
          let s = 0;
          let s2 = 0;
          for (let i = m - 1; i >= l; i--) {
            c3 = c2;
            c2 = c;
            s2 = s;
            g = c * e[i]!;
            h = c * p;
            r = Math.hypot(p, e[i]!);
            e[i + 1] = s * r;
            s = e[i]! / r;
            c = p / r;
            p = c * d[i]! - s * g;
            d[i + 1] = h + s * (c * g + s * d[i]!);
            for (let row = 0; row < k * size; row += size) {
              h = z[row + i + 1]!;
              z[row + i + 1] = s * z[row + i]! + c * h;
              z[row + i] = c * z[row + i]! - s * h;
            }
          }
          p = (-s * s2 * c3 * el1 * e[l]!) / dl1;
          e[l] = s * p;
          d[l] = c * p;
        } while (Math.abs(e[l]!) > Number.EPSILON * tst1 && ++sweeps < QL_MAX_SWEEPS);
      }
      d[l] = d[l]! + f;
      e[l] = 0;
    }
    let best = 0;
    for (let i = 1; i < k; i++) if (d[i]! > d[best]!) best = i;
    for (let i = 0; i < k; i++) out[i] = z[i * size + best]!;
    return d[best]!;
  }
}
