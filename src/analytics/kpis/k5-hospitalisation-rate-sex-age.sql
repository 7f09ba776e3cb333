-- K5 hospitalisation rate by sex and by age band over [$1, $2] (KPIS.md)
-- numerator:   distinct patients of the group with a stay admitted in the period
-- denominator: distinct active-file patients of the same group (a consultation or a stay in the period)
-- groups:      sex × age band, where the age band is the one at the date of each event: a patient
--              whose birthday moves them to the next band within the period is in both bands
--              (numerator ⊆ denominator holds in every group); plus the margins by sex, by band, total
-- params:      $1 from DATE, $2 to DATE
-- depends:     marts.fact_hospitalisation, marts.fact_consultation
with period_events as (
  select c.patient_id, c.sex, c.age_band, 0 as is_stay
  from marts.fact_consultation c
  where c.consultation_date >= cast($1 as date)
    and c.consultation_date <= cast($2 as date)
  union all
  select h.patient_id, h.sex, h.age_band, 1 as is_stay
  from marts.fact_hospitalisation h
  where h.admission_date >= cast($1 as date)
    and h.admission_date <= cast($2 as date)
)
select
  grouping(e.sex) as all_sexes,
  grouping(e.age_band) as all_bands,
  e.sex,
  e.age_band,
  count(distinct case when e.is_stay = 1 then e.patient_id end) as numerator,
  count(distinct e.patient_id) as denominator
from period_events e
group by grouping sets ((e.sex, e.age_band), (e.sex), (e.age_band), ())
