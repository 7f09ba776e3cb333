import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildDir,
  newBuildId,
  partialBuildDir,
  publishBuild,
  refreshBuildCatalogue,
  removeOldBuilds,
  removeUnfinishedBuilds,
  type BuildManifest,
} from './current-build.ts';
import { Engine } from './engine.ts';
import { acquireLock } from './lock.ts';
import { createInputView, warehouseInputs, type InputTable } from './models/inputs.ts';
import { createReferenceTables, REFERENCE_TABLES } from './models/reference.ts';
import { createMacros, loadModels, ModelError, orderModels, runModels, type ModelSpec } from './models/runner.ts';
import { writeFileAtomic } from '../sources/ingest.ts';
import type { Workspace } from '../workspace.ts';

/**
 * The only models that may read the identity vault: they turn the exact birth date into the age
 * at the event, and the age alone is written (docs/marts.md, "Models").
 */
export const VAULT_READERS = ['marts.fact_consultation', 'marts.fact_hospitalisation'];

export interface BuildProgress {
  model: string;
  index: number;
  total: number;
  /** Set when the model is done. */
  rows?: number;
  seconds?: number;
}

export interface BuildOptions {
  onProgress?: (event: BuildProgress) => void;
  /** Models to run instead of `src/warehouse/models/` (tests). */
  models?: ModelSpec[];
}

export interface BuildReport {
  buildId: string;
  dir: string;
  startedAt: string;
  finishedAt: string;
  seconds: number;
  models: { model: string; rows: number; seconds: number }[];
  /** Older builds removed after the publish. */
  removed: string[];
  /** Problems after the publish that did not undo it (the catalogue file held open elsewhere). */
  warnings: string[];
}

/**
 * Builds core and marts from the committed raw zone into `builds/<id>.partial/`, renames it to
 * `builds/<id>/`, then publishes it by replacing the pointer. Until that last step readers keep
 * the previous build; a failing model leaves it, and the pointer, as they were.
 */
export async function buildWarehouse(workspace: Workspace, options: BuildOptions = {}): Promise<BuildReport> {
  const { layout } = workspace;
  const release = acquireLock(layout.lockFile, 'build');
  const started = new Date();
  const buildId = newBuildId(started);
  const partial = partialBuildDir(layout, buildId);
  try {
    removeUnfinishedBuilds(layout);
    const inputs = warehouseInputs(layout);
    const models = orderModels(options.models ?? loadModels(), [...inputs.map((i) => i.name), ...REFERENCE_TABLES]);
    checkVaultReaders(models);

    mkdirSync(partial, { recursive: true });
    // A database file rather than memory: at hospital scale the facts outgrow RAM and spill.
    const engine = await Engine.open(join(partial, '_work.duckdb'), { temp_directory: join(partial, '_tmp') });
    let runs;
    try {
      const restricted = new Map<string, (e: Engine) => Promise<void>>();
      for (const input of inputs) {
        if (input.zone === 'vault') restricted.set(input.name, (e) => createInputView(e, input));
        else await createInputView(engine, input);
      }
      await createReferenceTables(engine);
      await createMacros(engine);
      runs = await runModels(engine, models, {
        outDir: partial,
        restricted,
        onModel: ({ model, index, total, run }) => options.onProgress?.({ model, index, total, rows: run?.rows, seconds: run?.seconds }),
      });
    } finally {
      engine.close();
    }
    rmSync(join(partial, '_work.duckdb'), { force: true });
    rmSync(join(partial, '_work.duckdb.wal'), { force: true });
    rmSync(join(partial, '_tmp'), { recursive: true, force: true });

    const finished = new Date();
    const manifest: BuildManifest = {
      buildId,
      startedAt: started.toISOString(),
      finishedAt: finished.toISOString(),
      inputs: batchesRead(inputs),
      models: runs,
    };
    writeFileAtomic(join(partial, 'build.json'), JSON.stringify(manifest, null, 2));
    renameSync(partial, buildDir(layout, buildId));
    publishBuild(layout, buildId);
    const warnings: string[] = [];
    try {
      await refreshBuildCatalogue(layout);
    } catch (error) {
      warnings.push(`the build is published but ${layout.catalogue} could not be refreshed: ${(error as Error).message}`);
    }
    const removed = removeOldBuilds(layout);
    return {
      buildId,
      dir: buildDir(layout, buildId),
      startedAt: manifest.startedAt,
      finishedAt: manifest.finishedAt,
      seconds: (finished.getTime() - started.getTime()) / 1000,
      models: runs.map(({ model, rows, seconds }) => ({ model, rows, seconds })),
      removed,
      warnings,
    };
  } finally {
    rmSync(partial, { recursive: true, force: true });
    release();
  }
}

function checkVaultReaders(models: ModelSpec[]): void {
  for (const model of models) {
    if (model.depends.some((d) => d.startsWith('vault.')) && !VAULT_READERS.includes(model.name)) {
      throw new ModelError(`model ${model.name} reads the identity vault; only ${VAULT_READERS.join(', ')} may`, model.name);
    }
  }
}

function batchesRead(inputs: InputTable[]): Record<string, string[]> {
  const bySource: Record<string, Set<string>> = {};
  for (const input of inputs) {
    for (const file of input.files) {
      const batch = /batch=([0-9a-f]+)/.exec(file)?.[1];
      if (batch) (bySource[input.source] ??= new Set()).add(batch);
    }
  }
  return Object.fromEntries(Object.entries(bySource).map(([source, batches]) => [source, [...batches].sort()]));
}
