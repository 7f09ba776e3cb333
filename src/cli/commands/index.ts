import type { CliCommand } from '../command.ts';
import { buildCommand } from './build.ts';
import { demoCommand } from './demo.ts';
import { generateCommand } from './generate.ts';
import { ingestCommand } from './ingest.ts';
import { initCommand } from './init.ts';
import { kpiCommand } from './kpi.ts';
import { qualityCommand } from './quality.ts';
import { serveCommand } from './serve.ts';

// Order is the order of `entrepot --help`: the life of a warehouse, from nothing to answers.
export const commands: CliCommand<any, any>[] = [
  demoCommand,
  generateCommand,
  initCommand,
  ingestCommand,
  buildCommand,
  qualityCommand,
  kpiCommand,
  serveCommand,
];
