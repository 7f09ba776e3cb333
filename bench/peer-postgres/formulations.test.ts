import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { POSTGRES_KPIS, postgresFormulations, withFormulations } from './star-schema.ts';
import { KPI_CATALOGUE } from '../../src/analytics/catalogue.ts';
import { runKpi } from '../../src/analytics/run-kpi.ts';
import { ROWS } from '../../test/kpis/hand-counted.fixture.ts';
import { postgresStar, type StarSchema } from '../../test/kpis/star-schema.ts';

describe("the PostgreSQL peer's own KPI formulations", () => {
  let star: StarSchema;
  before(async () => {
    star = await postgresStar(ROWS);
  });
  after(async () => {
    await star.close();
  });

  const files = readdirSync(POSTGRES_KPIS).sort();

  it('stand each for a KPI file of the catalogue', () => {
    assert.ok(files.length > 0);
    assert.deepEqual(files.filter((f) => !Object.values(KPI_CATALOGUE).some((d) => d.sqlFile === f)), []);
    assert.equal(postgresFormulations().size, files.length);
  });

  it('return what the warehouse SQL returns on PostgreSQL', async () => {
    const formulated = withFormulations(star.engine, postgresFormulations());
    const ids = Object.values(KPI_CATALOGUE).filter((d) => files.includes(d.sqlFile)).map((d) => d.id);
    for (const id of ids) {
      for (const params of [{ year: 2020 }, { year: 2018 }, { from: '2017-05-02', to: '2020-12-31' }, { from: '2020-02-29', to: '2020-03-01' }]) {
        for (const unmasked of [true, false]) {
          const warehouse = await runKpi(star.engine, id, params, { unmasked });
          assert.ok(!unmasked || warehouse.denominator! > 0, `${id} ${JSON.stringify(params)} counts something`);
          assert.deepEqual(await runKpi(formulated, id, params, { unmasked }), warehouse, `${id} ${JSON.stringify(params)} unmasked=${unmasked}`);
        }
      }
    }
  });
});
