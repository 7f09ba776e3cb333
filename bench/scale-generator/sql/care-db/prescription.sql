-- "Prescription": ${per_consultation} drugs per consultation on average, for Num_consultation in (${from}, ${to}].
-- params: ${from}, ${to}, ${per_consultation}
SELECT c + 1 AS "Num_consultation", '6' || lpad(skewed(hash(c, k), 'prescription-drug', 5000, 2.0)::VARCHAR, 7, '0') AS "Code_CIS"
FROM range(${from}, ${to}) t(c), range(3) d(k)
WHERE u(hash(c, k), 'prescription') < ${per_consultation} / 3
