import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseDecimal } from '../normalise/decimal.ts';
import { normaliseClass, surveyOfFileName, yearOfFileName } from './reader.ts';
import { generatedHospital, scoreAgainstGroundTruth } from '../../../test/support/ground-truth.ts';
import { SHARED_REAL, TestWarehouse } from '../../../test/support/workspace.ts';

const REAL_NAME = 'resultats-esatis48h-mco-open-data-2019.lines1-61.csv';
const REAL = join(SHARED_REAL, REAL_NAME);

/** The 2019 header of the real file. */
const HEADER_2019 =
  'finess;rs_finess;finess_geo;rs_finess_geo;region;participation;Depot;nb_rep_score_all_rea_ajust;score_all_rea_ajust;classement;evolution;' +
  'nb_rep_score_accueil_rea_ajust;score_accueil_rea_ajust;nb_rep_score_PECinf_rea_ajust;score_PECinf_rea_ajust;nb_rep_score_PECmed_rea_ajust;' +
  'score_PECmed_rea_ajust;nb_rep_score_chambre_rea_ajust;score_chambre_rea_ajust;nb_rep_score_repas_rea_ajust;score_repas_rea_ajust;' +
  'nb_rep_score_sortie_rea_ajust;score_sortie_rea_ajust;taux_reco_brut;nb_reco_brut';

/** A row of the 2019 layout with the first eleven fields given and the sub-scores of a real row. */
function row2019(first11: string): string {
  return `${first11};81;71.36;81;82.45;81;80.72;81;74.86;81;64.99;81;68.85;51,9;81`;
}

