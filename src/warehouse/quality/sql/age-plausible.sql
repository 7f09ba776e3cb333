-- check:       {{column}} of {{table}} is a plausible age (0 to 120 years)
-- violated:    rows whose {{column}} is negative (event before birth) or above 120
-- denominator: rows with a {{column}}
select
  count(*) filter (where {{column}} < 0 or {{column}} > 120) as violated,
  count({{column}}) as denominator
from {{table}}
