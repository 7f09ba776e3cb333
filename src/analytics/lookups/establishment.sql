-- lookup: the establishment a K1 request names, to refuse an unknown FINESS and to show its name
-- params:  $1 FINESS
-- depends: marts.dim_etablissement
select e.finess, e.name
from marts.dim_etablissement e
where e.finess = cast($1 as varchar)
