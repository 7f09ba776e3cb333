-- check:       diagnosis codes of {{table}} fall in a CIM-10 chapter
-- violated:    rows with a diagnosis_code but no chapter (a block outside every chapter, e.g. D49)
-- denominator: rows with a diagnosis_code
select
  count(*) filter (where chapter is null) as violated,
  count(diagnosis_code) as denominator
from {{table}}
where diagnosis_code is not null
