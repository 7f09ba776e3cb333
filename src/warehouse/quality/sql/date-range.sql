-- check:       {{column}} of {{table}} lies between 1900-01-01 and the day of the check
-- violated:    rows whose {{column}} is before 1900 or in the future
-- denominator: rows with a {{column}}
select
  count(*) filter (where {{column}} < DATE '1900-01-01' or {{column}} > current_date) as violated,
  count({{column}}) as denominator
from {{table}}
