-- "Patient": the person of patient_*() macros (so that the death registry can hold them), living
-- in the region; free-text sex and birth dates in three spellings on a few rows.
-- params: ${patients}, ${home_communes}
SELECT p AS "Id_patient", patient_surname(p) AS "Nom", title_case(patient_first_names(p)) AS "Prenom",
  CASE pick(p, 'patient-sex-text', 1000)
    WHEN 0 THEN CASE patient_sex(p) WHEN 1 THEN 'Homme' ELSE 'Femme' END
    WHEN 1 THEN patient_sex(p)::VARCHAR
    WHEN 2 THEN CASE patient_sex(p) WHEN 1 THEN ' m ' ELSE 'f' END
    ELSE CASE patient_sex(p) WHEN 1 THEN 'M' ELSE 'F' END END AS "Sexe",
  (1 + pick(p, 'patient-street-number', 150))::VARCHAR || ' rue ' || title_case(surname(pick(p, 'patient-street', 200))) AS "Adresse",
  c.name AS "Ville", c.postal_code AS "Code_postal", 'France' AS "Pays",
  lower(replace(split_part(patient_first_names(p), ' ', 1) || '.' || patient_surname(p), ' ', '')) || p || '@example.fr' AS "EMail",
  '06' || lpad(pick(p, 'patient-phone', 100000000)::VARCHAR, 8, '0') AS "Tel",
  CASE WHEN pick(p, 'patient-date-format', 100) < 95 THEN strftime(patient_birth(p), '%Y-%m-%d')
       WHEN pick(p, 'patient-date-format', 100) < 99 THEN strftime(patient_birth(p), '%d/%m/%Y')
       ELSE strftime(patient_birth(p), '%Y%m%d') END AS "Date",
  date_diff('year', patient_birth(p), DATE '2024-06-30') AS "Age",
  patient_sex(p)::VARCHAR || strftime(patient_birth(p), '%y%m') || left(c.code, 2) || right(c.code, 3) ||
    lpad(pick(p, 'patient-nir', 1000)::VARCHAR, 3, '0') || lpad(pick(p, 'patient-nir-key', 98)::VARCHAR, 2, '0') AS "Num_Secu",
  (['O+','A+','B+','AB+','O-','A-','B-','AB-'])[1 + pick(p, 'patient-blood', 8)] AS "Groupe_sanguin",
  round(40 + 60 * u(p, 'patient-weight'), 1) AS "Poid", round(150 + 45 * u(p, 'patient-height'))::INTEGER AS "Taille"
FROM range(1, ${patients} + 1) t(p)
JOIN ref_home c ON c.idx = pick(p, 'patient-home', ${home_communes})
ORDER BY p
