/** Seeded randomness for reproducible datasets and arrival schedules. */

/** mulberry32: a fast 32-bit seeded PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Poisson arrival times in seconds from 0: exponential gaps with mean 1 / requestsPerSecond. */
export function poissonArrivalSeconds(count: number, requestsPerSecond: number, random: () => number): number[] {
  const times: number[] = [];
  let t = 0;
  for (let i = 0; i < count; i++) {
    t += -Math.log(1 - random()) / requestsPerSecond;
    times.push(t);
  }
  return times;
}
