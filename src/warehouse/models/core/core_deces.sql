-- model:   core.core_deces
-- grain:   one row per death: records of the same person with the same death date and record
--          number are one death, whichever files they came in
-- The latest file wins: INSEE republishes a record to correct it (often its place of death), so
-- the place is not part of what identifies a death.
-- depends: raw.deces_deces
select
  death_link_id,
  sex,
  birth_year,
  birth_month,
  birth_place_code,
  birth_country,
  death_date,
  death_year,
  death_month,
  death_place_code,
  death_record_number,
  age_at_death
from raw.deces_deces
qualify row_number() over (
  partition by death_link_id, death_year, death_month, death_date, death_record_number
  order by _batch_seq desc, _file desc, _line desc
) = 1
