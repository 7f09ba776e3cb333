-- model:   marts.fact_satisfaction
-- grain:   one row per establishment × survey × year of e-Satis (a file loaded again: the latest load wins)
-- depends: raw.esatis_resultat, marts.dim_etablissement, ref.cog_region
-- partition_by: year
-- order_by: survey, region_code
-- region_code: the région of the geographic FINESS in the directory, else the one région of the
-- legal entity's establishments, else the file's own region label matched on the COG names
-- (accents, case and punctuation ignored).
with results as (
  select *
  from raw.esatis_resultat
  qualify row_number() over (
    partition by survey, year, finess_geo
    order by _batch_seq desc, _line desc
  ) = 1
),
entity_region as (
  select finess_ej, min(region_code) as region_code
  from marts.dim_etablissement
  where finess_ej is not null and region_code is not null
  group by finess_ej
  having count(distinct region_code) = 1
)
select
  r.survey,
  r.finess_geo,
  r.finess_ej,
  r.name,
  coalesce(g.region_code, j.region_code, l.region_code) as region_code,
  r.score,
  r.respondents,
  r.class,
  r.score is not null and r.class in ('A', 'B', 'C', 'D') as validated,
  r.year
from results r
left join marts.dim_etablissement g on g.finess = r.finess_geo
left join entity_region j on j.finess_ej = r.finess_ej
left join ref.cog_region l on fold_label(l.region_name) = fold_label(r.region_label)
