import { communeOfResidence } from './communes.ts';
import {
  ADHER, CONSULTATION, DIAGNOSTIC, MEDICAMENTS, MUTUELLE, PATIENT, PRESCRIPTION, PROFESSIONNEL, SPECIALITES,
  adhesionTable, consultationTable, diagnosticTable, medicamentTable, mutuelleTable, patientIdentityTable, patientTable,
  prescriptionTable, professionalIdentityTable, professionnelTable, specialiteTable, type SourceTable,
} from './layout.ts';
import type { CopyFields } from './copy-pages.ts';
import type { PseudonymCache } from '../pseudonym-cache.ts';
import type { SourceRow } from './source-row.ts';
import { parseDecimal, parseFullDate, parseInteger, parseTime, present } from './values.ts';
import { deathLinkId, type Pseudonymiser } from '../../identity/pseudonymiser.ts';
import { normaliseCim10 } from '../normalise/cim10.ts';
import { isoDate, parseDate, parsePartialDate, type PartialDate } from '../normalise/dates.ts';
import { normaliseSex } from '../normalise/sex.ts';
import type { BatchSink, RawTableSpec } from '../types.ts';

/** What a mapper writes to: the batch and the pseudonyms of the read. */
export interface MapperOutput {
  sink: BatchSink;
  pseudonymiser: Pseudonymiser;
  patients: PseudonymCache;
  professionals: PseudonymCache;
}

/** How one source table becomes raw (and vault) rows. Each call handles one row: loaded or quarantined. */
export interface TableMapper<T extends SourceTable = SourceTable> {
  source: T;
  /** The raw table the source rows are counted in and their issues reported against. */
  table: RawTableSpec;
  map(row: SourceRow<T>, out: MapperOutput): void;
}

/** One source row through its table's mapper, on either path: counted as read, then loaded or quarantined. */
export function mapRow(mapper: TableMapper, row: SourceRow<SourceTable>, out: MapperOutput, line: number, fields: CopyFields): void {
  row.line = line;
  row.fields = fields;
  out.sink.read(mapper.table.name);
  mapper.map(row, out);
}

type Column<T extends SourceTable> = T['columns'][number];

function text<T extends SourceTable>(row: SourceRow<T>, column: Column<T>): string | null {
  const value = row.get(column);
  return present(value) ? value.trim() : null;
}

/** A key the row cannot do without: reported and null when missing or not a whole number. */
function requiredInteger<T extends SourceTable>(row: SourceRow<T>, column: Column<T>): number | null {
  const value = row.get(column);
  if (!present(value)) {
    row.reject('value-missing', { column }, column);
    return null;
  }
  const parsed = parseInteger(value);
  if (parsed === null) row.reject('number-unparseable', { column, raw: row.shown(column) }, column);
  return parsed;
}

function requiredText<T extends SourceTable>(row: SourceRow<T>, column: Column<T>): string | null {
  const value = text(row, column);
  if (value === null) row.reject('value-missing', { column }, column);
  return value;
}

function integer<T extends SourceTable>(row: SourceRow<T>, column: Column<T>): number | null {
  const value = row.get(column);
  if (!present(value)) return null;
  const parsed = parseInteger(value);
  if (parsed === null) row.warn('number-unparseable', { column, raw: value }, column);
  return parsed;
}

function decimal<T extends SourceTable>(row: SourceRow<T>, column: Column<T>): number | null {
  const value = row.get(column);
  if (!present(value)) return null;
  const parsed = parseDecimal(value);
  if (parsed === null) row.warn('number-unparseable', { column, raw: value }, column);
  return parsed;
}

// Most codes come as the Diagnostic table spells them (`J45.0`) or as stored (`J450`): no normaliser.
const CIM10_AS_STORED = /^[A-Z][0-9]{2}[0-9A-Z+]{0,4}$/;
const CIM10_DOTTED = /^[A-Z][0-9]{2}\.[0-9A-Z+]{1,4}$/;

