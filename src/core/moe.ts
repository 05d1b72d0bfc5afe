/**
 * Expected number of distinct experts that T tokens touch when each picks k of E experts.
 * Uniform routing: E * (1 - (1 - k/E)^T). Skewed routing: expert popularity follows a Zipf law with
 * exponent `skew` (p_i proportional to 1/i^skew), each token selecting expert i with probability
 * min(1, k * p_i); then the sum over experts of 1 - (1 - q_i)^T.
 */
export function expectedDistinctExperts(expertCount: number, expertsPerToken: number, tokens: number, skew = 0): number {
  if (tokens <= 0) return 0;
  if (skew <= 0) return expertCount * (1 - Math.pow(1 - expertsPerToken / expertCount, tokens));
  const q = selectionProbabilities(expertCount, expertsPerToken, skew);
  let sum = 0;
  for (let i = 0; i < q.length; i++) sum += 1 - Math.pow(1 - q[i]!, tokens);
  return sum;
}

const cache = new Map<string, Float64Array>();

function selectionProbabilities(expertCount: number, expertsPerToken: number, skew: number): Float64Array {
  const key = `${expertCount}:${expertsPerToken}:${skew}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const weights = new Float64Array(expertCount);
  let total = 0;
  for (let i = 0; i < expertCount; i++) {
    weights[i] = 1 / Math.pow(i + 1, skew);
    total += weights[i]!;
  }
  // Cap at 1 and hand the excess to the rest so that each token still selects k experts on average.
  const q = new Float64Array(expertCount);
  let budget = expertsPerToken;
  let remaining = total;
  for (let i = 0; i < expertCount; i++) {
    const share = (weights[i]! / remaining) * budget;
    q[i] = Math.min(1, share);
    budget -= q[i]!;
    remaining -= weights[i]!;
  }
  cache.set(key, q);
  return q;
}
