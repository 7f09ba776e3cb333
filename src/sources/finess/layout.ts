import type { RawTableSpec } from '../types.ts';

/** First line of every etalab extract: `finess;etalab;<version>;<date>`. */
export const HEADER_TAG = ['finess', 'etalab'] as const;

/** Fields of a `structureet` line; the line ends with `;`, so `numuai` is often the empty last field. */
export const STRUCTURE_FIELDS = [
  'structureet', 'nofinesset', 'nofinessej', 'rs', 'rslongue', 'complrs', 'compldistrib', 'numvoie', 'typvoie',
  'voie', 'compvoie', 'lieuditbp', 'commune', 'departement', 'libdepartement', 'ligneacheminement', 'telephone',
  'telecopie', 'categetab', 'libcategetab', 'categagretab', 'libcategagretab', 'siret', 'codeape', 'codemft',
  'libmft', 'codesph', 'libsph', 'dateouv', 'dateautor', 'datemaj', 'numuai',
] as const;

export const GEOLOCALISATION_FIELDS = ['geolocalisation', 'nofinesset', 'coordxet', 'coordyet', 'sourcecoordet', 'datemaj'] as const;

function positions<F extends string>(fields: readonly F[]): Record<F, number> {
  return Object.fromEntries(fields.map((name, i) => [name, i])) as Record<F, number>;
}

/** Position of each field in its line. */
export const STRUCTURE_AT = positions(STRUCTURE_FIELDS);
export const GEOLOCALISATION_AT = positions(GEOLOCALISATION_FIELDS);

export const etablissementTable: RawTableSpec = {
  name: 'etablissement',
  zone: 'raw',
  key: ['finess_et'],
  columns: [
    { name: 'finess_et', type: 'VARCHAR', doc: 'nofinesset: FINESS number of the establishment (site)' },
    { name: 'finess_ej', type: 'VARCHAR', doc: 'nofinessej: FINESS number of its legal entity' },
    { name: 'name', type: 'VARCHAR', doc: 'rs: short name' },
    { name: 'long_name', type: 'VARCHAR', doc: 'rslongue: long name' },
    { name: 'commune_code', type: 'VARCHAR', doc: 'COG commune (5 characters) from departement + commune; null when the COG has no such commune' },
    { name: 'departement', type: 'VARCHAR', doc: 'COG département: 01…95, 2A, 2B, 971…976 (FINESS 9A…9F)' },
    { name: 'category_code', type: 'VARCHAR', doc: 'categetab' },
    { name: 'category_label', type: 'VARCHAR', doc: 'libcategetab' },
    { name: 'category_group_code', type: 'VARCHAR', doc: 'categagretab' },
    { name: 'category_group_label', type: 'VARCHAR', doc: 'libcategagretab' },
    { name: 'siret', type: 'VARCHAR', doc: '14 digits' },
    { name: 'ape_code', type: 'VARCHAR', doc: 'codeape (NAF)' },
    { name: 'opened_on', type: 'DATE', doc: 'dateouv' },
    { name: 'updated_on', type: 'DATE', doc: 'datemaj' },
  ],
};

export const geolocalisationTable: RawTableSpec = {
  name: 'geolocalisation',
  zone: 'raw',
  key: ['finess_et'],
  columns: [
    { name: 'finess_et', type: 'VARCHAR', doc: 'nofinesset' },
    { name: 'x', type: 'DOUBLE', doc: 'coordxet, in the projection below' },
    { name: 'y', type: 'DOUBLE', doc: 'coordyet, in the projection below' },
    { name: 'projection', type: 'VARCHAR', doc: 'LAMBERT_93, UTM_N20, UTM_N22, UTM_S40, UTM_S38: the last element of sourcecoordet' },
    { name: 'source', type: 'VARCHAR', doc: 'sourcecoordet as received (precision, producer, method, projection)' },
    { name: 'updated_on', type: 'DATE', doc: 'datemaj' },
  ],
};

/**
 * Recent extracts name the projection by its EPSG code (`EPSG:2154 RGF93 / Lambert-93 (Métropole)`)
 * where older ones wrote `LAMBERT_93`; both end up as the older name.
 */
export const EPSG_PROJECTIONS: Record<string, string> = {
  '2154': 'LAMBERT_93',
  '5490': 'UTM_N20',
  '32620': 'UTM_N20',
  '2972': 'UTM_N22',
  '2975': 'UTM_S40',
  '4471': 'UTM_S38',
  '4467': 'UTM_N21',
};
