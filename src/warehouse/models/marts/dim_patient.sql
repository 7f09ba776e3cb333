-- model:   marts.dim_patient
-- grain:   one row per patient pseudonym
-- depends: core.core_patient, core.core_patient_key, core.core_deces, ref.cog_commune
-- death_date comes from the registry linkage (same death-link pseudonym); a link that matches
-- several death records keeps the earliest date.
with deaths as (
  select death_link_id, min(death_date) as death_date
  from core.core_deces
  where death_link_id is not null
  group by death_link_id
)
select
  k.patient_key,
  p.patient_id,
  p.sex,
  p.birth_year,
  p.birth_month,
  p.commune_code,
  c.departement_code,
  c.region_code,
  d.death_date
from core.core_patient p
join core.core_patient_key k using (patient_id)
left join ref.cog_commune c using (commune_code)
left join deaths d using (death_link_id)
