-- model:   marts.fact_consultation
-- grain:   one row per consultation (core.core_consultation: duplicate visits removed)
-- depends: core.core_consultation, core.core_activite, marts.dim_patient, marts.dim_diagnostic, vault.care_db_patient_identity
-- partition_by: consultation_year
-- order_by: finess, diagnosis_code
-- finess: the one establishment the professional practised in on that day, PLUSIEURS when
-- several, AUCUN when none (core.core_activite holds disjoint periods, so no row is duplicated).
-- The vault is read for the exact birth date; only the age at the consultation leaves it.
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
  c.consultation_id,
  c.patient_id,
  c.professional_id,
  c.diagnosis_code,
  d.chapter,
  c.consultation_date,
  month(c.consultation_date)::INTEGER as consultation_month,
  coalesce(a.finess, 'AUCUN') as finess,
  p.sex,
  age_at(p.birth_date, c.consultation_date)::INTEGER as age,
  age_band(age) as age_band,
  year(c.consultation_date)::INTEGER as consultation_year
from core.core_consultation c
left join core.core_activite a
  on a.professional_id = c.professional_id
 and c.consultation_date >= a.valid_from
 and c.consultation_date < a.valid_to
left join patients p on p.patient_id = c.patient_id
left join marts.dim_diagnostic d on d.diagnosis_code = c.diagnosis_code