function cim10<T extends SourceTable>(row: SourceRow<T>, column: Column<T>): string | null {
  const value = row.get(column);
  if (!present(value)) return null;
  const code = CIM10_AS_STORED.test(value) ? value
    : CIM10_DOTTED.test(value) ? value.slice(0, 3) + value.slice(4)
    : normaliseCim10(value);
  if (code === null) row.warn('code-invalid', { column, raw: value }, column);
  return code;
}

function date<T extends SourceTable>(row: SourceRow<T>, column: Column<T>): string | null {
  const value = row.get(column);
  if (!present(value)) return null;
  const parsed = parseFullDate(value);
  if (parsed === null) row.warn('date-unparseable', { column, raw: value }, column);
  return parsed;
}

function time<T extends SourceTable>(row: SourceRow<T>, column: Column<T>): string | null {
  const value = row.get(column);
  if (!present(value)) return null;
  const parsed = parseTime(value);
  if (parsed === null) row.warn('value-invalid', { column, raw: value }, column);
  return parsed;
}

/** A reference to a patient by Id_patient; a value that is no patient number is nulled. */
function patientRef<T extends SourceTable>(row: SourceRow<T>, column: Column<T>, out: MapperOutput): string | null {
  const value = row.get(column);
  if (!present(value)) return null;
  const id = parseInteger(value);
  if (id === null) {
    row.warn('value-invalid', { column, raw: value }, column);
    return null;
  }
  return out.patients.get(id);
}

function professionalRef<T extends SourceTable>(row: SourceRow<T>, column: Column<T>, out: MapperOutput): string | null {
  const value = text(row, column);
  return value === null ? null : out.professionals.get(value);
}

function sex<T extends SourceTable>(row: SourceRow<T>, column: Column<T>): 'M' | 'F' | null {
  const value = row.get(column);
  if (!present(value)) return null;
  const parsed = normaliseSex(value);
  if (parsed === null) row.warn('sex-unknown', { column, raw: value }, column);
  return parsed;
}

/** INSEE's spelling of a birth date with unknown parts, as the death-link id wants it. */
function compactBirthDate(birth: PartialDate): string {
  return isoDate(birth.year, birth.month ?? 0, birth.day ?? 0).replaceAll('-', '');
}

const patient: TableMapper<typeof PATIENT> = {
  source: PATIENT,
  table: patientTable,
  map(row, out) {
    const id = requiredInteger(row, 'Id_patient');
    if (id === null) return;
    const sourceId = String(id);
    const patientId = out.patients.get(id);
    const sexValue = sex(row, 'Sexe');
    const birthText = row.get('Date');
    const birth = present(birthText) ? parsePartialDate(birthText) : null;
    if (present(birthText) && birth === null) row.warn('date-unparseable', { column: 'Date', raw: row.shown('Date') }, 'Date');
    const postalCode = text(row, 'Code_postal');
    let communeCode: string | null = null;
    if (postalCode !== null) {
      const residence = communeOfResidence(postalCode, text(row, 'Ville'), text(row, 'Pays'));
      if (residence.kind === 'found') communeCode = residence.code;
      if (residence.kind === 'malformed') row.warn('code-invalid', { column: 'Code_postal', raw: row.shown('Code_postal') }, 'Code_postal');
    }
    const surname = text(row, 'Nom');
    const deathLink = birth !== null && surname !== null
      ? out.pseudonymiser.pseudonym('death-link', deathLinkId(surname, text(row, 'Prenom') ?? '', sexValue, compactBirthDate(birth)))
      : null;
    out.sink.row(patientTable.name, row.line, [
      patientId,
      sexValue,
      birth?.year ?? null,
      birth?.month ?? null,
      communeCode,
      text(row, 'Groupe_sanguin'),
      decimal(row, 'Poid'),
      decimal(row, 'Taille'),
      deathLink,
    ]);
    out.sink.read(patientIdentityTable.name);
    out.sink.row(patientIdentityTable.name, row.line, [
      patientId,
      sourceId,
      row.get('Nom'),
      row.get('Prenom'),
      birthText,
      present(birthText) ? parseDate(birthText) : null,
      row.get('Adresse'),
      row.get('Ville'),
      row.get('Code_postal'),
      row.get('Pays'),
      row.get('EMail'),
      row.get('Tel'),
      row.get('Num_Secu'),
    ]);
  },
};

