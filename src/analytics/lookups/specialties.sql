-- lookup: the specialties known to the warehouse, to resolve a K6 specialty given by code or label
-- depends: marts.dim_professionnel
select distinct p.specialty_code, p.specialty
from marts.dim_professionnel p
where p.specialty_code is not null
order by p.specialty_code
