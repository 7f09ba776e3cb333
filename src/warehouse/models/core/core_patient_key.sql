-- model:   core.core_patient_key
-- grain:   one row per patient pseudonym that the care database's patients, its consultations or
--          the stays name
-- depends: core.core_patient, core.core_consultation, core.core_sejour
-- patient_key is the pseudonym's rank in sorted order: dense, the same for the same pseudonyms,
-- and an INTEGER, which the KPIs count distinct faster than 32 characters of text.
-- A consultation or stay whose patient is missing from the care database gets a key of its own,
-- so that it still counts as one (unknown) patient.
select
  cast(row_number() over (order by patient_id) as integer) as patient_key,
  patient_id
from (
  select patient_id from core.core_patient
  union
  select patient_id from core.core_consultation
  union
  select patient_id from core.core_sejour
) named
where patient_id is not null
