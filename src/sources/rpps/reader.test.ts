import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generatedHospital, scoreAgainstGroundTruth } from '../../../test/support/ground-truth.ts';
import { TestWarehouse } from '../../../test/support/workspace.ts';

/** The header of the contract (docs/raw-zone.md, source rpps), trailing `|` included. */
const HEADER =
  "Type d'identifiant PP|Identifiant PP|Identification nationale PP|Code civilité d'exercice|Libellé civilité d'exercice|" +
  "Nom d'exercice|Prénom d'exercice|Code profession|Libellé profession|Code mode exercice|Libellé mode exercice|" +
  'Numéro FINESS site|Numéro FINESS établissement juridique|Raison sociale site|Code commune (coord. structure)|' +
  'Date début activité|Date fin activité|';

const LINES = [
  HEADER,
  '8|10001234567|810001234567|DR|Docteur|MARTINEZ|Jeanne|10|Médecin|S|Salarié|010000024|010780054|CH DE FLEYRIAT|01451|01/09/2015||',
  '8|10001234567|810001234567|DR|Docteur|MARTINEZ|Jeanne|10|Médecin|L|Libéral|||CABINET DU DR MARTINEZ|01053|15/03/2010|31/12/2018|',
  // 4: an ADELI number keeps its leading zero; the mode comes from its label when the code is empty.
  "0|019876543|0019876543|MME|Madame|DURANDEAU|Claire|60|Infirmier||Mixte|2A0000105||CH D'AJACCIO|2A004|2019-01-07||",
  // 5: no identifier.
  '8||8|DR|Docteur|SANSNUMERO|Paul|10|Médecin|S|Salarié|010000024|010780054|CH DE FLEYRIAT|01451|01/09/2015||',
  // 6: unreadable dates: the place is still a place of the professional.
  '8|10007654321|810007654321|DR|Docteur|LEBRETON|Yves|10|Médecin|S|Salarié|010000024|010780054|CH DE FLEYRIAT|01451|32/13/2020|demain|',
  // 7: an unknown mode and a FINESS that is no FINESS.
  '8|10007654321|810007654321|DR|Docteur|LEBRETON|Yves|10|Médecin|X|Inconnu|ABC|010780054|CH DE FLEYRIAT|01451|01/01/2021||',
  // 8: truncated in the middle of the name.
  '8|10009999999|810009999999|DR|Docteur|PETITJE',
  // 9: binary garbage.
  '8|1000\u0000\u0001\u0002|',
  // 10: the trailing | lost.
  '8|10005555555|810005555555|M|Monsieur|NOURRY|Marc|40|Chirurgien-Dentiste|L|Libéral|||CABINET NOURRY|2A004|01/02/2003|',
  // 11: an identifier that is no identifier.
  '8|10001 234|810001 234|DR|Docteur|ESPACEUR|Luc|10|Médecin|S|Salarié|010000024|010780054|CH DE FLEYRIAT|01451|01/09/2015||',
];
const NAMES = ['MARTINEZ', 'Jeanne', 'DURANDEAU', 'Claire', 'SANSNUMERO', 'LEBRETON', 'Yves', 'PETITJE', 'NOURRY', 'ESPACEUR'];

