-- model:   marts.dim_professionnel_key
-- grain:   one row per professional pseudonym that the care database's professionals or its
--          consultations name
-- depends: core.core_professionnel, core.core_consultation
-- professional_key is the pseudonym's rank in sorted order: dense, the same for the same
-- pseudonyms, and an INTEGER, on which K6 groups the consultations before any label is joined.
-- Unlike dim_professionnel it also holds the professionals missing from the care database, whose
-- consultations K6 counts under their own pseudonym.
select
  cast(row_number() over (order by professional_id) as integer) as professional_key,
  professional_id
from (
  select professional_id from core.core_professionnel
  union
  select professional_id from core.core_consultation
) named
where professional_id is not null
