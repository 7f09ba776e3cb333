import type { MartRow, MartRows } from './star-schema.ts';

// Scenario: a hand-built star schema (docs/marts.md) small enough to count every KPI by hand
// from KPIS.md; the counts are in hand-counted.test.ts beside each case. Rows are named c1…c9
// (consultations), s1…s6 (stays), d1…d9 (deaths) in the test names.

export const PRO_A = 'a'.repeat(32); // specialty 01 Médecine générale
export const PRO_B = 'b'.repeat(32); // specialty 01
export const PRO_C = 'c'.repeat(32); // specialty 07 Gynécologie
export const PRO_D = 'd'.repeat(32); // specialty 07, liberal: its consultations are AUCUN
export const PRO_E = 'e'.repeat(32); // not in the care database: in dim_professionnel_key only

// Surrogate keys as the build gives them (rank of the pseudonym): p1 → 1, p10 → 10; A → 1 … E → 5.
const patientKey = (patient: string) => Number(patient.slice(1));
const PROFESSIONAL_KEYS: Record<string, number> = { [PRO_A]: 1, [PRO_B]: 2, [PRO_C]: 3, [PRO_D]: 4, [PRO_E]: 5 };
// The age bands of KPIS.md, numbered from 0 as the build numbers them.
const AGE_BANDS = ['0-4', '5-14', '15-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75-84', '85+'];
const ageBandKey = (band: string) => AGE_BANDS.indexOf(band);

function consultation(id: number, patient: string, pro: string, code: string | null, chapter: string | null, date: string, finess: string, sex: string, age: number, band: string): MartRow {
  return {
    consultation_id: id, patient_key: patientKey(patient), patient_id: patient, professional_key: PROFESSIONAL_KEYS[pro], professional_id: pro, diagnosis_code: code, chapter, consultation_date: date,
    consultation_month: Number(date.slice(5, 7)), finess, sex, age, age_band: band, age_band_key: ageBandKey(band), consultation_year: Number(date.slice(0, 4)),
  };
}

function stay(id: number, patient: string, finess: string, code: string | null, chapter: string | null, date: string, sex: string, age: number, band: string): MartRow {
  return {
    stay_id: id, patient_key: patientKey(patient), patient_id: patient, finess, diagnosis_code: code, chapter, admission_date: date, admission_month: Number(date.slice(5, 7)),
    length_of_stay: 3, sex, age, age_band: band, age_band_key: ageBandKey(band), admission_year: Number(date.slice(0, 4)),
  };
}

function death(id: string, date: string | null, year: number, place: string, kind: string, departement: string | null, region: string | null): MartRow {
  return {
    death_link_id: id, sex: 'M', age_at_death: 80, death_date: date, death_month: date ? Number(date.slice(5, 7)) : null, death_place_code: place,
    place_kind: kind, departement_code: departement, region_code: region, patient_id: null, death_year: year,
  };
}

function satisfaction(survey: string, year: number, finess: string, region: string, score: number | null, respondents: number | null, klass: string, validated: boolean): MartRow {
  return { survey, year, finess_geo: finess, finess_ej: finess, region_code: region, score, respondents, class: klass, validated };
}

const BULK_2018: MartRow[] = [
  // For masking: 25 consultations at 010000107 in January 2018, 12 in February, 3 in March,
  // and 30 by the liberal professional (AUCUN) in March.
  ...Array.from({ length: 25 }, (_, i) => consultation(1000 + i, 'p10', PRO_A, 'J450', 'X', '2018-01-10', '010000107', 'F', 40, '35-44')),
  ...Array.from({ length: 12 }, (_, i) => consultation(1100 + i, 'p10', PRO_A, 'J450', 'X', '2018-02-10', '010000107', 'F', 40, '35-44')),
  ...Array.from({ length: 3 }, (_, i) => consultation(1200 + i, 'p10', PRO_A, 'J450', 'X', '2018-03-10', '010000107', 'F', 40, '35-44')),
  ...Array.from({ length: 30 }, (_, i) => consultation(1300 + i, 'p11', PRO_D, 'I10', 'IX', '2018-03-10', 'AUCUN', 'M', 60, '55-64')),
];

