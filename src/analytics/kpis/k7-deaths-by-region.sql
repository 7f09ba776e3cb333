-- K7 deaths by region in year $1 (KPIS.md)
-- numerator:   INSEE death records with a death in the year (death_year, so that a record whose
--              death day is unknown still counts), by region of the death commune; a record in
--              several files is already counted once in marts.fact_deces
-- denominator: population of the region (COG, dim_region); per 100,000 inhabitants
-- breakdown:   every region (0 when no death), then deaths abroad and in unknown communes (a
--              commune outside every region counts as unknown); with $2 a region code: the
--              départements of that region (and its deaths of unknown département, if any)
-- total:       all deaths of the year and the population of France; with $2 the region's
-- params:      $1 year INTEGER, $2 region code ('' = every region)
-- depends:     marts.fact_deces, marts.dim_region, marts.dim_departement
with year_deaths as (
  select
    case
      when d.place_kind = 'abroad' then 'abroad'
      when r.region_code is null then 'unknown'
      else r.region_code
    end as region_key,
    d.departement_code
  from marts.fact_deces d
  left join marts.dim_region r on r.region_code = d.region_code
  where d.death_year = cast($1 as integer)
),
by_region as (
  select y.region_key, count(*) as deaths
  from year_deaths y
  group by y.region_key
),
in_region as (
  select y.departement_code, count(*) as deaths
  from year_deaths y
  where y.region_key = cast($2 as varchar)
  group by y.departement_code
)
select 'region' as level, r.region_code as key, r.region_name as label,
       coalesce(n.deaths, 0) as numerator, r.population as denominator
from marts.dim_region r
left join by_region n on n.region_key = r.region_code
where cast($2 as varchar) = ''
union all
select 'place' as level, k.place as key, cast(null as varchar) as label,
       coalesce(n.deaths, 0) as numerator, cast(null as bigint) as denominator
from (select 'abroad' as place union all select 'unknown' as place) k
left join by_region n on n.region_key = k.place
where cast($2 as varchar) = ''
union all
select 'departement' as level, dp.departement_code as key, dp.departement_name as label,
       coalesce(n.deaths, 0) as numerator, dp.population as denominator
from marts.dim_departement dp
left join in_region n on n.departement_code = dp.departement_code
where dp.region_code = cast($2 as varchar)
union all
select 'departement' as level, 'unknown' as key, cast(null as varchar) as label,
       sum(n.deaths) as numerator, cast(null as bigint) as denominator
from in_region n
where n.departement_code is null
   or n.departement_code not in (select dp.departement_code from marts.dim_departement dp where dp.region_code = cast($2 as varchar))
having sum(n.deaths) > 0
union all
select 'total' as level, 'total' as key, cast(null as varchar) as label,
       (select count(*) from year_deaths y where cast($2 as varchar) = '' or y.region_key = cast($2 as varchar)) as numerator,
       (select sum(r.population) from marts.dim_region r where cast($2 as varchar) = '' or r.region_code = cast($2 as varchar)) as denominator
