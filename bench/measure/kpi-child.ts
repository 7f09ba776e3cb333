// Child process of the benchmark: times K1–K8 on the current build of a warehouse with DuckDB
// (a fresh in-memory engine with views over the build's Parquet per cold run), prints the
// timings as JSON. Usage: node --import tsx bench/measure/kpi-child.ts <warehouse dir> <params.json> <runs>
import { readFileSync } from 'node:fs';
import { timeKpis, type KpiParams } from './kpis.ts';
import { openMarts, WarehouseLayout } from '../../src/warehouse/index.ts';

const [warehouse, paramsFile, runs] = process.argv.slice(2);
const layout = new WarehouseLayout(warehouse);
const params = JSON.parse(readFileSync(paramsFile, 'utf8')) as KpiParams;
const timings = await timeKpis(
  async () => {
    const engine = await openMarts(layout);
    return { engine, close: () => engine.close() };
  },
  params,
  Number(runs),
  (line) => process.stderr.write(line + '\n'),
);
process.stdout.write('\n' + JSON.stringify(timings) + '\n');
