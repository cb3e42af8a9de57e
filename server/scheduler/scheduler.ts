/**
 * Runs the expiry sweeps on the server's clock: once at start (catching up whatever fell due while the server was
 * down) and then every `intervalMs`. Runs never overlap; a failed run is logged and retried on the next tick.
 */
import type { ServerContext } from '../context';
import { sweepExpiries, type SweepReport } from './expiries';

export class ExpiryScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<SweepReport> | null = null;
  private stopped = false;

  constructor(
    private readonly ctx: ServerContext,
    private readonly intervalMs: number | null,
  ) {}

  /** One run now (joins a run in progress); `limit` caps the items applied, the rest waits for the next run. */
  run(options: { limit?: number } = {}): Promise<SweepReport> {
    if (this.running) return this.running;
    this.running = sweepExpiries(this.ctx, options).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  async start(): Promise<void> {
    await this.run();
    this.schedule();
  }

  private schedule(): void {
    if (this.intervalMs === null || this.stopped) return;
    this.timer = setTimeout(() => {
      this.run()
        .catch((error: unknown) => console.error('expiry run failed; retrying on the next tick', error))
        .finally(() => this.schedule());
    }, this.intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a run in progress, so the database can be closed after. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }
}
