import type { RawTableSpec } from '../types.ts';

/**
 * A table of the hospital's care database as the reader selects it. `order` sorts the COPY so
 * that row numbers (lineage) stay the same from one snapshot of unchanged data to the next; its
 * first column is also the key of the pages (see copy-pages.ts). `identifying` columns are the
 * direct identifiers: they go to the vault only and never into a quarantine record.
 */
export interface SourceTable {
  name: string;
  columns: readonly string[];
  order: readonly string[];
  identifying: readonly string[];
  /** Absent from many hospitals' copies: a missing optional table is read as empty. */
  optional: boolean;
}

export const PATIENT = {
  name: 'Patient',
  columns: ['Id_patient', 'Nom', 'Prenom', 'Sexe', 'Adresse', 'Ville', 'Code_postal', 'Pays', 'EMail', 'Tel', 'Date',
    'Num_Secu', 'Groupe_sanguin', 'Poid', 'Taille'],
  order: ['Id_patient'],
  identifying: ['Nom', 'Prenom', 'Adresse', 'Ville', 'Code_postal', 'Pays', 'EMail', 'Tel', 'Date', 'Num_Secu'],
  optional: false,
} as const satisfies SourceTable;

export const PROFESSIONNEL = {
  name: 'Professionnel_de_sante',
  columns: ['Identifiant', 'Civilite', 'Categorie_professionnelle', 'Nom', 'Prenom', 'Profession', 'Type_identifiant', 'Code_specialite'],
  order: ['Identifiant'],
  identifying: ['Civilite', 'Nom', 'Prenom'],
  optional: false,
} as const satisfies SourceTable;

export const SPECIALITES = {
  name: 'Specialites',
  columns: ['Code_specialite', 'Fonction', 'Specialite'],
  order: ['Code_specialite'],
  identifying: [],
  optional: false,
} as const satisfies SourceTable;

export const CONSULTATION = {
  name: 'Consultation',
  columns: ['Num_consultation', 'Id_mut', 'Id_patient', 'Id_prof_sante', 'Code_diag', 'Motif', 'Date', 'Heure_debut', 'Heure_fin'],
  order: ['Num_consultation'],
  identifying: [],
  optional: false,
} as const satisfies SourceTable;

export const DIAGNOSTIC = {
  name: 'Diagnostic',
  columns: ['Code_diag', 'Diagnostic'],
  order: ['Code_diag'],
  identifying: [],
  optional: false,
} as const satisfies SourceTable;

export const MUTUELLE = {
  name: 'Mutuelle',
  columns: ['Id_Mut', 'Nom'],
  order: ['Id_Mut'],
  identifying: [],
  optional: true,
} as const satisfies SourceTable;

// Adher and Prescription have no primary key: all their columns order them.
export const ADHER = {
  name: 'Adher',
  columns: ['Id_patient', 'Id_mut'],
  order: ['Id_patient', 'Id_mut'],
  identifying: [],
  optional: true,
} as const satisfies SourceTable;

export const PRESCRIPTION = {
  name: 'Prescription',
  columns: ['Num_consultation', 'Code_CIS'],
  order: ['Num_consultation', 'Code_CIS'],
  identifying: [],
  optional: true,
} as const satisfies SourceTable;

export const MEDICAMENTS = {
  name: 'Medicaments',
  columns: ['Code_CIS', 'Denomination'],
  order: ['Code_CIS'],
  identifying: [],
  optional: true,
} as const satisfies SourceTable;

export const patientTable: RawTableSpec = {
  sourceName: PATIENT.name,
  name: 'patient',
  zone: 'raw',
  key: ['patient_id'],
  columns: [
    { name: 'patient_id', type: 'VARCHAR', doc: 'pseudonym (domain patient) of Id_patient' },
    { name: 'sex', type: 'VARCHAR', doc: 'M or F from Sexe; null when missing or not a sex' },
    { name: 'birth_year', type: 'INTEGER', doc: 'year of the birth date (Date, text in several formats)' },
    { name: 'birth_month', type: 'INTEGER', doc: 'month of the birth date; null when unknown' },
    { name: 'commune_code', type: 'VARCHAR', doc: 'COG code of the commune of residence, from Code_postal and Ville; null when unknown' },
    { name: 'blood_group', type: 'VARCHAR', doc: 'Groupe_sanguin' },
    { name: 'weight_kg', type: 'DOUBLE', doc: 'Poid' },
    { name: 'height_cm', type: 'DOUBLE', doc: 'Taille' },
    { name: 'death_link_id', type: 'VARCHAR', doc: 'pseudonym (domain death-link) of deathLinkId(Nom, Prenom, sex, birth date); null when the birth date is unknown' },
  ],
};

export const professionnelTable: RawTableSpec = {
  sourceName: PROFESSIONNEL.name,
  name: 'professionnel',
  zone: 'raw',
  key: ['professional_id'],
  columns: [
    { name: 'professional_id', type: 'VARCHAR', doc: 'pseudonym (domain professional) of Identifiant (RPPS or ADELI)' },
    { name: 'id_type', type: 'VARCHAR', doc: 'Type_identifiant: RPPS or ADELI' },
    { name: 'category', type: 'VARCHAR', doc: 'Categorie_professionnelle' },
    { name: 'profession', type: 'VARCHAR', doc: 'Profession' },
    { name: 'specialty_code', type: 'VARCHAR', doc: 'Code_specialite' },
  ],
};

