// Pareto frontier of a point set: the points no other point beats on both axes.

export interface FrontierGoal {
  x: "max" | "min";
  y: "max" | "min";
}

/**
 * The non-dominated points for `goal` (default: more x and more y are better, as in throughput per user
 * versus throughput per accelerator), sorted by x ascending. Non-finite points are ignored.
 */
export function paretoFrontier<P extends { x: number; y: number | null }>(points: readonly P[], goal: FrontierGoal = { x: "max", y: "max" }): P[] {
  const sx = goal.x === "max" ? 1 : -1;
  const sy = goal.y === "max" ? 1 : -1;
  const usable = points.filter((p): p is P & { y: number } => Number.isFinite(p.x) && typeof p.y === "number" && Number.isFinite(p.y));
  // Best x first; among equal x the best y first, so it alone survives.
  const sorted = [...usable].sort((a, b) => sx * (b.x - a.x) || sy * (b.y - a.y));
  const frontier: P[] = [];
  let bestY = Number.NEGATIVE_INFINITY;
  for (const point of sorted) {
    if (sy * point.y > bestY) {
      frontier.push(point);
      bestY = sy * point.y;
    }
  }
  return frontier.sort((a, b) => a.x - b.x);
}