const professionnel: TableMapper<typeof PROFESSIONNEL> = {
  source: PROFESSIONNEL,
  table: professionnelTable,
  map(row, out) {
    const identifier = requiredText(row, 'Identifiant');
    if (identifier === null) return;
    const professionalId = out.professionals.get(identifier);
    out.sink.row(professionnelTable.name, row.line, [
      professionalId,
      text(row, 'Type_identifiant')?.toUpperCase() ?? null,
      text(row, 'Categorie_professionnelle'),
      text(row, 'Profession'),
      text(row, 'Code_specialite'),
    ]);
    out.sink.read(professionalIdentityTable.name);
    out.sink.row(professionalIdentityTable.name, row.line, [
      professionalId,
      identifier,
      row.get('Civilite'),
      row.get('Nom'),
      row.get('Prenom'),
    ]);
  },
};

const specialite: TableMapper<typeof SPECIALITES> = {
  source: SPECIALITES,
  table: specialiteTable,
  map(row, out) {
    const code = requiredText(row, 'Code_specialite');
    if (code === null) return;
    out.sink.row(specialiteTable.name, row.line, [code, text(row, 'Fonction'), text(row, 'Specialite')]);
  },
};

const consultation: TableMapper<typeof CONSULTATION> = {
  source: CONSULTATION,
  table: consultationTable,
  map(row, out) {
    const id = requiredInteger(row, 'Num_consultation');
    if (id === null) return;
    out.sink.row(consultationTable.name, row.line, [
      id,
      patientRef(row, 'Id_patient', out),
      professionalRef(row, 'Id_prof_sante', out),
      integer(row, 'Id_mut'),
      cim10(row, 'Code_diag'),
      text(row, 'Motif'),
      date(row, 'Date'),
      time(row, 'Heure_debut'),
      time(row, 'Heure_fin'),
    ]);
  },
};

const diagnostic: TableMapper<typeof DIAGNOSTIC> = {
  source: DIAGNOSTIC,
  table: diagnosticTable,
  map(row, out) {
    if (requiredText(row, 'Code_diag') === null) return;
    out.sink.row(diagnosticTable.name, row.line, [cim10(row, 'Code_diag'), text(row, 'Diagnostic')]);
  },
};

const mutuelle: TableMapper<typeof MUTUELLE> = {
  source: MUTUELLE,
  table: mutuelleTable,
  map(row, out) {
    const id = requiredInteger(row, 'Id_Mut');
    if (id === null) return;
    out.sink.row(mutuelleTable.name, row.line, [id, text(row, 'Nom')]);
  },
};

const adhesion: TableMapper<typeof ADHER> = {
  source: ADHER,
  table: adhesionTable,
  map(row, out) {
    out.sink.row(adhesionTable.name, row.line, [patientRef(row, 'Id_patient', out), integer(row, 'Id_mut')]);
  },
};

const prescription: TableMapper<typeof PRESCRIPTION> = {
  source: PRESCRIPTION,
  table: prescriptionTable,
  map(row, out) {
    out.sink.row(prescriptionTable.name, row.line, [integer(row, 'Num_consultation'), text(row, 'Code_CIS')]);
  },
};

const medicament: TableMapper<typeof MEDICAMENTS> = {
  source: MEDICAMENTS,
  table: medicamentTable,
  map(row, out) {
    const code = requiredText(row, 'Code_CIS');
    if (code === null) return;
    out.sink.row(medicamentTable.name, row.line, [code, text(row, 'Denomination')]);
  },
};

/** In reading order: reference tables first, so a failure on a big table comes after the quick ones. */
export const MAPPERS = [specialite, diagnostic, professionnel, patient, mutuelle, adhesion, consultation, prescription, medicament] as
  unknown as TableMapper[];
