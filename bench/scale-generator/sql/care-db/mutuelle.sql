SELECT m AS "Id_Mut", 'MUTUELLE ' || surname(m) AS "Nom", (1 + m)::VARCHAR || ' avenue de la Republique, Lyon' AS "Adresse"
FROM range(1, 201) t(m)
