-- K4 hospitalisation rate for diagnosis X over [$1, $2] (KPIS.md)
-- numerator:   stays admitted in the period whose diagnosis code starts with X
--              ($3: the LIKE pattern of the normalised prefix, '' when X is empty: every stay)
-- denominator: all stays admitted in the period
-- breakdown:   by diagnosis code within X; by CIM-10 chapter when X is empty (null: code unknown)
-- params:      $1 from DATE, $2 to DATE, $3 diagnosis LIKE pattern (escape '\')
-- depends:     marts.fact_hospitalisation, marts.dim_diagnostic
with period_stays as (
  select h.diagnosis_code, h.chapter
  from marts.fact_hospitalisation h
  where h.admission_date >= cast($1 as date)
    and h.admission_date <= cast($2 as date)
),
in_diagnosis as (
  select case when cast($3 as varchar) = '' then s.chapter else s.diagnosis_code end as bucket
  from period_stays s
  where cast($3 as varchar) = '' or s.diagnosis_code like cast($3 as varchar) escape '\'
),
counted as (
  select grouping(d.bucket) as is_total, d.bucket, count(*) as numerator
  from in_diagnosis d
  group by grouping sets ((d.bucket), ())
),
chapters as (
  select g.chapter, min(g.chapter_label) as chapter_label
  from marts.dim_diagnostic g
  group by g.chapter
)
select
  c.is_total,
  c.bucket as key,
  coalesce(code.label, chapter.chapter_label) as label,
  c.numerator,
  (select count(*) from period_stays) as denominator
from counted c
left join marts.dim_diagnostic code on code.diagnosis_code = c.bucket
left join chapters chapter on chapter.chapter = c.bucket
