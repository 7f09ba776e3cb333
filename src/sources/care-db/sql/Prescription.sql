-- Prescription → raw prescription (mappers.ts `prescription`), for the rows of `source` whose
-- every value is plain. No pseudonym: `refs` is empty.
CREATE OR REPLACE TEMP VIEW classified AS
SELECT *, coalesce(
    ("Num_consultation" IS NULL OR plain_bigint("Num_consultation"))
    AND ("Code_CIS" IS NULL OR plain_text("Code_CIS")),
  false) AS plain
FROM source;

CREATE OR REPLACE TEMP VIEW refs AS
SELECT NULL::VARCHAR AS domain, NULL::VARCHAR AS id WHERE false;

CREATE OR REPLACE TEMP VIEW typed AS
SELECT
  _line,
  CAST("Num_consultation" AS BIGINT) AS consultation_id,
  "Code_CIS" AS cis_code
FROM classified
WHERE plain;
