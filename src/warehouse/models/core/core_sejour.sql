-- model:   core.core_sejour
-- grain:   one row per stay number; when a stay comes in several exports, the latest load wins
-- depends: raw.sejours_sejour
select
  stay_id,
  patient_id,
  finess,
  diagnosis_code,
  diagnosis_label,
  admission_date,
  length_of_stay
from raw.sejours_sejour
where stay_id is not null
qualify row_number() over (partition by stay_id order by _batch_seq desc, _file desc, _line desc) = 1
