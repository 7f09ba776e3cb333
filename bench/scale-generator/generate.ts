import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type pg from 'pg';
import { sqlFile } from './sql-files.ts';
import type { Scale } from './scales.ts';
import { copyFileInto, databaseExists, databaseUrl, recreateDatabase, withClient } from '../peer-postgres/pg.ts';
import { Engine, quoteIdentifier, quoteLiteral } from '../../src/warehouse/engine.ts';

/**
 * The benchmark's scale generator: DuckDB SQL over `range()` with seeded hash functions writes
 * each source in its native format (no row goes through JavaScript), and the care database is
 * loaded into PostgreSQL with COPY of DuckDB-written CSV.
 */

export const GENERATOR_VERSION = 2;
/** The hospital group's own establishments (FINESS), the first being the main hospital. */
export const GROUP_SIZE = 12;
export const DIAGNOSES = 3000;
export const ROOMS = 2000;
/** Consultations per CSV chunk loaded into PostgreSQL (disk stays bounded at 100M). */
const CHUNK = 5_000_000;

export interface SourceFiles {
  sejours: string;
  finess: string;
  esatis: string[];
  deces: string;
  rpps: string;
}

export interface GeneratedManifest {
  version: number;
  seed: number;
  scale: Scale;
  files: SourceFiles;
  /** Data lines per file (header excluded). */
  lines: Record<string, number>;
  bytes: Record<string, number>;
  /** FINESS of the group's main hospital: K1's establishment. */
  mainEstablishment: string;
  seconds: Record<string, number>;
}

export interface GeneratorOptions {
  scale: Scale;
  dir: string;
  seed: number;
  /** DuckDB threads. */
  threads: number;
  log: (line: string) => void;
}

type Log = (line: string) => void;

const require = createRequire(import.meta.url);
const cog = (name: string) => quoteLiteral(require.resolve(`@etalab/decoupage-administratif/data/${name}.json`));

export async function openGenerator(scale: Scale, seed: number, threads: number, tempDir: string): Promise<Engine> {
  mkdirSync(tempDir, { recursive: true });
  const engine = await Engine.open(':memory:', { threads: String(threads), temp_directory: tempDir, memory_limit: '4GB' });
  await engine.run(
    sqlFile('reference', {
      seed,
      communes_json: cog('communes'),
      regions_json: cog('regions'),
      departements_json: cog('departements'),
      diagnoses: DIAGNOSES,
      establishments: scale.establishments,
      group_size: GROUP_SIZE,
    }),
  );
  return engine;
}

