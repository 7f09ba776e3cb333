-- model:   marts.dim_age_band
-- grain:   one row per age band of KPIS.md (0-4, 5-14, …, 75-84, 85+)
-- depends:
-- The facts carry both the band's number and its label; K5 works on the numbers and reads the
-- labels here, so the bands are defined once, by the macros, whatever ages the data holds.
-- age_to is null for the last, open band.
with ages as (
  select a::INTEGER as age, age_band_key(a::INTEGER)::INTEGER as age_band_key
  from range(0, 130) as t(a)
)
select
  age_band_key,
  age_band_label(age_band_key) as age_band,
  min(age) as age_from,
  case when age_band_key = max(age_band_key) over () then null else max(age) end as age_to
from ages
group by age_band_key
order by age_band_key
