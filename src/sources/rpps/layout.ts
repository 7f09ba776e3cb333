import type { RawTableSpec } from '../types.ts';

export const activiteTable: RawTableSpec = {
  name: 'activite',
  zone: 'raw',
  key: ['professional_id', 'finess_site', 'start_date'],
  columns: [
    { name: 'professional_id', type: 'VARCHAR', doc: "pseudonym of Identifiant PP (domain professional, as the care database's Identifiant)" },
    { name: 'id_type', type: 'VARCHAR', doc: "RPPS or ADELI (Type d'identifiant PP 8 or 0)" },
    { name: 'profession_code', type: 'VARCHAR', doc: 'Code profession' },
    { name: 'profession', type: 'VARCHAR', doc: 'Libellé profession' },
    { name: 'practice_mode', type: 'VARCHAR', doc: 'S salaried, L liberal, B mixed (Code mode exercice, else its label)' },
    { name: 'finess_site', type: 'VARCHAR', doc: 'Numéro FINESS site; null when the place is not an establishment' },
    { name: 'finess_ej', type: 'VARCHAR', doc: 'Numéro FINESS établissement juridique' },
    { name: 'commune_code', type: 'VARCHAR', doc: 'Code commune (coord. structure), COG' },
    { name: 'start_date', type: 'DATE', doc: 'Date début activité' },
    { name: 'end_date', type: 'DATE', doc: 'Date fin activité; null while the activity goes on' },
  ],
};

/**
 * The columns read, by their names in the `PS_LibreAcces_Personne_activite` header. The extract
 * also carries names, civilities, phones and e-mails of professionals: they are never read.
 */
export const RPPS_COLUMNS = {
  idType: "Type d'identifiant PP",
  id: 'Identifiant PP',
  professionCode: 'Code profession',
  profession: 'Libellé profession',
  modeCode: 'Code mode exercice',
  modeLabel: 'Libellé mode exercice',
  finessSite: 'Numéro FINESS site',
  finessEj: 'Numéro FINESS établissement juridique',
  commune: 'Code commune (coord. structure)',
  start: 'Date début activité',
  end: 'Date fin activité',
} as const;

export type RppsColumn = keyof typeof RPPS_COLUMNS;

/** Without these, a file is not a list of places of activity. */
export const REQUIRED_COLUMNS: RppsColumn[] = ['id', 'finessSite'];

export const ID_TYPES: Record<string, string> = { '8': 'RPPS', rpps: 'RPPS', '0': 'ADELI', adeli: 'ADELI' };

/** Practice modes by code or folded label. */
export const PRACTICE_MODES: Record<string, 'S' | 'L' | 'B'> = {
  s: 'S',
  salarie: 'S',
  l: 'L',
  liberal: 'L',
  b: 'B',
  mixte: 'B',
};

/** Header names and labels compared without accents, case or punctuation (`Numéro FINESS site` = `numero_finess_site`). */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
