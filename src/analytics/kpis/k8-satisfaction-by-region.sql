-- K8 global satisfaction by region in year $1 for e-Satis survey $2 (KPIS.md)
-- rate:        respondent-weighted mean of the global adjusted score of the establishments with a
--              validated score: score_sum / numerator
-- numerator:   respondents of those establishments
-- denominator: number of those establishments
-- excluded:    establishments without a validated score (classes DI, NV, NR, or no score), counted
-- breakdown:   by region (null region: unknown); with $3 a region code: by establishment (finess_geo)
-- params:      $1 year INTEGER, $2 survey, $3 region code ('' = every region)
-- depends:     marts.fact_satisfaction, marts.dim_region, marts.dim_etablissement
with results as (
  select
    case when cast($3 as varchar) = '' then f.region_code else f.finess_geo end as key,
    f.score,
    f.respondents,
    f.class,
    case when f.validated then 1 else 0 end as is_validated
  from marts.fact_satisfaction f
  where f.year = cast($1 as integer)
    and f.survey = cast($2 as varchar)
    and (cast($3 as varchar) = '' or f.region_code = cast($3 as varchar))
),
counted as (
  select
    grouping(r.key) as is_total,
    r.key,
    sum(case when r.is_validated = 1 then r.respondents else 0 end) as numerator,
    sum(r.is_validated) as denominator,
    sum(case when r.is_validated = 1 then r.score * r.respondents else 0 end) as score_sum,
    sum(1 - r.is_validated) as excluded,
    sum(case when r.is_validated = 0 and r.class = 'DI' then 1 else 0 end) as excluded_di,
    sum(case when r.is_validated = 0 and r.class = 'NV' then 1 else 0 end) as excluded_nv,
    sum(case when r.is_validated = 0 and r.class = 'NR' then 1 else 0 end) as excluded_nr
  from results r
  group by grouping sets ((r.key), ())
)
select
  c.is_total,
  c.key,
  case when cast($3 as varchar) = '' then reg.region_name else est.name end as label,
  c.numerator,
  c.denominator,
  c.score_sum,
  c.excluded,
  c.excluded_di,
  c.excluded_nv,
  c.excluded_nr
from counted c
left join marts.dim_region reg on reg.region_code = c.key
left join marts.dim_etablissement est on est.finess = c.key
