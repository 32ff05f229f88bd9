// Seeded generators for the differential tests (deterministic: a failure
// reproduces on every run).

/** xorshift128+ over bigint-free 32-bit halves; good enough for test data. */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number) {
    // splitmix32 to spread the seed
    const mix = (x: number): number => {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = mix(seed);
    this.s1 = mix(this.s0);
    this.s2 = mix(this.s1);
    this.s3 = mix(this.s2) | 1;
  }

  /** xoshiro128** step: a uniform uint32. */
  u32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor((this.u32() / 4294967296) * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** A uniformly random 64-bit pattern. */
  u64(): bigint {
    return (BigInt(this.u32()) << 32n) | BigInt(this.u32());
  }

  /** A random finite double from a random bit pattern (all exponents, subnormals included). */
  finiteDouble(): number {
    const view = new DataView(new ArrayBuffer(8));
    for (;;) {
      view.setBigUint64(0, this.u64());
      const x = view.getFloat64(0);
      if (Number.isFinite(x)) return x;
    }
  }

  digits(n: number, firstNonZero = false): string {
    let s = "";
    for (let i = 0; i < n; i++) s += String(i === 0 && firstNonZero ? 1 + this.int(9) : this.int(10));
    return s;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
