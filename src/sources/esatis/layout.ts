import type { RawTableSpec } from '../types.ts';

export const resultatTable: RawTableSpec = {
  name: 'resultat',
  zone: 'raw',
  key: ['survey', 'year', 'finess_geo'],
  columns: [
    { name: 'survey', type: 'VARCHAR', doc: '48h-mco (+48h MCO stays) or ca (ambulatory surgery), from the file name' },
    { name: 'year', type: 'INTEGER', doc: 'from the file name (the recueil year when named), or the year/annee column' },
    { name: 'finess_ej', type: 'VARCHAR', doc: 'FINESS of the legal entity (finess)' },
    { name: 'finess_geo', type: 'VARCHAR', doc: 'FINESS of the site (finess_geo; the finess column when the file has no site column)' },
    { name: 'name', type: 'VARCHAR', doc: 'name of the site (rs_finess_geo), else of the legal entity' },
    { name: 'region_label', type: 'VARCHAR', doc: 'region as written in the file' },
    { name: 'participation', type: 'VARCHAR', doc: '1- Obligatoire / 2- Facultatif' },
    { name: 'respondents', type: 'INTEGER', doc: 'answers behind the global score (nb_rep_score_all_rea_ajust)' },
    { name: 'score', type: 'DOUBLE', doc: 'adjusted global satisfaction score 0–100; null when not validated (classes DI, NV, NR)' },
    { name: 'class', type: 'VARCHAR', doc: 'A–D, DI (too few answers), NV (not validated), NR (non-respondent)' },
    { name: 'evolution', type: 'VARCHAR', doc: 'class change since the previous year, as written' },
    { name: 'reco_rate', type: 'DOUBLE', doc: 'taux_reco_brut: % of patients who would certainly recommend' },
  ],
};

/** What the reader takes from a file, each found through the first of its names the header holds. */
export type EsatisField =
  | 'finess'
  | 'finess_geo'
  | 'name'
  | 'region'
  | 'participation'
  | 'respondents'
  | 'score'
  | 'class'
  | 'evolution'
  | 'reco_rate'
  | 'year';

/**
 * Column names across the years and surveys, compared in lower case. HAS renamed columns between
 * campaigns (upper case in 2017, `_rea_` dropped for ambulatory surgery, `classe` for `classement`).
 */
export const COLUMN_ALIASES: Record<EsatisField, string[]> = {
  finess: ['finess', 'finess_ej', 'finess_juridique'],
  finess_geo: ['finess_geo', 'finess_et', 'finess_geographique'],
  name: ['rs_finess_geo', 'raison_sociale_geo', 'raison_sociale', 'rs_finess', 'rs'],
  region: ['region', 'libelle_region', 'lib_reg', 'region_label'],
  participation: ['participation'],
  respondents: ['nb_rep_score_all_rea_ajust', 'nb_rep_score_all_ajust', 'nb_rep_score_ajust_esatis_ca', 'nb_rep_score_ajust'],
  score: ['score_all_rea_ajust', 'score_all_ajust', 'score_ajust_esatis_ca', 'score_ajust'],
  class: ['classement', 'classe', 'classe_all'],
  evolution: ['evolution'],
  reco_rate: ['taux_reco_brut'],
  year: ['year', 'annee'],
};

/** Without one column of each group, a file is not an e-Satis result file. */
export const REQUIRED_FIELDS: EsatisField[][] = [['finess', 'finess_geo'], ['score']];

export const CLASSES = new Set(['A', 'B', 'C', 'D', 'DI', 'NV', 'NR']);

/** Survey code of a file, from its name; `esatis48h` is the default survey (KPIS.md K8). */
export const SURVEYS: { pattern: RegExp; survey: string }[] = [
  { pattern: /esatis[-_ ]?ca/i, survey: 'ca' },
  { pattern: /esatis[-_ ]?48h/i, survey: '48h-mco' },
];
export const DEFAULT_SURVEY = '48h-mco';
