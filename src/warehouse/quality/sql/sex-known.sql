-- check:       the sex of each row of {{table}} is known (M or F)
-- violated:    rows whose sex is null or anything but M and F
-- denominator: all rows of {{table}}
select
  count(*) filter (where sex is null or sex not in ('M', 'F')) as violated,
  count(*) as denominator
from {{table}}
