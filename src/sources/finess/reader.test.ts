import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cogCommune, cogDepartement, normaliseFiness } from '../normalise/codes.ts';
import { repairUtf8Field } from './mixed-encoding.ts';
import { projectionOf } from './reader.ts';
import { generatedHospital, scoreAgainstGroundTruth } from '../../../test/support/ground-truth.ts';
import { TestWarehouse } from '../../../test/support/workspace.ts';

// Lines 2–5 are lines of the etalab extract of 2026-05-12 (cs1100502), as published; the others
// are written in the same layout to show one case each. The file is windows-1252 like the extract.
const LINES: { text: string; utf8?: boolean; utf8Field?: number }[] = [
  { text: 'finess;etalab;111;2026-05-12' },
  { text: 'structureet;010000024;010780054;CH DE FLEYRIAT;CENTRE HOSPITALIER DE BOURG-EN-BRESSE FLEYRIAT;;;900;RTE;DE PARIS;;;451;01;AIN;01440 VIRIAT;0474454647;0474454114;355;Centre Hospitalier (C.H.);1102;Centres Hospitaliers;26010004500012;8610Z;03;ARS établissements Publics de santé dotation globale;1;Etablissement public de santé;1979-02-13;1979-02-13;2020-02-04;' },
  { text: 'structureet;970102018;970113015;PMI SAINT BARTHELEMY;PMI SAINT BARTHELEMY;PMI CMS DE GUSTAVIA;;4;R;AUGUST NYMAN;;;123;9A;GUADELOUPE;97133 ST BARTHELEMY;0590276027;;223;Protection Maternelle et Infantile (P.M.I.);2202;Etablissements de PMI et de Planification Familiale;;;01;Etablissement Tarif Libre;;;1964-01-01;1964-01-01;2019-02-15;' },
  { text: 'structureet;970300026;970302022;CENTRE HOSPITALIER DE CAYENNE;CENTRE HOSPITALIER  DE CAYENNE;;;;AV;ALEXIS BLAISE;;BP 6006;302;9C;GUYANE;97306 CAYENNE CEDEX;0594395050;0594305250;355;Centre Hospitalier (C.H.);1102;Centres Hospitaliers;26973302800022;;03;ARS établissements Publics de santé dotation globale;1;Etablissement public de santé;1904-04-04;1998-04-29;2024-04-22;' },
  { text: `structureet;980501506;980501498;"LIEU DE VIE ""MAVOUNA MEMA 1""";"LIEU DE VIE ET D'ACCUEIL ""MAVOUNA MEMA 1""";ASSOCIATION MESSO;;12;R;ANCIEN TERRAIN DE FOOT;;;606;9F;MAYOTTE;97620 CHIRONGUI;0269666815;;462;Lieux de Vie et d'Accueil;4605;Etablissements et services multi-clientèles;82967998400015;;08;Président du Conseil Départemental;;;2019-04-01;2019-03-18;2025-05-07;` },
  // 6: Corsica keeps its letter.
  { text: "structureet;2A0000105;2A0000022;CH D'AJACCIO;CENTRE HOSPITALIER D'AJACCIO;;;27;AV;IMPERATRICE EUGENIE;;;004;2A;CORSE DU SUD;20000 AJACCIO;;;355;Centre Hospitalier (C.H.);1102;Centres Hospitaliers;;8610Z;03;ARS;1;Etablissement public de santé;1950-01-01;1950-01-01;2021-06-30;" },
  // 7: a line a tool re-encoded as UTF-8 inside the single-byte file.
  { text: 'structureet;010000032;010780062;CENTRE MÉDICAL ÉTÉ;;;;;;;;;034;01;AIN;01300 BELLEY;;;355;Centre Hospitalier (C.H.);1102;Centres Hospitaliers;;;;;;;2001-01-01;;2020-01-01;', utf8: true },
  // 8: leading zeros a spreadsheet dropped (legal entity, département, commune), and one field
  // (rslongue) written in UTF-8 in an otherwise single-byte line.
  {
    text: 'structureet;010000040;10780070;CLINIQUE TEST;CLINIQUE DE L\'ÉTÉ;;;;;;;;53;1;AIN;01000 BOURG;;;365;Etablissement de Soins Pluridisciplinaire;1110;Etablissements de Soins de Courte Durée;;;;;;;2001-01-01;;2020-01-01;',
    utf8Field: 4,
  },
  // 9: a commune the COG does not know.
  { text: 'structureet;010000057;010780070;CLINIQUE NULLE PART;;;;;;;;;999;01;AIN;01999 NULLE PART;;;365;Etablissement de Soins Pluridisciplinaire;1110;Etablissements de Soins de Courte Durée;;;;;;;2001-01-01;;2020-01-01;' },
  // 10: an impossible opening date and a SIRET a spreadsheet turned into a float.
  { text: 'structureet;010000065;010780070;CLINIQUE DATEE;;;;;;;;;451;01;AIN;01440 VIRIAT;;;365;Etablissement de Soins Pluridisciplinaire;1110;Etablissements de Soins de Courte Durée;2,601E+13;;;;;;31/02/1979;;2020-01-01;' },
  // 11: truncated.
  { text: 'structureet;010000073;010780070;CLINIQUE COUPEE;;;;;;;;;451;01;AIN' },
  // 12: no establishment number.
  { text: 'structureet;;010780070;SANS NUMERO;;;;;;;;;451;01;AIN;01440 VIRIAT;;;365;Etablissement de Soins Pluridisciplinaire;1110;Etablissements de Soins de Courte Durée;;;;;;;2001-01-01;;2020-01-01;' },
  // 13: binary garbage.
  { text: 'structureet;0100\u0000\u0001\u0002;\u0003' },
  // 14: a record type of another extract.
  { text: "activiteoffresoin;010780054;CH FLEYRIAT;14;Médecine d'urgence" },
  { text: 'geolocalisation;010000024;870215.7;6571590.3;1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,LAMBERT_93;2019-10-08' },
  { text: 'geolocalisation;970300026;352011,5;544263.1;1,ATLASANTE,96,BAN,EPSG:2972 RGFG95 / UTM zone 22N (Guyane);2026-05-04' },
  // 17: an unreadable coordinate.
  { text: 'geolocalisation;970102018;abc;1995384.4;2,ATLASANTE,96,BAN,EPSG:5490 RGAF09/UTM Zone 20N (Antilles);2026-05-04' },
  // 18: truncated.
  { text: 'geolocalisation;980501506;5190' },
];

