import type { CliCommand } from '../command.ts';
import { generateCommand } from './generate.ts';
import { ingestCommand } from './ingest.ts';
import { initCommand } from './init.ts';

// Order is the order of `entrepot --help`: the life of a warehouse, from nothing to answers.
export const commands: CliCommand<any, any>[] = [generateCommand, initCommand, ingestCommand];
