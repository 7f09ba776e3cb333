-- Hospital stays export (source 2): `;`-separated, establishment as `F` + FINESS (a few with the
-- date-like suffix of the real file), CIM-10 without dot, admission date DD/MM/YYYY, length of
-- stay 1-30 days; sorted by establishment like the real file. 85 % of stays in the group's own
-- establishments, the rest in other MCO hospitals. Column: line.
-- params: ${stays}, ${patients}, ${diagnoses}, ${group_size}, ${hospitals}
WITH stay AS (
  SELECT s,
         1 + skewed(s, 'stay-patient', ${patients}, 1.2) AS patient,
         CASE WHEN u(s, 'stay-in-group') < 0.85 THEN pick(s, 'stay-group-est', ${group_size})
              ELSE ${group_size} + pick(s, 'stay-other-est', ${hospitals} - ${group_size}) END AS h,
         skewed(s, 'stay-diagnosis', ${diagnoses}, 2.0) AS diagnosis,
         DATE '2015-01-01' + pick(s, 'stay-date', 3653)::INTEGER AS admitted
  FROM range(${stays}) t(s)
)
SELECT concat_ws(';', s.s + 1, s.patient,
         'F' || e.finess_et || CASE WHEN pick(s.s, 'stay-suffix', 10000) = 0 THEN '01012007' ELSE '' END,
         diagnosis_code(s.diagnosis), diagnosis_label(s.diagnosis),
         strftime(s.admitted, '%d/%m/%Y'), 1 + pick(s.s, 'stay-length', 30)) AS line
FROM stay s JOIN ref_hospital e ON e.h = s.h
ORDER BY e.finess_et, s.s
