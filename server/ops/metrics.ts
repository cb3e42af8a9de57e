/**
 * Prometheus metrics of one instance (GET /metrics): request rate and latency per route, sync push/pull counts, poke
 * fan-out, and the lag of scheduled work. Each instance has its own registry (tests run several in one process).
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class ServerMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'qabyl_http_requests_total',
    help: 'HTTP requests answered, by route pattern, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'qabyl_http_request_duration_seconds',
    help: 'HTTP request latency by route pattern and method',
    labelNames: ['route', 'method'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly pushed = new Counter({
    name: 'qabyl_sync_push_mutations_total',
    help: 'Mutations received by push, by outcome (applied, rejected, conflict, duplicate)',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });
  private readonly pulls = new Counter({ name: 'qabyl_sync_pulls_total', help: 'Pull requests answered', registers: [this.registry] });
  private readonly pulledChanges = new Counter({ name: 'qabyl_sync_pulled_changes_total', help: 'Changes sent by pull', registers: [this.registry] });
  private readonly pokes = new Counter({
    name: 'qabyl_pokes_received_total',
    help: 'Change notifications received from the database (from any instance)',
    registers: [this.registry],
  });
  private readonly fanOut = new Histogram({
    name: 'qabyl_poke_fanout_sockets',
    help: 'Sockets of this instance poked per change notification',
    buckets: [0, 1, 2, 5, 10, 50, 100, 500, 1000],
    registers: [this.registry],
  });
  private readonly schedulerLag = new Histogram({
    name: 'qabyl_scheduler_lag_seconds',
    help: 'How late scheduled work ran after it was due, by job',
    labelNames: ['job'] as const,
    buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'qabyl_' });
  }

  observeRequest(route: string, method: string, status: number, seconds: number): void {
    this.requests.inc({ route, method, status: String(status) });
    this.latency.observe({ route, method }, seconds);
  }

  countPushed(status: string): void {
    this.pushed.inc({ status });
  }

  countPull(changes: number): void {
    this.pulls.inc();
    this.pulledChanges.inc(changes);
  }

  observePoke(socketsPoked: number): void {
    this.pokes.inc();
    this.fanOut.observe(socketsPoked);
  }

  /** For scheduled jobs: call once per run with how long after its due time the run started. */
  observeSchedulerLag(job: string, lagSeconds: number): void {
    this.schedulerLag.observe({ job }, Math.max(0, lagSeconds));
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
