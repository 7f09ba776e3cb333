import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { buildWarehouse, VAULT_READERS } from './build.ts';
import { currentBuild, openMarts, pointerFile } from './current-build.ts';
import { Engine } from './engine.ts';
import { loadModels, parseModel, type ModelSpec } from './models/runner.ts';
import { TestWarehouse } from '../../test/support/workspace.ts';
import type { Workspace } from '../workspace.ts';

function model(name: string, body: string): ModelSpec {
  const [zone, table] = name.split('.');
  return parseModel(join('models', zone, `${table}.sql`), `-- model: ${name}\n-- grain: test\n-- depends:\n${body}\n`);
}

async function label(engine: Engine): Promise<string> {
  return (await engine.one<{ label: string }>('SELECT label FROM marts.dim_label'))!.label;
}

describe('buildWarehouse: the models of docs/marts.md', () => {
  const wh = new TestWarehouse();
  after(() => wh.remove());

  it('builds a warehouse with no source loaded yet: empty, typed facts', async () => {
    const workspace: Workspace = {
      config: { baseDir: wh.dir, warehouse: wh.layout.root, keyFile: join(wh.dir, 'key'), sources: {} },
      layout: wh.layout,
      pseudonymiser: wh.pseudonymiser,
    };
    const report = await buildWarehouse(workspace);
    const rows = Object.fromEntries(report.models.map((m) => [m.model, m.rows]));
    assert.equal(rows['marts.fact_consultation'], 0);
    assert.equal(rows['marts.dim_region'], 26, 'régions come from the COG, not from the sources');
    const marts = await openMarts(wh.layout);
    try {
      const year = await marts.one<{ column_type: string }>("SELECT column_type FROM (DESCRIBE marts.fact_hospitalisation) WHERE column_name = 'admission_year'");
      assert.equal(year?.column_type, 'INTEGER');
    } finally {
      marts.close();
    }
  });
});

describe('buildWarehouse: atomic publish', () => {
  const wh = new TestWarehouse();
  const workspace: Workspace = {
    config: { baseDir: wh.dir, warehouse: wh.layout.root, keyFile: join(wh.dir, 'key'), sources: {} },
    layout: wh.layout,
    pseudonymiser: wh.pseudonymiser,
  };
  after(() => wh.remove());

  it('publishes a build: pointer, build.json, views for readers and in the catalogue file', async () => {
    const report = await buildWarehouse(workspace, { models: [model('marts.dim_label', "select 'first' as label")] });
    assert.equal(readFileSync(pointerFile(wh.layout), 'utf8').trim(), report.buildId);
    assert.deepEqual(report.models.map((m) => [m.model, m.rows]), [['marts.dim_label', 1]]);
    assert.equal(currentBuild(wh.layout)?.manifest.buildId, report.buildId);
    const marts = await openMarts(wh.layout);
    try {
      assert.equal(await label(marts), 'first');
    } finally {
      marts.close();
    }
    const catalogue = await Engine.open(wh.layout.catalogue);
    try {
      assert.equal(await label(catalogue), 'first');
    } finally {
      catalogue.close();
    }
  });

  it('a failing model leaves the pointer, the previous build and its readers as they were', async () => {
    const before = currentBuild(wh.layout)!.id;
    const reader = await openMarts(wh.layout);
    await assert.rejects(
      buildWarehouse(workspace, {
        models: [
          model('marts.dim_label', "select 'second' as label"),
          model('marts.fact_broken', "select * from read_parquet('/nonexistent/broken.parquet')"),
        ],
      }),
      /model marts\.fact_broken .* failed/,
    );
    try {
      assert.equal(currentBuild(wh.layout)!.id, before);
      assert.equal(await label(reader), 'first', 'a reader opened before the failed build still reads');
    } finally {
      reader.close();
    }
    const after = await openMarts(wh.layout);
    try {
      assert.equal(await label(after), 'first', 'a reader opened after the failed build reads the previous one');
    } finally {
      after.close();
    }
    assert.deepEqual(readdirSync(wh.layout.builds), [before], 'no .partial directory is left');
    assert.equal(existsSync(wh.layout.lockFile), false, 'the lock is released');
  });

  it('keeps the current build and the one before it', async () => {
    const ids: string[] = [];
    for (const text of ['third', 'fourth', 'fifth']) {
      ids.push((await buildWarehouse(workspace, { models: [model('marts.dim_label', `select '${text}' as label`)] })).buildId);
    }
    assert.deepEqual(readdirSync(wh.layout.builds).sort(), ids.slice(1));
    const marts = await openMarts(wh.layout);
    try {
      assert.equal(await label(marts), 'fifth');
    } finally {
      marts.close();
    }
  });

  it('lets only the models that compute ages read the identity vault', async () => {
    const readers = loadModels().filter((m) => m.depends.some((d) => d.startsWith('vault.'))).map((m) => m.name);
    assert.deepEqual(readers.sort(), [...VAULT_READERS].sort());
    const sneaky = parseModel(
      join('models', 'marts', 'dim_sneaky.sql'),
      '-- model: marts.dim_sneaky\n-- grain: test\n-- depends: vault.care_db_patient_identity\nselect birth_date from vault.care_db_patient_identity\n',
    );
    await assert.rejects(buildWarehouse(workspace, { models: [sneaky] }), /marts\.dim_sneaky reads the identity vault/);
  });
});
