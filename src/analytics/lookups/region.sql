-- lookup: the region a K7/K8 drill-down names, to refuse an unknown code and to show its name
-- params:  $1 region code
-- depends: marts.dim_region
select r.region_code, r.region_name
from marts.dim_region r
where r.region_code = cast($1 as varchar)
