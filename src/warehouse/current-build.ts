import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Engine, quoteIdentifier } from './engine.ts';
import type { WarehouseLayout } from './layout.ts';
import { readWritten, type ModelRun } from './models/runner.ts';
import { UserError } from '../cli/command.ts';
import { writeFileAtomic } from '../sources/ingest.ts';

/** `builds/<id>/build.json`: what a build wrote and from which raw batches. */
export interface BuildManifest {
  buildId: string;
  startedAt: string;
  finishedAt: string;
  /** Source → batch ids the build read. */
  inputs: Record<string, string[]>;
  models: ModelRun[];
}

export interface CurrentBuild {
  id: string;
  dir: string;
  manifest: BuildManifest;
}

/** Builds kept on disk: the current one and the one before, for readers still on it. */
const KEEP_BUILDS = 2;
const PARTIAL = '.partial';

export function pointerFile(layout: WarehouseLayout): string {
  return join(layout.meta, 'current-build');
}

export function buildDir(layout: WarehouseLayout, id: string): string {
  return join(layout.builds, id);
}

export function partialBuildDir(layout: WarehouseLayout, id: string): string {
  return join(layout.builds, id + PARTIAL);
}

/** Readable, sortable by start time, unique per run: `20240105T101112.345Z-3f9a1c`. */
export function newBuildId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '');
  return `${stamp}-${Math.floor(Math.random() * 0xffffff).toString(16).padStart(6, '0')}`;
}

/** The build the pointer names, or null before the first build. Resolved at each call. */
export function currentBuild(layout: WarehouseLayout): CurrentBuild | null {
  const pointer = pointerFile(layout);
  if (!existsSync(pointer)) return null;
  const id = readFileSync(pointer, 'utf8').trim();
  const dir = buildDir(layout, id);
  const manifestFile = join(dir, 'build.json');
  if (!existsSync(manifestFile)) throw new UserError(`the current build ${id} is missing (${manifestFile}); run \`entrepot build\``);
  return { id, dir, manifest: JSON.parse(readFileSync(manifestFile, 'utf8')) as BuildManifest };
}

/** The one atomic step of a publish: readers see the old build or the new one, never a mix. */
export function publishBuild(layout: WarehouseLayout, id: string): void {
  writeFileAtomic(pointerFile(layout), id + '\n');
}

/** Removes `.partial` directories of builds that were killed; call under the warehouse lock. */
export function removeUnfinishedBuilds(layout: WarehouseLayout): string[] {
  if (!existsSync(layout.builds)) return [];
  const removed = readdirSync(layout.builds).filter((name) => name.endsWith(PARTIAL));
  for (const name of removed) rmSync(join(layout.builds, name), { recursive: true, force: true });
  return removed;
}

/** Keeps the current build and the latest before it; returns the ids removed. */
export function removeOldBuilds(layout: WarehouseLayout): string[] {
  if (!existsSync(layout.builds)) return [];
  const current = currentBuild(layout)?.id;
  const finished = readdirSync(layout.builds)
    .filter((name) => !name.endsWith(PARTIAL))
    .map((id) => ({ id, at: finishedAt(layout, id) }))
    .sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id))
    .map((b) => b.id);
  const kept = new Set([current, ...finished.filter((id) => id !== current).slice(0, KEEP_BUILDS - 1)]);
  const removed = finished.filter((id) => !kept.has(id));
  for (const id of removed) rmSync(buildDir(layout, id), { recursive: true, force: true });
  return removed;
}

function finishedAt(layout: WarehouseLayout, id: string): string {
  try {
    return (JSON.parse(readFileSync(join(buildDir(layout, id), 'build.json'), 'utf8')) as BuildManifest).finishedAt;
  } catch {
    return '';
  }
}

/**
 * An in-memory DuckDB with the views `marts.<table>` and `core.<table>` over the current build.
 * The caller closes it. Each call resolves the pointer again, so a reader opened after a
 * publish sees the new build.
 */
export async function openMarts(layout: WarehouseLayout): Promise<Engine> {
  const build = currentBuild(layout);
  if (!build) throw new UserError('the warehouse has no build yet: run `entrepot build`');
  const engine = await Engine.open();
  try {
    await createBuildViews(engine, build);
  } catch (error) {
    engine.close();
    throw error;
  }
  return engine;
}

/** Points the `marts` and `core` views of the catalogue file at the current build. */
export async function refreshBuildCatalogue(layout: WarehouseLayout): Promise<void> {
  const build = currentBuild(layout);
  if (!build) return;
  const engine = await Engine.open(layout.catalogue);
  try {
    await engine.run('BEGIN TRANSACTION');
    await engine.run('DROP SCHEMA IF EXISTS marts CASCADE');
    await engine.run('DROP SCHEMA IF EXISTS core CASCADE');
    await createBuildViews(engine, build);
    await engine.run('COMMIT');
  } finally {
    engine.close();
  }
}

// One statement list rather than a call per view: opening the marts is part of every cold KPI,
// and each call's round trip through the DuckDB client cost as much as binding its view.
async function createBuildViews(engine: Engine, build: CurrentBuild): Promise<void> {
  const statements = ['CREATE SCHEMA IF NOT EXISTS core', 'CREATE SCHEMA IF NOT EXISTS marts'];
  for (const run of build.manifest.models) {
    const [zone, table] = run.model.split('.');
    statements.push(`CREATE OR REPLACE VIEW ${zone}.${quoteIdentifier(table)} AS SELECT * FROM ${readWritten(join(build.dir, run.path), run, run.columns)}`);
  }
  await engine.run(statements.join(';\n'));
}