describe('rpps reader', () => {
  const wh = new TestWarehouse();
  const file = join(wh.dir, 'PS_LibreAcces_Personne_activite_202401.txt');
  let report: Awaited<ReturnType<typeof wh.ingestor.ingest>>;
  let rows: Record<string, unknown>[];
  before(async () => {
    writeFileSync(file, LINES.join('\n') + '\n');
    report = await wh.ingestor.ingest('rpps', { kind: 'file', path: file });
    rows = await wh.rows('rpps', 'activite');
  });
  after(() => wh.remove());

  const day = (value: unknown) => (value === null ? null : (value as Date).toISOString().slice(0, 10));
  const view = (r: Record<string, unknown>) => [
    r._line, r.professional_id, r.id_type, r.profession_code, r.profession, r.practice_mode,
    r.finess_site, r.finess_ej, r.commune_code, day(r.start_date), day(r.end_date),
  ];

  it('loads each place of activity, the identifier pseudonymised as in the care database', () => {
    const { read, loaded, quarantined, warnings } = report.tables.activite;
    assert.deepEqual({ read, loaded, quarantined, warnings }, { read: 10, loaded: 6, quarantined: 4, warnings: 4 });
    const p = (id: string) => wh.pseudonymiser.pseudonym('professional', id);
    assert.deepEqual(rows.map(view), [
      [2, p('10001234567'), 'RPPS', '10', 'Médecin', 'S', '010000024', '010780054', '01451', '2015-09-01', null],
      [3, p('10001234567'), 'RPPS', '10', 'Médecin', 'L', null, null, '01053', '2010-03-15', '2018-12-31'],
      [4, p('019876543'), 'ADELI', '60', 'Infirmier', 'B', '2A0000105', null, '2A004', '2019-01-07', null],
      [6, p('10007654321'), 'RPPS', '10', 'Médecin', 'S', '010000024', '010780054', '01451', null, null],
      [7, p('10007654321'), 'RPPS', '10', 'Médecin', null, null, '010780054', '01451', '2021-01-01', null],
      [10, p('10005555555'), 'RPPS', '40', 'Chirurgien-Dentiste', 'L', null, null, '2A004', '2003-02-01', null],
    ]);
  });

  it('reports every line it could not take whole', async () => {
    const issues = await wh.issues('rpps');
    assert.deepEqual(
      issues.map((i) => [i.line, i.severity, i.code, i.field]),
      [
        [5, 'quarantine', 'value-missing', 'Identifiant PP'],
        [6, 'warning', 'date-unparseable', 'Date début activité'],
        [6, 'warning', 'date-unparseable', 'Date fin activité'],
        [7, 'warning', 'code-invalid', 'Code mode exercice'],
        [7, 'warning', 'code-invalid', 'Numéro FINESS site'],
        [8, 'quarantine', 'field-count', null],
        [9, 'quarantine', 'binary-content', null],
        [11, 'quarantine', 'value-invalid', 'Identifiant PP'],
      ],
    );
    assert.equal(JSON.parse(issues.at(-1)!.params as string).raw, '99999 999');
  });

  it('keeps no name of a professional anywhere in the warehouse, quarantine included', async () => {
    const issues = await wh.issues('rpps');
    const kept = JSON.stringify([rows, issues], (_, v) => (typeof v === 'bigint' ? Number(v) : v));
    for (const name of NAMES) assert.ok(!kept.includes(name), `${name} reached the warehouse`);
    assert.ok(!kept.includes('10001234567'), 'a raw identifier reached the warehouse');
    // The quarantined line keeps what was read, the identifier as its pseudonym, and nothing else.
    assert.equal(
      issues.find((i) => i.line === 6)!.raw,
      `8|${wh.pseudonymiser.pseudonym('professional', '10007654321')}|*|*|*|*|*|10|Médecin|S|Salarié|010000024|010780054|*|01451|32/13/2020|demain|`,
    );
  });

  it('maps the columns by name, whatever their order or spelling', async () => {
    const wide = join(wh.dir, 'rpps-wide.csv');
    writeFileSync(
      wide,
      [
        "identifiant_pp|type_d_identifiant_pp|nom_d_exercice|numero_finess_site|code_mode_exercice|date_debut_activite|telephone_coord_structure|",
        '10001234567|8|MARTINEZ|010000024|S|01/09/2015|0474454647|',
      ].join('\n') + '\n',
    );
    await wh.ingestor.ingest('rpps', { kind: 'file', path: wide });
    const [row] = (await wh.rows('rpps', 'activite')).filter((r) => r._file === 'rpps-wide.csv');
    assert.deepEqual(view(row), [2, wh.pseudonymiser.pseudonym('professional', '10001234567'), 'RPPS', null, null, 'S', '010000024', null, null, '2015-09-01', null]);
  });

  it('loading the same file twice adds nothing', async () => {
    mkdirSync(join(wh.dir, 'again'));
    const copy = join(wh.dir, 'again', 'PS_LibreAcces_Personne_activite_202401.txt');
    copyFileSync(file, copy);
    assert.equal((await wh.ingestor.ingest('rpps', { kind: 'file', path: copy })).status, 'already-loaded');
  });

  it('reads a file saved in windows-1252 as if it were UTF-8', async () => {
    const latin = join(wh.dir, 'rpps-latin1.txt');
    writeFileSync(latin, Buffer.from([HEADER, LINES[1]].join('\n') + '\n', 'latin1'));
    await wh.ingestor.ingest('rpps', { kind: 'file', path: latin });
    const [row] = (await wh.rows('rpps', 'activite')).filter((r) => r._file === 'rpps-latin1.txt');
    assert.deepEqual([row.profession, row.practice_mode, row.finess_site], ['Médecin', 'S', '010000024']);
  });

  it('refuses an unknown header, an empty file and a binary one, naming the file', async () => {
    const drifted = join(wh.dir, 'drifted.txt');
    writeFileSync(drifted, 'Identifiant|Nom|Prénom\n1|A|B\n');
    await assert.rejects(
      wh.ingestor.ingest('rpps', { kind: 'file', path: drifted }),
      /drifted\.txt, line 1: header is not an RPPS activity extract: no column "Identifiant PP", "Numéro FINESS site"; columns found: Identifiant, Nom, Prénom/,
    );
    const empty = join(wh.dir, 'empty.txt');
    writeFileSync(empty, '');
    await assert.rejects(wh.ingestor.ingest('rpps', { kind: 'file', path: empty }), /empty\.txt: empty file/);
    const utf16 = join(wh.dir, 'utf16.txt');
    writeFileSync(utf16, Buffer.from('\ufeff' + HEADER + '\n', 'utf16le'));
    await assert.rejects(wh.ingestor.ingest('rpps', { kind: 'file', path: utf16 }), /utf16\.txt, line 1: binary content/);
  });
});

describe('rpps reader against the synthetic hospital', () => {
  const wh = new TestWarehouse();
  after(() => wh.remove());

  it('repairs or reports every dirty value of the ground truth and loses no row', async () => {
    const score = await scoreAgainstGroundTruth(wh, await generatedHospital(300, 7), 'rpps');
    assert.deepEqual(score.mismatches, []);
    for (const [table, t] of Object.entries(score.tables)) {
      assert.ok(t.written > 0, `the generator wrote no ${table} rows`);
      assert.equal(t.loaded + t.quarantined, t.written, table);
    }
  });
});
