import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { UserError } from './cli/command.ts';
import type { SourceName } from './sources/types.ts';

export const CONFIG_FILE = 'entrepot.yaml';
export const SOURCE_NAMES: SourceName[] = ['care-db', 'sejours', 'finess', 'esatis', 'deces', 'rpps'];

export interface SourceConfig {
  /** Database sources: `postgres://…` (optional `?schema=`) or `pglite:<data directory>`. */
  url?: string;
  /** File sources: files or directories (every file inside, sorted), relative to the config file. */
  files?: string[];
}

export interface EntrepotConfig {
  /** Directory of the config file; relative paths below are resolved against it. */
  baseDir: string;
  warehouse: string;
  keyFile: string;
  sources: Partial<Record<SourceName, SourceConfig>>;
}

interface ConfigFile {
  warehouse?: string;
  key_file?: string;
  sources?: Record<string, SourceConfig>;
}

export function configPath(dir: string): string {
  return join(dir, CONFIG_FILE);
}

/** Finds `entrepot.yaml`: the path given, else the current directory. */
export function loadConfig(path = CONFIG_FILE): EntrepotConfig {
  const file = resolve(path);
  if (!existsSync(file)) {
    throw new UserError(`no configuration at ${file}: run \`entrepot init\` first, or pass --config`);
  }
  let parsed: ConfigFile;
  try {
    parsed = (parse(readFileSync(file, 'utf8')) ?? {}) as ConfigFile;
  } catch (error) {
    throw new UserError(`${file}: not valid YAML (${(error as Error).message})`);
  }
  const baseDir = dirname(file);
  const sources: EntrepotConfig['sources'] = {};
  for (const [name, source] of Object.entries(parsed.sources ?? {})) {
    if (!SOURCE_NAMES.includes(name as SourceName)) {
      throw new UserError(`${file}: unknown source "${name}" (known: ${SOURCE_NAMES.join(', ')})`);
    }
    sources[name as SourceName] = source ?? {};
  }
  return {
    baseDir,
    warehouse: resolve(baseDir, parsed.warehouse ?? 'warehouse'),
    keyFile: resolve(baseDir, parsed.key_file ?? 'secrets/entrepot.key'),
    sources,
  };
}

export function writeConfig(file: string, config: { warehouse: string; keyFile: string; sources: EntrepotConfig['sources'] }): void {
  const header =
    '# Entrepot configuration (see README, "Configuration").\n' +
    '# key_file holds the pseudonymisation key: keep it outside the warehouse and back it up.\n';
  writeFileSync(file, header + stringify({ warehouse: config.warehouse, key_file: config.keyFile, sources: config.sources }));
}

/** Expands a source's `files` entries (files or directories) into a sorted list of absolute paths. */
export function sourceFiles(config: EntrepotConfig, source: SourceConfig): string[] {
  const out: string[] = [];
  for (const entry of source.files ?? []) {
    const path = isAbsolute(entry) ? entry : resolve(config.baseDir, entry);
    if (!existsSync(path)) throw new UserError(`configured source file not found: ${path}`);
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path, { recursive: true }).map(String).sort()) {
        const child = join(path, name);
        if (statSync(child).isFile()) out.push(child);
      }
    } else {
      out.push(path);
    }
  }
  return out;
}
