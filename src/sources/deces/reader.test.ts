import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseInseeDate, UNKNOWN_YEAR } from './insee-date.ts';
import { splitName } from './record.ts';
import { parsePartialDate } from '../normalise/dates.ts';
import { TestWarehouse } from '../../../test/support/workspace.ts';

/**
 * A fixed-width record laid out as docs/raw-zone.md says (1–80 name, 81 sex, 82–89 birth date,
 * 90–94 birth place, 95–124 birth commune, 125–154 birth country, 155–162 death date, 163–167
 * death place, 168–176 record number, filler to 200).
 */
function fixedLine(r: {
  name: string; sex: string; birth: string; birthPlace: string; commune: string; country: string;
  death: string; deathPlace: string; record: string;
}): string {
  const line = r.name.padEnd(80) + r.sex + r.birth + r.birthPlace.padEnd(5) + r.commune.padEnd(30) +
    r.country.padEnd(30) + r.death + r.deathPlace.padEnd(5) + r.record.padEnd(9) + ' '.repeat(24);
  assert.equal(line.length, 200, `test record of ${line.length} characters`);
  return line;
}

const MARTIN = { name: 'MARTIN*JEAN PIERRE/', sex: '1', birth: '19300512', birthPlace: '75056', commune: 'PARIS', country: '', death: '20190304', deathPlace: '13055', record: '123' };
const LE_GALL = { name: 'LE GALL-KERIVEL*MARIE-THÉRÈSE ANNE/', sex: '2', birth: '19251100', birthPlace: '2A004', commune: 'AJACCIO', country: '', death: '20190700', deathPlace: '2B033', record: '7' };
const BENALI = { name: 'BENALI*AHMED/', sex: '1', birth: '19400000', birthPlace: '99350', commune: 'CASABLANCA', country: 'MAROC', death: '20190000', deathPlace: '75056', record: '456' };
const DUPRE = { name: 'DUPRÉ*HÉLÈNE/', sex: '2', birth: '19281231', birthPlace: '97411', commune: 'SAINT-DENIS', country: 'LA REUNION', death: '20191230', deathPlace: '97411', record: '000000900' };
const DOE = { name: 'DOE*JOHN/', sex: '1', birth: '00000000', birthPlace: '99999', commune: '', country: 'INCONNU', death: '20190615', deathPlace: '69123', record: '12' };

const RAW_COLUMNS = [
  'death_link_id', 'sex', 'birth_year', 'birth_month', 'birth_place_code', 'birth_country', 'death_date',
  'death_year', 'death_month', 'death_place_code', 'death_record_number', 'age_at_death',
] as const;

/** The raw-zone columns of a row, dates as `YYYY-MM-DD`. */
function values(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(RAW_COLUMNS.map((c) => {
    const v = row[c];
    return [c, v instanceof Date ? v.toISOString().slice(0, 10) : v];
  }));
}

