-- params: ${patients}
SELECT p AS "Id_patient", 1 + pick(p, 'patient-mutuelle', 200) AS "Id_mut"
FROM range(1, ${patients} + 1) t(p) WHERE pick(p, 'patient-insured', 10) > 0
