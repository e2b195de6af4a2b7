/**
 * A latency axis a reader can read at a glance: ticks on round numbers (1, 2 or 5 times a power
 * of ten, as a ruler is marked), from 0 to the first tick at or above the largest value, in at
 * most `maxSteps` steps. The chart's old top was the largest latency itself (847, then "424").
 */
export function roundTicks(largest: number, maxSteps = 5): number[] {
  const value = Math.max(largest, 1);
  const power = 10 ** Math.floor(Math.log10(value / maxSteps));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => Math.ceil(value / candidate) <= maxSteps) ?? 10 * power;
  return Array.from({ length: Math.ceil(value / step) + 1 }, (_, i) => i * step);
}
