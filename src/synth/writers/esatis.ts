import { join } from 'node:path';
import type { GroundTruth } from '../ground-truth.ts';
import type { Establishment, Hospital } from '../model.ts';
import type { Rng } from '../random.ts';
import { TextFileWriter } from './text-file.ts';

interface Survey {
  file: string;
  year: number;
  header: string[];
  /** Sub-scores after the global one, each written as a respondents/score pair. */
  subScores: number;
  /** Whether the file has the recommendation columns (absent in 2017). */
  recommendation: boolean;
  classes: readonly string[];
  /** Score added to the +48h MCO level: ambulatory surgery patients are happier. */
  offset: number;
  /** Share of the participating establishments surveyed that year. */
  coverage: number;
}

const SUB_SCORES_48H = ['accueil', 'PECinf', 'PECmed', 'chambre', 'repas', 'sortie'];
const SUB_SCORES_CA = ['avant_hospi', 'accueil', 'pec', 'chambre_collation', 'sortie_retour'];
/** Typical gap of each sub-score to the global score (real 2019 file: meals and discharge lowest). */
const SUB_OFFSETS = [-2, 7, 6, -1, -10, -7];

function header48h(recommendation: boolean): string[] {
  return [
    'finess', 'rs_finess', 'finess_geo', 'rs_finess_geo', 'region', 'participation', 'Depot',
    'nb_rep_score_all_rea_ajust', 'score_all_rea_ajust', 'classement', 'evolution',
    ...SUB_SCORES_48H.flatMap((s) => [`nb_rep_score_${s}_rea_ajust`, `score_${s}_rea_ajust`]),
    ...(recommendation ? ['taux_reco_brut', 'nb_reco_brut'] : []),
  ];
}

const SURVEYS: Survey[] = [
  {
    // The 2017 file has the 2019 variables minus the recommendation rate, in upper case (header drift).
    file: join('esatis', '2017', 'ESATIS48H_MCO_recueil2017_donnees.csv'),
    year: 2017,
    header: header48h(false).map((h) => h.toUpperCase()),
    subScores: 6,
    recommendation: false,
    classes: ['A', 'B', 'C', 'D', 'DI', 'NR'],
    offset: 0,
    coverage: 0.85,
  },
  ...[2019, 2020].map((year) => ({
    file: join('esatis', String(year), `resultats-esatis48h-mco-open-data-${year}.csv`),
    year,
    header: header48h(true),
    subScores: 6,
    recommendation: true,
    classes: ['A', 'B', 'C', 'D', 'DI', 'NV', 'NR'],
    offset: 0,
    coverage: 1,
  })),
  {
    file: join('esatis', '2020', 'resultats-esatisca-open-data-2020.csv'),
    year: 2020,
    header: [
      'finess', 'rs_finess', 'finess_geo', 'rs_finess_geo', 'region', 'participation', 'depot',
      'nb_rep_score_ajust_esatis_ca', 'score_ajust_esatis_ca', 'classement', 'evolution',
      ...SUB_SCORES_CA.flatMap((s) => [`nb_rep_score_ajust_${s}`, `score_ajust_${s}`]),
      'taux_reco_brut', 'nb_reco_brut',
    ],
    subScores: 5,
    recommendation: true,
    classes: ['A', 'B', 'C', 'D', 'DI', 'NV', 'NR'],
    offset: 3,
    coverage: 0.7,
  },
];

const EVOLUTIONS = ['1-Diminution', '2-Stable', '2-Stable', '2-Stable', '3-Amélioration', '4-Non calculable'];

/**
 * The HAS e-Satis results: CP1252, `;`-separated, the global score with a decimal comma and the
 * sub-scores with a decimal point in the same row, empty scores for classes DI/NV/NR, as in the
 * real 2019 file. The group's sites always take part; other hospitals often do.
 */
export function writeEsatis(outDir: string, hospital: Hospital, truth: GroundTruth): string[] {
  const participants = hospital.establishments
    .filter((e) => e.site || (e.category.hospital && e.category.kind !== 'ambulatory' && hospital.rng('esatis-participant', e.index).chance(0.6)))
    .sort((a, b) => (a.finessEj < b.finessEj ? -1 : a.finessEj > b.finessEj ? 1 : 0));
  const paths: string[] = [];
  for (const survey of SURVEYS) {
    const file = new TextFileWriter(join(outDir, survey.file), 'cp1252');
    file.line(survey.header.join(';'));
    const rng = hospital.rng(`esatis-${survey.file}`);
    let rows = 0;
    for (const e of participants) {
      if (!e.site && !rng.chance(survey.coverage)) continue;
      // The first row always names its site with an en dash, the CP1252-only character of the real file.
      file.line(row(hospital, survey, e, rng, rows === 0 || rng.chance(0.03)).join(';'));
      rows += 1;
    }
    file.close();
    truth.wrote('esatis', 'resultat', rows, file.path);
    paths.push(file.path);
  }
  return paths;
}

function row(hospital: Hospital, survey: Survey, e: Establishment, rng: Rng, dash: boolean): string[] {
  const quality = hospital.rng('esatis-quality', e.index).normal(73.5, 3.2) + survey.offset;
  const region = (hospital.geography.regionNames.get(e.commune.region) ?? '').replace('Hauts-de-France', 'Hauts de France');
  const status = rng.next();
  const unscored = status < 0.05 ? 'DI' : status < 0.09 ? 'NV' : status < 0.12 ? 'NR' : null;
  const klass = unscored && !survey.classes.includes(unscored) ? 'DI' : unscored;
  const identity = [
    e.finessEj,
    e.ejName,
    e.finessEt,
    dash ? `${e.name} – ${e.commune.name.toUpperCase()}` : e.longName,
    region,
    rng.chance(0.9) ? '1- Obligatoire' : '2- Facultatif',
    klass === 'NR' ? '2- Non' : '1- Oui',
  ];
  if (klass) return [...identity, '', '', klass, '', ...Array<string>(survey.header.length - identity.length - 4).fill('')];
  const respondents = Math.round(35 + e.size * 60 + rng.next() * 250);
  const score = Math.min(92, Math.max(55, quality + rng.normal(0, 1.5)));
  const grade = score >= 77.3 + survey.offset ? 'A' : score >= 74 + survey.offset ? 'B' : score >= 70.7 + survey.offset ? 'C' : 'D';
  const out = [...identity, String(respondents), comma(score), grade, rng.pick(EVOLUTIONS)];
  for (let i = 0; i < survey.subScores; i++) out.push(String(respondents), point(Math.min(100, score + SUB_OFFSETS[i] + rng.normal(0, 1.5))));
  if (survey.recommendation) {
    const rate = Math.min(90, Math.max(15, score - 24 + rng.normal(0, 4)));
    out.push(comma(Math.round(rate * 10) / 10), String(respondents - rng.int(0, 3)));
  }
  return out;
}

/** Two decimals at most, trailing zeros dropped (`70,3`, `78`), as the real file prints numbers. */
function point(value: number): string {
  return String(Number(value.toFixed(2)));
}

function comma(value: number): string {
  return point(value).replace('.', ',');
}