describe('esatis reader', () => {
  const wh = new TestWarehouse();
  after(() => wh.remove());

  it('loads the real 2019 +48h MCO excerpt: 60 establishments, none lost', async () => {
    const report = await wh.ingestor.ingest('esatis', { kind: 'file', path: REAL });
    const { read, loaded, quarantined, warnings } = report.tables.resultat;
    assert.deepEqual({ read, loaded, quarantined, warnings }, { read: 60, loaded: 60, quarantined: 0, warnings: 0 });
    const rows = (await wh.rows('esatis', 'resultat')).filter((r) => r._file === REAL_NAME);
    // Line 2: 010780054;CH DE BOURG EN BRESSE FLEYRIAT;010000024;CENTRE HOSPITALIER DE FLEYRIAT;Auvergne-Rhône-Alpes;
    // 1- Obligatoire;1- Oui;81;75,09;B;3-Amélioration;…;51,9;81
    assert.deepEqual(
      { ...rows[0], _batch: undefined, batch: undefined },
      {
        survey: '48h-mco', year: 2019, finess_ej: '010780054', finess_geo: '010000024', name: 'CENTRE HOSPITALIER DE FLEYRIAT',
        region_label: 'Auvergne-Rhône-Alpes', participation: '1- Obligatoire', respondents: 81, score: 75.09, class: 'B',
        evolution: '3-Amélioration', reco_rate: 51.9, _batch: undefined, batch: undefined, _file: REAL_NAME, _line: 2,
      },
    );
    // Line 53 has the one score without decimals: …;307;71;C;1-Diminution;…;41;305
    const integer = rows.find((r) => r._line === 53)!;
    assert.deepEqual([integer.score, integer.respondents, integer.class, integer.reco_rate], [71, 307, 'C', 41]);
    // Line 8: 020000022;CENTRE HOSPITALIER DE GUISE;020000089;CH GUISE;Hauts de France;1- Obligatoire;2- Non;;;NR;;…
    const nr = rows.find((r) => r._line === 8)!;
    assert.deepEqual([nr.finess_geo, nr.score, nr.respondents, nr.class, nr.evolution], ['020000089', null, null, 'NR', null]);

    const classes = new Map<string, number>();
    for (const r of rows) classes.set(r.class as string, (classes.get(r.class as string) ?? 0) + 1);
    // SOURCES.md: A 5, B 16, C 18, D 8, DI 5, NV 5, NR 3; 13 empty scores, all DI/NV/NR.
    assert.deepEqual(Object.fromEntries([...classes].sort()), { A: 5, B: 16, C: 18, D: 8, DI: 5, NR: 3, NV: 5 });
    const empty = rows.filter((r) => r.score === null);
    assert.equal(empty.length, 13);
    assert.ok(empty.every((r) => ['DI', 'NV', 'NR'].includes(r.class as string)));
    assert.equal(new Set(rows.map((r) => r.finess_geo)).size, 60);
    assert.equal(new Set(rows.map((r) => r.finess_ej)).size, 56);
    assert.equal(rows.filter((r) => r.participation === '2- Facultatif').length, 6);
    assert.equal(rows.filter((r) => r.evolution === null).length, 13);
  });

  it('loading the same file twice adds nothing', async () => {
    mkdirSync(join(wh.dir, 'again'));
    const copy = join(wh.dir, 'again', REAL_NAME);
    copyFileSync(REAL, copy);
    const again = await wh.ingestor.ingest('esatis', { kind: 'file', path: copy });
    assert.equal(again.status, 'already-loaded');
  });

  it('refuses the HAS quality-indicator files as not e-Satis', async () => {
    await assert.rejects(
      wh.ingestor.ingest('esatis', { kind: 'file', path: join(SHARED_REAL, 'dan_mco_recueil2016_donnee2015_donnees.lines1-31.csv') }),
      /dan_mco_recueil2016_donnee2015_donnees\.lines1-31\.csv, line 1: not an e-Satis file: the header is comma-separated.*columns found: finess, Sources/,
    );
    await assert.rejects(
      wh.ingestor.ingest('esatis', { kind: 'file', path: join(SHARED_REAL, 'DPA_SSR_recueil2014_donnee2013_table_es.lines1-31.csv') }),
      /DPA_SSR_recueil2014_donnee2013_table_es\.lines1-31\.csv, line 1: not an e-Satis file: no score column .*columns found: raison_sociale, libelle_region, cat, finess/,
    );
    await assert.rejects(
      wh.ingestor.ingest('esatis', { kind: 'file', path: join(SHARED_REAL, 'lexique-esatis48h-mco-open-data-2019.csv') }),
      /not an e-Satis file: no finess column .*no score column .*columns found: Nom de la variable, Libellé de la variable/,
    );
  });

  it('maps drifting headers by name: upper case 2017, ambulatory surgery with a year column', async () => {
    const y2017 = join(wh.dir, 'ESATIS48H_MCO_recueil2017_donnees.csv');
    writeFileSync(
      y2017,
      Buffer.from(
        'FINESS;RS_FINESS;FINESS_GEO;RS_FINESS_GEO;REGION;PARTICIPATION;DEPOT;NB_REP_SCORE_ALL_REA_AJUST;SCORE_ALL_REA_AJUST;CLASSEMENT;EVOLUTION\n' +
          // 0x92 and 0x96 are CP1252's right quote and en dash (the real 2019 file has the dash).
          '010780054;CH DE BOURG;010000024;CH D\x92AMBÉRIEU \x96 SITE;Rhône-Alpes;1- Obligatoire;1- Oui;120;74,5;B;2-Stable\n',
        'latin1',
      ),
    );
    const ca = join(wh.dir, 'resultats-esatisca-open-data.csv');
    writeFileSync(ca, 'annee;raison_sociale;finess;nb_rep_score_all_ajust;score_all_ajust;classe\n2020;CLINIQUE AMBU;690000880;45;80.2;A\n');
    await wh.ingestor.ingest('esatis', { kind: 'file', path: y2017 });
    await wh.ingestor.ingest('esatis', { kind: 'file', path: ca });
    const rows = await wh.rows('esatis', 'resultat');
    const a = rows.find((r) => r._file === 'ESATIS48H_MCO_recueil2017_donnees.csv')!;
    assert.deepEqual(
      [a.survey, a.year, a.finess_ej, a.finess_geo, a.name, a.region_label, a.respondents, a.score, a.class, a.reco_rate],
      ['48h-mco', 2017, '010780054', '010000024', 'CH D\u2019AMBÉRIEU \u2013 SITE', 'Rhône-Alpes', 120, 74.5, 'B', null],
    );
    const b = rows.find((r) => r._file === 'resultats-esatisca-open-data.csv')!;
    assert.deepEqual(
      [b.survey, b.year, b.finess_ej, b.finess_geo, b.name, b.respondents, b.score, b.class],
      ['ca', 2020, '690000880', '690000880', 'CLINIQUE AMBU', 45, 80.2, 'A'],
    );
  });

  it('quarantines rows it cannot key or score, nulls what is optional, and loses none', async () => {
    const bad = join(wh.dir, 'resultats-esatis48h-mco-open-data-2020.csv');
    const lines = [
      HEADER_2019,
      row2019('010780054;CH A;010000024;SITE A;Auvergne-Rhône-Alpes;1- Obligatoire;1- Oui;81;75,0x;B;2-Stable'),
      row2019('010780054;CH A;010000032;SITE B;Auvergne-Rhône-Alpes;1- Obligatoire;1- Oui;81;123;A;2-Stable'),
      row2019('010780054;CH A;;SITE C;Auvergne-Rhône-Alpes;1- Obligatoire;1- Oui;81;75;B;2-Stable'),
      '010780054;CH A;010000040;SITE D;Auvergne-Rhône-Alpes;1- Obligatoire;1- Oui;81;75',
      row2019('010780054;"CH A;010000057;SITE E;Auvergne-Rhône-Alpes;1- Obligatoire;1- Oui;81;75;B;2-Stable'),
      '\u0000\u0001PK\u0003\u0004;;;',
      row2019('10780054;"CH ""A""";10000065;SITE F;Auvergne-Rhône-Alpes;1- Obligatoire;1- Oui;beaucoup;75.5;Classe b;2-Stable'),
      row2019('ABC;CH A;010000073;SITE G;Auvergne-Rhône-Alpes;1- Obligatoire;1- Oui;81;70;Z;2-Stable'),
    ];
    writeFileSync(bad, lines.join('\n') + '\n');
    const report = await wh.ingestor.ingest('esatis', { kind: 'file', path: bad });
    const { read, loaded, quarantined, warnings } = report.tables.resultat;
    assert.deepEqual({ read, loaded, quarantined, warnings }, { read: 8, loaded: 2, quarantined: 6, warnings: 3 });
    const issues = (await wh.issues('esatis')).filter((i) => i.file === 'resultats-esatis48h-mco-open-data-2020.csv');
    assert.deepEqual(
      issues.map((i) => [i.line, i.severity, i.code, i.field]),
      [
        [2, 'quarantine', 'number-unparseable', 'score_all_rea_ajust'],
        [3, 'quarantine', 'value-invalid', 'score_all_rea_ajust'],
        [4, 'quarantine', 'value-missing', 'finess_geo'],
        [5, 'quarantine', 'field-count', null],
        [6, 'quarantine', 'quote-unclosed', null],
        [7, 'quarantine', 'binary-content', null],
        [8, 'warning', 'number-unparseable', 'nb_rep_score_all_rea_ajust'],
        [9, 'warning', 'code-invalid', 'finess'],
        [9, 'warning', 'code-invalid', 'classement'],
      ],
    );
    assert.equal(issues[0].raw, lines[1]);
    const rows = (await wh.rows('esatis', 'resultat')).filter((r) => r._file === 'resultats-esatis48h-mco-open-data-2020.csv');
    assert.deepEqual(
      rows.map((r) => [r._line, r.year, r.finess_ej, r.finess_geo, r.name, r.respondents, r.score, r.class]),
      [
        [8, 2020, '010780054', '010000065', 'SITE F', null, 75.5, 'B'],
        [9, 2020, null, '010000073', 'SITE G', 81, 70, null],
      ],
    );
  });

  it('reads a file re-saved as UTF-8 and refuses UTF-16, binary and empty files clearly', async () => {
    const utf8 = join(wh.dir, 'esatis48h-2021.csv');
    writeFileSync(utf8, '\ufeff' + HEADER_2019 + '\n' + row2019('010780054;CH A;010000024;SITE A;Auvergne-Rhône-Alpes;1- Obligatoire;1- Oui;81;75,1;B;2-Stable') + '\n');
    await wh.ingestor.ingest('esatis', { kind: 'file', path: utf8 });
    const [row] = (await wh.rows('esatis', 'resultat')).filter((r) => r._file === 'esatis48h-2021.csv');
    assert.deepEqual([row.region_label, row.year, row.score], ['Auvergne-Rhône-Alpes', 2021, 75.1]);

    const utf16 = join(wh.dir, 'esatis48h-2022.csv');
    writeFileSync(utf16, Buffer.from('\ufeff' + HEADER_2019 + '\n', 'utf16le'));
    await assert.rejects(wh.ingestor.ingest('esatis', { kind: 'file', path: utf16 }), /esatis48h-2022\.csv, line 1: not an e-Satis file: binary content/);
    const xlsx = join(wh.dir, 'esatis48h-2023.xlsx');
    writeFileSync(xlsx, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x0a, 0x3b]));
    await assert.rejects(wh.ingestor.ingest('esatis', { kind: 'file', path: xlsx }), /esatis48h-2023\.xlsx, line 1: not an e-Satis file: binary content/);
    const empty = join(wh.dir, 'esatis48h-2024.csv');
    writeFileSync(empty, '');
    await assert.rejects(wh.ingestor.ingest('esatis', { kind: 'file', path: empty }), /esatis48h-2024\.csv: empty file/);
    const noYear = join(wh.dir, 'esatis48h-latest.csv');
    writeFileSync(noYear, HEADER_2019 + '\n');
    await assert.rejects(wh.ingestor.ingest('esatis', { kind: 'file', path: noYear }), /esatis48h-latest\.csv: the year of the results/);
  });

  it('reads survey and year from file names', () => {
    assert.equal(surveyOfFileName('resultats-esatis48h-mco-open-data-2019.csv'), '48h-mco');
    assert.equal(surveyOfFileName('ESATIS48H_MCO_recueil2017_donnees.csv'), '48h-mco');
    assert.equal(surveyOfFileName('resultats-esatisca-open-data-2019.csv'), 'ca');
    assert.equal(yearOfFileName('resultats-esatis48h-mco-open-data-2019.lines1-61.csv'), 2019);
    assert.equal(yearOfFileName('dan_mco_recueil2016_donnee2015_donnees.csv'), 2016);
    assert.equal(yearOfFileName('ESATIS48H_MCO_recueil2017_lexique.csv'), 2017);
    assert.equal(yearOfFileName('esatis48h.csv'), null);
  });

  it('reads decimals with a comma or a point and classes in any spelling', () => {
    assert.deepEqual(['75,09', '71.36', '71', ' 0,5 ', '', '7,5,1', '1e3', 'NA'].map(parseDecimal), [75.09, 71.36, 71, 0.5, null, null, null, null]);
    assert.deepEqual(['B', 'di', 'Classe A', 'E', ''].map(normaliseClass), ['B', 'DI', 'A', null, null]);
  });
});

describe('esatis reader against the synthetic hospital', () => {
  const wh = new TestWarehouse();
  after(() => wh.remove());

  it('repairs or reports every dirty value of the ground truth and loses no row', async () => {
    const score = await scoreAgainstGroundTruth(wh, await generatedHospital(300, 7), 'esatis');
    assert.deepEqual(score.mismatches, []);
    for (const [table, t] of Object.entries(score.tables)) {
      assert.ok(t.written > 0, `the generator wrote no ${table} rows`);
      assert.equal(t.loaded + t.quarantined, t.written, table);
    }
  });
});
