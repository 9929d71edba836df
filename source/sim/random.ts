// Seeded pseudo-random numbers, so the simulated account is the same world for the same seed.
// mulberry32: tiny, fast, and good enough for picking names and durations.

const HEX_SCRATCH = Buffer.alloc(64);

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A new generator whose stream depends only on this seed and the labels, not on how much of this one was used. */
  static derive(seed: number, ...labels: Array<string | number>): Rng {
    return new Rng(hashSeed(seed, ...labels));
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("Rng.pick from an empty list");
    return item;
  }

  /** Exponentially distributed wait with the given mean: the gap between independent random events. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  hex(length: number): string {
    // One flat string per id: ids are kept for the life of the world, so avoid string ropes.
    const bytes = Math.ceil(length / 2);
    const scratch = bytes <= HEX_SCRATCH.length ? HEX_SCRATCH : Buffer.alloc(bytes);
    for (let i = 0; i < bytes; i++) scratch[i] = (this.next() * 256) | 0;
    const out = scratch.toString("hex", 0, bytes);
    return out.length === length ? out : out.slice(0, length);
  }

  digits(length: number): string {
    let out = String(this.int(1, 9));
    while (out.length < length) out += String(this.int(0, 9));
    return out;
  }

  uuid(): string {
    return formatUuid(this.hex(32));
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
    return items;
  }
}

/** FNV-1a over the labels: a stable 32-bit seed for an entity. */
export function hashSeed(seed: number, ...labels: Array<string | number>): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (const label of labels) {
    const text = `${label}\u0000`;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  }
  return hash;
}

/** Stable hex derived from a key: ids that need not be stored (container ARNs, digests, ENI ids). */
export function hashHex(key: string, length: number): string {
  let out = "";
  for (let round = 0; out.length < length; round++) {
    out += hashSeed(round, key).toString(16).padStart(8, "0");
  }
  return out.slice(0, length);
}

export function formatUuid(hex32: string): string {
  const h = hex32.padEnd(32, "0");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${"89ab"[parseInt(h[16] ?? "0", 16) & 3]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
