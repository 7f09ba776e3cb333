import type { KpiId, KpiUnit } from './kpi-result.ts';
import { PERIOD_PARAMS, type ParamSpec } from './params.ts';

/**
 * What the SQL file receives, in the order of its positional parameters `$1, $2, …`. Most are
 * the validated parameters themselves; `diagnosis-like` is the LIKE pattern built from the
 * prefix, `specialty-code` the code a specialty label resolves to. Absent optional values are ''.
 */
export type SqlBinding = 'from' | 'to' | 'year' | 'establishment' | 'diagnosis-like' | 'region' | 'survey' | 'professional' | 'specialty-code';

export interface KpiDefinition {
  id: KpiId;
  title: string;
  description: string;
  /** Under `src/analytics/kpis/`. */
  sqlFile: string;
  sqlParams: SqlBinding[];
  params: ParamSpec[];
  unit: KpiUnit;
  numeratorLabel: string;
  denominatorLabel: string;
  breakdownLabel: string;
}

const diagnosis: ParamSpec = {
  name: 'diagnosis',
  type: 'diagnosis-prefix',
  required: false,
  description: 'a CIM-10 code or prefix (J, J4, J45, J45.0; dots optional); absent: breakdown by CIM-10 chapter',
  example: 'J45',
};

export const KPI_CATALOGUE: Record<KpiId, KpiDefinition> = {
  K1: {
    id: 'K1',
    title: "Taux de consultation de l'établissement sur la période",
    description:
      "Part des consultations de la période attribuées à l'établissement (par les lieux d'exercice du professionnel), " +
      'par mois ; les consultations rattachées à plusieurs établissements ou à aucun sont comptées à part.',
    sqlFile: 'k1-consultation-rate-establishment.sql',
    sqlParams: ['from', 'to', 'establishment'],
    params: [
      { name: 'establishment', type: 'finess', required: true, description: 'the FINESS number of the establishment (--establishment)', example: '010000107' },
      ...PERIOD_PARAMS,
    ],
    unit: 'percent',
    numeratorLabel: "consultations de l'établissement",
    denominatorLabel: 'consultations de la période',
    breakdownLabel: 'mois',
  },
  K2: {
    id: 'K2',
    title: 'Taux de consultation pour un diagnostic sur la période',
    description:
      'Part des consultations de la période dont le diagnostic CIM-10 commence par le code donné ; ' +
      'sans diagnostic, répartition par chapitre CIM-10.',
    sqlFile: 'k2-consultation-rate-diagnosis.sql',
    sqlParams: ['from', 'to', 'diagnosis-like'],
    params: [diagnosis, ...PERIOD_PARAMS],
    unit: 'percent',
    numeratorLabel: 'consultations du diagnostic',
    denominatorLabel: 'consultations de la période',
    breakdownLabel: 'code CIM-10 (chapitre sans diagnostic)',
  },
  K3: {
    id: 'K3',
    title: "Taux d'hospitalisation global sur la période",
    description: 'Patients distincts ayant un séjour admis dans la période, rapportés à la file active (patients vus en consultation ou hospitalisés dans la période), par mois.',
    sqlFile: 'k3-hospitalisation-rate.sql',
    sqlParams: ['from', 'to'],
    params: [...PERIOD_PARAMS],
    unit: 'percent',
    numeratorLabel: 'patients hospitalisés',
    denominatorLabel: 'file active',
    breakdownLabel: 'mois',
  },
  K4: {
    id: 'K4',
    title: "Taux d'hospitalisation pour un diagnostic sur la période",
    description:
      'Part des séjours admis dans la période dont le diagnostic CIM-10 commence par le code donné ; ' +
      'sans diagnostic, répartition par chapitre CIM-10.',
    sqlFile: 'k4-hospitalisation-rate-diagnosis.sql',
    sqlParams: ['from', 'to', 'diagnosis-like'],
    params: [diagnosis, ...PERIOD_PARAMS],
    unit: 'percent',
    numeratorLabel: 'séjours du diagnostic',
    denominatorLabel: 'séjours de la période',
    breakdownLabel: 'code CIM-10 (chapitre sans diagnostic)',
  },
  K5: {
    id: 'K5',
    title: "Taux d'hospitalisation par sexe et par tranche d'âge",
    description:
      "Patients distincts hospitalisés dans la période rapportés à la file active, par sexe et tranche d'âge " +
      "(âge à la date de chaque séjour ou consultation), avec les marges par sexe et par tranche.",
    sqlFile: 'k5-hospitalisation-rate-sex-age.sql',
    sqlParams: ['from', 'to'],
    params: [...PERIOD_PARAMS],
    unit: 'percent',
    numeratorLabel: 'patients hospitalisés du groupe',
    denominatorLabel: 'file active du groupe',
    breakdownLabel: "sexe × tranche d'âge",
  },
  K6: {
    id: 'K6',
    title: 'Taux de consultation par professionnel de santé',
    description: 'Part des consultations de la période réalisées par chaque professionnel (pseudonymisé), et par spécialité.',
    sqlFile: 'k6-consultation-rate-professional.sql',
    sqlParams: ['from', 'to', 'professional', 'specialty-code'],
    params: [
      { name: 'professional', type: 'pseudonym', required: false, description: 'one professional (pseudonym, as listed by K6)' },
      { name: 'specialty', type: 'specialty', required: false, description: 'one specialty (code or label)' },
      ...PERIOD_PARAMS,
    ],
    unit: 'percent',
    numeratorLabel: 'consultations du professionnel',
    denominatorLabel: 'consultations de la période',
    breakdownLabel: 'spécialité et professionnel',
  },
  K7: {
    id: 'K7',
    title: 'Décès par région',
    description:
      "Décès du fichier INSEE dans l'année, par région de la commune de décès (décès à l'étranger et communes inconnues à part), " +
      'pour 100 000 habitants ; détail par département avec --region.',
    sqlFile: 'k7-deaths-by-region.sql',
    sqlParams: ['year', 'region'],
    params: [
      { name: 'year', type: 'year', required: false, default: 2019, description: 'year of death', example: '2019' },
      { name: 'region', type: 'region-code', required: false, description: 'a region code: breakdown by département of that region', example: '94' },
    ],
    unit: 'per100k',
    numeratorLabel: 'décès',
    denominatorLabel: 'population',
    breakdownLabel: 'région (département avec --region)',
  },
  K8: {
    id: 'K8',
    title: 'Satisfaction globale par région (e-Satis)',
    description:
      'Moyenne du score global ajusté e-Satis pondérée par le nombre de répondants, par région ; détail par établissement avec --region. ' +
      'Les établissements sans score validé (classes DI, NV, NR) sont exclus et comptés.',
    sqlFile: 'k8-satisfaction-by-region.sql',
    sqlParams: ['year', 'survey', 'region'],
    params: [
      { name: 'year', type: 'year', required: false, default: 2020, description: 'year of the e-Satis results', example: '2020' },
      { name: 'survey', type: 'survey', required: false, default: '48h-mco', description: 'e-Satis survey (48h-mco: +48h MCO; ca: ambulatory surgery)', example: '48h-mco' },
      { name: 'region', type: 'region-code', required: false, description: 'a region code: breakdown by establishment of that region', example: '84' },
    ],
    unit: 'score',
    numeratorLabel: 'répondants',
    denominatorLabel: 'établissements au score validé',
    breakdownLabel: 'région (établissement avec --region)',
  },
};

export interface KpiListing {
  id: KpiId;
  title: string;
  description: string;
  unit: KpiUnit;
  params: ParamSpec[];
}

export function listKpis(): KpiListing[] {
  return Object.values(KPI_CATALOGUE).map(({ id, title, description, unit, params }) => ({ id, title, description, unit, params }));
}