describe('deces reader', () => {
  const wh = new TestWarehouse();
  after(() => wh.remove());
  const link = (id: string) => wh.pseudonymiser.pseudonym('death-link', id);

  // What the five records above must become, worked out by hand from the contract.
  const expected = () => [
    { death_link_id: link('MARTIN|JEAN|M|19300512'), sex: 'M', birth_year: 1930, birth_month: 5, birth_place_code: '75056', birth_country: null,
      death_date: '2019-03-04', death_year: 2019, death_month: 3, death_place_code: '13055', death_record_number: '123', age_at_death: 88 },
    { death_link_id: link('LE GALL KERIVEL|MARIE|F|19251100'), sex: 'F', birth_year: 1925, birth_month: 11, birth_place_code: '2A004', birth_country: null,
      death_date: null, death_year: 2019, death_month: 7, death_place_code: '2B033', death_record_number: '7', age_at_death: null },
    { death_link_id: link('BENALI|AHMED|M|19400000'), sex: 'M', birth_year: 1940, birth_month: null, birth_place_code: '99350', birth_country: 'MAROC',
      death_date: null, death_year: 2019, death_month: null, death_place_code: '75056', death_record_number: '456', age_at_death: null },
    { death_link_id: link('DUPRE|HELENE|F|19281231'), sex: 'F', birth_year: 1928, birth_month: 12, birth_place_code: '97411', birth_country: 'LA REUNION',
      death_date: '2019-12-30', death_year: 2019, death_month: 12, death_place_code: '97411', death_record_number: '000000900', age_at_death: 90 },
    { death_link_id: link('DOE|JOHN|M|00000000'), sex: 'M', birth_year: null, birth_month: null, birth_place_code: '99999', birth_country: 'INCONNU',
      death_date: '2019-06-15', death_year: 2019, death_month: 6, death_place_code: '69123', death_record_number: '12', age_at_death: null },
  ];

  it('reads fixed-width lines: 00 days and months, Corsica, abroad, overseas, a Latin-1 line in a UTF-8 file', async () => {
    const path = join(wh.dir, 'deces-2019.txt');
    writeFileSync(path, Buffer.concat([
      Buffer.from([MARTIN, LE_GALL, BENALI].map(fixedLine).join('\n') + '\n', 'utf8'),
      // A line of an ISO-8859-1 file concatenated into a UTF-8 one: É and È as single bytes.
      Buffer.from(fixedLine(DUPRE) + '\n', 'latin1'),
      Buffer.from(fixedLine(DOE) + '\r\n\n', 'utf8'),
    ]));
    const report = await wh.ingestor.ingest('deces', { kind: 'file', path });
    const { read, loaded, quarantined, warnings, duplicates } = report.tables.deces;
    assert.deepEqual({ read, loaded, quarantined, warnings, duplicates }, { read: 5, loaded: 5, quarantined: 0, warnings: 0, duplicates: 0 });
    const rows = (await wh.rows('deces', 'deces')).filter((r) => r._file === 'deces-2019.txt');
    assert.deepEqual(rows.map(values), expected());
    assert.deepEqual(rows.map((r) => r._line), [1, 2, 3, 4, 5]);
  });

  it('reads the CSV variant, ;- or ,-separated, into the same rows (and counts them as duplicates of the fixed-width ones)', async () => {
    const header = '"nomprenom";"sexe";"datenaiss";"lieunaiss";"commnaiss";"paysnaiss";"datedeces";"lieudeces";"actedeces"';
    const csvLine = (r: typeof MARTIN, sep: string) =>
      [r.name, r.sex, r.birth, r.birthPlace, r.commune, r.country, r.death, r.deathPlace, r.record].map((v) => `"${v}"`).join(sep);
    const semicolon = join(wh.dir, 'deces-2019.csv');
    writeFileSync(semicolon, [header, ...[MARTIN, LE_GALL, BENALI, DUPRE, DOE].map((r) => csvLine(r, ';'))].join('\n') + '\n');
    const report = await wh.ingestor.ingest('deces', { kind: 'file', path: semicolon });
    const { read, loaded, duplicates } = report.tables.deces;
    assert.deepEqual({ read, loaded, duplicates }, { read: 5, loaded: 5, duplicates: 5 });
    const rows = (await wh.rows('deces', 'deces')).filter((r) => r._file === 'deces-2019.csv');
    assert.deepEqual(rows.map(values), expected());
    assert.deepEqual(rows.map((r) => r._line), [2, 3, 4, 5, 6]);

    // Comma-separated, a name holding the separator inside its quotes, CRLF endings.
    const comma = join(wh.dir, 'deces-comma.csv');
    const odd = { ...MARTIN, name: 'MARTIN, DIT DUPONT*JEAN/', record: '124' };
    writeFileSync(comma, [header.replaceAll(';', ','), csvLine(odd, ','), csvLine(DUPRE, ',')].join('\r\n') + '\r\n');
    await wh.ingestor.ingest('deces', { kind: 'file', path: comma });
    const commaRows = (await wh.rows('deces', 'deces')).filter((r) => r._file === 'deces-comma.csv').map(values);
    assert.deepEqual(commaRows, [{ ...expected()[0], death_link_id: link('MARTIN DIT DUPONT|JEAN|M|19300512'), death_record_number: '124' }, expected()[3]]);
  });

  it('quarantines what cannot be a death record, nulls what only linkage needs, and loses no row', async () => {
    const path = join(wh.dir, 'deces-bad.txt');
    const lines = [
      fixedLine(MARTIN).slice(0, 150),                                   // 1 truncated
      fixedLine({ ...MARTIN, sex: '3' }),                                // 2 sex neither 1 nor 2
      fixedLine({ ...MARTIN, birth: '19301345', record: '2' }),          // 3 impossible birth date
      fixedLine({ ...MARTIN, death: '2019ABCD' }),                       // 4 unreadable death date
      fixedLine({ ...MARTIN, deathPlace: '' }),                          // 5 no death place
      '\u0000\u0001\u0002' + 'x'.repeat(197),                            // 6 binary garbage
      '',                                                                // 7 blank: no record
      fixedLine({ ...MARTIN, death: '00000000' }),                       // 8 death year unknown
      fixedLine(MARTIN) + fixedLine(BENALI),                             // 9 two records glued together
      fixedLine({ ...MARTIN, death: '20190231' }),                       // 10 31 February
      fixedLine({ ...MARTIN, name: '', record: '3' }),                   // 11 no name
      fixedLine({ ...MARTIN, birth: '20190305', record: '4' }),          // 12 born the day after death
      fixedLine({ ...MARTIN, birth: '20190300', record: '5' }),          // 13 born in the month of death: plausible
    ];
    writeFileSync(path, lines.join('\n') + '\n');
    const report = await wh.ingestor.ingest('deces', { kind: 'file', path });
    const { read, loaded, quarantined, warnings } = report.tables.deces;
    assert.deepEqual({ read, loaded, quarantined, warnings }, { read: 12, loaded: 5, quarantined: 7, warnings: 4 });

    const issues = (await wh.issues('deces')).filter((i) => i.file === 'deces-bad.txt');
    assert.deepEqual(
      issues.map((i) => [i.line, i.severity, i.code, i.field, JSON.parse(i.params as string)]),
      [
        [1, 'quarantine', 'line-length', null, { expected: 200, actual: 150 }],
        [2, 'warning', 'sex-unknown', 'sexe', { column: 'sexe', raw: '3' }],
        [3, 'warning', 'date-unparseable', 'datenaiss', { column: 'datenaiss', raw: '193013**' }],
        [4, 'quarantine', 'date-unparseable', 'datedeces', { column: 'datedeces', raw: '2019ABCD' }],
        [5, 'quarantine', 'value-missing', 'lieudeces', { column: 'lieudeces' }],
        [6, 'quarantine', 'binary-content', null, {}],
        [8, 'quarantine', 'date-unparseable', 'datedeces', { column: 'datedeces', raw: '00000000' }],
        [9, 'quarantine', 'line-length', null, { expected: 200, actual: 400 }],
        [10, 'quarantine', 'date-unparseable', 'datedeces', { column: 'datedeces', raw: '20190231' }],
        [11, 'warning', 'value-missing', 'nomprenom', { column: 'nomprenom' }],
        [12, 'warning', 'date-out-of-range', 'datenaiss', { column: 'datenaiss', raw: '201903**' }],
      ],
    );
    // Quarantine keeps the line, but neither the name nor the birth day (direct identifiers).
    assert.equal(issues[0].raw, 'AAAAAA*AAAA AAAAAA/'.padEnd(80) + '1193005**' + lines[0].slice(89));
    assert.equal(issues[1].raw, 'AAAAAA*AAAA AAAAAA/'.padEnd(80) + '3193005**' + lines[1].slice(89));
    assert.ok(issues.every((i) => !/MARTIN|JEAN|BENALI|19300512/.test(`${i.raw} ${i.params} ${i.message}`)), 'identifiers in quarantine');

    const rows = (await wh.rows('deces', 'deces')).filter((r) => r._file === 'deces-bad.txt');
    assert.deepEqual(rows.map((r) => [r._line, r.sex, r.death_link_id, r.birth_year, r.age_at_death]), [
      [2, null, link('MARTIN|JEAN||19300512'), 1930, 88],
      [3, 'M', link('MARTIN|JEAN|M|19301345'), null, null],
      [11, 'M', null, 1930, 88],
      [12, 'M', link('MARTIN|JEAN|M|20190305'), null, null],
      [13, 'M', link('MARTIN|JEAN|M|20190300'), 2019, null],
    ]);
  });

  it('quarantines CSV rows cut short or missing a field', async () => {
    const path = join(wh.dir, 'deces-bad.csv');
    const lines = [
      'nomprenom;sexe;datenaiss;lieunaiss;commnaiss;paysnaiss;datedeces;lieudeces;actedeces',
      'MARTIN*JEAN/;1;19300512;75056;PARIS;;20190304;13055;123',
      '"MARTIN*JEAN/";"1";"19300512";"75056";"PAR',
      'MARTIN*JEAN/;1;19300512;75056;PARIS;20190304;13055;123',
      'MARTIN*JEAN/;9;19300512;75056;PARIS;;20190304;13055;124',
    ];
    writeFileSync(path, lines.join('\n') + '\n');
    const report = await wh.ingestor.ingest('deces', { kind: 'file', path });
    assert.deepEqual([report.tables.deces.read, report.tables.deces.loaded, report.tables.deces.quarantined], [4, 2, 2]);
    const issues = (await wh.issues('deces')).filter((i) => i.file === 'deces-bad.csv');
    assert.deepEqual(issues.map((i) => [i.line, i.code, JSON.parse(i.params as string), i.raw]), [
      [3, 'quote-unclosed', {}, '"AAAAAA*AAAA/";"9";"99999999";"99999";"AAA'],
      [4, 'field-count', { expected: 9, actual: 8 }, 'AAAAAA*AAAA/;9;99999999;99999;AAAAA;99999999;99999;999'],
      [5, 'sex-unknown', { column: 'sexe', raw: '9' }, '"AAAAAA*AAAA/";"9";"193005**";"75056";"PARIS";"";"20190304";"13055";"124"'],
    ]);
  });

  it('reads lines padded by bytes rather than characters', async () => {
    const path = join(wh.dir, 'deces-bytes.txt');
    // 'É' is two bytes in UTF-8: padded to 80 bytes, the name field is 79 characters.
    const line = 'DUPRÉ*LUC/'.padEnd(79) + fixedLine(MARTIN).slice(80);
    const unknownSex = 'DUPRÉ*LUC/'.padEnd(79) + fixedLine({ ...MARTIN, sex: '0' }).slice(80);
    writeFileSync(path, [line, unknownSex].join('\n') + '\n');
    await wh.ingestor.ingest('deces', { kind: 'file', path });
    const rows = (await wh.rows('deces', 'deces')).filter((r) => r._file === 'deces-bytes.txt');
    assert.deepEqual(rows.map(values), [
      { ...expected()[0], death_link_id: link('DUPRE|LUC|M|19300512') },
      { ...expected()[0], death_link_id: link('DUPRE|LUC||19300512'), sex: null },
    ]);
    const issues = (await wh.issues('deces')).filter((i) => i.file === 'deces-bytes.txt');
    assert.deepEqual(issues.map((i) => [i.line, i.code, i.raw]), [
      [2, 'sex-unknown', 'AAAAA*AAA/'.padEnd(79) + '0193005**' + unknownSex.slice(88)],
    ]);
  });

  it('refuses an empty file, a CSV header of another layout and a file of another kind, naming the file and line', async () => {
    const empty = join(wh.dir, 'empty.txt');
    writeFileSync(empty, '\n\n');
    await assert.rejects(wh.ingestor.ingest('deces', { kind: 'file', path: empty }), /empty\.txt: empty file/);
    const drifted = join(wh.dir, 'drifted.csv');
    writeFileSync(drifted, '"nom";"prenom";"sexe";"datenaiss";"lieunaiss";"datedeces";"lieudeces"\n"MARTIN";"JEAN";"1";"19300512";"75056";"20190304";"13055"\n');
    await assert.rejects(wh.ingestor.ingest('deces', { kind: 'file', path: drifted }), /drifted\.csv, line 1: header does not match/);
    const other = join(wh.dir, 'other.json');
    writeFileSync(other, '\n{"deaths": []}\n');
    await assert.rejects(wh.ingestor.ingest('deces', { kind: 'file', path: other }), /other\.json, line 2: header does not match/);
  });

  it('counts a record repeated within a file and across files once (K7), and loads the same file only once', async () => {
    const dup = new TestWarehouse();
    try {
      const a = join(dup.dir, 'deces-2019-m01.txt');
      const b = join(dup.dir, 'deces-2019-m02.txt');
      writeFileSync(a, [MARTIN, DUPRE].map(fixedLine).join('\n') + '\n');
      // MARTIN again (sent in January and again in February), DOE twice in February.
      writeFileSync(b, [MARTIN, DOE, DOE, { ...DUPRE, record: '901' }].map(fixedLine).join('\n') + '\n');
      const first = await dup.ingestor.ingest('deces', { kind: 'file', path: a });
      assert.equal(first.tables.deces.duplicates, 0);
      const second = await dup.ingestor.ingest('deces', { kind: 'file', path: b });
      assert.deepEqual([second.tables.deces.loaded, second.tables.deces.duplicates], [4, 2]);

      const copy = join(dup.dir, 'copy-of-m01.txt');
      copyFileSync(a, copy);
      const again = await dup.ingestor.ingest('deces', { kind: 'file', path: copy });
      assert.equal(again.status, 'already-loaded');
      assert.equal((await dup.rows('deces', 'deces')).length, 6);
    } finally {
      dup.remove();
    }
  });

  it('splits NOM*PRENOMS/ into surname and given names', () => {
    assert.deepEqual(splitName('MARTIN*JEAN PIERRE/'), ['MARTIN', 'JEAN PIERRE']);
    assert.deepEqual(splitName('DE LA TOUR D AUVERGNE*MARIE-ANNE/'), ['DE LA TOUR D AUVERGNE', 'MARIE-ANNE']);
    assert.deepEqual(splitName('MARTIN*/'), ['MARTIN', '']);
    assert.deepEqual(splitName('MARTIN*JEAN PIERRE ANTOINE'), ['MARTIN', 'JEAN PIERRE ANTOINE']);
    assert.deepEqual(splitName('MARTIN/'), ['MARTIN', '']);
    assert.deepEqual(splitName(''), ['', '']);
  });

  it('reads AAAAMMJJ dates under the same rules as parsePartialDate', () => {
    const samples = ['19300512', '19300500', '19300015', '19300000', '20000229', '19000229', '20190231', '20191301',
      '20190132', '17991231', '22001231', '22011231', '19301345', '2019-03-04', '04/03/2019', '2019ABCD', ''];
    for (const text of samples) assert.deepEqual(parseInseeDate(text), parsePartialDate(text), text);
    assert.equal(parseInseeDate('00000000'), UNKNOWN_YEAR);
    assert.equal(parseInseeDate('00000512'), UNKNOWN_YEAR);
  });
});
