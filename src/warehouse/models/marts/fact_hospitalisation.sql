-- model:   marts.fact_hospitalisation
-- grain:   one row per hospital stay (core.core_sejour: duplicate stay numbers removed)
-- depends: core.core_sejour, core.core_patient_key, marts.dim_patient, marts.dim_diagnostic, vault.care_db_patient_identity
-- partition_by: admission_year
-- order_by: patient_key, admission_date
-- Sorted by patient within each year, as fact_consultation.
-- The vault is read for the exact birth date; only the age at admission leaves it.
-- patients starts from the key map rather than dim_patient: see fact_consultation.
with patients as (
  select
    k.patient_id,
    k.patient_key,
    p.sex,
    birth_date_estimate(v.birth_date_parsed, p.birth_year, p.birth_month) as birth_date
  from core.core_patient_key k
  left join marts.dim_patient p using (patient_id)
  left join (
    select patient_id, birth_date_parsed
    from vault.care_db_patient_identity
    qualify row_number() over (partition by patient_id order by _batch_seq desc, _line desc) = 1
  ) v using (patient_id)
)
select
  s.stay_id,
  p.patient_key,
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
  age_band_key(age)::INTEGER as age_band_key,
  year(s.admission_date)::INTEGER as admission_year
from core.core_sejour s
left join patients p on p.patient_id = s.patient_id
left join marts.dim_diagnostic d on d.diagnosis_code = s.diagnosis_code
