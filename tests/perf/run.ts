/**
 * `npm run bench` (full) / `npm run bench -- --quick` (CI sizes); typing latency needs `npm run build` first (alone:
 * `--only "typing latency"`): every performance goal of the app in one run, each
 * next to its floor measured on the same machine in the same run. Writes bench-results.json and prints a table.
 * A figure that misses its target is reported, never an error; the exit code is non-zero only if a benchmark crashed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchBootstrapIngest } from './bootstrap.bench';
import { benchBridgeDuringBootstrap } from './bridge.bench';
import { benchCiphers } from './cipher.bench';
import { benchComputeOffThread } from './compute.bench';
import { benchContractPdf } from './contract-pdf.bench';
import { benchGost } from './gost.bench';
import { benchInbox } from './inbox.bench';
import { benchMemory } from './memory.bench';
import { benchServerScale } from './server-scale.bench';
import { inboxTargetMs, scalePoint, scaleRow, type ScaleRow } from './scale.bench';
import { benchSync } from './sync.bench';
import { benchTyping } from './typing.bench';
import { bootstrapOnly } from './support/dataset';
import { removeBenchDirs } from './support/local-db';
import type { BenchMetric } from './support/metrics';

const quick = process.argv.includes('--quick');
const argument = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
/** `--only "bridge during bootstrap,inbox query"`: measure a few steps (the inbox and memory steps need the bridge's). */
const only = argument('--only')?.split(',').map((s) => s.trim());
const outFile = path.resolve(process.cwd(), 'bench-results.json');
const metrics: BenchMetric[] = [];
let crashed = false;

async function step(name: string, work: () => Promise<BenchMetric[]> | BenchMetric[]): Promise<void> {
  if (only && !only.includes(name)) return;
  const started = performance.now();
  process.stdout.write(`… ${name}\n`);
  try {
    metrics.push(...(await work()));
  } catch (error) {
    crashed = true;
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(`✗ ${name} crashed: ${message}`);
    metrics.push({ metric: name, value: Number.NaN, unit: '', target: '', baseline: null, ratio: null, meets: false, notes: `crashed: ${message.split('\n')[0]}` });
  }
  process.stdout.write(`  ${name}: ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

function printTable(rows: BenchMetric[]): void {
  const cells = rows.map((m) => [
    m.meets ? 'ok' : 'MISS',
    m.metric,
    `${Number.isNaN(m.value) ? '—' : m.value} ${m.unit}`,
    m.target,
    m.baseline === null ? '—' : String(m.baseline),
    m.ratio === null ? '—' : String(m.ratio),
  ]);
  const header = ['', 'metric', 'value', 'target', 'baseline', 'ratio'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i]!)).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const c of cells) console.log(line(c));
}

const startedAt = new Date();
const loadBefore = os.loadavg();
/** `--contracts 300000`: the bridge, inbox and memory steps at another replica size (the scale table). */
const contracts = Number(argument('--contracts') ?? (quick ? 10_000 : 100_000));
let loadedDataDir: string | null = null;
let bootstrapSeconds = Number.NaN;
/** The scale table's sizes besides `--contracts` (measured by the steps above): `--scale 10000,300000`. */
const scaleSizes = (argument('--scale') ?? (quick ? '2000' : '10000,300000')).split(',').map(Number).filter((n) => n > 0 && n !== contracts);
const scale: ScaleRow[] = [];

try {
  await step('ciphers', () => benchCiphers({ quick }));
  await step('bootstrap ingest', () => benchBootstrapIngest({ quick }));
  await step('bridge during bootstrap', async () => {
    const result = await benchBridgeDuringBootstrap(bootstrapOnly(contracts));
    loadedDataDir = result.dataDir;
    bootstrapSeconds = result.bootstrapSeconds;
    return result.metrics;
  });
  await step('inbox query', () => (loadedDataDir ? [benchInbox(loadedDataDir, { quick, targetMs: inboxTargetMs(contracts) })] : []));
  await step('backend memory', async () => (loadedDataDir ? [await benchMemory(loadedDataDir, contracts)] : []));
  await step('scale table', async () => {
    if (loadedDataDir) scale.push(scaleRow(contracts, bootstrapSeconds, loadedDataDir, metrics));
    // One size at a time, each recorded as soon as it is measured: a size that fails costs only its own row.
    for (const size of scaleSizes) {
      const point = await scalePoint(size, { quick });
      scale.push(point.row);
      metrics.push(...point.metrics);
    }
    return [];
  });
  await step('sync', () => benchSync({ quick }));
  await step('contract pdf', () => benchContractPdf({ quick }));
  await step('pdf off the backend thread', () => benchComputeOffThread({ quick }));
  await step('server scale', () => benchServerScale({ quick }));
  await step('gost signatures', () => benchGost({ quick }));
  await step('typing latency', () => benchTyping({ quick }));
} finally {
  removeBenchDirs();
}

const meta = {
  date: startedAt.toISOString(),
  quick,
  durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
  node: process.version,
  platform: `${os.platform()} ${os.arch()}`,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  totalMemoryMb: Math.round(os.totalmem() / 1024 / 1024),
  /** 1/5/15-minute load averages before and after: other work on the machine skews every figure. */
  loadAverage: { before: loadBefore.map((x) => Math.round(x * 100) / 100), after: os.loadavg().map((x) => Math.round(x * 100) / 100) },
};
scale.sort((a, b) => a.contracts - b.contracts);
fs.writeFileSync(outFile, `${JSON.stringify({ meta, metrics, scale }, null, 2)}\n`);
printTable(metrics);
if (scale.length > 0) {
  console.log('\nscale: contracts (+ as many documents) → bootstrap s, DB MB, backend RSS MB, inbox p95 ms, API p99 / max stall ms');
  for (const r of scale) console.log(`  ${String(r.contracts).padStart(7)}  ${r.bootstrapSeconds} s  ${r.dbSizeMb} MB  ${r.rssMb.toFixed(0)} MB  ${r.inboxP95Ms} ms  ${r.apiP99Ms} / ${r.apiMaxStallMs} ms`);
}
console.log(`\n${metrics.filter((m) => m.meets).length}/${metrics.length} targets met; ${meta.durationSeconds} s; load ${meta.loadAverage.before.join('/')} → ${meta.loadAverage.after.join('/')}; wrote ${path.relative(process.cwd(), outFile)}`);
process.exit(crashed ? 1 : 0);
