-- K2 consultation rate for diagnosis X over [$1, $2] (KPIS.md)
-- numerator:   consultations dated in the period whose diagnosis code starts with X
--              ($3: the LIKE pattern of the normalised prefix, '' when X is empty: every consultation)
-- denominator: all consultations dated in the period
-- breakdown:   by diagnosis code within X; by CIM-10 chapter when X is empty (null: code unknown)
-- params:      $1 from DATE, $2 to DATE, $3 diagnosis LIKE pattern (escape '\')
-- depends:     marts.fact_consultation, marts.dim_diagnostic
with period_consultations as (
  select c.diagnosis_code, c.chapter
  from marts.fact_consultation c
  where c.consultation_date >= cast($1 as date)
    and c.consultation_date <= cast($2 as date)
),
in_diagnosis as (
  select case when cast($3 as varchar) = '' then p.chapter else p.diagnosis_code end as bucket
  from period_consultations p
  where cast($3 as varchar) = '' or p.diagnosis_code like cast($3 as varchar) escape '\'
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
  (select count(*) from period_consultations) as denominator
from counted c
left join marts.dim_diagnostic code on code.diagnosis_code = c.bucket
left join chapters chapter on chapter.chapter = c.bucket
