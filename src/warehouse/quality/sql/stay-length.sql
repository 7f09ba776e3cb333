-- check:       lengths of stay are zero or more days
-- violated:    stays with a negative length_of_stay
-- denominator: stays with a length_of_stay
select
  count(*) filter (where length_of_stay < 0) as violated,
  count(length_of_stay) as denominator
from marts.fact_hospitalisation
