-- K3 global hospitalisation rate over [$1, $2] (KPIS.md)
-- numerator:   distinct patients with a stay admitted in the period
-- denominator: active file of the period: distinct patients with a consultation or a stay in it
-- breakdown:   by month (the same two counts within each month; a patient seen in two months
--              counts in both, so months do not add up to the total)
-- params:      $1 from DATE, $2 to DATE
-- depends:     marts.fact_hospitalisation, marts.fact_consultation
-- Patients are told apart by patient_key, an integer, rather than by their 32-character pseudonym.
-- Each patient's months in the period are bits of one mask per 32 months (a BIGINT: DuckDB refuses
-- 1 << 63), so the events are grouped by patient, not by patient and month: with 10M consultations
-- in a year, the 6.8M (patient, month) groups took 1.4 s, the 1M patients' masks take 0.9 s.
with bounds as (
  select cast(extract(year from cast($1 as date)) as integer) * 12
           + cast(extract(month from cast($1 as date)) as integer) - 1 as first_month,
         cast(extract(year from cast($2 as date)) as integer) * 12
           + cast(extract(month from cast($2 as date)) as integer) - 1 as last_month
),
-- The bit positions of the period's months within a mask (at most 32).
bit_positions as (
  select g.n
  from generate_series(0, 31) as g(n)
  cross join bounds b
  where g.n <= b.last_month - b.first_month
),
period_events as (
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
indexed as (
  select m.patient_key, m.is_stay, cast((m.month_index - m.month_index % 32) / 32 as integer) as word, m.month_index % 32 as bit_position
  from (
    select
      e.patient_key,
      e.is_stay,
      cast(extract(year from e.event_date) as integer) * 12
        + cast(extract(month from e.event_date) as integer) - 1 - b.first_month as month_index
    from period_events e
    cross join bounds b
    where e.patient_key is not null
  ) m
),
masks as (
  select
    i.patient_key,
    i.word,
    bit_or(cast(1 as bigint) << i.bit_position) as active,
    bit_or(case when i.is_stay = 1 then cast(1 as bigint) << i.bit_position else cast(0 as bigint) end) as stayed
  from indexed i
  group by i.patient_key, i.word
),
month_bits as (
  select k.word * 32 + g.n as month_index, (k.stayed >> g.n) & 1 as has_stay
  from masks k
  cross join bit_positions g
  where (k.active >> g.n) & 1 = 1
),
per_month as (
  select b.first_month + m.month_index as month_number, cast(sum(m.has_stay) as bigint) as numerator, count(*) as denominator
  from month_bits m
  cross join bounds b
  group by b.first_month + m.month_index
),
per_patient as (
  select k.patient_key, max(case when k.stayed <> 0 then 1 else 0 end) as has_stay
  from masks k
  group by k.patient_key
)
select
  0 as is_total,
  cast((p.month_number - p.month_number % 12) / 12 as integer) * 100 + p.month_number % 12 + 1 as month_key,
  p.numerator,
  p.denominator
from per_month p
union all
select 1, cast(null as integer), cast(coalesce(sum(p.has_stay), 0) as bigint), count(*)
from per_patient p
