-- K3 global hospitalisation rate over [$1, $2] (KPIS.md)
-- numerator:   distinct patients with a stay admitted in the period
-- denominator: active file of the period: distinct patients with a consultation or a stay in it
-- breakdown:   by month (the same two counts within each month; a patient seen in two months
--              counts in both, so months do not add up to the total)
-- params:      $1 from DATE, $2 to DATE
-- depends:     marts.fact_hospitalisation, marts.fact_consultation
with period_events as (
  select c.patient_id, c.consultation_date as event_date, 0 as is_stay
  from marts.fact_consultation c
  where c.consultation_date >= cast($1 as date)
    and c.consultation_date <= cast($2 as date)
  union all
  select h.patient_id, h.admission_date as event_date, 1 as is_stay
  from marts.fact_hospitalisation h
  where h.admission_date >= cast($1 as date)
    and h.admission_date <= cast($2 as date)
),
by_month as (
  select
    e.patient_id,
    e.is_stay,
    cast(extract(year from e.event_date) as integer) * 100
      + cast(extract(month from e.event_date) as integer) as month_key
  from period_events e
)
select
  grouping(m.month_key) as is_total,
  m.month_key,
  count(distinct case when m.is_stay = 1 then m.patient_id end) as numerator,
  count(distinct m.patient_id) as denominator
from by_month m
group by grouping sets ((m.month_key), ())
