-- check:       linked patients die after they are born
-- violated:    patients whose death_date is before the first day of their birth month
-- denominator: patients with a death_date and a birth_year
select
  count(*) filter (where death_date < make_date(birth_year, coalesce(birth_month, 1), 1)) as violated,
  count(*) as denominator
from marts.dim_patient
where death_date is not null and birth_year is not null
