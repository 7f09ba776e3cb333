-- e-Satis +48h MCO results of one year (source 4), as HAS publishes them since 2019: one row per
-- MCO hospital (finess = legal entity, finess_geo = site), 25 columns, score with a decimal
-- comma but sub-scores with a point, 13 % of rows without a validated score (DI, NV, NR).
-- Column: line. params: ${year}
WITH result AS (
  SELECT h.*, r.name AS region_name,
    CASE WHEN pick(h.idx, 'esatis-class-${year}', 100) < 8 THEN 'DI'
         WHEN pick(h.idx, 'esatis-class-${year}', 100) < 11 THEN 'NV'
         WHEN pick(h.idx, 'esatis-class-${year}', 100) < 13 THEN 'NR' END AS unscored,
    round(62 + 22 * u(h.idx, 'esatis-score-${year}'), 2) AS score,
    30 + pick(h.idx, 'esatis-respondents-${year}', 900) AS respondents
  FROM ref_hospital h LEFT JOIN ref_region r ON r.code = h.region
)
SELECT concat_ws(';',
  finess_ej, 'CH ' || commune_name, finess_et, 'CENTRE HOSPITALIER DE ' || commune_name, coalesce(region_name, ''),
  CASE WHEN pick(idx, 'esatis-participation', 10) = 0 THEN '2- Facultatif' ELSE '1- Obligatoire' END, '1- Oui',
  CASE WHEN unscored IS NULL THEN respondents::VARCHAR ELSE '' END,
  CASE WHEN unscored IS NULL THEN replace(printf('%.2f', score), '.', ',') ELSE '' END,
  coalesce(unscored, CASE WHEN score >= 77.3 THEN 'A' WHEN score >= 74 THEN 'B' WHEN score >= 70.7 THEN 'C' ELSE 'D' END),
  CASE WHEN unscored IS NULL THEN (['1-Diminution','2-Stable','3-Amelioration','4-Non calculable'])[1 + pick(idx, 'esatis-evolution-${year}', 4)] ELSE '' END,
  -- six sub-scores (accueil, PEC infirmiers, PEC medecins, chambre, repas, sortie): count;score
  CASE WHEN unscored IS NULL THEN respondents::VARCHAR ELSE '' END, CASE WHEN unscored IS NULL THEN printf('%.2f', score + 4 * u(idx, 'esatis-s1-${year}') - 2) ELSE '' END,
  CASE WHEN unscored IS NULL THEN respondents::VARCHAR ELSE '' END, CASE WHEN unscored IS NULL THEN printf('%.2f', score + 6 * u(idx, 'esatis-s2-${year}') - 1) ELSE '' END,
  CASE WHEN unscored IS NULL THEN respondents::VARCHAR ELSE '' END, CASE WHEN unscored IS NULL THEN printf('%.2f', score + 5 * u(idx, 'esatis-s3-${year}')) ELSE '' END,
  CASE WHEN unscored IS NULL THEN respondents::VARCHAR ELSE '' END, CASE WHEN unscored IS NULL THEN printf('%.2f', score - 6 * u(idx, 'esatis-s4-${year}')) ELSE '' END,
  CASE WHEN unscored IS NULL THEN respondents::VARCHAR ELSE '' END, CASE WHEN unscored IS NULL THEN printf('%.2f', score - 12 * u(idx, 'esatis-s5-${year}')) ELSE '' END,
  CASE WHEN unscored IS NULL THEN respondents::VARCHAR ELSE '' END, CASE WHEN unscored IS NULL THEN printf('%.2f', score - 8 * u(idx, 'esatis-s6-${year}')) ELSE '' END,
  CASE WHEN unscored IS NULL THEN replace(printf('%.1f', 30 + 40 * u(idx, 'esatis-reco-${year}')), '.', ',') ELSE '' END,
  CASE WHEN unscored IS NULL THEN (respondents - pick(idx, 'esatis-reco-n-${year}', 5))::VARCHAR ELSE '' END) AS line
FROM result
ORDER BY finess_ej, finess_et