export const specialiteTable: RawTableSpec = {
  sourceName: SPECIALITES.name,
  name: 'specialite',
  zone: 'raw',
  key: ['specialty_code'],
  columns: [
    { name: 'specialty_code', type: 'VARCHAR', doc: 'Code_specialite' },
    { name: 'function', type: 'VARCHAR', doc: 'Fonction' },
    { name: 'specialty', type: 'VARCHAR', doc: 'Specialite' },
  ],
};

export const consultationTable: RawTableSpec = {
  sourceName: CONSULTATION.name,
  name: 'consultation',
  zone: 'raw',
  // The same visit is sometimes recorded twice under a new Num_consultation.
  key: ['patient_id', 'professional_id', 'consultation_date', 'start_time', 'diagnosis_code'],
  columns: [
    { name: 'consultation_id', type: 'BIGINT', doc: 'Num_consultation' },
    { name: 'patient_id', type: 'VARCHAR', doc: 'pseudonym (domain patient) of Id_patient' },
    { name: 'professional_id', type: 'VARCHAR', doc: 'pseudonym (domain professional) of Id_prof_sante' },
    { name: 'mutuelle_id', type: 'INTEGER', doc: 'Id_mut' },
    { name: 'diagnosis_code', type: 'VARCHAR', doc: 'Code_diag, CIM-10 upper case without dot; null when not a CIM-10 code' },
    { name: 'reason', type: 'VARCHAR', doc: 'Motif' },
    { name: 'consultation_date', type: 'DATE', doc: 'Date' },
    { name: 'start_time', type: 'TIME', doc: 'Heure_debut' },
    { name: 'end_time', type: 'TIME', doc: 'Heure_fin' },
  ],
};

export const diagnosticTable: RawTableSpec = {
  sourceName: DIAGNOSTIC.name,
  name: 'diagnostic',
  zone: 'raw',
  key: ['diagnosis_code'],
  columns: [
    { name: 'diagnosis_code', type: 'VARCHAR', doc: 'Code_diag, CIM-10 upper case without dot; null when not a CIM-10 code' },
    { name: 'label', type: 'VARCHAR', doc: 'Diagnostic' },
  ],
};

export const mutuelleTable: RawTableSpec = {
  sourceName: MUTUELLE.name,
  name: 'mutuelle',
  zone: 'raw',
  key: ['mutuelle_id'],
  columns: [
    { name: 'mutuelle_id', type: 'INTEGER', doc: 'Id_Mut' },
    { name: 'name', type: 'VARCHAR', doc: 'Nom (of the insurer)' },
  ],
};

export const adhesionTable: RawTableSpec = {
  sourceName: ADHER.name,
  name: 'adhesion',
  zone: 'raw',
  key: ['patient_id', 'mutuelle_id'],
  columns: [
    { name: 'patient_id', type: 'VARCHAR', doc: 'pseudonym (domain patient) of Id_patient' },
    { name: 'mutuelle_id', type: 'INTEGER', doc: 'Id_mut' },
  ],
};

export const prescriptionTable: RawTableSpec = {
  sourceName: PRESCRIPTION.name,
  name: 'prescription',
  zone: 'raw',
  key: ['consultation_id', 'cis_code'],
  columns: [
    { name: 'consultation_id', type: 'BIGINT', doc: 'Num_consultation' },
    { name: 'cis_code', type: 'VARCHAR', doc: 'Code_CIS' },
  ],
};

export const medicamentTable: RawTableSpec = {
  sourceName: MEDICAMENTS.name,
  name: 'medicament',
  zone: 'raw',
  key: ['cis_code'],
  columns: [
    { name: 'cis_code', type: 'VARCHAR', doc: 'Code_CIS' },
    { name: 'denomination', type: 'VARCHAR', doc: 'Denomination' },
  ],
};

export const patientIdentityTable: RawTableSpec = {
  sourceName: PATIENT.name,
  name: 'patient_identity',
  zone: 'vault',
  key: ['patient_id'],
  columns: [
    { name: 'patient_id', type: 'VARCHAR', doc: 'pseudonym (domain patient) of Id_patient' },
    { name: 'source_id', type: 'VARCHAR', doc: 'Id_patient' },
    { name: 'surname', type: 'VARCHAR', doc: 'Nom' },
    { name: 'first_names', type: 'VARCHAR', doc: 'Prenom' },
    { name: 'birth_date', type: 'VARCHAR', doc: 'Date, as received' },
    { name: 'birth_date_parsed', type: 'DATE', doc: 'Date when it names a complete day; null when unreadable or partial' },
    { name: 'address', type: 'VARCHAR', doc: 'Adresse' },
    { name: 'city', type: 'VARCHAR', doc: 'Ville' },
    { name: 'postal_code', type: 'VARCHAR', doc: 'Code_postal, as received' },
    { name: 'country', type: 'VARCHAR', doc: 'Pays' },
    { name: 'email', type: 'VARCHAR', doc: 'EMail' },
    { name: 'phone', type: 'VARCHAR', doc: 'Tel' },
    { name: 'nir', type: 'VARCHAR', doc: 'Num_Secu' },
  ],
};

export const professionalIdentityTable: RawTableSpec = {
  sourceName: PROFESSIONNEL.name,
  name: 'professional_identity',
  zone: 'vault',
  key: ['professional_id'],
  columns: [
    { name: 'professional_id', type: 'VARCHAR', doc: 'pseudonym (domain professional) of Identifiant' },
    { name: 'source_id', type: 'VARCHAR', doc: 'Identifiant' },
    { name: 'civility', type: 'VARCHAR', doc: 'Civilite' },
    { name: 'surname', type: 'VARCHAR', doc: 'Nom' },
    { name: 'first_names', type: 'VARCHAR', doc: 'Prenom' },
  ],
};
