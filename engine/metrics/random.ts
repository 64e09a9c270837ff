// Seeded pseudo-random numbers for every random choice socap makes (sampled betweenness pivots,
// Louvain's node order, synthetic data), so a run is reproducible from its seed.
// Generator: xoshiro128** (Blackman & Vigna 2018, "Scrambled linear pseudorandom number
// generators"), 128-bit state seeded from the 32-bit seed by splitmix32. Cost: O(1) a draw.

/** splitmix32 step: spreads a 32-bit seed over the xoshiro state words. */
function splitmix32(state: { x: number }): number {
  state.x = (state.x + 0x9e3779b9) | 0;
  let z = state.x;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * A generator of uniform numbers in [0, 1) with 32 random bits each, fully determined by `seed`
 * (taken modulo 2^32 after truncation towards zero: 42, 42.9 and 2^32 + 42 give the same stream).
 */
export function createRng(seed: number): () => number {
  const init = { x: Math.trunc(seed) >>> 0 };
  let s0 = splitmix32(init);
  let s1 = splitmix32(init);
  let s2 = splitmix32(init);
  let s3 = splitmix32(init);
  return () => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result / 4294967296;
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * `k` distinct indices drawn uniformly from 0..n-1 without replacement (partial Fisher–Yates),
 * in draw order. Cost: O(n) memory, O(k) draws.
 */
export function sampleIndices(n: number, k: number, rng: () => number): Int32Array {
  if (!Number.isInteger(k) || k < 0 || k > n) {
    throw new RangeError(`cannot draw ${k} distinct indices from ${n}`);
  }
  const pool = new Int32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const t = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = t;
  }
  return pool.slice(0, k);
}
