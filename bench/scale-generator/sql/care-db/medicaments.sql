SELECT '6' || lpad(k::VARCHAR, 7, '0') AS "Code_CIS", 'MEDICAMENT ' || k || ' ' || (['10 mg, comprime','500 mg, gelule','1 g, sachet','solution injectable'])[1 + k % 4] AS "Denomination",
  (['comprime','gelule','sachet','solution injectable'])[1 + k % 4] AS "Forme",
  (['orale','orale','orale','intraveineuse'])[1 + k % 4] AS "Voie",
  1 + k % 50 AS "Id_labo"
FROM range(5000) t(k)
