import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { finessOfOrganisation } from './reader.ts';
import { generatedHospital, scoreAgainstGroundTruth } from '../../../test/support/ground-truth.ts';
import { SHARED_REAL, TestWarehouse } from '../../../test/support/workspace.ts';

const REAL = join(SHARED_REAL, 'hospitalisations.lines1-101.csv');

describe('sejours reader', () => {
  const wh = new TestWarehouse();
  after(() => wh.remove());

  it('loads the real export excerpt: 100 stays, none lost', async () => {
    const report = await wh.ingestor.ingest('sejours', { kind: 'file', path: REAL });
    assert.deepEqual(
      { read: report.tables.sejour.read, loaded: report.tables.sejour.loaded, quarantined: report.tables.sejour.quarantined },
      { read: 100, loaded: 100, quarantined: 0 },
    );
    const rows = await wh.rows('sejours', 'sejour');
    // Line 2 of the file: 10546;29620;F010000107;S02800;Fracture de l'alveole dentaire, fermees;27/09/2017;17
    const first = rows[0];
    assert.equal(first.stay_id, 10546);
    assert.equal(first.finess, '010000107');
    assert.equal(first.diagnosis_code, 'S02800');
    assert.equal(first.diagnosis_label, "Fracture de l'alveole dentaire, fermees");
    assert.equal((first.admission_date as Date).toISOString().slice(0, 10), '2017-09-27');
    assert.equal(first.length_of_stay, 17);
    assert.equal(first._line, 2);
    assert.equal(first.patient_id, wh.pseudonymiser.pseudonym('patient', '29620'));
    const years = new Map<number, number>();
    for (const row of rows) {
      const y = (row.admission_date as Date).getUTCFullYear();
      years.set(y, (years.get(y) ?? 0) + 1);
    }
    // SOURCES.md: 2015–2021 give 11/15/15/20/16/17/6 stays.
    assert.deepEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021].map((y) => years.get(y)), [11, 15, 15, 20, 16, 17, 6]);
  });

  it('quarantines bad lines with file, line, field and reason, and loses none', async () => {
    const bad = join(wh.dir, 'bad-stays.csv');
    const lines = [
      'Num_Hospitalisation;Id_patient;identifiant_organisation;Code_diagnostic;Suite_diagnostic_consultation;Date_Entree;Jour_Hospitalisation',
      '1;10;F010000107;J450;Asthme;31/02/2019;3',
      '2;11;F010000107;J450;Asthme;01/03/2019',
      '3;12;F2A0000123;J450;Asthme;01/03/2019;x',
      '4;13;F30001086501012007;I10;HTA;29/02/2020;2',
      '5;14;F010000107;??;Inconnu;01/03/2019;1',
      '6;15;F010000107;J45\u0000;Asthme;01/03/2019;1',
    ];
    writeFileSync(bad, lines.join('\n') + '\n');
    const report = await wh.ingestor.ingest('sejours', { kind: 'file', path: bad });
    assert.equal(report.tables.sejour.read, 6);
    assert.equal(report.tables.sejour.loaded, 1);
    assert.equal(report.tables.sejour.quarantined, 5);
    const issues = (await wh.issues('sejours')).filter((i) => i.file === 'bad-stays.csv');
    assert.deepEqual(
      issues.map((i) => [i.line, i.code, i.field]),
      [
        [2, 'date-unparseable', 'Date_Entree'],
        [3, 'field-count', null],
        [4, 'number-unparseable', 'Jour_Hospitalisation'],
        [6, 'code-invalid', 'Code_diagnostic'],
        [7, 'binary-content', null],
      ],
    );
    assert.equal(issues[0].raw, lines[1]);
    const loaded = (await wh.rows('sejours', 'sejour')).filter((r) => r._file === 'bad-stays.csv');
    assert.deepEqual(loaded.map((r) => r.finess), ['300010865']);
  });

  it('refuses a file whose header is not the stays layout, naming the file and line', async () => {
    const drifted = join(wh.dir, 'drifted.csv');
    writeFileSync(drifted, 'id;patient;finess\n1;2;3\n');
    await assert.rejects(wh.ingestor.ingest('sejours', { kind: 'file', path: drifted }), /drifted\.csv, line 1: header/);
  });

  it('loading the same file twice adds nothing', async () => {
    const copy = join(wh.dir, 'copy.csv');
    copyFileSync(REAL, copy);
    const again = await wh.ingestor.ingest('sejours', { kind: 'file', path: copy });
    assert.equal(again.status, 'already-loaded');
    assert.equal((await wh.rows('sejours', 'sejour')).filter((r) => r._file === 'copy.csv').length, 0);
  });

  it('reads the establishment out of the export identifiers', () => {
    assert.equal(finessOfOrganisation('F010000107'), '010000107');
    assert.equal(finessOfOrganisation('F2A0000123'), '2A0000123');
    assert.equal(finessOfOrganisation('F30001086501012007'), '300010865');
    assert.equal(finessOfOrganisation('010000107'), '010000107');
    assert.equal(finessOfOrganisation('X'), null);
  });
});

describe('sejours reader against the generator ground truth', () => {
  const wh = new TestWarehouse();
  after(() => wh.remove());

  it('repairs or quarantines every dirty stay as the ground truth says, and loses none', async () => {
    const score = await scoreAgainstGroundTruth(wh, await generatedHospital(300, 7), 'sejours');
    assert.deepEqual(score.mismatches, []);
    // A 300-patient hospital has a handful of dirty stays; the hand-written cases above cover each quarantine code.
    assert.ok(Object.values(score.outcomes).reduce((a, b) => a + b, 0) > 0, JSON.stringify(score.outcomes));
    const t = score.tables.sejour;
    assert.equal(t.read, t.written);
    assert.equal(t.loaded + t.quarantined, t.read);
  });
});
