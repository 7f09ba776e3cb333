import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { kpiCommand, resultCsv, resultTable } from '../../src/cli/commands/kpi.ts';
import { runKpi } from '../../src/analytics/run-kpi.ts';
import { ROWS } from './hand-counted.fixture.ts';
import { duckdbStar, type StarSchema } from './star-schema.ts';

// `entrepot kpi` prints what runKpi returns; these check the printing on the hand-counted schema.
describe('entrepot kpi output', () => {
  let star: StarSchema;
  before(async () => {
    star = await duckdbStar(ROWS);
  });
  after(async () => star?.close());

  it('table: parameters, total, breakdown, notes; <10 for masked counts, never the count', async () => {
    // K1 2018: numerator 40 of 70; March 3 (masked) and February 12 (masked with it).
    const lines = resultTable(await runKpi(star.engine, 'K1', { establishment: '010000107', year: 2018 }));
    const text = lines.join('\n');
    assert.match(lines[0], /^K1 {2}Taux de consultation/);
    assert.match(text, /establishment=010000107 {2}from=2018-01-01 {2}to=2018-12-31 {2}year=2018 {2}establishment_name=CH Bresse/);
    assert.match(text, /^total\s+40\s+70\s+57\.1$/m);
    assert.match(text, /^2018-01\s+janvier 2018\s+25\s+25\s+100\.0$/m);
    assert.match(text, /^2018-02\s+février 2018\s+<10\s+12\s+masqué$/m);
    assert.match(text, /^2018-03\s+mars 2018\s+<10\s+33\s+masqué$/m);
    assert.match(text, /notes : PLUSIEURS=0 {2}AUCUN=30/);
    assert.doesNotMatch(lines.find((l) => l.startsWith('2018-03'))!, /\s3\s/, 'the masked 3 is nowhere on its line');
  });

  it('table: K7 deaths abroad have no population, and that is not a mask', async () => {
    const text = resultTable(await runKpi(star.engine, 'K7', { year: 2019 }, { unmasked: true })).join('\n');
    assert.match(text, /^abroad\s+décès à l'étranger\s+1$/m);
    assert.match(text, /^94\s+Corse\s+3\s+340000\s+0\.9$/m);
  });

  it('csv: one line per figure, masked counts as <10', async () => {
    const lines = resultCsv(await runKpi(star.engine, 'K1', { establishment: '010000107', year: 2018 }));
    assert.equal(lines[0], 'section,key,label,numerator,denominator,rate');
    assert.equal(lines[1], "total,total,Taux de consultation de l'établissement sur la période,40,70,57.1");
    assert.ok(lines.includes('breakdown,2018-03,mars 2018,<10,33,'));
    assert.ok(lines.includes('note,AUCUN,,30,,'));
    assert.equal(lines.length, 1 + 1 + 12 + 2);
  });

  it('--list needs no warehouse; a KPI id is required otherwise', async () => {
    const io = { out: () => {}, err: () => {}, interactive: false };
    const listed = await kpiCommand.run({ args: [], list: true, format: 'table' }, io);
    assert.equal(listed.kind, 'list');
    await assert.rejects(kpiCommand.run({ args: [], format: 'table' }, io), /name a KPI/);
    await assert.rejects(kpiCommand.run({ args: ['K9'], format: 'table' }, io), /unknown KPI "K9"/);
    await assert.rejects(kpiCommand.run({ args: ['K1'], format: 'xml' as 'table' }, io), /--format/);
  });
});
