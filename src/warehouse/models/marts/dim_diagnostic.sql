-- model:   marts.dim_diagnostic
-- grain:   one row per CIM-10 code: the care database's Diagnostic table plus every code seen
--          in consultations and stays
-- depends: raw.care_db_diagnostic, core.core_consultation, core.core_sejour, core.core_cim10_chapter
-- in_reference tells a code of the Diagnostic table from one only seen in facts; a code seen only
-- in stays takes the label the stays export gives it most often.
with reference as (
  select diagnosis_code, label
  from raw.care_db_diagnostic
  where diagnosis_code is not null
  qualify row_number() over (partition by diagnosis_code order by _batch_seq desc, _line desc) = 1
),
stay_labels as (
  select diagnosis_code, mode(diagnosis_label) as label
  from core.core_sejour
  where diagnosis_code is not null
  group by diagnosis_code
),
codes as (
  select diagnosis_code from reference
  union
  select distinct diagnosis_code from core.core_consultation where diagnosis_code is not null
  union
  select diagnosis_code from stay_labels
)
select
  c.diagnosis_code,
  coalesce(r.label, s.label) as label,
  left(c.diagnosis_code, 3) as block,
  ch.chapter,
  ch.chapter_number,
  ch.chapter_label,
  r.diagnosis_code is not null as in_reference
from codes c
left join reference r using (diagnosis_code)
left join stay_labels s using (diagnosis_code)
left join core.core_cim10_chapter ch
  on left(c.diagnosis_code, 3) between ch.first_block and ch.last_block
