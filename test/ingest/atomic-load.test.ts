import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SHARED_REAL } from '../support/workspace.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'entrepot.js');

function entrepot(cwd: string, ...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
}

/** The real stays excerpt repeated with new stay ids: a file large enough to be killed mid-load. */
function largeStaysFile(path: string, copies: number): number {
  const [header, ...records] = readFileSync(join(SHARED_REAL, 'hospitalisations.lines1-101.csv'), 'utf8').trimEnd().split('\n');
  const out: string[] = [header];
  for (let c = 0; c < copies; c++) {
    for (const record of records) out.push(`${c * 1_000_000 + Number(record.split(';')[0])}${record.slice(record.indexOf(';'))}`);
  }
  writeFileSync(path, out.join('\n') + '\n');
  return out.length - 1;
}

function publishedBatches(warehouse: string, source: string): string[] {
  const dir = join(warehouse, '_meta', 'batches', source);
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

function batchDirs(warehouse: string): string[] {
  const found: string[] = [];
  for (const zone of ['raw', 'quarantine', 'vault']) {
    const dir = join(warehouse, zone);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { recursive: true }).map(String)) if (/batch=[^/]+$/.test(entry)) found.push(join(zone, entry));
  }
  return found.sort();
}

/** Starts a load and SIGKILLs it as soon as `ready` says the load reached the phase under test. */
async function killLoadWhen(cwd: string, file: string, ready: () => boolean): Promise<void> {
  const child = spawn(process.execPath, [BIN, 'ingest', '--source', 'sejours', '--file', file], { cwd, stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error('the load never reached the phase to interrupt');
    if (child.exitCode !== null) throw new Error('the load finished before it could be interrupted: make the input larger');
    await new Promise((r) => setTimeout(r, 2));
  }
  child.kill('SIGKILL');
  await exited;
}

describe('a killed load leaves the warehouse as it was', () => {
  const dir = mkdtempSync(join(tmpdir(), 'entrepot-kill-'));
  const warehouse = join(dir, 'warehouse');
  const big = join(dir, 'stays-large.csv');
  let rows = 0;
  before(() => {
    assert.equal(entrepot(dir, 'init').status, 0);
    assert.equal(entrepot(dir, 'ingest', '--source', 'sejours', '--file', join(SHARED_REAL, 'hospitalisations.lines1-101.csv')).status, 0);
    rows = largeStaysFile(big, 2000);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const [phase, ready] of [
    ['while reading', () => existsSync(join(warehouse, '_staging')) && readdirSync(join(warehouse, '_staging')).length > 0],
    ['while writing Parquet', () => existsSync(join(warehouse, '_staging')) &&
      readdirSync(join(warehouse, '_staging'), { recursive: true }).map(String).some((p) => p.endsWith('.parquet'))],
  ] as const) {
    it(`killed ${phase}: no half batch, the previous batch still reads, and the next load completes`, async () => {
      const before = { batches: publishedBatches(warehouse, 'sejours'), dirs: batchDirs(warehouse) };
      await killLoadWhen(dir, big, ready);
      assert.deepEqual(publishedBatches(warehouse, 'sejours'), before.batches);
      const query = spawnSync(process.execPath, ['--import', 'tsx', '-e',
        `import { DuckDBInstance } from '@duckdb/node-api';
         const db = await DuckDBInstance.create(${JSON.stringify(join(warehouse, 'catalog.duckdb'))}, { access_mode: 'READ_ONLY' });
         const r = await (await db.connect()).runAndReadAll('SELECT count(*)::INTEGER AS n FROM raw_sejours_sejour');
         console.log(r.getRowObjects()[0].n);`], { encoding: 'utf8', cwd: join(import.meta.dirname, '..', '..') });
      assert.equal(query.stdout.trim(), '100', query.stderr);
      const again = entrepot(dir, 'ingest', '--source', 'sejours', '--file', big, '--format', 'json');
      assert.equal(again.status, 0, again.stderr);
      const report = JSON.parse(again.stdout);
      assert.equal(report.totals.read, rows);
      assert.equal(report.totals.loaded + report.totals.quarantined, rows);
      assert.equal(batchDirs(warehouse).length, before.dirs.length + 2, 'one raw and one quarantine directory added');
      // Undo for the next phase: forget the batch so the same file loads again.
      const added = publishedBatches(warehouse, 'sejours').find((b) => !before.batches.includes(b))!;
      rmSync(join(warehouse, '_meta', 'batches', 'sejours', added));
      assert.equal(entrepot(dir, 'ingest', '--source', 'sejours', '--file', join(SHARED_REAL, 'hospitalisations.lines1-101.csv')).status, 0);
      assert.deepEqual(batchDirs(warehouse), before.dirs, 'the next load removed the unpublished directories');
    });
  }
});

describe('the pseudonymisation key', () => {
  const dir = mkdtempSync(join(tmpdir(), 'entrepot-key-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is never silently replaced when lost', () => {
    assert.equal(entrepot(dir, 'init').status, 0);
    assert.equal(entrepot(dir, 'ingest', '--source', 'sejours', '--file', join(SHARED_REAL, 'hospitalisations.lines1-101.csv')).status, 0);
    rmSync(join(dir, 'secrets'), { recursive: true });
    const ingest = entrepot(dir, 'ingest', '--source', 'sejours', '--file', join(SHARED_REAL, 'hospitalisations.lines1-101.csv'));
    assert.equal(ingest.status, 1);
    assert.match(ingest.stderr, /pseudonymisation key not found/);
    const init = entrepot(dir, 'init', '--force');
    assert.equal(init.status, 1);
    assert.match(init.stderr, /Restore it from your backup/);
    assert.equal(existsSync(join(dir, 'secrets', 'entrepot.key')), false);
  });

  it('refuses a different key for an existing warehouse', () => {
    const other = 'ab'.repeat(32);
    const run = spawnSync(process.execPath, [BIN, 'ingest', '--source', 'sejours', '--file', join(SHARED_REAL, 'hospitalisations.lines1-101.csv')],
      { cwd: dir, encoding: 'utf8', env: { ...process.env, ENTREPOT_SECRET_KEY: other } });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /does not match the one this warehouse was built with/);
  });
});
