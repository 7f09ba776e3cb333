import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DIAGNOSES, ESATIS_HEADER, FINESS_HEADER, generateFiles, openGenerator, RPPS_HEADER, SEJOURS_HEADER, type GeneratedManifest } from './generate.ts';
import { SCALES, type Scale } from './scales.ts';
import { sqlFile } from './sql-files.ts';
import type { Engine } from '../../src/warehouse/engine.ts';

const scale: Scale = {
  ...SCALES.tiny,
  name: 'test',
  consultationSteps: [2_000],
  patients: 400,
  professionals: 50,
  rppsLines: 300,
  stays: 500,
  deaths: 4_000,
  establishments: 600,
};

function lines(path: string): string[] {
  const text = readFileSync(path, 'latin1');
  assert.ok(text.endsWith('\n'), `${path} ends with a newline`);
  return text.slice(0, -1).split('\n');
}

describe('scale generator: native formats', () => {
  let dir: string;
  let engine: Engine;
  let manifest: GeneratedManifest;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'entrepot-bench-gen-'));
    engine = await openGenerator(scale, 7, 1, join(dir, 'tmp'));
    manifest = await generateFiles(engine, { scale, dir, seed: 7, threads: 1, log: () => {} });
  });

  after(() => {
    engine?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes INSEE death records as 200-byte ASCII lines with the fields at their positions', () => {
    const records = lines(manifest.files.deces);
    // One record in 500 is repeated, as the registry repeats records across files.
    assert.equal(records.length, scale.deaths + Math.ceil((scale.deaths - 7) / 500));
    const raw = readFileSync(manifest.files.deces);
    assert.equal(raw.length, records.length * 201);
    for (const line of records) {
      assert.equal(line.length, 200);
      assert.match(line, /^[ -~]{200}$/);
      assert.match(line.slice(0, 80), /^[A-Z ]+\*[A-Z ]+\/ *$/);
      assert.match(line[80], /[12]/);
      assert.match(line.slice(81, 89), /^(18|19|20)\d{4}(0[1-9]|[12]\d|3[01]|00)$/);
      assert.match(line.slice(154, 162), /^(19[7-9]\d|20[0-2]\d)\d{4}$/);
      assert.match(line.slice(162, 167), /^(\d{5}|2[AB]\d{3})$/);
      assert.equal(line.slice(176), ' '.repeat(24));
    }
  });

  it('writes the stays export with its header, F + FINESS ids of the FINESS file and DD/MM/YYYY dates', () => {
    const [header, ...rows] = lines(manifest.files.sejours);
    assert.equal(header, SEJOURS_HEADER);
    assert.equal(rows.length, scale.stays);
    const finess = new Set(lines(manifest.files.finess).filter((l) => l.startsWith('structureet;')).map((l) => l.split(';')[1]));
    for (const row of rows) {
      const fields = row.split(';');
      assert.equal(fields.length, 7);
      assert.match(fields[2], /^F[0-9][0-9AB]\d{7}(01012007)?$/);
      assert.ok(finess.has(fields[2].slice(1, 10)), `${fields[2]} is in the FINESS extract`);
      assert.match(fields[5], /^\d{2}\/\d{2}\/20(1[5-9]|2[0-4])$/);
      assert.ok(Number(fields[1]) >= 1 && Number(fields[1]) <= scale.patients);
    }
    const sorted = rows.map((r) => r.split(';')[2].slice(0, 10));
    assert.deepEqual(sorted, [...sorted].sort(), 'sorted by establishment, like the real export');
  });

  it('writes the FINESS etalab extract: header, 32-field structureet lines, then geolocalisation lines', () => {
    const [header, ...rows] = lines(manifest.files.finess);
    assert.equal(header, FINESS_HEADER);
    const structures = rows.filter((r) => r.startsWith('structureet;'));
    const geo = rows.filter((r) => r.startsWith('geolocalisation;'));
    assert.equal(structures.length, scale.establishments);
    assert.equal(geo.length, scale.establishments);
    assert.ok(rows.indexOf(geo[0]) > rows.indexOf(structures.at(-1)!));
    for (const row of structures) {
      const f = row.split(';');
      assert.equal(f.length, 32);
      assert.equal(f[31], '');
      assert.match(f[1], /^(\d{2}|2[AB])\d{7}$/);
      assert.match(f[13], /^(\d{2}|2[AB]|9[A-F])$/);
      assert.match(f[12], /^\d{3}$/);
    }
    for (const row of geo) assert.equal(row.split(';').length, 6);
  });

  it('writes e-Satis files with the 2019 header and a decimal comma in the global score', () => {
    for (const file of manifest.files.esatis) {
      const [header, ...rows] = lines(file);
      assert.equal(header, ESATIS_HEADER);
      assert.ok(rows.length > 0);
      for (const row of rows) {
        const f = row.split(';');
        assert.equal(f.length, 25);
        if (['DI', 'NV', 'NR'].includes(f[9])) assert.equal(f[8], '');
        else assert.match(f[8], /^\d{2},\d{2}$/);
      }
    }
  });

  it('writes the RPPS activity file with its header and a trailing | on every line', () => {
    const text = readFileSync(manifest.files.rpps, 'utf8');
    const [header, ...rows] = text.slice(0, -1).split('\n');
    assert.equal(header, RPPS_HEADER);
    assert.equal(rows.length, scale.rppsLines);
    const finess = new Set(lines(manifest.files.finess).filter((l) => l.startsWith('structureet;')).map((l) => l.split(';')[1]));
    for (const row of rows) {
      const f = row.split('|');
      assert.equal(f.length, 18);
      assert.equal(f[17], '');
      if (f[11] !== '') assert.ok(finess.has(f[11]), `FINESS site ${f[11]} is in the FINESS extract`);
      assert.match(f[15], /^\d{2}\/\d{2}\/20[01]\d$/);
    }
  });

  it('makes consultations a function of their number, with their duplicates and missing keys', async () => {
    const params = { patients: scale.patients, professionals: scale.professionals, diagnoses: DIAGNOSES };
    const first = await engine.all(`SELECT * FROM (${sqlFile('care-db/consultation', { ...params, from: 0, to: 2000 })}) ORDER BY 1`);
    const tail = await engine.all(`SELECT * FROM (${sqlFile('care-db/consultation', { ...params, from: 1000, to: 2000 })}) ORDER BY 1`);
    assert.equal(first.length, 2000);
    assert.deepEqual(tail, first.slice(1000), 'a larger step only appends rows');
    const duplicate = first[1003] as Record<string, unknown>;
    const original = first[1002] as Record<string, unknown>;
    for (const column of ['Id_patient', 'Id_prof_sante', 'Code_diag', 'Date', 'Heure_debut']) assert.deepEqual(duplicate[column], original[column]);
    assert.ok(first.some((r) => Number((r as Record<string, unknown>).Id_patient) > scale.patients), 'some consultations name a missing patient');
  });
});
