-- check:       diagnosis codes of {{table}} are in the care database's CIM-10 reference (Diagnostic)
-- violated:    rows whose diagnosis_code is absent from the reference (dim_diagnostic.in_reference false)
-- denominator: rows with a diagnosis_code
select
  count(*) filter (where not d.in_reference) as violated,
  count(f.diagnosis_code) as denominator
from {{table}} f
left join marts.dim_diagnostic d using (diagnosis_code)
