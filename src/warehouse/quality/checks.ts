/**
 * The quality checks of a build, as data (OHDSI DQD style): each names an SQL file of `sql/`
 * returning one row `violated, denominator`, and the identifiers it is applied to.
 */
export type CheckKind = 'completeness' | 'validity' | 'integrity';

export interface QualityCheck {
  id: string;
  /** The table checked: `marts.fact_consultation`. */
  table: string;
  kind: CheckKind;
  /** French, shown to users. */
  label: string;
  /** English, for the warehouse team and the JSON report. */
  description: string;
  sqlFile: string;
  /** Identifiers substituted for `{{name}}` in the SQL, quoted. */
  params: Record<string, string>;
}

function completeness(table: string, column: string, label: string): QualityCheck {
  return {
    id: `${table.split('.')[1]}.${column}.completeness`,
    table,
    kind: 'completeness',
    label,
    description: `${column} is null`,
    sqlFile: 'completeness.sql',
    params: { table, column },
  };
}

function foreignKey(table: string, column: string, parent: string, parentColumn: string, label: string): QualityCheck {
  return {
    id: `${table.split('.')[1]}.${column}.references-${parent.split('.')[1]}`,
    table,
    kind: 'integrity',
    label,
    description: `${column} not found in ${parent}.${parentColumn}`,
    sqlFile: 'foreign-key.sql',
    params: { table, column, parent, parent_column: parentColumn },
  };
}

function validity(id: string, table: string, sqlFile: string, label: string, description: string, params: Record<string, string> = {}): QualityCheck {
  return { id: `${table.split('.')[1]}.${id}`, table, kind: 'validity', label, description, sqlFile, params: { table, ...params } };
}

const CONSULTATION = 'marts.fact_consultation';
const STAY = 'marts.fact_hospitalisation';
const DEATH = 'marts.fact_deces';
const SATISFACTION = 'marts.fact_satisfaction';
const PATIENT = 'marts.dim_patient';

export const QUALITY_CHECKS: QualityCheck[] = [
  completeness(CONSULTATION, 'patient_id', 'Consultations sans patient'),
  completeness(CONSULTATION, 'professional_id', 'Consultations sans professionnel'),
  completeness(CONSULTATION, 'diagnosis_code', 'Consultations sans diagnostic'),
  completeness(CONSULTATION, 'age', 'Consultations sans âge'),
  completeness(STAY, 'patient_id', 'Séjours sans patient'),
  completeness(STAY, 'finess', 'Séjours sans établissement'),
  completeness(STAY, 'diagnosis_code', 'Séjours sans diagnostic'),
  completeness(STAY, 'length_of_stay', 'Séjours sans durée'),
  completeness(STAY, 'age', 'Séjours sans âge'),
  completeness(PATIENT, 'birth_year', 'Patients sans année de naissance'),
  completeness(PATIENT, 'commune_code', 'Patients sans commune de résidence connue'),
  completeness(DEATH, 'death_date', 'Décès sans date complète'),
  completeness(DEATH, 'region_code', 'Décès sans région (à l’étranger ou commune inconnue)'),
  completeness(SATISFACTION, 'region_code', 'Résultats e-Satis sans région'),
  completeness(SATISFACTION, 'score', 'Résultats e-Satis sans score validé'),

  validity('cim10-unknown', CONSULTATION, 'cim10-unknown.sql', 'Codes CIM-10 inconnus', 'diagnosis code absent from the care database CIM-10 reference'),
  validity('cim10-no-chapter', CONSULTATION, 'cim10-no-chapter.sql', 'Codes CIM-10 hors chapitre', 'diagnosis code in no CIM-10 chapter'),
  validity('cim10-unknown', STAY, 'cim10-unknown.sql', 'Codes CIM-10 inconnus', 'diagnosis code absent from the care database CIM-10 reference'),
  validity('cim10-no-chapter', STAY, 'cim10-no-chapter.sql', 'Codes CIM-10 hors chapitre', 'diagnosis code in no CIM-10 chapter'),
  validity('date-range', CONSULTATION, 'date-range.sql', 'Dates de consultation hors période', 'consultation date before 1900 or in the future', { column: 'consultation_date' }),
  validity('date-range', STAY, 'date-range.sql', 'Dates d’entrée hors période', 'admission date before 1900 or in the future', { column: 'admission_date' }),
  validity('date-range', DEATH, 'date-range.sql', 'Dates de décès hors période', 'death date before 1900 or in the future', { column: 'death_date' }),
  validity('age-plausible', CONSULTATION, 'age-plausible.sql', 'Âges invraisemblables (consultation avant la naissance)', 'age at consultation below 0 or above 120', { column: 'age' }),
  validity('age-plausible', STAY, 'age-plausible.sql', 'Âges invraisemblables (séjour avant la naissance)', 'age at admission below 0 or above 120', { column: 'age' }),
  validity('age-plausible', DEATH, 'age-plausible.sql', 'Âges au décès invraisemblables', 'age at death below 0 or above 120', { column: 'age_at_death' }),
  validity('birth-before-death', PATIENT, 'birth-before-death.sql', 'Décès avant la naissance', 'death date before the birth month'),
  validity('stay-length', STAY, 'stay-length.sql', 'Durées de séjour négatives', 'negative length of stay'),
  validity('sex-known', PATIENT, 'sex-known.sql', 'Patients de sexe inconnu', 'sex neither M nor F'),
  validity('sex-known', CONSULTATION, 'sex-known.sql', 'Consultations de patients de sexe inconnu', 'sex neither M nor F'),
  validity('sex-known', STAY, 'sex-known.sql', 'Séjours de patients de sexe inconnu', 'sex neither M nor F'),
  validity('sex-known', DEATH, 'sex-known.sql', 'Décès de sexe inconnu', 'sex neither M nor F'),

  foreignKey(CONSULTATION, 'patient_id', PATIENT, 'patient_id', 'Consultations d’un patient inconnu'),
  foreignKey(CONSULTATION, 'professional_id', 'marts.dim_professionnel', 'professional_id', 'Consultations d’un professionnel inconnu'),
  foreignKey(CONSULTATION, 'diagnosis_code', 'marts.dim_diagnostic', 'diagnosis_code', 'Consultations d’un diagnostic absent du référentiel'),
  foreignKey(STAY, 'patient_id', PATIENT, 'patient_id', 'Séjours d’un patient inconnu'),
  foreignKey(STAY, 'finess', 'marts.dim_etablissement', 'finess', 'Séjours d’un établissement absent du FINESS'),
  foreignKey(STAY, 'diagnosis_code', 'marts.dim_diagnostic', 'diagnosis_code', 'Séjours d’un diagnostic absent du référentiel'),
  foreignKey(SATISFACTION, 'finess_geo', 'marts.dim_etablissement', 'finess', 'Résultats e-Satis d’un établissement absent du FINESS'),
];
