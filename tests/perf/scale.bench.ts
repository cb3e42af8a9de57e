/**
 * The scale table: the same bootstrap, inbox and memory measurements at several replica sizes (10k → 100k → 300k
 * contracts, each with as many documents), one row per size — bootstrap time, size on disk, backend RSS, inbox p95
 * and the API thread's longest stall during the bootstrap — plus the sizes' own metrics against their targets.
 */
import fs from 'node:fs';
import path from 'node:path';
import { benchBridgeDuringBootstrap } from './bridge.bench';
import { benchInbox } from './inbox.bench';
import { benchMemory } from './memory.bench';
import { bootstrapOnly } from './support/dataset';
import type { BenchMetric } from './support/metrics';

export interface ScaleRow {
  contracts: number;
  bootstrapSeconds: number;
  dbSizeMb: number;
  rssMb: number;
  inboxP95Ms: number;
  apiMaxStallMs: number;
  apiP99Ms: number;
}

const MB = 1024 * 1024;

/** The local database, its replica file and their WAL files together. */
export function databaseSizeMb(dataDir: string): number {
  const bytes = fs
    .readdirSync(dataDir)
    .filter((name) => name.startsWith('qabyl.db'))
    .reduce((sum, name) => sum + fs.statSync(path.join(dataDir, name)).size, 0);
  return Math.round((bytes / MB) * 10) / 10;
}

/** Inbox p95 target at a replica size: 16 ms up to 100k contracts, 50 ms beyond. */
export const inboxTargetMs = (contracts: number) => (contracts <= 100_000 ? 16 : 50);

/** The row of one size from its measured metrics. */
export function scaleRow(contracts: number, bootstrapSeconds: number, dataDir: string, measured: BenchMetric[]): ScaleRow {
  const value = (name: string) => measured.find((m) => m.metric === name)?.value ?? Number.NaN;
  return {
    contracts,
    bootstrapSeconds: Math.round(bootstrapSeconds * 10) / 10,
    dbSizeMb: databaseSizeMb(dataDir),
    rssMb: value('backend_rss_loaded'),
    inboxP95Ms: value('inbox_query_p95'),
    apiMaxStallMs: value('bridge_roundtrip_during_bootstrap_max'),
    apiP99Ms: value('bridge_roundtrip_during_bootstrap_p99'),
  };
}

/** Bootstrap, inbox and memory at one more size; its metrics are named with the size (`…_300k`). */
export async function scalePoint(contracts: number, opts: { quick: boolean }): Promise<{ row: ScaleRow; metrics: BenchMetric[] }> {
  const bridge = await benchBridgeDuringBootstrap(bootstrapOnly(contracts));
  const measured = [
    ...bridge.metrics,
    benchInbox(bridge.dataDir, { quick: opts.quick, targetMs: inboxTargetMs(contracts) }),
    await benchMemory(bridge.dataDir, contracts),
  ];
  const label = contracts >= 1000 ? `${Math.round(contracts / 1000)}k` : String(contracts);
  return {
    row: scaleRow(contracts, bridge.bootstrapSeconds, bridge.dataDir, measured),
    metrics: measured.map((m) => ({ ...m, metric: `${m.metric}_${label}` })),
  };
}
