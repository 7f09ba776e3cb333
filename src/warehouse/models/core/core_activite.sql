-- model:   core.core_activite
-- grain:   one row per professional × period over which the set of establishments they practise
--          in stays the same (periods without any establishment are absent)
-- depends: raw.rpps_activite
-- Consultations are attributed by one equality-plus-range join on these disjoint periods
-- (KPIS.md, "Consultation → establishment"): each consultation meets at most one period, so
-- none is duplicated, and the join costs one hash probe per consultation however many places a
-- professional had. valid_to is exclusive; 9999-12-31 while the activity goes on.
with sites as (
  select distinct
    professional_id,
    finess_site as finess,
    coalesce(start_date, DATE '0001-01-01') as valid_from,
    coalesce(end_date + 1, DATE '9999-12-31') as valid_to
  from raw.rpps_activite
  where finess_site is not null
    and professional_id is not null
    and (end_date is null or start_date is null or end_date >= start_date)
),
bounds as (
  select professional_id, valid_from as boundary from sites
  union
  select professional_id, valid_to from sites
),
periods as (
  select professional_id, boundary as valid_from, lead(boundary) over (partition by professional_id order by boundary) as valid_to
  from bounds
)
select
  p.professional_id,
  p.valid_from,
  p.valid_to,
  count(distinct s.finess)::INTEGER as site_count,
  case when count(distinct s.finess) = 1 then min(s.finess) else 'PLUSIEURS' end as finess
from periods p
join sites s
  on s.professional_id = p.professional_id
 and s.valid_from <= p.valid_from
 and s.valid_to > p.valid_from
where p.valid_to is not null
group by all
