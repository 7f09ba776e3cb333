import { iso, pad } from '../calendar.ts';
import { LABORATORIES, MEDICAMENTS, MUTUELLES, PROFESSIONS, SPECIALTIES } from '../catalogues.ts';
import { CODES_MISSING_FROM_TABLE, DIAGNOSES } from '../cim10.ts';
import type { Dirt, Written } from '../dirt.ts';
import type { GroundTruth } from '../ground-truth.ts';
import type { Care, Hospital, Patient } from '../model.ts';
import { quoteIdent, type CareDbTarget } from './care-db-target.ts';

type Value = string | number | null;

/**
 * The care database's tables as the hospital group published them (shared/README.md, source 1):
 * quoted mixed-case names, text birth dates, and no foreign keys, like the real database, so
 * that dangling references can exist. Each table maps to the raw-zone table it feeds.
 */
const TABLES = {
  Specialites: { raw: 'specialite', key: 'Code_specialite', columns: [['Code_specialite', 'varchar(8)'], ['Fonction', 'text'], ['Specialite', 'text']] },
  Professionnel_de_sante: {
    raw: 'professionnel',
    key: 'Identifiant',
    columns: [['Identifiant', 'varchar(11)'], ['Civilite', 'text'], ['Categorie_professionnelle', 'text'], ['Nom', 'text'], ['Prenom', 'text'],
      ['Profession', 'text'], ['Type_identifiant', 'text'], ['Code_specialite', 'varchar(8)']],
  },
  Diagnostic: { raw: 'diagnostic', key: 'Code_diag', columns: [['Code_diag', 'varchar(8)'], ['Diagnostic', 'text']] },
  Mutuelle: { raw: 'mutuelle', key: 'Id_Mut', columns: [['Id_Mut', 'integer'], ['Nom', 'text'], ['Adresse', 'text']] },
  Laboratoire: { raw: 'laboratoire', key: 'Id_labo', columns: [['Id_labo', 'integer'], ['Laboratoire', 'text'], ['Pays', 'text']] },
  Medicaments: {
    raw: 'medicament',
    key: 'Code_CIS',
    columns: [['Code_CIS', 'varchar(8)'], ['Denomination', 'text'], ['Forme', 'text'], ['Voie', 'text'], ['Id_labo', 'integer']],
  },
  Patient: {
    raw: 'patient',
    key: 'Id_patient',
    columns: [['Id_patient', 'integer'], ['Nom', 'text'], ['Prenom', 'text'], ['Sexe', 'text'], ['Adresse', 'text'], ['Ville', 'text'],
      ['Code_postal', 'text'], ['Pays', 'text'], ['EMail', 'text'], ['Tel', 'text'], ['Date', 'text'], ['Age', 'integer'],
      ['Num_Secu', 'text'], ['Groupe_sanguin', 'text'], ['Poid', 'double precision'], ['Taille', 'integer']],
  },
  Adher: { raw: 'adhesion', key: null, columns: [['Id_patient', 'integer'], ['Id_mut', 'integer']] },
  Consultation: {
    raw: 'consultation',
    key: 'Num_consultation',
    columns: [['Num_consultation', 'integer'], ['Id_mut', 'integer'], ['Id_patient', 'integer'], ['Id_prof_sante', 'text'], ['Code_diag', 'text'],
      ['Motif', 'text'], ['Date', 'date'], ['Heure_debut', 'time'], ['Heure_fin', 'time']],
  },
  Prescription: { raw: 'prescription', key: null, columns: [['Num_consultation', 'integer'], ['Code_CIS', 'varchar(8)']] },
  Salle: {
    raw: 'salle',
    key: 'Id_salle',
    columns: [['Id_salle', 'integer'], ['Num_consultation', 'integer'], ['Code_bloc', 'text'], ['Num_etage', 'integer'], ['Num_salle', 'integer']],
  },
} as const satisfies Record<string, { raw: string; key: string | null; columns: readonly (readonly [string, string])[] }>;

