-- model:   marts.dim_professionnel
-- grain:   one row per professional pseudonym of the care database
-- depends: core.core_professionnel, marts.dim_professionnel_key
select
  k.professional_key,
  p.professional_id,
  p.specialty_code,
  p.specialty,
  p.category,
  p.profession
from core.core_professionnel p
join marts.dim_professionnel_key k using (professional_id)
