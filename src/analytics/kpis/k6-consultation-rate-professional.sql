-- K6 consultation rate per professional over [$1, $2] (KPIS.md)
-- numerator:   consultations by the professional (or specialty) dated in the period
-- denominator: all consultations dated in the period
-- breakdown:   by specialty, and by professional within specialty (rows with all_professionals = 1
--              are specialty subtotals; all_specialties = 1 the total of the selection)
-- filters:     $3 one professional pseudonym, $4 one specialty code ('' = all)
-- params:      $1 from DATE, $2 to DATE, $3 professional, $4 specialty code
-- depends:     marts.fact_consultation, marts.dim_professionnel
with period_consultations as (
  select c.professional_id, p.specialty_code, p.specialty
  from marts.fact_consultation c
  left join marts.dim_professionnel p on p.professional_id = c.professional_id
  where c.consultation_date >= cast($1 as date)
    and c.consultation_date <= cast($2 as date)
),
selected as (
  select s.professional_id, s.specialty_code, s.specialty
  from period_consultations s
  where (cast($3 as varchar) = '' or s.professional_id = cast($3 as varchar))
    and (cast($4 as varchar) = '' or s.specialty_code = cast($4 as varchar))
),
counted as (
  select
    grouping(s.specialty_code) as all_specialties,
    grouping(s.professional_id) as all_professionals,
    s.specialty_code,
    s.professional_id,
    min(s.specialty) as specialty_label,
    count(*) as numerator
  from selected s
  group by grouping sets ((s.specialty_code, s.professional_id), (s.specialty_code), ())
)
select
  c.all_specialties,
  c.all_professionals,
  c.specialty_code,
  c.professional_id,
  c.specialty_label,
  c.numerator,
  (select count(*) from period_consultations) as denominator
from counted c
