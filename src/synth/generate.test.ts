import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { deathLinkId } from '../identity/pseudonymiser.ts';
import { compact } from './calendar.ts';
import { generateHospital, type GenerateOptions, type GenerateReport } from './generate.ts';
import { Hospital } from './model.ts';
import { CARE_TABLES } from './writers/care-db.ts';

const SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
const OPTIONS = { patients: 300, seed: 7, dirt: 0.05, fromYear: 2015, toYear: 2024 };

interface TruthLine {
  source: string;
  file: string | null;
  table: string;
  line: number;
  key: Record<string, number> | null;
  field: string | null;
  raw: string;
  outcome: string;
  code: string;
  expected: Record<string, unknown>;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const cp1252 = new TextDecoder('windows-1252');

/** Lines as the readers decode them: UTF-8 files fall back to CP1252 line by line, single-byte files are CP1252. */
function lines(path: string, encoding: 'utf-8' | 'single-byte'): string[] {
  const bytes = readFileSync(path);
  const out: string[] = [];
  let start = 0;
  for (let end = bytes.indexOf(10); end !== -1; end = bytes.indexOf(10, start)) {
    const line = bytes.subarray(start, end);
    if (encoding === 'single-byte') out.push(cp1252.decode(line));
    else {
      try {
        out.push(utf8.decode(line));
      } catch {
        out.push(cp1252.decode(line));
      }
    }
    start = end + 1;
  }
  assert.equal(start, bytes.length, `${path} ends with a newline`);
  return out;
}

function encodingOf(file: string): 'utf-8' | 'single-byte' {
  return /finess|esatis|deces-2019|sejours/.test(file) ? 'single-byte' : 'utf-8';
}

function truthOf(dir: string, source: string): TruthLine[] {
  return readFileSync(join(dir, 'ground-truth', `${source}.jsonl`), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as TruthLine);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => !f.startsWith('care-db') && f !== 'manifest.json' && statSync(join(dir, f)).isFile())
    .sort();
}

const CARE_TABLE_OF: Record<string, string> = { patient: 'Patient', consultation: 'Consultation' };

