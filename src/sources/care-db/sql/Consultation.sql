-- Consultation → raw consultation (mappers.ts `consultation`), for the rows of `source` whose
-- every value is plain. `refs`: the ids whose pseudonyms `typed` joins.
CREATE OR REPLACE TEMP VIEW classified AS
SELECT *, coalesce(
    plain_bigint("Num_consultation")
    AND ("Id_mut" IS NULL OR plain_integer("Id_mut"))
    AND ("Id_patient" IS NULL OR plain_bigint("Id_patient"))
    AND ("Id_prof_sante" IS NULL OR plain_text("Id_prof_sante"))
    AND ("Code_diag" IS NULL OR plain_cim10("Code_diag"))
    AND ("Motif" IS NULL OR plain_text("Motif"))
    AND ("Date" IS NULL OR plain_date("Date"))
    AND ("Heure_debut" IS NULL OR plain_time("Heure_debut"))
    AND ("Heure_fin" IS NULL OR plain_time("Heure_fin")),
  false) AS plain
FROM source;

-- One scan for both domains: a grouping set each (two DISTINCT scans took 1.7x as long).
CREATE OR REPLACE TEMP VIEW refs AS
SELECT CASE WHEN grouping(professional) = 1 THEN 'patient' ELSE 'professional' END AS domain, coalesce(patient, professional) AS id
FROM (
  SELECT
    CASE WHEN plain_bigint("Id_patient") THEN CAST(CAST("Id_patient" AS BIGINT) AS VARCHAR) END AS patient,
    CASE WHEN plain_text("Id_prof_sante") THEN "Id_prof_sante" END AS professional
  FROM source
)
GROUP BY GROUPING SETS ((patient), (professional))
HAVING coalesce(patient, professional) IS NOT NULL;

CREATE OR REPLACE TEMP VIEW typed AS
SELECT
  c._line,
  CAST(c."Num_consultation" AS BIGINT) AS consultation_id,
  patient.pseudonym AS patient_id,
  professional.pseudonym AS professional_id,
  CAST(c."Id_mut" AS INTEGER) AS mutuelle_id,
  cim10_stored(c."Code_diag") AS diagnosis_code,
  c."Motif" AS reason,
  CAST(c."Date" AS DATE) AS consultation_date,
  CAST(c."Heure_debut" AS TIME) AS start_time,
  CAST(c."Heure_fin" AS TIME) AS end_time
FROM classified c
LEFT JOIN pseudonyms patient ON patient.domain = 'patient' AND patient.id = CAST(CAST(c."Id_patient" AS BIGINT) AS VARCHAR)
LEFT JOIN pseudonyms professional ON professional.domain = 'professional' AND professional.id = c."Id_prof_sante"
WHERE c.plain;
