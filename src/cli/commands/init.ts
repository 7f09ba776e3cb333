import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError, type CliCommand } from '../command.ts';
import { configPath, SOURCE_NAMES, writeConfig, type EntrepotConfig } from '../../config.ts';
import { createKeyIfMissing, KEY_ENV } from '../../identity/key.ts';
import { WarehouseLayout } from '../../warehouse/layout.ts';
import type { SourceName } from '../../sources/types.ts';

interface InitOptions {
  dir: string;
  warehouse: string;
  keyFile: string;
  fromSynth?: string;
  force?: boolean;
}

export interface InitResult {
  config: string;
  keyFile: string;
  keyCreated: boolean;
  sources: string[];
}

export const initCommand: CliCommand<InitOptions, InitResult> = {
  name: 'init',
  describe: 'Create entrepot.yaml and the pseudonymisation key (once; the key is never replaced)',
  configure(cmd) {
    cmd
      .option('--dir <dir>', 'directory of the project (where entrepot.yaml goes)', '.')
      .option('--warehouse <dir>', 'warehouse directory, relative to --dir', 'warehouse')
      .option('--key-file <file>', `pseudonymisation key file, relative to --dir (or set $${KEY_ENV})`, 'secrets/entrepot.key')
      .option('--from-synth <dir>', 'configure the sources written by `entrepot generate --out <dir>`')
      .option('--force', 'overwrite an existing entrepot.yaml (the key is kept)');
  },
  async run(options) {
    const dir = resolve(options.dir);
    const file = configPath(dir);
    if (existsSync(file) && !options.force) {
      throw new UserError(`${file} already exists (use --force to rewrite it; the key is kept)`);
    }
    const keyFile = resolve(dir, options.keyFile);
    const layout = new WarehouseLayout(resolve(dir, options.warehouse));
    if (existsSync(layout.keyFingerprint) && !existsSync(keyFile) && !process.env[KEY_ENV]) {
      throw new UserError(
        `the warehouse ${layout.root} was built with a key that is missing (${keyFile}). ` +
          'Restore it from your backup: a new key would give every patient a new pseudonym.',
      );
    }
    const sources = options.fromSynth ? sourcesFromSynth(resolve(options.fromSynth)) : {};
    writeConfig(file, { warehouse: options.warehouse, keyFile: options.keyFile, sources });
    const keyCreated = createKeyIfMissing(keyFile);
    return { config: file, keyFile, keyCreated, sources: Object.keys(sources) };
  },
  print(result, io) {
    io.out(`wrote ${result.config}`);
    io.out(result.keyCreated
      ? `created the pseudonymisation key ${result.keyFile}: back it up now, it cannot be recreated`
      : `using the existing pseudonymisation key ${result.keyFile}`);
    io.out(result.sources.length ? `sources: ${result.sources.join(', ')}` : 'no sources yet: add them under `sources:` in entrepot.yaml');
    io.out('next: entrepot ingest');
  },
};

function sourcesFromSynth(dir: string): EntrepotConfig['sources'] {
  const manifestFile = resolve(dir, 'manifest.json');
  if (!existsSync(manifestFile)) throw new UserError(`${manifestFile} not found: run \`entrepot generate --out ${dir}\` first`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { sources: EntrepotConfig['sources'] };
  const sources: EntrepotConfig['sources'] = {};
  for (const name of SOURCE_NAMES) {
    const source = manifest.sources[name as SourceName];
    if (source) sources[name] = source;
  }
  return sources;
}
