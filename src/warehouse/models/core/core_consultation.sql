-- model:   core.core_consultation
-- grain:   one row per consultation; a visit entered twice (same patient, professional, date,
--          start time and diagnosis) is kept once, under its smallest consultation number
-- depends: raw.care_db_consultation
select
  consultation_id,
  patient_id,
  professional_id,
  mutuelle_id,
  diagnosis_code,
  reason,
  consultation_date,
  start_time,
  end_time
from raw.care_db_consultation
where consultation_id is not null
qualify row_number() over (
  partition by patient_id, professional_id, consultation_date, start_time, diagnosis_code
  order by consultation_id, _batch_seq desc, _line desc
) = 1