function writeExtract(path: string, lines = LINES): void {
  const bytes = lines.map(({ text, utf8, utf8Field }) => {
    if (utf8Field === undefined) return Buffer.from(text + '\n', utf8 ? 'utf8' : 'latin1');
    const fields = text.split(';').map((f, i) => Buffer.from(f, i === utf8Field ? 'utf8' : 'latin1'));
    return Buffer.concat([...fields.flatMap((f, i) => (i === 0 ? [f] : [Buffer.from(';'), f])), Buffer.from('\n')]);
  });
  writeFileSync(path, Buffer.concat(bytes));
}

describe('finess reader', () => {
  const wh = new TestWarehouse();
  const extract = join(wh.dir, 'etalab-cs1100502-stock-20260512-0339.csv');
  let report: Awaited<ReturnType<typeof wh.ingestor.ingest>>;
  let etablissements: Map<string, Record<string, unknown>>;
  before(async () => {
    writeExtract(extract);
    report = await wh.ingestor.ingest('finess', { kind: 'file', path: extract });
    etablissements = new Map((await wh.rows('finess', 'etablissement')).map((r) => [r.finess_et as string, r]));
  });
  after(() => wh.remove());

  it('loads or quarantines every line, in its table', () => {
    const counts = (t: string) => {
      const { read, loaded, quarantined, warnings } = report.tables[t];
      return { read, loaded, quarantined, warnings };
    };
    assert.deepEqual(counts('etablissement'), { read: 13, loaded: 9, quarantined: 4, warnings: 3 });
    assert.deepEqual(counts('geolocalisation'), { read: 4, loaded: 3, quarantined: 1, warnings: 1 });
  });

  it('reads an establishment as the extract gives it', () => {
    const row = etablissements.get('010000024')!;
    assert.equal(row.finess_ej, '010780054');
    assert.equal(row.name, 'CH DE FLEYRIAT');
    assert.equal(row.long_name, 'CENTRE HOSPITALIER DE BOURG-EN-BRESSE FLEYRIAT');
    assert.equal(row.commune_code, '01451');
    assert.equal(row.departement, '01');
    assert.equal(row.category_code, '355');
    assert.equal(row.category_label, 'Centre Hospitalier (C.H.)');
    assert.equal(row.category_group_code, '1102');
    assert.equal(row.category_group_label, 'Centres Hospitaliers');
    assert.equal(row.siret, '26010004500012');
    assert.equal(row.ape_code, '8610Z');
    assert.equal((row.opened_on as Date).toISOString().slice(0, 10), '1979-02-13');
    assert.equal((row.updated_on as Date).toISOString().slice(0, 10), '2020-02-04');
    assert.equal(row._line, 2);
  });

  it('turns FINESS départements into COG codes, overseas and Corsica included', () => {
    const place = (finess: string) => [etablissements.get(finess)!.commune_code, etablissements.get(finess)!.departement];
    assert.deepEqual(place('970300026'), ['97302', '973']);
    assert.deepEqual(place('980501506'), ['97606', '976']);
    assert.deepEqual(place('2A0000105'), ['2A004', '2A']);
    // Saint-Barthélemy (9A + 123, its Guadeloupe number before 2007) is COG 97701.
    assert.deepEqual(place('970102018'), ['97701', '977']);
  });

  it('repairs quoting, mis-encoded lines and dropped leading zeros', () => {
    assert.equal(etablissements.get('980501506')!.name, 'LIEU DE VIE "MAVOUNA MEMA 1"');
    assert.equal(etablissements.get('980501506')!.category_group_label, 'Etablissements et services multi-clientèles');
    assert.equal(etablissements.get('010000032')!.name, 'CENTRE MÉDICAL ÉTÉ');
    const mixed = etablissements.get('010000040')!;
    assert.deepEqual([mixed.finess_ej, mixed.commune_code, mixed.departement], ['010780070', '01053', '01']);
    assert.deepEqual([mixed.long_name, mixed.category_group_label], ["CLINIQUE DE L'ÉTÉ", 'Etablissements de Soins de Courte Durée']);
  });

  it('nulls what it cannot read and says so', async () => {
    assert.deepEqual([etablissements.get('010000057')!.commune_code, etablissements.get('010000057')!.departement], [null, '01']);
    assert.equal(etablissements.get('010000065')!.opened_on, null);
    assert.equal(etablissements.get('010000065')!.siret, null);
    const issues = await wh.issues('finess');
    assert.deepEqual(
      issues.map((i) => [i.line, i.table_name, i.severity, i.code, i.field]),
      [
        [9, 'etablissement', 'warning', 'code-invalid', 'commune'],
        [10, 'etablissement', 'warning', 'code-invalid', 'siret'],
        [10, 'etablissement', 'warning', 'date-unparseable', 'dateouv'],
        [11, 'etablissement', 'quarantine', 'field-count', null],
        [12, 'etablissement', 'quarantine', 'value-missing', 'nofinesset'],
        [13, 'etablissement', 'quarantine', 'binary-content', null],
        [14, 'etablissement', 'quarantine', 'value-invalid', 'record type'],
        [17, 'geolocalisation', 'warning', 'number-unparseable', 'coordxet'],
        [18, 'geolocalisation', 'quarantine', 'field-count', null],
      ],
    );
    assert.equal(issues.find((i) => i.line === 11)!.raw, LINES[10].text);
  });

  it('reads coordinates and names their projection', async () => {
    const rows = await wh.rows('finess', 'geolocalisation');
    assert.deepEqual(
      rows.map((r) => [r._line, r.finess_et, r.x, r.y, r.projection]),
      [
        [15, '010000024', 870215.7, 6571590.3, 'LAMBERT_93'],
        [16, '970300026', 352011.5, 544263.1, 'UTM_N22'],
        [17, '970102018', null, 1995384.4, 'UTM_N20'],
      ],
    );
    assert.equal(rows[0].source, '1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,LAMBERT_93');
    assert.equal((rows[0].updated_on as Date).toISOString().slice(0, 10), '2019-10-08');
  });

  it('stores no telephone, address or other column outside the contract', async () => {
    const [row] = await wh.rows('finess', 'etablissement');
    assert.deepEqual(Object.keys(row).filter((k) => !k.startsWith('_') && k !== 'batch'), [
      'finess_et', 'finess_ej', 'name', 'long_name', 'commune_code', 'departement', 'category_code', 'category_label',
      'category_group_code', 'category_group_label', 'siret', 'ape_code', 'opened_on', 'updated_on',
    ]);
  });

  it('loading the same extract twice adds nothing', async () => {
    mkdirSync(join(wh.dir, 'again'));
    const copy = join(wh.dir, 'again', 'etalab-cs1100502-stock-20260512-0339.csv');
    copyFileSync(extract, copy);
    const again = await wh.ingestor.ingest('finess', { kind: 'file', path: copy });
    assert.equal(again.status, 'already-loaded');
  });

  it('refuses a file without the etalab header line, naming file and line', async () => {
    const headless = join(wh.dir, 'headless.csv');
    writeExtract(headless, LINES.slice(1, 3));
    await assert.rejects(wh.ingestor.ingest('finess', { kind: 'file', path: headless }), /headless\.csv, line 1: not a FINESS etalab extract/);
  });

  it('refuses an empty file and a binary one', async () => {
    const empty = join(wh.dir, 'empty.csv');
    writeFileSync(empty, '');
    await assert.rejects(wh.ingestor.ingest('finess', { kind: 'file', path: empty }), /empty\.csv: empty file/);
    const zip = join(wh.dir, 'finess.xlsx');
    writeFileSync(zip, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x0a]));
    await assert.rejects(wh.ingestor.ingest('finess', { kind: 'file', path: zip }), /finess\.xlsx, line 1: not a FINESS etalab extract .*binary/);
  });
});

