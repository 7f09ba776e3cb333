-- check:       every {{column}} of {{table}} names a row of {{parent}}
-- violated:    rows whose {{column}} is set but absent from {{parent}}.{{parent_column}}
-- denominator: rows with a {{column}}
select
  count(*) filter (where p.{{parent_column}} is null) as violated,
  count(*) as denominator
from {{table}} f
left join (select distinct {{parent_column}} from {{parent}}) p on p.{{parent_column}} = f.{{column}}
where f.{{column}} is not null
