-- model:   marts.fact_consultation
-- grain:   one row per consultation (core.core_consultation: duplicate visits removed)
-- depends: core.core_consultation, core.core_activite, core.core_patient_key, marts.dim_patient, marts.dim_professionnel_key,
--          marts.dim_diagnostic, vault.care_db_patient_identity
-- partition_by: consultation_year
-- order_by: patient_key, consultation_date
-- Sorted by patient within each year: K3 and K5 group a period's events by patient, and a
-- patient's rows side by side hit one entry of the hash table in a row rather than a cache miss
-- each (10M consultations in a year: the grouping 0.4 -> 0.16 s, K3 0.65 -> 0.39 s, K5 0.73 ->
-- 0.43 s). A period shorter than a year now reads the whole year's file (a month's K3 0.10 ->
-- 0.15 s), where rows sorted by date let it skip the other months' row groups.
-- finess: the one establishment the professional practised in on that day, PLUSIEURS when
-- several, AUCUN when none (core.core_activite holds disjoint periods, so no row is duplicated).
-- The vault is read for the exact birth date; only the age at the consultation leaves it.
-- patients starts from the key map rather than dim_patient so that a patient missing from the care
-- database still gets its key, in the one join that brings sex and birth date.
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
  c.consultation_id,
  p.patient_key,
  c.patient_id,
  r.professional_key,
  c.professional_id,
  c.diagnosis_code,
  d.chapter,
  c.consultation_date,
  month(c.consultation_date)::INTEGER as consultation_month,
  coalesce(a.finess, 'AUCUN') as finess,
  p.sex,
  age_at(p.birth_date, c.consultation_date)::INTEGER as age,
  age_band(age) as age_band,
  age_band_key(age)::INTEGER as age_band_key,
  year(c.consultation_date)::INTEGER as consultation_year
from core.core_consultation c
left join core.core_activite a
  on a.professional_id = c.professional_id
 and c.consultation_date >= a.valid_from
 and c.consultation_date < a.valid_to
left join patients p on p.patient_id = c.patient_id
left join marts.dim_professionnel_key r on r.professional_id = c.professional_id
left join marts.dim_diagnostic d on d.diagnosis_code = c.diagnosis_code
