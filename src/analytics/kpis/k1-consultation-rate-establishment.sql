-- K1 consultation rate of establishment X over [$1, $2] (KPIS.md)
-- numerator:   consultations attributed to establishment $3 (FINESS), dated in the period
-- denominator: all consultations dated in the period, each once whatever its attribution
-- breakdown:   by month of the period (month_key = year * 100 + month); the total row has is_total = 1
-- notes:       consultations attributed to PLUSIEURS (several establishments) and AUCUN (none)
-- params:      $1 from DATE, $2 to DATE, $3 establishment FINESS
-- depends:     marts.fact_consultation
-- Runs unchanged on DuckDB and PostgreSQL: standard SQL, every value a bound parameter.
with period_consultations as (
  select
    cast(extract(year from c.consultation_date) as integer) * 100
      + cast(extract(month from c.consultation_date) as integer) as month_key,
    c.finess
  from marts.fact_consultation c
  where c.consultation_date >= cast($1 as date)
    and c.consultation_date <= cast($2 as date)
)
select
  grouping(p.month_key) as is_total,
  p.month_key,
  sum(case when p.finess = cast($3 as varchar) then 1 else 0 end) as numerator,
  count(*) as denominator,
  sum(case when p.finess = 'PLUSIEURS' then 1 else 0 end) as several,
  sum(case when p.finess = 'AUCUN' then 1 else 0 end) as no_establishment
from period_consultations p
group by grouping sets ((p.month_key), ())
