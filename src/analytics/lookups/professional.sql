-- lookup: the professional a K6 request names (pseudonym), to refuse an unknown one
-- params:  $1 professional pseudonym
-- depends: marts.dim_professionnel
select p.professional_id, p.specialty_code, p.specialty
from marts.dim_professionnel p
where p.professional_id = cast($1 as varchar)