describe('finess codes', () => {
  it('reads FINESS numbers', () => {
    assert.equal(normaliseFiness('010000024'), '010000024');
    assert.equal(normaliseFiness(' 2a0000105 '), '2A0000105');
    assert.equal(normaliseFiness('10000024'), '010000024');
    assert.equal(normaliseFiness('01000002'), null);
    assert.equal(normaliseFiness('9A0000024'), null);
  });

  it('maps FINESS départements to the COG', () => {
    assert.deepEqual(['9A', '9B', '9C', '9D', '9E', '9F'].map(cogDepartement), ['971', '972', '973', '974', '975', '976']);
    assert.deepEqual(['01', '1', '2A', '2b', '95'].map(cogDepartement), ['01', '01', '2A', '2B', '95']);
    assert.deepEqual(['00', '20', '96', '9Z', ''].map(cogDepartement), [null, null, null, null, null]);
  });

  it('builds commune codes the COG knows, current or former', () => {
    assert.equal(cogCommune('971', '101'), '97101');
    assert.equal(cogCommune('972', '101'), null);
    assert.equal(cogCommune('01', '53'), '01053');
    // Arboys en Bugey took over 01340 in 2016: an old FINESS record keeps it.
    assert.equal(cogCommune('01', '340'), '01340');
    assert.equal(cogCommune('01', '999'), null);
  });

  it('decodes again a UTF-8 field read as windows-1252, and only such a field', () => {
    assert.equal(repairUtf8Field('RÃ‰SIDENCE Ã‰TÃ‰'), 'RÉSIDENCE ÉTÉ');
    assert.equal(repairUtf8Field('RÃ\u0089SIDENCE'), 'RÉSIDENCE');
    assert.equal(repairUtf8Field('HÃ´PITAL D\u00e2\u20ac\u201cAMBÃ©RIEU'), 'HôPITAL D\u2013AMBéRIEU');
    assert.equal(repairUtf8Field('CÔTE-D\'OR ÉTÉ'), "CÔTE-D'OR ÉTÉ");
    assert.equal(repairUtf8Field('Ã'), 'Ã');
  });

  it('names the projection closing the coordinate source', () => {
    assert.equal(projectionOf('1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,UTM_S40'), 'UTM_S40');
    assert.equal(projectionOf('1,ATLASANTE,96,BAN,EPSG:2154 RGF93 / Lambert-93 (Métropole)'), 'LAMBERT_93');
    assert.equal(projectionOf(''), null);
  });
});

describe('finess reader against the synthetic hospital', () => {
  const wh = new TestWarehouse();
  after(() => wh.remove());

  it('repairs or reports every dirty value of the ground truth and loses no row', async () => {
    const score = await scoreAgainstGroundTruth(wh, await generatedHospital(300, 7), 'finess');
    assert.deepEqual(score.mismatches, []);
    for (const [table, t] of Object.entries(score.tables)) {
      assert.ok(t.written > 0, `the generator wrote no ${table} rows`);
      assert.equal(t.loaded + t.quarantined, t.written, table);
    }
  });
});
