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

/** A standard normal draw (Box-Muller). */
function normal(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** A Gamma(shape, 1) draw: Marsaglia and Tsang (2000) for shape >= 1, boosted by U^(1/shape) below 1. */
export function gammaDraw(shape: number, random: () => number): number {
  if (shape < 1) return gammaDraw(shape + 1, random) * (1 - random()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal(random);
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    const u = 1 - random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/**
 * Arrival times in seconds from 0 with gamma-distributed gaps of mean 1 / requestsPerSecond, vLLM's --burstiness:
 * shape = burstiness, scale = 1 / (rate x burstiness); 1 is Poisson (the same draws as poissonArrivalSeconds),
 * below 1 burstier, above 1 more even. Unlike vLLM, the schedule is not rescaled to end at count / rate.
 */
export function gammaArrivalSeconds(count: number, requestsPerSecond: number, burstiness: number, random: () => number): number[] {
  if (burstiness === 1) return poissonArrivalSeconds(count, requestsPerSecond, random);
  const times: number[] = [];
  let t = 0;
  for (let i = 0; i < count; i++) {
    t += gammaDraw(burstiness, random) / (requestsPerSecond * burstiness);
    times.push(t);
  }
  return times;
}

/** A seeded Fisher-Yates shuffle (a new array; the input is left as it is). */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
