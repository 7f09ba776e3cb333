import type { RawTableSpec } from '../types.ts';

/** The stays export as hospitals hand it out (see ../shared/data/real/hospitalisations.lines1-101.csv). */
export const SEJOURS_HEADER = [
  'Num_Hospitalisation',
  'Id_patient',
  'identifiant_organisation',
  'Code_diagnostic',
  'Suite_diagnostic_consultation',
  'Date_Entree',
  'Jour_Hospitalisation',
] as const;

export const sejourTable: RawTableSpec = {
  name: 'sejour',
  zone: 'raw',
  key: ['stay_id'],
  columns: [
    { name: 'stay_id', type: 'BIGINT', doc: 'Num_Hospitalisation' },
    { name: 'patient_id', type: 'VARCHAR', doc: 'pseudonym of Id_patient (domain patient, as in the care database)' },
    { name: 'finess', type: 'VARCHAR', doc: 'FINESS of the establishment: identifiant_organisation without its F prefix and date-like suffix' },
    { name: 'diagnosis_code', type: 'VARCHAR', doc: 'CIM-10 code, upper case, no dot' },
    { name: 'diagnosis_label', type: 'VARCHAR', doc: 'label as exported' },
    { name: 'admission_date', type: 'DATE', doc: 'Date_Entree' },
    { name: 'length_of_stay', type: 'INTEGER', doc: 'Jour_Hospitalisation, days' },
  ],
};
