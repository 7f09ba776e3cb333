-- model:   marts.fact_hospitalisation
-- grain:   one row per hospital stay (core.core_sejour: duplicate stay numbers removed)
-- depends: core.core_sejour, marts.dim_patient, marts.dim_diagnostic, vault.care_db_patient_identity
-- partition_by: admission_year
-- order_by: finess, diagnosis_code
-- The vault is read for the exact birth date; only the age at admission leaves it.
with patients as (
  select
    p.patient_id,
    p.sex,
    birth_date_estimate(v.birth_date_parsed, p.birth_year, p.birth_month) as birth_date
  from marts.dim_patient p
  left join (
    select patient_id, birth_date_parsed
    from vault.care_db_patient_identity
    qualify row_number() over (partition by patient_id order by _batch_seq desc, _line desc) = 1
  ) v using (patient_id)
)
select
  s.stay_id,
  s.patient_id,
  s.finess,
  s.diagnosis_code,
  d.chapter,
  s.admission_date,
  month(s.admission_date)::INTEGER as admission_month,
  s.length_of_stay,
  p.sex,
  age_at(p.birth_date, s.admission_date)::INTEGER as age,
  age_band(age) as age_band,
  year(s.admission_date)::INTEGER as admission_year
from core.core_sejour s
left join patients p on p.patient_id = s.patient_id
left join marts.dim_diagnostic d on d.diagnosis_code = s.diagnosis_code
