-- model:   marts.dim_geographie
-- grain:   one row per commune of the official geographic code (COG, @etalab/decoupage-administratif)
-- depends: ref.cog_commune, ref.cog_departement, ref.cog_region
select
  c.commune_code,
  c.commune_name,
  c.departement_code,
  d.departement_name,
  c.region_code,
  r.region_name,
  c.population,
  c.zone
from ref.cog_commune c
left join ref.cog_departement d using (departement_code)
left join ref.cog_region r on r.region_code = c.region_code
