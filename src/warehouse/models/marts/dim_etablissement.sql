-- model:   marts.dim_etablissement
-- grain:   one row per FINESS ET, plus the members PLUSIEURS and AUCUN of consultation attribution
-- depends: core.core_etablissement, ref.cog_departement
select
  e.finess_et as finess,
  e.finess_ej,
  e.name,
  e.category_code,
  e.category_label,
  e.commune_code,
  e.departement_code,
  d.region_code
from core.core_etablissement e
left join ref.cog_departement d using (departement_code)
union all
select 'PLUSIEURS', null, 'plusieurs établissements', null, null, null, null, null
union all
select 'AUCUN', null, 'aucun établissement', null, null, null, null, null
