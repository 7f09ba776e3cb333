-- K3 global hospitalisation rate over [$1, $2] (KPIS.md)
-- numerator:   distinct patients with a stay admitted in the period
-- denominator: active file of the period: distinct patients with a consultation or a stay in it
-- breakdown:   by month (the same two counts within each month; a patient seen in two months
--              counts in both, so months do not add up to the total)
-- params:      $1 from DATE, $2 to DATE
-- depends:     marts.fact_hospitalisation, marts.fact_consultation
-- Patients are told apart by patient_key, an integer, rather than by their 32-character pseudonym.
with period_events as (
  select c.patient_key, c.consultation_date as event_date, 0 as is_stay
  from marts.fact_consultation c
  where c.consultation_date >= cast($1 as date)
    and c.consultation_date <= cast($2 as date)
  union all
  select h.patient_key, h.admission_date as event_date, 1 as is_stay
  from marts.fact_hospitalisation h
  where h.admission_date >= cast($1 as date)
    and h.admission_date <= cast($2 as date)
),
by_month as (
  select
    e.patient_key,
    e.is_stay,
    cast(extract(year from e.event_date) as integer) * 100
      + cast(extract(month from e.event_date) as integer) as month_key
  from period_events e
  where e.patient_key is not null
),
-- Each patient is counted once per month, then once over the period from those rows, rather than
-- by count(distinct) under grouping sets, which hashed every event once per grouping set.
per_month as (
  select m.patient_key, m.month_key, max(m.is_stay) as has_stay
  from by_month m
  group by m.patient_key, m.month_key
),
per_patient as (
  select m.patient_key, max(m.has_stay) as has_stay
  from per_month m
  group by m.patient_key
)
select 0 as is_total, m.month_key, cast(sum(m.has_stay) as bigint) as numerator, count(*) as denominator
from per_month m
group by m.month_key
union all
select 1, cast(null as integer), cast(coalesce(sum(p.has_stay), 0) as bigint), count(*)
from per_patient p
