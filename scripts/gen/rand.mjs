// A small seeded PRNG for the template generator: the same seed gives the same cases on
// every machine and Node version (no Math.random anywhere in scripts/gen).

/** hashSeed turns any string into a 32-bit seed (xmur3). */
export function hashSeed(str) {
  let h = 1779033703 ^ str.length;
  for (let i = 0; i < str.length; i++) {
    h = Math.imul(h ^ str.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^= h >>> 16) >>> 0;
}

/** Rand is a mulberry32 generator with the helpers the grammar needs. */
export class Rand {
  constructor(seed) {
    this.s = typeof seed === 'number' ? seed >>> 0 : hashSeed(String(seed));
  }

  /** next returns a float in [0, 1). */
  next() {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** int returns an integer in [0, n). */
  int(n) {
    return Math.floor(this.next() * n);
  }

  /** range returns an integer in [a, b]. */
  range(a, b) {
    return a + this.int(b - a + 1);
  }

  /** chance is true with probability p. */
  chance(p) {
    return this.next() < p;
  }

  /** pick returns a random element of arr. */
  pick(arr) {
    return arr[this.int(arr.length)];
  }

  /** weighted picks from [[weight, value], …]; a function value is called. */
  weighted(table) {
    let total = 0;
    for (const [w] of table) total += w;
    let r = this.next() * total;
    for (const [w, v] of table) {
      r -= w;
      if (r < 0) return typeof v === 'function' ? v() : v;
    }
    const last = table[table.length - 1][1];
    return typeof last === 'function' ? last() : last;
  }
}
