-- model:   marts.dim_departement
-- grain:   one row per département (Corsica 2A and 2B, overseas 971–976 and collectivities)
-- depends: ref.cog_departement, ref.cog_commune
select
  d.departement_code,
  d.departement_name,
  d.region_code,
  (select sum(c.population) from ref.cog_commune c where c.departement_code = d.departement_code)::BIGINT as population
from ref.cog_departement d
