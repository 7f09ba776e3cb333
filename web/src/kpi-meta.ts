/** How the web app presents each KPI: column headings, chart kind, and the labels of filters. */
export interface KpiPresentation {
  short: string;
  breakdown: string;
  numerator: string;
  denominator: string;
  chart: 'time' | 'bars' | 'sex-age' | 'map';
  /** Year the users asked for when no filter says otherwise (K7: 2019, K8: 2020). */
  defaultYear?: number;
  drillDown?: string;
}

export const KPI_PRESENTATION: Record<string, KpiPresentation> = {
  K1: { short: 'Consultations par établissement', breakdown: 'Mois', numerator: "Consultations de l'établissement", denominator: 'Consultations de la période', chart: 'time' },
  K2: { short: 'Consultations par diagnostic', breakdown: 'Chapitre CIM-10 ou code', numerator: 'Consultations du diagnostic', denominator: 'Consultations de la période', chart: 'bars' },
  K3: { short: "Taux d'hospitalisation", breakdown: 'Mois', numerator: 'Patients hospitalisés', denominator: 'File active', chart: 'time' },
  K4: { short: 'Hospitalisations par diagnostic', breakdown: 'Chapitre CIM-10 ou code', numerator: 'Séjours du diagnostic', denominator: 'Séjours de la période', chart: 'bars' },
  K5: { short: 'Hospitalisation par sexe et âge', breakdown: 'Sexe et tranche d’âge', numerator: 'Patients hospitalisés du groupe', denominator: 'File active du groupe', chart: 'sex-age' },
  K6: { short: 'Consultations par professionnel', breakdown: 'Spécialité et professionnel', numerator: 'Consultations du professionnel', denominator: 'Consultations de la période', chart: 'bars' },
  K7: { short: 'Décès par région', breakdown: 'Région', numerator: 'Décès', denominator: 'Population', chart: 'map', defaultYear: 2019, drillDown: 'Département' },
  K8: { short: 'Satisfaction par région', breakdown: 'Région', numerator: 'Répondants', denominator: 'Établissements au score validé', chart: 'map', defaultYear: 2020, drillDown: 'Établissement' },
};

export function presentationOf(id: string): KpiPresentation {
  return KPI_PRESENTATION[id] ?? { short: id, breakdown: 'Catégorie', numerator: 'Numérateur', denominator: 'Dénominateur', chart: 'bars' };
}

export const FILTER_LABELS: Record<string, string> = {
  year: 'Année',
  from: 'Du',
  to: 'Au',
  establishment: 'Établissement (nom ou FINESS)',
  diagnosis: 'Diagnostic (code ou libellé CIM-10)',
  sex: 'Sexe',
  ageBand: 'Tranche d’âge',
  professional: 'Professionnel (pseudonyme)',
  specialty: 'Spécialité',
  region: 'Région',
  survey: 'Enquête e-Satis',
};

export const AGE_BANDS = ['0-4', '5-14', '15-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75-84', '85+'];

export const SURVEY_LABELS: Record<string, string> = {
  '48h-mco': 'Hospitalisation +48 h MCO',
  ca: 'Chirurgie ambulatoire',
};

export const NOTE_LABELS: Record<string, string> = {
  PLUSIEURS: 'Consultations attribuées à plusieurs établissements',
  AUCUN: 'Consultations sans établissement',
  excluded: 'Établissements exclus (score non validé)',
  excluded_DI: 'dont classe DI (données insuffisantes)',
  excluded_NV: 'dont classe NV (non validé)',
  excluded_NR: 'dont classe NR (non répondant)',
};

/** A label of the API (lower case, as the CLI prints it) as a heading. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
