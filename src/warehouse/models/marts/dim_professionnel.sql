-- model:   marts.dim_professionnel
-- grain:   one row per professional pseudonym of the care database
-- depends: core.core_professionnel
select
  professional_id,
  specialty_code,
  specialty,
  category,
  profession
from core.core_professionnel
