-- model:   core.core_etablissement
-- grain:   one row per FINESS ET of the latest directory (the most recently updated line wins)
-- depends: raw.finess_etablissement, ref.cog_commune_code, ref.cog_commune
-- The commune is mapped to today's COG; the directory's own département is the fallback when the
-- commune is unknown to the COG.
with latest as (
  select *
  from raw.finess_etablissement
  where finess_et is not null
  qualify row_number() over (partition by finess_et order by _batch_seq desc, updated_on desc nulls last, _line desc) = 1
)
select
  e.finess_et,
  e.finess_ej,
  e.name,
  e.long_name,
  coalesce(a.commune_code, e.commune_code) as commune_code,
  coalesce(c.departement_code, e.departement) as departement_code,
  e.category_code,
  e.category_label,
  e.category_group_code,
  e.category_group_label,
  e.siret,
  e.ape_code,
  e.opened_on,
  e.updated_on
from latest e
left join ref.cog_commune_code a on a.code = e.commune_code
left join ref.cog_commune c on c.commune_code = a.commune_code
