// Finding repeated interaction content inside one load without a per-row map.
//
// An id-less interaction is identified by its content (source, target, type, timestamp, weight) and
// its occurrence number among identical rows of the same load (see LoadSession). Most rows of a load
// are unique, so a store only needs exact occurrence numbers for the few that may repeat. ContentSeen
// is a Bloom filter over content hashes (Bloom 1970; double hashing after Kirsch & Mitzenmacher 2006):
// `add` answers false when the content is certainly new in this load (occurrence 1) and true when it
// may have been seen (a repeat, or a false positive, which the store then settles exactly).
// Memory is fixed (FILTER_BITS / 8 bytes) whatever the load size; the false-positive rate is about
// (1 - e^(-k n / m))^k: 0.5 % at 5 million rows, rising gracefully beyond. Cost: O(k) per row.

/** 2^26 bits = 8 MiB. */
const FILTER_BITS_LOG2 = 26;
const PROBES = 4;

export class RepeatedContentFilter {
  private readonly bits = new Uint32Array(1 << (FILTER_BITS_LOG2 - 5));
  private readonly mask = (1 << FILTER_BITS_LOG2) - 1;
  private readonly f64 = new Float64Array(1);
  private readonly u32 = new Uint32Array(this.f64.buffer);
  private h1 = 0;
  private h2 = 0;

  /**
   * Records one content and tells whether it may have been recorded before. Endpoints and type are
   * a store's integer ids for them (below 2^32); `timestamp` null = none. Equal numbers hash alike
   * (-0 as 0), so the filter never misses a repeat that numeric equality would see.
   */
  add(source: number, target: number, type: number, timestamp: number | null, weight: number): boolean {
    this.h1 = 0x811c9dc5;
    this.h2 = 0x9747b28c;
    this.mix(source);
    this.mix(target);
    this.mix(type);
    this.mixNumber(timestamp === null ? Number.NaN : timestamp);
    this.mixNumber(weight);
    let h1 = this.h1;
    h1 ^= h1 >>> 16;
    h1 = Math.imul(h1, 0x85ebca6b);
    h1 ^= h1 >>> 13;
    const step = this.h2 | 1; // odd: the probes never repeat a slot
    let seen = true;
    for (let i = 0; i < PROBES; i++) {
      const bit = (h1 + Math.imul(i, step)) & this.mask;
      const word = bit >>> 5;
      const flag = 1 << (bit & 31);
      if ((this.bits[word]! & flag) === 0) {
        seen = false;
        this.bits[word] = this.bits[word]! | flag;
      }
    }
    return seen;
  }

  clear(): void {
    this.bits.fill(0);
  }

  private mix(word: number): void {
    this.h1 = Math.imul(this.h1 ^ word, 0x01000193);
    const h2 = Math.imul((this.h2 ^ word) + 0x7f4a7c15, 0x85ebca6b);
    this.h2 = h2 ^ (h2 >>> 13);
  }

  private mixNumber(x: number): void {
    this.f64[0] = x === 0 ? 0 : x;
    this.mix(this.u32[0]!);
    this.mix(this.u32[1]!);
  }
}
