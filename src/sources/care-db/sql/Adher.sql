-- Adher → raw adhesion (mappers.ts `adhesion`), for the rows of `source` whose every value is
-- plain. `refs`: the patients whose pseudonyms `typed` joins.
CREATE OR REPLACE TEMP VIEW classified AS
SELECT *, coalesce(
    ("Id_patient" IS NULL OR plain_bigint("Id_patient"))
    AND ("Id_mut" IS NULL OR plain_integer("Id_mut")),
  false) AS plain
FROM source;

CREATE OR REPLACE TEMP VIEW refs AS
SELECT DISTINCT 'patient' AS domain, CAST(CAST("Id_patient" AS BIGINT) AS VARCHAR) AS id FROM source WHERE plain_bigint("Id_patient");

CREATE OR REPLACE TEMP VIEW typed AS
SELECT
  a._line,
  patient.pseudonym AS patient_id,
  CAST(a."Id_mut" AS INTEGER) AS mutuelle_id
FROM classified a
LEFT JOIN pseudonyms patient ON patient.domain = 'patient' AND patient.id = CAST(CAST(a."Id_patient" AS BIGINT) AS VARCHAR)
WHERE a.plain;
