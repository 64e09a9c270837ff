// Burt's structural-hole measures on the undirected tie graph, weighted by strength, in one pass.
// For node i with contacts N(i) (ties of positive strength), p_ij = w_ij / Σ_k w_ik and
// m_jq = w_jq / max_k w_jk:
//   local constraint  c_ij = (p_ij + Σ_q p_iq p_qj)²          constraint C_i = Σ_j c_ij
//   effective size    E_i = Σ_j (1 − Σ_q p_iq m_jq)           efficiency = E_i / |N(i)|
//   hierarchy         H_i = Σ_j r_j ln r_j / (N ln N), r_j = c_ij / (C_i / N), N = |N(i)|; 0 when N ≤ 1
// Matches nx.constraint and nx.local_constraint with weight='strength' (networkx 3.6.1), and
// nx.effective_size(G, weight='strength', nodes=...) — its per-node path, Burt's formula as
// documented; networkx 3.6.1's all-nodes sparse path divides m_jq by q's largest weight instead of
// j's (networkx PR #8906), which socap does not copy. Unit strengths give Borgatti's n − 2t/n.
// Ties of zero strength are not contacts (as in NetworkX's sparse matrices). Hierarchy follows
// Burt 1992 as design.md defines it. Isolates (no tie of positive strength): NaN for all four.
// Efficiency equals effective size / degree whenever every tie has positive strength.
// References: Burt, Structural Holes (1992); Borgatti, Connections 20(1) 1997.
// Cost: O(Σ_i Σ_{q ∈ N(i)} deg(q)) = O(Σ_q deg(q)²) time, O(n) scratch (node-indexed arrays set
// for i's contacts and reset after), no per-node allocation.
import type { Csr } from '../graph/csr.js';

export interface StructuralHoles {
  constraint: Float64Array;
  effectiveSize: Float64Array;
  efficiency: Float64Array;
  hierarchy: Float64Array;
}

/** Local constraints on node i: contact j = contacts[k] constrains i by values[k] (= c_ij). */
export interface LocalConstraints {
  contacts: Int32Array;
  values: Float64Array;
}

interface Scratch {
  /** 1 / Σ_k w_ik, 0 for isolates. */
  invSum: Float64Array;
  /** 1 / max_k w_ik, 0 for isolates. */
  invMax: Float64Array;
  /** p_ij for the contacts j of the current node i, 0 elsewhere. */
  share: Float64Array;
  /** Σ_q p_iq p_qj, then c_ij, for the contacts j of the current node i. */
  local: Float64Array;
}

function scratchFor(csr: Csr): Scratch {
  const { n, offsets, strengths } = csr;
  const invSum = new Float64Array(n);
  const invMax = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let max = 0;
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
      const w = strengths[e]!;
      if (w > 0) {
        sum += w;
        if (w > max) max = w;
      }
    }
    if (sum > 0) {
      invSum[i] = 1 / sum;
      invMax[i] = 1 / max;
    }
  }
  return { invSum, invMax, share: new Float64Array(n), local: new Float64Array(n) };
}

/**
 * Sets s.share[j] = p_ij and s.local[j] = c_ij for every contact j of i (i not isolated) and
 * returns Σ_j Σ_q p_iq m_jq, the redundancy that effective size subtracts. Undo with `clearNode`.
 */
function fillNode(csr: Csr, s: Scratch, i: number): number {
  const { offsets, targets, strengths } = csr;
  const { invSum, invMax, share, local } = s;
  const inv = invSum[i]!;
  for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
    const w = strengths[e]!;
    if (w > 0) share[targets[e]!] = w * inv;
  }
  let redundancy = 0;
  for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
    const q = targets[e]!;
    const piq = share[q]!;
    if (piq === 0) continue;
    const toJ = piq * invSum[q]!;
    for (let f = offsets[q]!; f < offsets[q + 1]!; f++) {
      const j = targets[f]!;
      const w = strengths[f]!;
      if (share[j] === 0 || w <= 0) continue;
      local[j]! += toJ * w;
      redundancy += piq * w * invMax[j]!;
    }
  }
  for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
    const j = targets[e]!;
    const pij = share[j]!;
    if (pij === 0) continue;
    const c = pij + local[j]!;
    local[j] = c * c;
  }
  return redundancy;
}

function clearNode(csr: Csr, s: Scratch, i: number): void {
  const { offsets, targets } = csr;
  for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
    const j = targets[e]!;
    s.share[j] = 0;
    s.local[j] = 0;
  }
}

/** Constraint, effective size, efficiency and hierarchy of every node. */
export function structuralHoles(csr: Csr): StructuralHoles {
  const { n, offsets, targets } = csr;
  const constraint = new Float64Array(n);
  const effectiveSize = new Float64Array(n);
  const efficiency = new Float64Array(n);
  const hierarchy = new Float64Array(n);
  const s = scratchFor(csr);
  for (let i = 0; i < n; i++) {
    if (s.invSum[i] === 0) {
      constraint[i] = effectiveSize[i] = efficiency[i] = hierarchy[i] = NaN;
      continue;
    }
    const redundancy = fillNode(csr, s, i);
    let contacts = 0;
    let total = 0;
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
      const j = targets[e]!;
      if (s.share[j] === 0) continue;
      contacts++;
      total += s.local[j]!;
    }
    constraint[i] = total;
    effectiveSize[i] = contacts - redundancy;
    efficiency[i] = (contacts - redundancy) / contacts;
    let h = 0;
    if (contacts > 1) {
      const scale = contacts / total;
      for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
        const j = targets[e]!;
        if (s.share[j] === 0) continue;
        const r = s.local[j]! * scale;
        h += r * Math.log(r);
      }
      h /= contacts * Math.log(contacts);
    }
    hierarchy[i] = h;
    clearNode(csr, s, i);
  }
  return { constraint, effectiveSize, efficiency, hierarchy };
}

/** nx.constraint(G, weight='strength'). */
export function constraint(csr: Csr): Float64Array {
  return structuralHoles(csr).constraint;
}

/** nx.effective_size(G, weight='strength'). */
export function effectiveSize(csr: Csr): Float64Array {
  return structuralHoles(csr).effectiveSize;
}

/**
 * The local constraint c_ij on node i from each of its contacts j, in CSR neighbour order
 * (nx.local_constraint(G, i, j, weight='strength')). Empty for an isolate. Cost: O(n + m).
 */
export function localConstraints(csr: Csr, i: number): LocalConstraints {
  if (!Number.isInteger(i) || i < 0 || i >= csr.n) {
    throw new Error(`localConstraints: node index ${i} is out of range 0..${csr.n - 1}`);
  }
  const s = scratchFor(csr);
  if (s.invSum[i] === 0) return { contacts: new Int32Array(0), values: new Float64Array(0) };
  fillNode(csr, s, i);
  const { offsets, targets } = csr;
  const contacts: number[] = [];
  const values: number[] = [];
  for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
    const j = targets[e]!;
    if (s.share[j] === 0) continue;
    contacts.push(j);
    values.push(s.local[j]!);
  }
  return { contacts: Int32Array.from(contacts), values: Float64Array.from(values) };
}
