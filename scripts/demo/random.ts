/**
 * A small seeded pseudo-random generator (mulberry32) and the draws the demo generator needs.
 * Each part of the demo takes its own stream (`stream('households')`), so the same scale always
 * produces the same data, and changing one part does not reshuffle the others.
 */

/** 32-bit FNV-1a: turns a stream name into a seed. */
function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Random {
  private state: number;

  constructor(seed: number | string) {
    this.state = (typeof seed === 'string' ? hashSeed(seed) : seed) >>> 0;
  }

  /** A float in [0, 1): mulberry32. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** `n` different items of the list (all of them when it has fewer), in a random order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < n && pool.length) out.push(pool.splice(this.int(0, pool.length - 1), 1)[0]!);
    return out;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One of the keys, with probability proportional to its weight. */
  weighted<K>(weights: readonly (readonly [K, number])[]): K {
    let total = 0;
    for (const [, w] of weights) total += w;
    let r = this.next() * total;
    for (const [key, w] of weights) {
      r -= w;
      if (r < 0) return key;
    }
    return weights[weights.length - 1]![0];
  }

  /** A copy in a random order (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  /** A whole number skewed towards min: the minimum of two draws. */
  lowInt(min: number, max: number): number {
    return Math.min(this.int(min, max), this.int(min, max));
  }
}

/** A named stream for one part of the demo at one scale. */
export function stream(scale: string, part: string): Random {
  return new Random(`hearth-demo/${scale}/${part}`);
}

/** A version-4-shaped UUID drawn from a stream: the same ids on every run. */
export function uuidFrom(random: Random): string {
  const hex = () => (Math.floor(random.next() * 2 ** 32) >>> 0).toString(16).padStart(8, '0');
  const [a, b, c, d] = [hex(), hex(), hex(), hex()];
  const variant = ((parseInt(c[0]!, 16) & 0x3) | 0x8).toString(16);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
}

/**
 * Version-4-shaped UUIDs from their own stream, so every id is known before insert (no
 * `returning` round trips) and is the same on every run.
 */
export class IdMaker {
  private readonly random: Random;

  constructor(scale: string) {
    this.random = stream(scale, 'ids');
  }

  next(): string {
    return uuidFrom(this.random);
  }
}