async function count(engine: Engine, table: string): Promise<number> {
  return (await engine.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM ${table}`))!.n;
}

/**
 * Writes the query's `line` column as the file's lines, byte for byte: one unquoted CSV column
 * with a delimiter no line holds, the header (if any) as the column's name.
 */
async function writeLines(engine: Engine, sql: string, path: string, header: string | null): Promise<number> {
  if (/[\t"\n]/.test(header ?? '')) throw new Error(`header of ${path} holds a tab, quote or newline`);
  const column = quoteIdentifier(header ?? 'line');
  const written = await engine.one<{ Count: number }>(
    `COPY (SELECT line AS ${column} FROM (${sql})) TO ${quoteLiteral(path)} ` +
      `(FORMAT csv, HEADER ${header === null ? 'false' : 'true'}, QUOTE '', ESCAPE '', DELIMITER '\t')`,
  );
  return Number(written!.Count);
}

export const SEJOURS_HEADER = 'Num_Hospitalisation;Id_patient;identifiant_organisation;Code_diagnostic;Suite_diagnostic_consultation;Date_Entree;Jour_Hospitalisation';
export const FINESS_HEADER = 'finess;etalab;100;2024-06-30';
export const ESATIS_HEADER =
  'finess;rs_finess;finess_geo;rs_finess_geo;region;participation;Depot;nb_rep_score_all_rea_ajust;score_all_rea_ajust;classement;evolution;' +
  'nb_rep_score_accueil_rea_ajust;score_accueil_rea_ajust;nb_rep_score_PECinf_rea_ajust;score_PECinf_rea_ajust;nb_rep_score_PECmed_rea_ajust;' +
  'score_PECmed_rea_ajust;nb_rep_score_chambre_rea_ajust;score_chambre_rea_ajust;nb_rep_score_repas_rea_ajust;score_repas_rea_ajust;' +
  'nb_rep_score_sortie_rea_ajust;score_sortie_rea_ajust;taux_reco_brut;nb_reco_brut';
export const RPPS_HEADER =
  "Type d'identifiant PP|Identifiant PP|Identification nationale PP|Code civilité d'exercice|Libellé civilité d'exercice|Nom d'exercice|" +
  "Prénom d'exercice|Code profession|Libellé profession|Code mode exercice|Libellé mode exercice|Numéro FINESS site|" +
  'Numéro FINESS établissement juridique|Raison sociale site|Code commune (coord. structure)|Date début activité|Date fin activité|';
export const ESATIS_YEARS = [2019, 2020];

/** The sizes that decide the generated files (not the consultation steps, run counts or budgets). */
function fileSizes(scale: Scale): string {
  const { patients, professionals, rppsLines, stays, deaths, establishments } = scale;
  return JSON.stringify({ patients, professionals, rppsLines, stays, deaths, establishments });
}

function manifestMatches(path: string, scale: Scale, seed: number): GeneratedManifest | null {
  if (!existsSync(path)) return null;
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as GeneratedManifest;
  const same = manifest.version === GENERATOR_VERSION && manifest.seed === seed && fileSizes(manifest.scale) === fileSizes(scale);
  const present = same && [...Object.values(manifest.files).flat()].every((f) => existsSync(f));
  return present ? manifest : null;
}

/** Writes the file sources (everything but the care database) unless the same scale and seed are already there. */
export async function generateFiles(engine: Engine, options: GeneratorOptions): Promise<GeneratedManifest> {
  const { scale, dir, seed, log } = options;
  const manifestPath = join(dir, 'manifest.json');
  const existing = manifestMatches(manifestPath, scale, seed);
  if (existing) {
    log(`generate: reusing the files of ${dir} (same scale and seed)`);
    return existing;
  }
  mkdirSync(dir, { recursive: true });
  const files: SourceFiles = {
    sejours: join(dir, 'hospitalisations.csv'),
    finess: join(dir, 'etalab-cs1100507-stock-20240630.csv'),
    esatis: ESATIS_YEARS.map((year) => join(dir, `resultats-esatis48h-mco-open-data-${year}.csv`)),
    deces: join(dir, `deces-1970-2024.txt`),
    rpps: join(dir, 'PS_LibreAcces_Personne_activite_202406.txt'),
  };
  const lines: Record<string, number> = {};
  const seconds: Record<string, number> = {};
  const timed = async (name: string, work: () => Promise<number>) => {
    const started = performance.now();
    lines[name] = await work();
    seconds[name] = (performance.now() - started) / 1000;
    log(`generate: ${name} ${lines[name].toLocaleString('en')} lines in ${seconds[name].toFixed(1)} s`);
  };
  const hospitals = await count(engine, 'ref_hospital');
  const homeCommunes = await count(engine, 'ref_home');

  await timed('finess', () => writeLines(engine, sqlFile('finess-etalab'), files.finess, FINESS_HEADER));
  for (const [i, year] of ESATIS_YEARS.entries()) {
    await timed(`esatis-${year}`, () => writeLines(engine, sqlFile('esatis', { year }), files.esatis[i], ESATIS_HEADER));
  }
  await timed('rpps', () =>
    writeLines(
      engine,
      sqlFile('rpps-activite', { professionals: scale.professionals, lines: scale.rppsLines, group_size: GROUP_SIZE, hospitals, home_communes: homeCommunes }),
      files.rpps,
      RPPS_HEADER,
    ),
  );
  await timed('sejours', () =>
    writeLines(
      engine,
      sqlFile('sejours', { stays: scale.stays, patients: scale.patients, diagnoses: DIAGNOSES, group_size: GROUP_SIZE, hospitals }),
      files.sejours,
      SEJOURS_HEADER,
    ),
  );
  const deathPlaces = await count(engine, 'ref_death_place');
  const communes = await count(engine, 'ref_commune');
  await timed('deces', () =>
    writeLines(
      engine,
      sqlFile('deces-fixed-width', { deaths: scale.deaths, patients: scale.patients, death_places: deathPlaces, communes }),
      files.deces,
      null,
    ),
  );
  const main = await engine.one<{ finess: string }>('SELECT finess_et AS finess FROM ref_establishment WHERE idx = 0');
  const bytes = Object.fromEntries(
    Object.entries(files).flatMap(([name, f]) => (Array.isArray(f) ? f.map((p, i) => [`${name}-${ESATIS_YEARS[i]}`, p]) : [[name, f]]))
      .map(([name, path]) => [name, statSync(path).size]),
  );
  const manifest: GeneratedManifest = { version: GENERATOR_VERSION, seed, scale, files, lines, bytes, mainEstablishment: main!.finess, seconds };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return manifest;
}

export const CARE_DB_TABLES = [
  'Patient', 'Professionnel_de_sante', 'Specialites', 'Consultation', 'Diagnostic',
  'Mutuelle', 'Adher', 'Prescription', 'Medicaments', 'Salle', 'Laboratoire',
] as const;

const SMALL_TABLES: [table: (typeof CARE_DB_TABLES)[number], file: string][] = [
  ['Patient', 'patient'],
  ['Professionnel_de_sante', 'professionnel'],
  ['Specialites', 'specialites'],
  ['Diagnostic', 'diagnostic'],
  ['Mutuelle', 'mutuelle'],
  ['Adher', 'adher'],
  ['Medicaments', 'medicaments'],
  ['Laboratoire', 'laboratoire'],
  ['Salle', 'salle'],
];

interface CareDbState {
  version: number;
  seed: number;
  patients: number;
  professionals: number;
  consultations: number;
}

/**
 * Makes the care database hold exactly `consultations` consultations. A database of the same
 * seed and population with fewer consultations is extended (consultation rows are functions of
 * their number, so the 10M database is the 1M one plus 9M rows); anything else is rebuilt.
 */
export async function loadCareDb(
  engine: Engine,
  options: { scale: Scale; seed: number; serverUrl: string; database: string; consultations: number; tempDir: string; log: Log },
): Promise<{ seconds: number; rows: Record<string, number> }> {
  const { scale, seed, serverUrl, database, consultations, tempDir, log } = options;
  const started = performance.now();
  const url = databaseUrl(serverUrl, database);
  const wanted: CareDbState = { version: GENERATOR_VERSION, seed, patients: scale.patients, professionals: scale.professionals, consultations };
  let state: CareDbState | null = null;
  if (await databaseExists(serverUrl, database)) {
    state = await withClient(url, async (client) => {
      const found = await client.query(`SELECT to_regclass('bench_state') IS NOT NULL AS ok`);
      if (!found.rows[0].ok) return null;
      return (await client.query('SELECT state FROM bench_state')).rows[0]?.state ?? null;
    });
  }
  const sameBase = state && state.version === wanted.version && state.seed === seed && state.patients === wanted.patients &&
    state.professionals === wanted.professionals && state.consultations <= consultations;
  if (sameBase && state!.consultations === consultations) {
    log(`care-db: ${database} already holds ${consultations.toLocaleString('en')} consultations`);
    return { seconds: 0, rows: await careDbCounts(url) };
  }
  mkdirSync(tempDir, { recursive: true });
  const from = sameBase ? state!.consultations : 0;
  if (!sameBase) {
    await recreateDatabase(serverUrl, database);
    await withClient(url, async (client) => {
      await client.query(sqlFile('care-db/schema'));
      await client.query('CREATE TABLE bench_state (state jsonb)');
      for (const [table, file] of SMALL_TABLES) {
        const params = { patients: scale.patients, home_communes: await count(engine, 'ref_home'), professionals: scale.professionals, salles: ROOMS, consultations };
        await copyQuery(engine, client, table, sqlFile(`care-db/${file}`, params), tempDir);
      }
    });
  } else {
    await withClient(url, (client) => client.query(sqlFile('care-db/drop-keys')));
  }
  await withClient(url, async (client) => {
    // DuckDB writes chunk n+1 while PostgreSQL loads chunk n.
    let pending: Promise<void> = Promise.resolve();
    for (let lo = from; lo < consultations; lo += CHUNK) {
      const hi = Math.min(consultations, lo + CHUNK);
      const params = { from: lo, to: hi, patients: scale.patients, professionals: scale.professionals, diagnoses: DIAGNOSES, per_consultation: scale.prescriptionsPerConsultation };
      const consultationCsv = join(tempDir, `consultation-${lo}.csv`);
      const prescriptionCsv = join(tempDir, `prescription-${lo}.csv`);
      await Promise.all([
        engine.run(`COPY (${sqlFile('care-db/consultation', params)}) TO ${quoteLiteral(consultationCsv)} (FORMAT csv, HEADER false)`)
          .then(() => engine.run(`COPY (${sqlFile('care-db/prescription', params)}) TO ${quoteLiteral(prescriptionCsv)} (FORMAT csv, HEADER false)`)),
        pending,
      ]);
      pending = (async () => {
        await copyFileInto(client, '"Consultation"', consultationCsv);
        await copyFileInto(client, '"Prescription"', prescriptionCsv);
        rmSync(consultationCsv);
        rmSync(prescriptionCsv);
        log(`care-db: consultations up to ${hi.toLocaleString('en')} loaded`);
      })();
    }
    await pending;
    if (sameBase) await client.query('ALTER TABLE "Consultation" ADD PRIMARY KEY ("Num_consultation")');
    else await client.query(sqlFile('care-db/keys'));
    await client.query('ANALYZE "Consultation"; ANALYZE "Prescription"');
    await client.query('DELETE FROM bench_state');
    await client.query('INSERT INTO bench_state VALUES ($1)', [JSON.stringify(wanted)]);
  });
  const seconds = (performance.now() - started) / 1000;
  log(`care-db: ${database} holds ${consultations.toLocaleString('en')} consultations (${seconds.toFixed(1)} s)`);
  return { seconds, rows: await careDbCounts(url) };
}

async function copyQuery(engine: Engine, client: pg.Client, table: string, sql: string, tempDir: string): Promise<void> {
  const csv = join(tempDir, `${table}.csv`);
  await engine.run(`COPY (${sql}) TO ${quoteLiteral(csv)} (FORMAT csv, HEADER false)`);
  await copyFileInto(client, quoteIdentifier(table), csv);
  rmSync(csv);
}

export async function careDbCounts(url: string): Promise<Record<string, number>> {
  return withClient(url, async (client) => {
    const counts: Record<string, number> = {};
    for (const table of CARE_DB_TABLES) {
      counts[table] = Number((await client.query(`SELECT count(*) AS n FROM ${quoteIdentifier(table)}`)).rows[0].n);
    }
    return counts;
  });
}
