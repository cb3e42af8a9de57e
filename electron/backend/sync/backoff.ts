/** Exponential backoff with full jitter (AWS architecture blog): delay = random(0, min(cap, base · 2^attempt)). */
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  random: () => number;
}

export const DEFAULT_BACKOFF: Omit<BackoffOptions, 'random'> = { baseMs: 2_000, capMs: 5 * 60_000 };

export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(options.random() * ceiling);
}
