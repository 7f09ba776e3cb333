-- check:       completeness of {{column}} in {{table}}
-- violated:    rows where {{column}} is null
-- denominator: all rows of {{table}}
select
  count(*) filter (where {{column}} is null) as violated,
  count(*) as denominator
from {{table}}
