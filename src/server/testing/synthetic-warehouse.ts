import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../config.ts';
import { WarehouseLayout } from '../../warehouse/layout.ts';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const BIN = join(ROOT, 'bin', 'entrepot.js');

export interface SyntheticWarehouse {
  configFile: string;
  layout: WarehouseLayout;
}

/**
 * A small synthetic hospital taken through the real pipeline, as a user would:
 * `entrepot generate`, `init --from-synth`, `ingest`, `build`. Server and web tests read it only
 * (the server opens marts read-only), so test files share one copy: it is kept under the system
 * temporary directory, named by a hash of the code that makes it (generator, readers, identity,
 * models), and made again whenever that code changes.
 *
 * ENTREPOT_TEST_CONFIG=<entrepot.yaml> uses a warehouse you built instead (never modified).
 */
export async function syntheticWarehouse(options: { patients?: number; seed?: number } = {}): Promise<SyntheticWarehouse> {
  if (process.env.ENTREPOT_TEST_CONFIG) return open(resolve(process.env.ENTREPOT_TEST_CONFIG));
  const patients = options.patients ?? 300;
  const seed = options.seed ?? 1;
  const prefix = `entrepot-test-warehouse-${patients}-${seed}-`;
  const dir = join(tmpdir(), `${prefix}${pipelineHash()}`);
  const configFile = join(dir, 'entrepot.yaml');
  if (existsSync(join(dir, 'complete'))) return open(configFile);

  const work = mkdtempSync(`${dir}.partial-`);
  try {
    const synth = join(work, 'synth');
    await entrepot(work, ['generate', '--patients', String(patients), '--seed', String(seed), '--out', synth]);
    await entrepot(work, ['init', '--dir', work, '--from-synth', synth]);
    await entrepot(work, ['ingest', '--config', join(work, 'entrepot.yaml')]);
    await entrepot(work, ['build', '--config', join(work, 'entrepot.yaml')]);
    // The warehouse and key paths of entrepot.yaml are relative to it: the directory can be renamed.
    mkdirSync(join(work, 'complete'));
    renameSync(work, dir);
    removeOlderCopies(dir, prefix);
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    // Another test file finished the same warehouse first: use it.
    if (!existsSync(join(dir, 'complete'))) throw error;
  }
  return open(configFile);
}

/** Copies made by older code are of no use any more: each weighs a few megabytes of Parquet. */
function removeOlderCopies(current: string, prefix: string): void {
  for (const name of readdirSync(tmpdir())) {
    const path = join(tmpdir(), name);
    if (name.startsWith(prefix) && path !== current && !name.includes('.partial-')) rmSync(path, { recursive: true, force: true });
  }
}

function open(configFile: string): SyntheticWarehouse {
  return { configFile, layout: new WarehouseLayout(loadConfig(configFile).warehouse) };
}

/** The code a synthetic warehouse depends on: a change to any of it makes a new one. */
function pipelineHash(): string {
  const hash = createHash('sha256');
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) visit(join(path, name));
    } else if (/\.(ts|sql|json)$/.test(path) && !path.endsWith('.test.ts')) {
      hash.update(path.slice(ROOT.length)).update(readFileSync(path));
    }
  };
  for (const part of ['src/synth', 'src/sources', 'src/identity', 'src/warehouse', 'src/config.ts', 'src/workspace.ts', 'package-lock.json']) visit(join(ROOT, part));
  return hash.digest('hex').slice(0, 16);
}

function entrepot(cwd: string, args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.on('error', fail);
    child.on('close', (code) => {
      if (code === 0) done();
      else fail(new Error(`entrepot ${args.join(' ')} exited with ${code}:\n${output.slice(-4000)}`));
    });
  });
}
