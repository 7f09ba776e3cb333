-- K6 consultation rate per professional over [$1, $2] (KPIS.md)
-- numerator:   consultations by the professional (or specialty) dated in the period
-- denominator: all consultations dated in the period
-- breakdown:   by specialty, and by professional within specialty (rows with all_professionals = 1
--              are specialty subtotals; all_specialties = 1 the total of the selection)
-- filters:     $3 one professional pseudonym, $4 one specialty code ('' = all)
-- params:      $1 from DATE, $2 to DATE, $3 professional, $4 specialty code
-- depends:     marts.fact_consultation, marts.dim_professionnel_key, marts.dim_professionnel
-- The period's consultations are counted per professional_key (an integer) first; pseudonyms and
-- specialties are joined to one row per professional, not to every consultation. A professional
-- missing from the care database is in dim_professionnel_key only: own pseudonym, no specialty.
with per_professional as (
  select c.professional_key, count(*) as consultations
  from marts.fact_consultation c
  where c.consultation_date >= cast($1 as date)
    and c.consultation_date <= cast($2 as date)
  group by c.professional_key
),
selected as (
  select k.professional_id, p.specialty_code, p.specialty, n.consultations
  from per_professional n
  left join marts.dim_professionnel_key k on k.professional_key = n.professional_key
  left join marts.dim_professionnel p on p.professional_key = n.professional_key
  where (cast($3 as varchar) = '' or k.professional_id = cast($3 as varchar))
    and (cast($4 as varchar) = '' or p.specialty_code = cast($4 as varchar))
),
counted as (
  select
    grouping(s.specialty_code) as all_specialties,
    grouping(s.professional_id) as all_professionals,
    s.specialty_code,
    s.professional_id,
    -- On specialty rows only (a professional's row shows their specialty's): 30,000 fewer strings to read back.
    case when grouping(s.professional_id) = 1 then min(s.specialty) end as specialty_label,
    cast(sum(s.consultations) as bigint) as numerator
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
  (select cast(sum(n.consultations) as bigint) from per_professional n) as denominator
from counted c
