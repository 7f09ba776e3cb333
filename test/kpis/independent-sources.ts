import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';

/**
 * The generated hospital's source files read back by hand for the independent KPI count
 * (independent.test.ts): plain parsing of the native formats plus the generator's ground truth,
 * and nothing from src/sources or src/warehouse, so that a mistake there cannot cancel out.
 */

export interface TruthRecord {
  source: string;
  file: string | null;
  table: string;
  line: number;
  key: Record<string, number | string> | null;
  field: string | null;
  raw: string;
  outcome: 'repair' | 'warning' | 'quarantine' | 'duplicate';
  code: string;
  expected: Record<string, unknown>;
}

export function readTruth(out: string, source: string): TruthRecord[] {
  const text = readFileSync(join(out, 'ground-truth', `${source}.jsonl`), 'utf8');
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as TruthRecord);
}

/** Truth records of one file by line number. */
function byLine(truth: TruthRecord[], file: string): Map<number, TruthRecord[]> {
  const out = new Map<number, TruthRecord[]>();
  for (const t of truth) {
    if (t.file !== file) continue;
    out.set(t.line, [...(out.get(t.line) ?? []), t]);
  }
  return out;
}

/** `DD/MM/YYYY` → `YYYY-MM-DD`, null when not a day of the calendar. */
export function frenchDate(text: string): string | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text.trim());
  return m ? isoDay(Number(m[3]), Number(m[2]), Number(m[1])) : null;
}

