// Load test of the HTTP API: `node --import tsx bench/load-test.ts [--url http://127.0.0.1:8080]`
// against a running `entrepot serve` on the demo warehouse. First every distinct request once,
// one at a time (cold: the KPI is computed), then 50 clients for 10 s cycling through the same
// KPI requests with varied parameters (warm: answers come from the per-build cache). Prints
// p50/p99 latency and requests per second; writes bench/results/<date>-load.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:8080' },
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '10' },
    out: { type: 'string', default: join(import.meta.dirname, 'results') },
  },
});
const base = args.url!.replace(/\/$/, '');
const connections = Number(args.connections);
const duration = Number(args.duration);

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(base + path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

try {
  await getJson('/api/health');
} catch (error) {
  console.error(`no Entrepot server answers at ${base} (${(error as Error).message}).\n` +
    'Start one on the demo warehouse first: entrepot serve --config <demo>/entrepot.yaml --port 8080');
  process.exit(1);
}

// Varied parameters taken from the warehouse itself, so that every request is a valid one.
const periods = await getJson<{ years: number[] }>('/api/dimensions/periods');
const establishments = await getJson<{ finess: string }[]>('/api/dimensions/establishments?limit=10');
const regions = (await getJson<{ code: string; zone: string | null }[]>('/api/dimensions/regions')).filter((r) => r.zone === 'metro' || r.zone === 'drom');
const years = periods.years.slice(-3);
const paths: string[] = [];
for (const year of years) {
  for (const e of establishments.slice(0, 5)) paths.push(`/api/kpis/K1?year=${year}&establishment=${e.finess}`);
  for (const diagnosis of ['', 'A', 'C', 'E', 'I', 'J', 'J4', 'K', 'M', 'Z']) {
    paths.push(`/api/kpis/K2?year=${year}${diagnosis ? `&diagnosis=${diagnosis}` : ''}`);
    paths.push(`/api/kpis/K4?year=${year}${diagnosis ? `&diagnosis=${diagnosis}` : ''}`);
  }
  paths.push(`/api/kpis/K3?year=${year}`, `/api/kpis/K5?year=${year}`, `/api/kpis/K6?year=${year}`);
  paths.push(`/api/kpis/K3?from=${year}-01-01&to=${year}-06-30`, `/api/kpis/K5?from=${year}-07-01&to=${year}-12-31`);
}
paths.push('/api/kpis/K7?year=2019', '/api/kpis/K8?year=2020');
for (const region of regions) paths.push(`/api/kpis/K7?year=2019&region=${region.code}`, `/api/kpis/K8?year=2020&region=${region.code}`);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

// Cold pass: each distinct request once, sequentially. Requests the cache already holds (a server
// that answered them before) show as hits; the count is reported.
const cold: number[] = [];
let coldHits = 0;
let coldErrors = 0;
for (const path of paths) {
  const started = performance.now();
  const response = await fetch(base + path);
  await response.arrayBuffer();
  cold.push(performance.now() - started);
  if (response.headers.get('x-cache') === 'hit') coldHits++;
  if (response.status !== 200) coldErrors++;
}
cold.sort((a, b) => a - b);

console.error(`${paths.length} distinct KPI requests; ${connections} clients for ${duration} s…`);
const result = await autocannon({
  url: base,
  connections,
  duration,
  requests: paths.map((path) => ({ method: 'GET' as const, path })),
});

const summary = {
  date: new Date().toISOString(),
  url: base,
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  distinctRequests: paths.length,
  cold: {
    note: 'each distinct request once, one at a time, before the load (first computation unless already cached)',
    cacheHits: coldHits,
    errors: coldErrors,
    p50Ms: round(percentile(cold, 50)),
    p99Ms: round(percentile(cold, 99)),
    maxMs: round(cold[cold.length - 1]),
  },
  load: {
    connections,
    durationSeconds: duration,
    requests: result.requests.total,
    requestsPerSecond: round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP90Ms: result.latency.p90,
    latencyP99Ms: result.latency.p99,
    latencyMaxMs: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    throughputMiBPerSecond: round(result.throughput.average / 2 ** 20),
  },
};

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

mkdirSync(args.out!, { recursive: true });
const file = join(args.out!, `${summary.date.slice(0, 10)}-load.json`);
writeFileSync(file, JSON.stringify(summary, null, 2) + '\n');
console.log(`cold (${paths.length} requests, one at a time): p50 ${summary.cold.p50Ms} ms, p99 ${summary.cold.p99Ms} ms (${coldHits} already cached)`);
console.log(`load (${connections} clients, ${duration} s): ${summary.load.requestsPerSecond} req/s, p50 ${summary.load.latencyP50Ms} ms, p99 ${summary.load.latencyP99Ms} ms, ` +
  `${summary.load.non2xx} non-2xx, ${summary.load.errors} errors`);
console.log(`wrote ${file}`);
if (summary.load.non2xx > 0 || summary.load.errors > 0 || coldErrors > 0) process.exitCode = 1;