export type CareTable = keyof typeof TABLES;

export const CARE_TABLES = Object.fromEntries(
  Object.entries(TABLES).map(([name, t]) => [name, t.columns.map(([column]) => column)]),
) as Record<CareTable, string[]>;

/** Rows waiting to be copied; a chunk of a few MiB per COPY keeps memory flat for any number of patients. */
const FLUSH_BYTES = 4 << 20;

class TableBuffer {
  private parts: string[] = [];
  private bytes = 0;
  rows = 0;

  constructor(readonly name: CareTable) {}

  /** Appends a row; returns its COPY text (without the line end). */
  push(values: readonly Value[]): string {
    const line = values.map(copyValue).join('\t');
    this.parts.push(line, '\n');
    this.bytes += line.length + 1;
    this.rows += 1;
    return line;
  }

  get full(): boolean {
    return this.bytes >= FLUSH_BYTES;
  }

  async flush(target: CareDbTarget): Promise<void> {
    if (this.parts.length === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.bytes = 0;
    await target.copy(this.name, CARE_TABLES[this.name], text);
  }
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;

function copyValue(value: Value): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
}

function time(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:00`;
}

/** Writes the care database: reference tables first, then one patient at a time with its consultations. */
export class CareDbWriter {
  private readonly buffers = new Map<CareTable, TableBuffer>();
  private consultations = 0;
  private rooms = 0;
  private readonly distinctiveSurnames: Set<string>;

  constructor(
    private readonly target: CareDbTarget,
    private readonly hospital: Hospital,
    private readonly dirt: Dirt,
    private readonly truth: GroundTruth,
  ) {
    for (const name of Object.keys(TABLES) as CareTable[]) this.buffers.set(name, new TableBuffer(name));
    this.distinctiveSurnames = hospital.distinctiveSurnames();
  }

  async begin(): Promise<void> {
    const s = quoteIdent(this.target.schema);
    const ddl = Object.entries(TABLES).map(
      ([name, t]) =>
        `DROP TABLE IF EXISTS ${s}.${quoteIdent(name)} CASCADE;\n` +
        `CREATE TABLE ${s}.${quoteIdent(name)} (${t.columns.map(([c, type]) => `${quoteIdent(c)} ${type}`).join(', ')});`,
    );
    await this.target.exec(ddl.join('\n'));
    for (const specialty of SPECIALTIES) this.row('Specialites', [specialty.code, specialty.function, specialty.label]);
    for (const p of this.hospital.professionals) {
      this.row('Professionnel_de_sante', [p.id, p.civility, p.category, p.surname, p.firstName, PROFESSIONS[p.specialty.profession], p.idType, p.specialty.code]);
    }
    for (const d of DIAGNOSES) this.row('Diagnostic', [d.code, d.label]);
    MUTUELLES.forEach(([name, address], i) => this.row('Mutuelle', [i + 1, name, address]));
    LABORATORIES.forEach(([name, country], i) => this.row('Laboratoire', [i + 1, name, country]));
    for (const [cis, denomination, form, route, lab] of MEDICAMENTS) this.row('Medicaments', [cis, denomination, form, route, lab + 1]);
  }

  async patient(patient: Patient, care: Care): Promise<void> {
    const rng = this.hospital.rng('dirt-patient', patient.id);
    // A patient whose death is in the registry files must stay linkable: no unreadable sex or birth date.
    const linkable = !this.hospital.inDeathFiles(patient);
    const birth = this.dirt.patientBirthDate(rng, patient.birth, linkable);
    const sex = this.dirt.patientSex(rng, patient.sex, linkable);
    const key = { Id_patient: patient.id };
    this.row('Patient', [
      patient.id, patient.surname, patient.firstNames[0], sex.text, patient.street, patient.city, patient.postalCode, patient.country,
      patient.email, patient.phone, birth.text, patient.recordedAge, patient.nir, patient.bloodGroup, patient.weightKg, patient.heightCm,
    ]);
    this.record('patient', patient.id, key, 'Date', birth);
    this.record('patient', patient.id, key, 'Sexe', sex);
    for (const mutuelle of patient.mutuelles) this.row('Adher', [patient.id, mutuelle]);
    this.identifiers(patient);

    const duplicates: { of: number; values: Value[] }[] = [];
    for (const c of care.consultations) {
      const number = ++this.consultations;
      const dirtRng = this.hospital.rng('dirt-consultation', number);
      const dangling = this.dirt.fires(dirtRng, 'consultationFkMissing');
      const which = (['Id_patient', 'Id_prof_sante', 'Code_diag'] as const)[dirtRng.int(0, 2)];
      const code = this.dirt.consultationCode(dirtRng, c.diagnosis.code);
      const duplicate = this.dirt.fires(dirtRng, 'consultationDuplicate');
      const values: Value[] = [number, c.mutuelle, patient.id, c.professional.id, code.text, c.reason, iso(c.day), time(c.start), time(c.end)];
      const consultationKey = { Num_consultation: number };
      if (dangling) {
        const column = CARE_TABLES.Consultation.indexOf(which);
        values[column] =
          which === 'Id_patient' ? this.hospital.options.patients + dirtRng.int(1, 5000)
          : which === 'Id_prof_sante' ? this.hospital.unknownProfessionalId(dirtRng)
          : dirtRng.pick(CODES_MISSING_FROM_TABLE);
        this.record('consultation', number, consultationKey, which, { text: String(values[column]), truth: { outcome: 'repair', code: 'fk-missing', expected: {} } });
      }
      if (!(dangling && which === 'Code_diag')) this.record('consultation', number, consultationKey, 'Code_diag', code);
      this.row('Consultation', values);
      for (const cis of c.prescriptions) this.row('Prescription', [number, cis]);
      if (c.room) this.row('Salle', [++this.rooms, number, c.room.bloc, c.room.floor, c.room.number]);
      if (duplicate) duplicates.push({ of: number, values });
    }
    // The copy is entered again later under a new number, as a double entry in the hospital's software would be.
    for (const { of, values } of duplicates) {
      const number = ++this.consultations;
      const line = this.row('Consultation', [number, ...values.slice(1)]);
      this.truth.add('care-db', {
        file: null, table: 'consultation', line: number, key: { Num_consultation: number }, field: null, raw: line,
        outcome: 'duplicate', code: 'duplicate-row', expected: { of: { Num_consultation: of } },
      });
    }
    for (const buffer of this.buffers.values()) if (buffer.full) await buffer.flush(this.target);
  }

  async end(): Promise<void> {
    for (const buffer of this.buffers.values()) await buffer.flush(this.target);
    const s = quoteIdent(this.target.schema);
    // Keys after the load: building an index once is faster than maintaining it row by row.
    const keys = Object.entries(TABLES)
      .filter(([, t]) => t.key !== null)
      .map(([name, t]) => `ALTER TABLE ${s}.${quoteIdent(name)} ADD PRIMARY KEY (${quoteIdent(t.key!)});`);
    await this.target.exec(keys.join('\n'));
    for (const [name, buffer] of this.buffers) this.truth.wrote('care-db', TABLES[name].raw, buffer.rows);
  }

  private row(table: CareTable, values: readonly Value[]): string {
    return this.buffers.get(table)!.push(values);
  }

  private record(table: string, line: number, key: Record<string, number>, field: string, written: Written): void {
    if (!written.truth) return;
    this.truth.add('care-db', { file: null, table, line, key, field, raw: written.text, ...written.truth });
  }

  private identifiers(patient: Patient): void {
    if (this.distinctiveSurnames.has(patient.surname)) this.truth.identifier('surnames', patient.surname);
    if (patient.phone) this.truth.identifier('phones', patient.phone);
    if (patient.email) this.truth.identifier('emails', patient.email);
    this.truth.identifier('nirs', patient.nir);
  }
}
