// Spreads a total of desired tasks over services the way real accounts look: a few big services,
// many with two or three tasks, and fixed counts for the services that play scripted parts.
import type { Rng } from "../random.js";

const WEIGHTS = [1, 1, 1, 2, 2, 2, 3, 4, 6, 10];

export function spreadTasks(
  names: readonly string[],
  total: number,
  fixed: ReadonlyMap<string, number>,
  rng: Rng,
): number[] {
  const counts = names.map(() => 0);
  let remaining = total;
  const free: number[] = [];
  names.forEach((name, index) => {
    const wanted = fixed.get(name);
    if (wanted === undefined) {
      free.push(index);
      return;
    }
    counts[index] = Math.min(wanted, remaining);
    remaining -= counts[index] ?? 0;
  });
  if (free.length === 0) return counts;
  if (remaining < free.length) {
    for (const index of rng.shuffle([...free]).slice(0, remaining)) counts[index] = 1;
    return counts;
  }
  for (const index of free) counts[index] = 1;
  remaining -= free.length;
  const weights = free.map(() => rng.pick(WEIGHTS));
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  const shares = weights.map((weight) => (remaining * weight) / weightSum);
  free.forEach((index, i) => {
    counts[index] = (counts[index] ?? 0) + Math.floor(shares[i] ?? 0);
  });
  let leftover = remaining - shares.reduce((sum, share) => sum + Math.floor(share), 0);
  const byFraction = free
    .map((index, i) => ({ index, fraction: (shares[i] ?? 0) % 1 }))
    .sort((a, b) => b.fraction - a.fraction || a.index - b.index);
  for (const { index } of byFraction) {
    if (leftover-- <= 0) break;
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts;
}
