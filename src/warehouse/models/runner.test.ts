import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadModels, orderModels, parseModel, runModels, type ModelSpec } from './runner.ts';
import { Engine } from '../engine.ts';

const dir = mkdtempSync(join(tmpdir(), 'entrepot-runner-'));

function model(name: string, depends: string[], body = 'select 1 as x', extra = ''): ModelSpec {
  const [zone, table] = name.split('.');
  const text = `-- model: ${name}\n-- grain: test\n-- depends: ${depends.join(', ')}\n${extra}${body}\n`;
  return parseModel(join(dir, zone, `${table}.sql`), text);
}

describe('model runner', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the header: model, grain, depends, partition_by, order_by', () => {
    const spec = parseModel(
      join(dir, 'marts', 'fact_x.sql'),
      '-- model:   marts.fact_x\n-- grain:   one row per x\n--          (duplicates removed)\n-- depends: core.core_a, raw.src_t\n' +
        '-- partition_by: year\n-- order_by: a, b\nselect * from core.core_a join raw.src_t using (k)\n',
    );
    assert.deepEqual(
      { name: spec.name, grain: spec.grain, depends: spec.depends, partitionBy: spec.partitionBy, orderBy: spec.orderBy },
      { name: 'marts.fact_x', grain: 'one row per x (duplicates removed)', depends: ['core.core_a', 'raw.src_t'], partitionBy: ['year'], orderBy: ['a', 'b'] },
    );
  });

  it('refuses a model that reads a relation its header does not declare', () => {
    assert.throws(() => model('core.core_b', ['core.core_a'], 'select * from core.core_a join raw.src_t using (k)'), /reads raw\.src_t, which its "-- depends:" line does not declare/);
  });

  it('orders models after their dependencies, whatever the file order', () => {
    const models = [
      model('marts.fact_c', ['core.core_b', 'marts.dim_a'], 'select * from core.core_b, marts.dim_a'),
      model('marts.dim_a', ['core.core_a'], 'select * from core.core_a'),
      model('core.core_b', ['core.core_a', 'raw.src_t'], 'select * from core.core_a, raw.src_t'),
      model('core.core_a', ['raw.src_t'], 'select * from raw.src_t'),
    ];
    const order = orderModels(models, ['raw.src_t']).map((m) => m.name);
    assert.deepEqual(order, ['core.core_a', 'core.core_b', 'marts.dim_a', 'marts.fact_c']);
  });

  it('names the cycle when models depend on each other', () => {
    const models = [
      model('core.core_a', ['core.core_c'], 'select * from core.core_c'),
      model('core.core_b', ['core.core_a'], 'select * from core.core_a'),
      model('core.core_c', ['core.core_b'], 'select * from core.core_b'),
      model('core.core_d', [], 'select 1'),
    ];
    assert.throws(() => orderModels(models, []), /dependency cycle between models: core\.core_a -> core\.core_c -> core\.core_b -> core\.core_a/);
  });

  it('refuses a dependency that is neither a model nor an input', () => {
    assert.throws(() => orderModels([model('core.core_a', ['raw.missing'], 'select * from raw.missing')], ['raw.src_t']), /depends on raw\.missing, which is neither a model nor an input/);
  });

  it('loads the models of a folder tree and checks each lives in <zone>/<table>.sql', () => {
    const tree = join(dir, 'tree');
    mkdirSync(join(tree, 'core'), { recursive: true });
    writeFileSync(join(tree, 'core', 'core_a.sql'), '-- model: core.core_a\n-- grain: one\n-- depends:\nselect 1 as a\n');
    assert.deepEqual(loadModels(tree).map((m) => m.name), ['core.core_a']);
    writeFileSync(join(tree, 'core', 'core_b.sql'), '-- model: core.core_other\n-- grain: one\n-- depends:\nselect 1 as a\n');
    assert.throws(() => loadModels(tree), /must live in core\/core_other\.sql/);
  });

  it('writes Hive partitions that a plain DuckDB reads back with the partition column', async () => {
    const out = join(dir, 'out');
    const models = [
      model('core.core_stay', [], "select range as stay_id, (2018 + range % 3)::INTEGER as admission_year, 'F' || (range % 2) as finess from range(30)"),
      model('marts.fact_stay', ['core.core_stay'], 'select stay_id, finess, admission_year from core.core_stay', '-- partition_by: admission_year\n-- order_by: finess\n'),
    ];
    const engine = await Engine.open();
    try {
      const runs = await runModels(engine, orderModels(models, []), { outDir: out });
      assert.deepEqual(runs.map((r) => [r.model, r.rows]), [['core.core_stay', 30], ['marts.fact_stay', 30]]);
      assert.deepEqual(runs[1].columns.find((c) => c.name === 'admission_year'), { name: 'admission_year', type: 'INTEGER' });
    } finally {
      engine.close();
    }
    assert.ok(existsSync(join(out, 'core', 'core_stay', 'part-0.parquet')));
    assert.deepEqual(readdirSync(join(out, 'marts', 'fact_stay')).sort(), ['admission_year=2018', 'admission_year=2019', 'admission_year=2020']);
    assert.ok(readdirSync(join(out, 'marts', 'fact_stay', 'admission_year=2019')).every((f) => f.endsWith('.parquet')));

    const reader = await Engine.open();
    try {
      const rows = await reader.all<{ admission_year: number; n: number }>(
        `SELECT admission_year, count(*)::INTEGER AS n FROM read_parquet('${join(out, 'marts', 'fact_stay')}/**/*.parquet', hive_partitioning = true) GROUP BY 1 ORDER BY 1`,
      );
      assert.deepEqual(rows.map((r) => [Number(r.admission_year), r.n]), [[2018, 10], [2019, 10], [2020, 10]]);
    } finally {
      reader.close();
    }
  });

  it('opens a restricted relation only for the model that declares it', async () => {
    const opened: string[] = [];
    const restricted = new Map([
      ['vault.secret', async (e: Engine) => {
        opened.push('open');
        await e.run('CREATE SCHEMA IF NOT EXISTS vault');
        await e.run("CREATE OR REPLACE VIEW vault.secret AS SELECT 'k' AS k, DATE '1950-01-02' AS birth_date");
      }],
    ]);
    const models = [
      model('core.core_age', ['vault.secret'], 'select k, 70 as age from vault.secret'),
      model('core.core_sneaky', ['core.core_age'], "select * from core.core_age, (select 1 from duckdb_views() where schema_name = 'vault')"),
    ];
    const engine = await Engine.open();
    try {
      const runs = await runModels(engine, orderModels(models, ['vault.secret']), { outDir: join(dir, 'restricted'), restricted });
      assert.deepEqual(opened, ['open']);
      assert.equal(runs[1].rows, 0, 'the vault view is gone when the next model runs');
    } finally {
      engine.close();
    }
  });
});
