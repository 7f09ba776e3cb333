-- model:   core.core_professionnel
-- grain:   one row per professional pseudonym of the care database, with the label of their specialty
-- depends: raw.care_db_professionnel, raw.care_db_specialite
with professional as (
  select *
  from raw.care_db_professionnel
  where professional_id is not null
  qualify row_number() over (partition by professional_id order by _batch_seq desc, _line desc) = 1
),
specialty as (
  select *
  from raw.care_db_specialite
  where specialty_code is not null
  qualify row_number() over (partition by specialty_code order by _batch_seq desc, _line desc) = 1
)
select
  p.professional_id,
  p.id_type,
  p.category,
  p.profession,
  p.specialty_code,
  s.specialty,
  s."function"
from professional p
left join specialty s using (specialty_code)