export function isoDay(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A birth date of `Patient."Date"` in the spellings hospital exports use. */
export function patientBirthDate(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{2})[/-](\d{2})[/-](\d{4})$/.exec(t);
  if (m) return isoDay(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

function lines(path: string, encoding: 'utf-8' | 'windows-1252' = 'utf-8'): string[] {
  const text = new TextDecoder(encoding).decode(readFileSync(path));
  const out = text.split('\n');
  if (out.at(-1) === '') out.pop();
  return out.map((l) => l.replace(/\r$/, ''));
}

export interface StayRow {
  stayId: number;
  patient: number;
  finess: string;
  code: string;
  admission: string;
}

/** Stays CSV: quarantined lines and duplicate lines out; FINESS without its `F` and any suffix. */
export function readStays(out: string, truth: TruthRecord[]): StayRow[] {
  const rows: StayRow[] = [];
  for (const file of sourceFiles(out, 'sejours')) {
    const truthOf = byLine(truth, file);
    lines(join(out, file)).forEach((text, i) => {
      const line = i + 1;
      if (line === 1) return;
      if ((truthOf.get(line) ?? []).some((t) => t.outcome === 'quarantine' || t.outcome === 'duplicate')) return;
      const f = text.split(';');
      const admission = frenchDate(f[5]);
      if (f.length !== 7 || admission === null) throw new Error(`${file}:${line} is not a stay and the ground truth does not say so: ${text}`);
      rows.push({ stayId: Number(f[0]), patient: Number(f[1]), finess: f[2].replace(/^F/, '').slice(0, 9), code: f[3].trim().toUpperCase().replace(/\./g, ''), admission });
    });
  }
  return rows;
}

export interface ActivityRow {
  professional: string;
  finessSite: string | null;
  start: string | null;
  end: string | null;
}

/** RPPS places of activity: lines without identifier out; an unreadable start date is unknown (null). */
export function readActivities(out: string, truth: TruthRecord[]): ActivityRow[] {
  const rows: ActivityRow[] = [];
  for (const file of sourceFiles(out, 'rpps')) {
    const truthOf = byLine(truth, file);
    lines(join(out, file)).forEach((text, i) => {
      const line = i + 1;
      if (line === 1) return;
      const records = truthOf.get(line) ?? [];
      if (records.some((t) => t.outcome === 'quarantine')) return;
      const f = text.split('|');
      const startUnreadable = records.some((t) => t.field === 'Date début activité' && t.outcome === 'warning');
      rows.push({ professional: f[1], finessSite: f[11] || null, start: startUnreadable ? null : frenchDate(f[15]), end: f[16] ? frenchDate(f[16]) : null });
    });
  }
  return rows;
}

export interface DeathRow {
  deathYear: number;
  place: string;
}

/**
 * INSEE death files (fixed width, and the CSV variant): quarantined lines out; a record repeated
 * in a later file counts once; a correction (`death-corrected`) replaces the record it corrects.
 */
export function readDeaths(out: string, truth: TruthRecord[]): DeathRow[] {
  const dropped = new Set<string>();
  for (const t of truth) {
    if (t.outcome === 'quarantine' || (t.outcome === 'duplicate' && t.code !== 'death-corrected')) dropped.add(`${t.file}:${t.line}`);
    if (t.outcome === 'duplicate' && t.code === 'death-corrected') {
      const of = t.expected.of as { file: string; line: number };
      dropped.add(`${of.file}:${of.line}`);
    }
  }
  const rows: DeathRow[] = [];
  for (const file of sourceFiles(out, 'deces')) {
    const bytes = readFileSync(join(out, file));
    const raw = splitBytes(bytes);
    raw.forEach((lineBytes, i) => {
      const line = i + 1;
      if (dropped.has(`${file}:${line}`)) return;
      const text = decodeLine(lineBytes);
      if (file.endsWith('.csv')) {
        if (line === 1) return;
        const f = [...text.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
        rows.push({ deathYear: Number(f[6].slice(0, 4)), place: f[7] });
      } else {
        if (text.length !== 200) throw new Error(`${file}:${line} is ${text.length} characters and the ground truth does not say so`);
        rows.push({ deathYear: Number(text.slice(154, 158)), place: text.slice(162, 167) });
      }
    });
  }
  return rows;
}

function splitBytes(bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      out.push(bytes.subarray(start, bytes[i - 1] === 0x0d ? i - 1 : i));
      start = i + 1;
    }
  }
  if (start < bytes.length) out.push(bytes.subarray(start));
  return out;
}

/** A line is UTF-8 when it decodes as such, else ISO-8859-1 (the registry changed encoding in 2020, and mixes them). */
function decodeLine(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

export interface EsatisRow {
  survey: string;
  year: number;
  finessGeo: string;
  regionLabel: string;
  respondents: number | null;
  score: number | null;
  klass: string;
}

/** e-Satis files: survey and year from the file name, columns by name across the header drift. */
export function readEsatis(out: string): EsatisRow[] {
  const rows: EsatisRow[] = [];
  for (const file of sourceFiles(out, 'esatis')) {
    const [header, ...body] = lines(join(out, file), 'windows-1252');
    const names = header.split(';').map((h) => h.trim().toLowerCase());
    const col = (...candidates: string[]) => {
      const i = names.findIndex((n) => candidates.includes(n));
      if (i < 0) throw new Error(`${file}: none of ${candidates.join(', ')} in the header`);
      return i;
    };
    const [geo, region, klass, respondents, score] = [
      col('finess_geo'), col('region'), col('classement'),
      col('nb_rep_score_all_rea_ajust', 'nb_rep_score_ajust_esatis_ca'), col('score_all_rea_ajust', 'score_ajust_esatis_ca'),
    ];
    const survey = /esatisca/i.test(basename(file)) ? 'ca' : '48h-mco';
    const year = Number(/(20\d\d)/.exec(basename(file))![1]);
    for (const text of body) {
      const f = text.split(';');
      const number = (s: string) => (s.trim() === '' ? null : Number(s.replace(',', '.')));
      rows.push({ survey, year, finessGeo: f[geo], regionLabel: f[region], respondents: number(f[respondents]), score: number(f[score]), klass: f[klass].trim() });
    }
  }
  return rows;
}

/** FINESS ET → COG département, from the `structureet` lines that the ground truth does not quarantine. */
export function readFinessDepartements(out: string, truth: TruthRecord[]): Map<string, string> {
  const overseas: Record<string, string> = { '9A': '971', '9B': '972', '9C': '973', '9D': '974', '9E': '975', '9F': '976' };
  const map = new Map<string, string>();
  for (const file of sourceFiles(out, 'finess')) {
    const truthOf = byLine(truth, file);
    lines(join(out, file), 'windows-1252').forEach((text, i) => {
      if (!text.startsWith('structureet;')) return;
      if ((truthOf.get(i + 1) ?? []).some((t) => t.outcome === 'quarantine')) return;
      const f = text.split(';');
      map.set(f[1], overseas[f[13]] ?? f[13]);
    });
  }
  return map;
}

function sourceFiles(out: string, source: string): string[] {
  return readdirSync(join(out, source), { recursive: true })
    .map(String)
    .filter((name) => !name.includes('pgdata') && /\.(csv|txt)$/.test(name))
    .sort()
    .map((name) => join(source, name));
}

const require = createRequire(import.meta.url);

interface CogEntry {
  code: string;
  nom: string;
  type?: string;
  region?: string;
  departement?: string;
  population?: number;
  anciensCodes?: string[];
}

/** The official geographic code of `@etalab/decoupage-administratif`, read directly. */
export class Cog {
  readonly regions = new Map<string, { name: string; population: number | null }>();
  readonly departements = new Map<string, { name: string; region: string; population: number | null }>();
  private readonly communeRegion = new Map<string, { region: string; departement: string }>();

  constructor() {
    const regions = require('@etalab/decoupage-administratif/data/regions.json') as CogEntry[];
    const departements = require('@etalab/decoupage-administratif/data/departements.json') as CogEntry[];
    const communes = require('@etalab/decoupage-administratif/data/communes.json') as CogEntry[];
    for (const r of regions) this.regions.set(r.code, { name: r.nom, population: null });
    for (const d of departements) this.departements.set(d.code, { name: d.nom, region: d.region!, population: null });
    const add = (region: Map<string, { population: number | null }>, code: string, population: number) => {
      const entry = region.get(code);
      if (entry) entry.population = (entry.population ?? 0) + population;
    };
    // Today's communes first, then their former codes, then arrondissements and delegated communes.
    for (const c of communes.filter((c) => c.type === 'commune-actuelle')) {
      this.communeRegion.set(c.code, { region: c.region!, departement: c.departement! });
      if (c.population !== undefined) {
        add(this.regions, c.region!, c.population);
        add(this.departements, c.departement!, c.population);
      }
    }
    for (const c of communes.filter((c) => c.type === 'commune-actuelle')) {
      for (const old of c.anciensCodes ?? []) if (!this.communeRegion.has(old)) this.communeRegion.set(old, { region: c.region!, departement: c.departement! });
    }
    for (const c of communes.filter((c) => c.type !== 'commune-actuelle')) {
      if (!this.communeRegion.has(c.code) && c.region) this.communeRegion.set(c.code, { region: c.region, departement: c.departement! });
    }
  }

  /** The place of a death: `abroad` (INSEE `99…`), the commune's region and département, or `unknown`. */
  place(code: string): { kind: 'abroad' | 'unknown' } | { kind: 'commune'; region: string; departement: string } {
    if (code.startsWith('99')) return { kind: 'abroad' };
    const found = this.communeRegion.get(code);
    return found ? { kind: 'commune', ...found } : { kind: 'unknown' };
  }

  regionOfLabel(label: string): string | null {
    const fold = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '');
    for (const [code, r] of this.regions) if (fold(r.name) === fold(label)) return code;
    return null;
  }
}
