-- "Consultation" rows ${from} < Num_consultation <= ${to}: every value a function of the row, so a
-- larger step only appends. Busy patients, professionals and diagnoses are more likely; dates
-- 2015-2024, 15-minute slots. Dirt: one row in 1000 repeats the visit before it under a new
-- number (duplicate visit), one in 2000 names a patient missing from "Patient", one in 200 a
-- professional missing from the directories (AUCUN in K1).
-- params: ${from}, ${to}, ${patients}, ${professionals}, ${diagnoses}
WITH row AS (
  SELECT c, CASE WHEN c % 1000 = 3 THEN c - 1 ELSE c END AS b FROM range(${from}, ${to}) t(c)
), visit AS (
  SELECT c, b,
    CASE WHEN c % 2000 = 11 THEN ${patients} + 1 + pick(c, 'consult-ghost', 1000) ELSE 1 + skewed(b, 'consult-patient', ${patients}, 1.3) END AS patient,
    CASE WHEN pick(b, 'consult-unknown-prof', 200) = 0 THEN professional_id(${professionals} + 5000000 + pick(b, 'consult-ghost-prof', 1000))
         ELSE professional_id(skewed(b, 'consult-prof', ${professionals}, 1.5)) END AS professional,
    skewed(b, 'consult-diagnosis', ${diagnoses}, 2.0) AS diagnosis,
    TIME '08:00:00' + INTERVAL (15 * pick(b, 'consult-slot', 40)) MINUTE AS started
  FROM row
)
SELECT c + 1 AS "Num_consultation",
  CASE WHEN pick(patient, 'patient-insured', 10) > 0 THEN 1 + pick(patient, 'patient-mutuelle', 200) END AS "Id_mut",
  patient AS "Id_patient", professional AS "Id_prof_sante", diagnosis_code(diagnosis) AS "Code_diag",
  (['Consultation de suivi','Premiere consultation','Douleur','Renouvellement d''ordonnance','Bilan','Controle post-operatoire','Avis specialise','Urgence'])[1 + pick(b, 'consult-reason', 8)] AS "Motif",
  DATE '2015-01-01' + pick(b, 'consult-date', 3653)::INTEGER AS "Date",
  started AS "Heure_debut", started + INTERVAL (15 + 15 * pick(b, 'consult-length', 3)) MINUTE AS "Heure_fin"
FROM visit
