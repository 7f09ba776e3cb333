-- model:   core.core_patient
-- grain:   one row per patient pseudonym of the care database (latest copy; the latest row wins)
-- depends: raw.care_db_patient, ref.cog_commune_code
-- The residence commune is mapped to today's COG commune, so a patient of a commune merged since
-- still finds a département and a région; a code the COG does not know becomes null.
with latest as (
  select *
  from raw.care_db_patient
  where patient_id is not null
  qualify row_number() over (partition by patient_id order by _batch_seq desc, _line desc) = 1
)
select
  p.patient_id,
  p.sex,
  p.birth_year,
  p.birth_month,
  c.commune_code,
  p.blood_group,
  p.weight_kg,
  p.height_cm,
  p.death_link_id
from latest p
left join ref.cog_commune_code c on c.code = p.commune_code
