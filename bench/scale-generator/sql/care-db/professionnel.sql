-- "Professionnel_de_sante": identifiers as in the RPPS file (professional_id()). params: ${professionals}
SELECT professional_id(r) AS "Identifiant",
  CASE WHEN 1 + pick(r, 'prof-sex', 2) = 1 THEN 'M' ELSE 'MME' END AS "Civilite", 'Civil' AS "Categorie_professionnelle",
  surname(pick(r, 'prof-surname', 200)) AS "Nom", title_case(first_name(pick(r, 'prof-first', 50), 1 + pick(r, 'prof-sex', 2))) AS "Prenom",
  'Medecin' AS "Profession", CASE WHEN length(professional_id(r)) = 11 THEN 'RPPS' ELSE 'ADELI' END AS "Type_identifiant",
  lpad((1 + pick(r, 'prof-specialty', 40))::VARCHAR, 2, '0') AS "Code_specialite"
FROM range(${professionals}) t(r)
ORDER BY r
