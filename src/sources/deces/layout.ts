import type { RawTableSpec } from '../types.ts';

/**
 * The fields of an INSEE death record, named as in the CSV variant's header. The fixed-width
 * variant holds the same fields in the same order, so quarantine records name a field the same
 * way whichever variant the file came in.
 */
export const DECES_FIELDS = [
  'nomprenom',
  'sexe',
  'datenaiss',
  'lieunaiss',
  'commnaiss',
  'paysnaiss',
  'datedeces',
  'lieudeces',
  'actedeces',
] as const;

export type DecesField = (typeof DECES_FIELDS)[number];

/** The values of one record as received, trimmed; the birth commune name is not kept in the raw zone. */
export type DeathFields = Record<Exclude<DecesField, 'commnaiss'>, string>;

/** Fixed-width lines: every record is this long, the filler after the record number included. */
export const RECORD_LENGTH = 200;

/** 0-based [start, end) of each field in a fixed-width line (docs/raw-zone.md gives them 1-based). */
export const POSITIONS: Record<keyof DeathFields, readonly [number, number]> = {
  nomprenom: [0, 80],
  sexe: [80, 81],
  datenaiss: [81, 89],
  lieunaiss: [89, 94],
  paysnaiss: [124, 154],
  datedeces: [154, 162],
  lieudeces: [162, 167],
  actedeces: [167, 176],
};

export const decesTable: RawTableSpec = {
  name: 'deces',
  zone: 'raw',
  // KPIS.md K7: a record repeated across files (same person, date, place and record number) counts once.
  key: ['death_link_id', 'death_date', 'death_place_code', 'death_record_number'],
  columns: [
    { name: 'death_link_id', type: 'VARCHAR', doc: "pseudonym (domain death-link) of deathLinkId(surname, first given name, sex, birth date); null when the record has no name" },
    { name: 'sex', type: 'VARCHAR', doc: 'M or F (sexe 1/2); null when neither' },
    { name: 'birth_year', type: 'INTEGER', doc: 'year of datenaiss; null when unknown (0000) or unreadable' },
    { name: 'birth_month', type: 'INTEGER', doc: 'month of datenaiss; null when 00' },
    { name: 'birth_place_code', type: 'VARCHAR', doc: 'lieunaiss as text: COG commune code (2A/2B for Corsica) or 99 + country code' },
    { name: 'birth_country', type: 'VARCHAR', doc: 'paysnaiss, country (or overseas territory) of birth; null when born in metropolitan France' },
    { name: 'death_date', type: 'DATE', doc: 'datedeces; null when its day or month is 00' },
    { name: 'death_year', type: 'INTEGER', doc: 'year of datedeces' },
    { name: 'death_month', type: 'INTEGER', doc: 'month of datedeces; null when 00' },
    { name: 'death_place_code', type: 'VARCHAR', doc: 'lieudeces as text: COG commune code or 99 + country code' },
    { name: 'death_record_number', type: 'VARCHAR', doc: 'actedeces, the number of the death certificate in its commune' },
    { name: 'age_at_death', type: 'INTEGER', doc: 'whole years from birth to death; null when a day or month of either date is unknown' },
  ],
};
