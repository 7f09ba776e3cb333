import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The benchmark's pseudonymisation key: fixed, so that every run gives the same pseudonyms and
 * batch ids. It protects nothing (the data are synthetic); it is passed through the environment
 * variable the CLI reads (src/identity/key.ts), never written into a warehouse.
 */
export const BENCH_KEY = 'be0c4e11c0ffee00'.repeat(4);

export interface BenchWorkspace {
  dir: string;
  config: string;
  warehouse: string;
}

/** A fresh entrepot project (entrepot.yaml + warehouse dir) under `dir`, emptied first. */
export function freshWorkspace(dir: string): BenchWorkspace {
  const root = resolve(dir);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const config = join(root, 'entrepot.yaml');
  writeFileSync(config, 'warehouse: warehouse\nkey_file: secrets/entrepot.key\nsources: {}\n');
  return { dir: root, config, warehouse: join(root, 'warehouse') };
}

export function benchEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, ENTREPOT_SECRET_KEY: BENCH_KEY, ...extra };
}
