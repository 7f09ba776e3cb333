-- model:   marts.dim_date
-- grain:   one row per day from the first to the last event (consultation, stay admission, death)
-- depends: core.core_consultation, core.core_sejour, core.core_deces
with bounds as (
  select min(d) as first_day, max(d) as last_day
  from (
    select min(consultation_date) as d from core.core_consultation
    union all select max(consultation_date) from core.core_consultation
    union all select min(admission_date) from core.core_sejour
    union all select max(admission_date) from core.core_sejour
    union all select min(death_date) from core.core_deces
    union all select max(death_date) from core.core_deces
  )
),
days as (
  select unnest(generate_series(first_day, last_day, interval 1 day))::DATE as date_key
  from bounds
  where first_day is not null
)
select
  date_key,
  year(date_key)::INTEGER as year,
  quarter(date_key)::INTEGER as quarter,
  month(date_key)::INTEGER as month,
  day(date_key)::INTEGER as day,
  isoyear(date_key)::INTEGER as iso_year,
  week(date_key)::INTEGER as iso_week,
  isodow(date_key)::INTEGER as day_of_week,
  (['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'])[month(date_key)] as month_label
from days
