import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SourceName } from '../sources/types.ts';
import { ymd } from './calendar.ts';
import { Dirt } from './dirt.ts';
import { GroundTruth, type GroundTruthSummary } from './ground-truth.ts';
import { Hospital, type DeathRecord, type SynthOptions } from './model.ts';
import { openPostgres, type CareDbTarget } from './writers/care-db-target.ts';
import { CareDbWriter } from './writers/care-db.ts';
import { writeDeaths } from './writers/deces.ts';
import { writeEsatis } from './writers/esatis.ts';
import { writeFiness } from './writers/finess.ts';
import { writeRpps } from './writers/rpps.ts';
import { openPgliteInThread } from './writers/pglite-thread.ts';
import { SEJOURS_FILE, SejoursWriter } from './writers/sejours.ts';

export interface GenerateOptions extends SynthOptions {
  /** Output directory; the generator owns and replaces its sub-folders (listed in OWNED). */
  out: string;
  /** Write the care database into this PostgreSQL server instead of an embedded PGlite directory. */
  pg?: string;
  /** Schema of `pg` for the care database tables (default `public`). */
  pgSchema?: string;
  onProgress?: (message: string) => void;
}

export interface SourceManifest {
  url?: string;
  files?: string[];
}

export interface Manifest {
  seed: number;
  patients: number;
  fromYear: number;
  toYear: number;
  dirt: number;
  sources: Record<SourceName, SourceManifest>;
}

export interface GenerateReport {
  out: string;
  manifestPath: string;
  manifest: Manifest;
  /** Where the care database went, password removed. */
  careDb: string;
  summary: GroundTruthSummary;
  durationMs: number;
}

/** What the generator writes under `out`, removed first so that a re-run leaves nothing stale. */
const OWNED = ['care-db', 'sejours', 'finess', 'esatis', 'deces', 'rpps', 'ground-truth', 'manifest.json'];

export function validateOptions(options: SynthOptions): void {
  const problems: string[] = [];
  if (!Number.isInteger(options.patients) || options.patients < 1) problems.push('patients must be a positive integer');
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > 0xffffffff) problems.push('seed must be an integer in 0…4294967295');
  if (!(options.dirt >= 0 && options.dirt <= 0.2)) problems.push('dirt must be between 0 and 0.2');
  if (!Number.isInteger(options.fromYear) || !Number.isInteger(options.toYear) || options.fromYear < 1990 || options.toYear > 2100 || options.fromYear > options.toYear) {
    problems.push('years must satisfy 1990 <= from-year <= to-year <= 2100');
  }
  if (problems.length > 0) throw new RangeError(problems.join('; '));
}

/**
 * Writes a seeded synthetic hospital: every source in its native format, dirt included, and the
 * ground truth of that dirt. Same options, same bytes (the PGlite data directory aside, whose
 * pages are PostgreSQL's business: its rows are identical).
 */
export async function generateHospital(options: GenerateOptions): Promise<GenerateReport> {
  validateOptions(options);
  const started = performance.now();
  const out = resolve(options.out);
  const progress = options.onProgress ?? (() => {});
  mkdirSync(out, { recursive: true });
  for (const entry of OWNED) rmSync(join(out, entry), { recursive: true, force: true });

  const pgdata = join(out, 'care-db', 'pgdata');
  const schema = options.pgSchema ?? 'public';
  const careDbUrl = options.pg ? withSchema(options.pg, schema) : `pglite:${pgdata}`;
  progress(options.pg ? `connecting to the care database ${redact(careDbUrl)}` : 'creating the embedded care database (PGlite, in the background)');
  // Opened first: PGlite initialises in its own thread while the main thread writes the file sources.
  const target: CareDbTarget = options.pg ? await openPostgres(options.pg, schema) : openPgliteInThread(pgdata);
  const truth = new GroundTruth(out, options.seed, options.patients);
  let files: FileSources;
  try {
    files = await writeSources(out, options, target, truth, progress);
  } finally {
    await target.close();
  }
  const summary = truth.finish();

  const manifest: Manifest = {
    seed: options.seed,
    patients: options.patients,
    fromYear: options.fromYear,
    toYear: options.toYear,
    dirt: options.dirt,
    sources: {
      'care-db': { url: options.pg ? stripPassword(careDbUrl) : careDbUrl },
      sejours: { files: files.sejours },
      finess: { files: files.finess },
      esatis: { files: files.esatis },
      deces: { files: files.deces },
      rpps: { files: files.rpps },
    },
  };
  const manifestPath = join(out, 'manifest.json');
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  return { out, manifestPath, manifest, careDb: redact(careDbUrl), summary, durationMs: Math.round(performance.now() - started) };
}

type FileSources = Record<Exclude<SourceName, 'care-db'>, string[]>;

async function writeSources(
  out: string,
  options: GenerateOptions,
  target: CareDbTarget,
  truth: GroundTruth,
  progress: (message: string) => void,
): Promise<FileSources> {
  progress('building the group: establishments, sites and professionals');
  const hospital = new Hospital(options);
  const dirt = new Dirt(options.dirt);
  const finess = writeFiness(out, hospital, dirt, truth);
  const rpps = writeRpps(out, hospital, dirt, truth);
  const esatis = writeEsatis(out, hospital, truth);
  progress(`wrote FINESS (${hospital.establishments.length} establishments, ${hospital.sites.length} group sites), RPPS and e-Satis`);
  const patientDeaths = await writePatients(out, hospital, dirt, truth, target, progress);
  const deces = writeDeaths(out, hospital, dirt, truth, patientDeaths);
  progress('wrote the INSEE death files; finishing the care database');
  return { sejours: [join(out, SEJOURS_FILE)], finess: [finess], esatis, deces, rpps: [rpps] };
}

/** One pass over the patients feeds the care database and the stays file; returns the deaths the registry files must hold. */
async function writePatients(
  out: string,
  hospital: Hospital,
  dirt: Dirt,
  truth: GroundTruth,
  target: CareDbTarget,
  progress: (message: string) => void,
): Promise<Map<number, DeathRecord[]>> {
  const careDb = new CareDbWriter(target, hospital, dirt, truth);
  await careDb.begin();
  const sejours = new SejoursWriter(out, hospital, dirt, truth);
  const deaths = new Map<number, DeathRecord[]>();
  const { patients } = hospital.options;
  const step = Math.max(1, Math.ceil(patients / 10));
  try {
    for (let id = 1; id <= patients; id++) {
      const patient = hospital.patient(id);
      const care = hospital.care(patient);
      await careDb.patient(patient, care);
      sejours.patient(patient, care);
      if (hospital.inDeathFiles(patient)) {
        const year = ymd(patient.death!.day).year;
        if (!deaths.has(year)) deaths.set(year, []);
        deaths.get(year)!.push(hospital.patientDeathRecord(patient));
      }
      if (id % step === 0 || id === patients) progress(`patients ${id}/${patients}`);
    }
  } finally {
    sejours.close();
  }
  await careDb.end();
  return deaths;
}

function withSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('schema', schema);
  return parsed.toString();
}

/** The manifest is a file other tools read: it never holds a password (give it through PGPASSWORD). */
function stripPassword(url: string): string {
  const parsed = new URL(url);
  parsed.password = '';
  return parsed.toString();
}

function redact(url: string): string {
  if (!/^postgres(ql)?:/.test(url)) return url;
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
