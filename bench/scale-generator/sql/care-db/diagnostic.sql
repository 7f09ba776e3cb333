SELECT code AS "Code_diag", label AS "Diagnostic" FROM ref_diagnosis ORDER BY idx
