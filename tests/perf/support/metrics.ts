/** One benchmark figure as written to bench-results.json, and the helpers that build it. */

export interface Target {
  op: '<=' | '>=';
  value: number;
}

export interface BenchMetric {
  metric: string;
  value: number;
  unit: string;
  /** Human-readable goal, e.g. ">= 50000 rows/s and >= 0.5x baseline". */
  target: string;
  /** The physical limit measured in the same run (same machine, same data), or null when there is none. */
  baseline: number | null;
  /** value ÷ baseline, or null without a baseline. */
  ratio: number | null;
  meets: boolean;
  notes: string;
}

const meetsTarget = (value: number, t: Target) => (t.op === '<=' ? value <= t.value : value >= t.value);

export function metric(input: {
  metric: string;
  value: number;
  unit: string;
  target: Target;
  baseline?: number;
  /** A second goal on value ÷ baseline (e.g. ingest ≥ 0.5 × raw inserts). */
  ratioTarget?: Target;
  notes?: string;
}): BenchMetric {
  const baseline = input.baseline ?? null;
  const ratio = baseline ? round(input.value / baseline, 3) : null;
  const ratioOk = !input.ratioTarget || (ratio !== null && meetsTarget(ratio, input.ratioTarget));
  return {
    metric: input.metric,
    value: round(input.value, input.value >= 100 ? 0 : 2),
    unit: input.unit,
    target: `${input.target.op} ${input.target.value} ${input.unit}${input.ratioTarget ? ` and ratio ${input.ratioTarget.op} ${input.ratioTarget.value}` : ''}`,
    baseline: baseline === null ? null : round(baseline, baseline >= 100 ? 0 : 2),
    ratio,
    meets: meetsTarget(input.value, input.target) && ratioOk,
    notes: input.notes ?? '',
  };
}

export const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Nearest-rank percentile (p in 0..100) of the samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Wall time of `work` in milliseconds. */
export async function timed(work: () => unknown): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}