export const ROWS: MartRows = {
  fact_consultation: [
    //           id  patient pro    code    chapter date          establishment  sex age band
    consultation(1, 'p1', PRO_A, 'J450', 'X', '2020-01-15', '010000107', 'F', 34, '25-34'),
    consultation(2, 'p2', PRO_A, 'J451', 'X', '2020-02-29', '010000107', 'M', 50, '45-54'), // leap day
    consultation(3, 'p3', PRO_B, 'J459', 'X', '2020-02-28', 'PLUSIEURS', 'F', 4, '0-4'),
    consultation(4, 'p1', PRO_C, 'I10', 'IX', '2020-03-01', '2A0000123', 'F', 34, '25-34'),
    consultation(5, 'p4', PRO_D, 'E119', 'IV', '2020-03-01', 'AUCUN', 'M', 85, '85+'),
    consultation(6, 'p5', PRO_D, null, null, '2020-12-31', 'AUCUN', 'F', 18, '15-24'), // diagnosis unknown
    consultation(7, 'p2', PRO_B, 'J189', 'X', '2019-12-31', 'PLUSIEURS', 'M', 49, '45-54'), // the year before
    consultation(8, 'p6', PRO_A, 'J450', 'X', '2020-06-10', '010000107', 'M', 70, '65-74'),
    consultation(9, 'p3', PRO_C, 'J189', 'X', '2020-11-05', '2A0000123', 'F', 5, '5-14'), // p3 turned 5
    ...BULK_2018,
    consultation(1400, 'p12', PRO_A, 'I10', 'IX', '2017-05-02', '010000107', 'F', 30, '25-34'),
    consultation(1401, 'p13', PRO_E, 'I10', 'IX', '2017-05-03', 'AUCUN', 'M', 30, '25-34'), // PRO_E: not in the care database
  ],
  fact_hospitalisation: [
    //   id  patient establishment code   chapter date        sex age band
    stay(1, 'p1', '010000107', 'J450', 'X', '2020-02-29', 'F', 34, '25-34'), // leap day
    stay(2, 'p1', '010000107', 'I10', 'IX', '2020-07-01', 'F', 34, '25-34'), // p1 again
    stay(3, 'p3', '2A0000123', 'J189', 'X', '2020-12-01', 'F', 5, '5-14'),
    stay(4, 'p6', '010000107', 'E119', 'IV', '2019-05-05', 'M', 69, '65-74'), // the year before
    stay(5, 'p7', '010000107', 'J451', 'X', '2020-03-15', 'M', 20, '15-24'), // p7: no consultation
    stay(6, 'p2', '2A0000123', null, null, '2020-01-01', 'M', 49, '45-54'), // diagnosis unknown
  ],
  fact_deces: [
    //    id    death date    year place    kind       dept   region
    death('d1', '2019-03-01', 2019, '2A004', 'commune', '2A', '94'),
    death('d2', '2019-07-14', 2019, '2B033', 'commune', '2B', '94'),
    death('d3', '2019-12-31', 2019, '2B033', 'commune', '2B', '94'),
    death('d4', '2019-05-05', 2019, '99134', 'abroad', null, null),
    death('d5', '2019-06-06', 2019, '00000', 'unknown', null, null),
    death('d6', '2019-02-02', 2019, '69123', 'commune', '69', '84'),
    death('d7', '2018-12-31', 2018, '2A004', 'commune', '2A', '94'),
    death('d8', null, 2019, '75056', 'commune', '75', '11'), // death day unknown (00), year known
    death('d9', '2019-08-08', 2019, '98735', 'commune', '987', null), // a commune outside every region
  ],
  fact_satisfaction: [
    //           survey     year  establishment region score resp  class validated
    satisfaction('48h-mco', 2020, '010000107', '84', 80, 100, 'A', true),
    satisfaction('48h-mco', 2020, '690000001', '84', 70, 300, 'C', true),
    satisfaction('48h-mco', 2020, '2A0000123', '94', 75, 50, 'B', true),
    satisfaction('48h-mco', 2020, '2B0000001', '94', null, 5, 'DI', false),
    satisfaction('48h-mco', 2020, '750000001', '11', null, null, 'NV', false),
    satisfaction('48h-mco', 2020, '750000002', '11', null, 0, 'NR', false),
    satisfaction('ca', 2020, '010000107', '84', 60, 40, 'B', true),
    satisfaction('48h-mco', 2019, '010000107', '84', 90, 100, 'A', true),
  ],
  dim_patient: [
    //            patient sex
    ...[['p1', 'F'], ['p2', 'M'], ['p3', 'F'], ['p4', 'M'], ['p5', 'F'], ['p6', 'M'], ['p7', 'M'], ['p10', 'F'], ['p11', 'M'], ['p12', 'F'], ['p13', 'M']].map(
      ([patient, sex]) => ({ patient_key: patientKey(patient), patient_id: patient, sex }),
    ),
  ],
  dim_age_band: AGE_BANDS.map((band, key) => ({ age_band_key: key, age_band: band })),
  dim_region: [
    { region_code: '01', region_name: 'Guadeloupe', population: 385000, zone: 'drom' },
    { region_code: '11', region_name: 'Île-de-France', population: 12000000, zone: 'metro' },
    { region_code: '84', region_name: 'Auvergne-Rhône-Alpes', population: 8000000, zone: 'metro' },
    { region_code: '94', region_name: 'Corse', population: 340000, zone: 'metro' },
  ],
  dim_departement: [
    { departement_code: '971', departement_name: 'Guadeloupe', region_code: '01', population: 385000 },
    { departement_code: '75', departement_name: 'Paris', region_code: '11', population: 12000000 },
    { departement_code: '01', departement_name: 'Ain', region_code: '84', population: 650000 },
    { departement_code: '69', departement_name: 'Rhône', region_code: '84', population: 7350000 },
    { departement_code: '2A', departement_name: 'Corse-du-Sud', region_code: '94', population: 160000 },
    { departement_code: '2B', departement_name: 'Haute-Corse', region_code: '94', population: 180000 },
  ],
  dim_etablissement: [
    { finess: '010000107', name: 'CH Bresse', departement_code: '01', region_code: '84' },
    { finess: '2A0000123', name: 'CH Ajaccio', departement_code: '2A', region_code: '94' },
    { finess: '2B0000001', name: 'Clinique Bastia', departement_code: '2B', region_code: '94' },
    { finess: 'PLUSIEURS', name: 'plusieurs établissements' },
    { finess: 'AUCUN', name: 'aucun établissement' },
  ],
  dim_diagnostic: [
    { diagnosis_code: 'J450', label: 'Asthme à prédominance allergique', block: 'J45', chapter: 'X', chapter_label: "Maladies de l'appareil respiratoire" },
    { diagnosis_code: 'J451', label: 'Asthme non allergique', block: 'J45', chapter: 'X', chapter_label: "Maladies de l'appareil respiratoire" },
    { diagnosis_code: 'J459', label: 'Asthme, sans précision', block: 'J45', chapter: 'X', chapter_label: "Maladies de l'appareil respiratoire" },
    { diagnosis_code: 'J189', label: 'Pneumopathie, sans précision', block: 'J18', chapter: 'X', chapter_label: "Maladies de l'appareil respiratoire" },
    { diagnosis_code: 'I10', label: 'Hypertension essentielle', block: 'I10', chapter: 'IX', chapter_label: "Maladies de l'appareil circulatoire" },
    { diagnosis_code: 'E119', label: 'Diabète de type 2 sans complication', block: 'E11', chapter: 'IV', chapter_label: 'Maladies endocriniennes, nutritionnelles et métaboliques' },
  ],
  dim_professionnel_key: Object.entries(PROFESSIONAL_KEYS).map(([id, key]) => ({ professional_key: key, professional_id: id })),
  dim_professionnel: [
    { professional_key: 1, professional_id: PRO_A, specialty_code: '01', specialty: 'Médecine générale' },
    { professional_key: 2, professional_id: PRO_B, specialty_code: '01', specialty: 'Médecine générale' },
    { professional_key: 3, professional_id: PRO_C, specialty_code: '07', specialty: 'Gynécologie' },
    { professional_key: 4, professional_id: PRO_D, specialty_code: '07', specialty: 'Gynécologie' },
  ],
};
