-- model:   marts.dim_region
-- grain:   one row per region of the 2016 reform, overseas regions and collectivities included
-- depends: ref.cog_region, ref.cog_commune
-- population: sum of the populations of the region's communes (the denominator of K7)
select
  r.region_code,
  r.region_name,
  (select sum(c.population) from ref.cog_commune c where c.region_code = r.region_code)::BIGINT as population,
  r.zone
from ref.cog_region r
