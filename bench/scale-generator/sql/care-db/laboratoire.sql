SELECT l AS "Id_labo", 'LABORATOIRE ' || surname(l * 3) AS "Laboratoire", (['France','Allemagne','Suisse','Etats-Unis'])[1 + l % 4] AS "Pays"
FROM range(1, 51) t(l)
