-- model:   marts.fact_deces
-- grain:   one row per death (core.core_deces: a record in several files counts once)
-- depends: core.core_deces, core.core_patient, ref.cog_commune_code, ref.cog_commune
-- partition_by: death_year
-- order_by: region_code
-- place_kind: `abroad` for INSEE codes 99xxx (country of death; no COG code starts with 99, so
-- they find no région), `commune` when the COG knows the code (today's communes, merged communes
-- through their former codes, municipal arrondissements), `unknown` otherwise.
-- patient_id: the linked patient; a link shared by several patients keeps the smallest pseudonym
-- so that a death is never counted twice.
with patients as (
  select death_link_id, min(patient_id) as patient_id
  from core.core_patient
  where death_link_id is not null
  group by death_link_id
)
select
  d.death_link_id,
  d.sex,
  d.age_at_death,
  d.death_date,
  d.death_month,
  d.death_place_code,
  case
    when d.death_place_code like '99%' then 'abroad'
    when c.commune_code is not null then 'commune'
    else 'unknown'
  end as place_kind,
  c.departement_code,
  c.region_code,
  p.patient_id,
  d.death_year
from core.core_deces d
left join ref.cog_commune_code a on a.code = d.death_place_code
left join ref.cog_commune c on c.commune_code = a.commune_code
left join patients p on p.death_link_id = d.death_link_id