describe('entrepot generate', () => {
  const root = mkdtempSync(join(tmpdir(), 'entrepot-synth-'));
  const database = `entrepot_synth_test_${process.pid}_${Date.now().toString(36)}`;
  let serverUrl: string | null = null;
  let pglite: GenerateReport;
  let same: GenerateReport;
  let other: GenerateReport;
  let clean: GenerateReport | null = null;
  let db: PGlite;

  before(async () => {
    const admin = new pg.Client({ connectionString: SERVER, connectionTimeoutMillis: 3000 });
    try {
      await admin.connect();
      await admin.query(`CREATE DATABASE ${database}`);
      serverUrl = SERVER.replace(/\/postgres$/, `/${database}`);
    } catch {
      serverUrl = null;
    } finally {
      await admin.end().catch(() => {});
    }
    const run = (name: string, extra: Partial<GenerateOptions>): Promise<GenerateReport> =>
      generateHospital({ ...OPTIONS, out: join(root, name), ...extra });
    // The same seed through PGlite and through the real server must give the same files and rows.
    [pglite, same, other, clean] = await Promise.all([
      run('a', {}),
      run('b', serverUrl ? { pg: serverUrl } : {}),
      run('c', serverUrl ? { seed: 8, pg: serverUrl, pgSchema: 'hopital' } : { seed: 8 }),
      serverUrl ? run('clean', { dirt: 0, pg: serverUrl, pgSchema: 'propre' }) : Promise.resolve(null),
    ]);
    db = new PGlite(join(root, 'a', 'care-db', 'pgdata'));
    await db.waitReady;
  });

  after(async () => {
    await db?.close();
    rmSync(root, { recursive: true, force: true });
    if (serverUrl) {
      const admin = new pg.Client({ connectionString: SERVER });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    }
  });

  it('writes byte-identical files for the same seed, and different ones for another seed', () => {
    const files = filesUnder(pglite.out);
    assert.deepEqual(filesUnder(same.out), files);
    assert.ok(files.length >= 17, `expected every source and the ground truth, got ${files.join(', ')}`);
    for (const file of files) {
      assert.ok(readFileSync(join(pglite.out, file)).equals(readFileSync(join(same.out, file))), `${file} differs between two runs of seed 7`);
    }
    for (const file of files.filter((f) => !f.startsWith('ground-truth/esatis'))) {
      assert.ok(!readFileSync(join(pglite.out, file)).equals(readFileSync(join(other.out, file))), `${file} is the same for seeds 7 and 8`);
    }
  });

  it('writes the manifest the ingest side reads, with absolute paths', () => {
    const sources = pglite.manifest.sources;
    assert.equal(sources['care-db'].url, `pglite:${join(pglite.out, 'care-db', 'pgdata')}`);
    for (const name of ['sejours', 'finess', 'esatis', 'deces', 'rpps'] as const) {
      for (const file of sources[name].files!) assert.ok(statSync(file).isFile() && file.startsWith(pglite.out), file);
    }
    if (serverUrl) assert.match(other.manifest.sources['care-db'].url!, /entrepot_synth_test_.*[?&]schema=hopital/);
  });

  it('writes every fixed-width death record on 200 characters, except the truncated ones of the ground truth', () => {
    const truncated = new Set(truthOf(pglite.out, 'deces').filter((t) => t.code === 'line-length').map((t) => `${t.file}:${t.line}`));
    assert.ok(truncated.size > 0);
    for (const file of ['deces/deces-2019.txt', 'deces/deces-2020.txt']) {
      lines(join(pglite.out, file), encodingOf(file)).forEach((text, i) => {
        const listed = truncated.has(`${file}:${i + 1}`);
        assert.equal(text.length === 200, !listed, `${file}:${i + 1} is ${text.length} characters long`);
      });
    }
    assert.throws(() => utf8.decode(readFileSync(join(pglite.out, 'deces/deces-2019.txt'))), 'the 2019 file is ISO-8859-1');
    const csv = lines(join(pglite.out, 'deces/deces-2021.csv'), 'utf-8');
    assert.equal(csv[0], '"nomprenom";"sexe";"datenaiss";"lieunaiss";"commnaiss";"paysnaiss";"datedeces";"lieudeces";"actedeces"');
  });

  it('writes the FINESS extract in Latin-1 with 32-field structures and 6-field geolocations', () => {
    const file = pglite.manifest.sources.finess.files![0];
    const name = relative(pglite.out, file);
    assert.match(name, /^finess\/etalab-cs1100507-stock-\d{8}\.csv$/);
    const truncated = new Set(truthOf(pglite.out, 'finess').filter((t) => t.code === 'field-count').map((t) => t.line));
    const all = lines(file, 'single-byte');
    assert.match(all[0], /^finess;etalab;\d+;\d{4}-\d{2}-\d{2}$/);
    const departements = new Set<string>();
    const projections = new Set<string>();
    all.slice(1).forEach((text, i) => {
      const fields = text.split(';');
      const expected = fields[0] === 'structureet' ? 32 : fields[0] === 'geolocalisation' ? 6 : -1;
      if (truncated.has(i + 2)) assert.ok(fields.length < expected, `line ${i + 2} should be truncated`);
      else assert.equal(fields.length, expected, `line ${i + 2}: ${text}`);
      if (fields[0] === 'structureet' && fields.length === 32) departements.add(fields[13]);
      if (fields[0] === 'geolocalisation' && fields.length === 6) projections.add(fields[4].split(',').pop()!);
    });
    for (const d of ['2A', '2B', '9A', '9B', '9C', '9D', '9F', '75', '13']) assert.ok(departements.has(d), `département ${d} missing`);
    assert.deepEqual([...projections].sort(), ['LAMBERT_93', 'UTM_N20', 'UTM_N22', 'UTM_S38', 'UTM_S40']);
  });

  it('writes e-Satis in CP1252 with drifting headers and empty scores for DI/NV/NR', () => {
    for (const file of pglite.manifest.sources.esatis.files!) {
      const bytes = readFileSync(file);
      assert.throws(() => utf8.decode(bytes), `${file} is not UTF-8`);
      const all = lines(file, 'single-byte');
      const width = all[0].split(';').length;
      for (const text of all) assert.equal(text.split(';').length, width, `${file}: ${text}`);
      for (const row of all.slice(1).map((t) => t.split(';'))) {
        if (['DI', 'NV', 'NR'].includes(row[9])) assert.equal(row[8], '');
        else assert.match(row[8], /^\d+(,\d+)?$/);
      }
    }
    const files = pglite.manifest.sources.esatis.files!.map((f) => relative(pglite.out, f));
    const headerOf = (suffix: string) => lines(join(pglite.out, files.find((f) => f.endsWith(suffix))!), 'single-byte')[0].split(';');
    assert.equal(headerOf('open-data-2019.csv').length, 25);
    assert.equal(headerOf('recueil2017_donnees.csv').length, 23);
    assert.equal(headerOf('recueil2017_donnees.csv')[1], 'RS_FINESS');
    assert.ok(headerOf('esatisca-open-data-2020.csv').includes('score_ajust_esatis_ca'));
    assert.ok(readFileSync(pglite.manifest.sources.esatis.files![1]).includes(0x96), 'an en dash (0x96) as in the real 2019 file');
  });

  it('writes the stays CSV and the RPPS extract with their real headers and field counts', () => {
    const stays = lines(join(pglite.out, 'sejours/hospitalisations.csv'), 'single-byte');
    assert.equal(stays[0], 'Num_Hospitalisation;Id_patient;identifiant_organisation;Code_diagnostic;Suite_diagnostic_consultation;Date_Entree;Jour_Hospitalisation');
    const truncated = new Set(truthOf(pglite.out, 'sejours').filter((t) => t.code === 'field-count').map((t) => t.line));
    stays.slice(1).forEach((text, i) => {
      assert.ok(/^[\x20-\x7e]*$/.test(text), 'ASCII only');
      assert.equal(text.split(';').length === 7, !truncated.has(i + 2), text);
    });
    const rpps = lines(join(pglite.out, 'rpps/PS_LibreAcces_Personne_activite.txt'), 'utf-8');
    assert.ok(rpps[0].startsWith("Type d'identifiant PP|Identifiant PP|") && rpps[0].endsWith('Date fin activité|'));
    for (const text of rpps) assert.equal(text.split('|').length, 18, text);
  });

  it('points every ground-truth record at a line or row holding its raw text', async () => {
    let checked = 0;
    for (const source of ['care-db', 'sejours', 'finess', 'esatis', 'deces', 'rpps']) {
      const cache = new Map<string, string[]>();
      for (const t of truthOf(pglite.out, source)) {
        assert.ok(['repair', 'warning', 'quarantine', 'duplicate'].includes(t.outcome), t.outcome);
        if (t.file !== null) {
          const all = cache.get(t.file) ?? lines(join(pglite.out, t.file), encodingOf(t.file));
          cache.set(t.file, all);
          assert.ok(t.line >= 1 && t.line <= all.length, `${t.file}:${t.line} exists`);
          assert.ok(all[t.line - 1].includes(t.raw), `${t.file}:${t.line} holds ${JSON.stringify(t.raw)}`);
          if (t.outcome === 'duplicate') {
            const of = t.expected.of as { file: string; line: number };
            assert.ok(of.file === t.file ? of.line < t.line : of.file < t.file, 'a duplicate comes after its original');
          }
        } else {
          const table = CARE_TABLE_OF[t.table];
          const [keyColumn, key] = Object.entries(t.key!)[0];
          if (t.field) {
            const { rows } = await db.query<{ v: string }>(`SELECT "${t.field}"::text AS v FROM "${table}" WHERE "${keyColumn}" = $1`, [key]);
            assert.equal(rows[0]?.v, t.raw, `${table} ${key} ${t.field}`);
          } else {
            const select = (n: number) => db.query(`SELECT ${CARE_TABLES.Consultation.slice(1).map((c) => `"${c}"::text`).join(', ')} FROM "Consultation" WHERE "Num_consultation" = $1`, [n]);
            const original = (t.expected.of as Record<string, number>).Num_consultation;
            assert.deepEqual((await select(key)).rows, (await select(original)).rows, `consultation ${key} duplicates ${original}`);
          }
        }
        checked += 1;
      }
    }
    assert.ok(checked > 50, `${checked} records checked`);
    const summary = pglite.summary;
    for (const outcome of ['repair', 'warning', 'quarantine', 'duplicate']) {
      assert.ok(Object.values(summary.outcomes).some((o) => (o[outcome] ?? 0) > 0), `some ${outcome}`);
    }
    if (clean) {
      for (const source of ['care-db', 'sejours', 'finess', 'esatis', 'deces', 'rpps']) assert.deepEqual(truthOf(clean.out, source), [], `no dirt in ${source} at --dirt 0`);
    }
  });

  it("links each patient's death record to the patient: same name, sex and birth date as the care database", () => {
    const links = readFileSync(join(pglite.out, 'ground-truth', 'death-links.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    assert.ok(links.length > 0);
    const hospital = new Hospital(OPTIONS);
    for (const link of links) {
      const text = lines(join(pglite.out, link.file), encodingOf(link.file))[link.line - 1];
      const [name, sex, birth] = link.file.endsWith('.csv')
        ? text.split(';').map((f: string) => f.replace(/^"|"$/g, ''))
        : [text.slice(0, 80).trim(), text[80], text.slice(81, 89)];
      const [surname, given] = name.replace(/\/$/, '').split('*');
      assert.equal(deathLinkId(surname, given, sex === '1' ? 'M' : 'F', birth), link.death_link_key, text);
      const patient = hospital.patient(link.Id_patient);
      assert.equal(deathLinkId(patient.surname, patient.firstNames[0], patient.sex, compact(patient.birth)), link.death_link_key);
    }
  });

  it('creates the care tables with their exact quoted names and types, no foreign keys, a leap day and every year', async () => {
    const check = async (query: (sql: string) => Promise<Record<string, unknown>[]>, schema: string): Promise<void> => {
      const columns = await query(
        `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = '${schema}' ORDER BY table_name, ordinal_position`,
      );
      const byTable: Record<string, string[]> = {};
      for (const c of columns) (byTable[c.table_name as string] ??= []).push(c.column_name as string);
      assert.deepEqual(byTable, Object.fromEntries(Object.entries(CARE_TABLES).sort(([a], [b]) => (a < b ? -1 : 1))));
      const type = (table: string, column: string) => columns.find((c) => c.table_name === table && c.column_name === column)?.data_type;
      assert.equal(type('Patient', 'Date'), 'text');
      assert.equal(type('Consultation', 'Date'), 'date');
      assert.equal(type('Consultation', 'Heure_debut'), 'time without time zone');
      const fks = await query(`SELECT count(*)::int AS n FROM information_schema.table_constraints WHERE table_schema = '${schema}' AND constraint_type = 'FOREIGN KEY'`);
      assert.equal(fks[0].n, 0);
      const years = await query(`SELECT DISTINCT extract(year FROM "Date")::int AS y FROM "${schema}"."Consultation" ORDER BY 1`);
      assert.deepEqual(years.map((r) => r.y), [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
      const leap = await query(`SELECT count(*)::int AS n FROM "${schema}"."Consultation" WHERE "Date" = '2020-02-29'`);
      assert.ok((leap[0].n as number) > 0, 'a consultation on 29 February 2020');
    };
    await check(async (sql) => (await db.query<Record<string, unknown>>(sql)).rows, 'public');
    if (!serverUrl) return;
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await check(async (sql) => (await client.query(sql)).rows, 'public');
      await check(async (sql) => (await client.query(sql)).rows, 'hopital');
      // Same seed, two engines: the same rows.
      for (const table of Object.keys(CARE_TABLES)) {
        const sql = `SELECT t::text AS r FROM "public"."${table}" t ORDER BY 1`;
        const fromPglite = (await db.query<{ r: string }>(sql)).rows.map((r) => r.r);
        const fromServer = (await client.query<{ r: string }>(sql)).rows.map((r) => r.r);
        assert.deepEqual(fromServer, fromPglite, `${table} differs between PGlite and PostgreSQL`);
      }
    } finally {
      await client.end();
    }
  });

  it('samples direct identifiers for the privacy test', () => {
    const ids = JSON.parse(readFileSync(join(pglite.out, 'ground-truth', 'identifiers.json'), 'utf8'));
    for (const kind of ['surnames', 'phones', 'emails', 'nirs']) assert.ok(ids[kind].length > 10, kind);
    for (const nir of ids.nirs) assert.match(nir, /^[12]\d{4}(\d{2}|2A|2B)\d{8}$/);
  });
});
