SELECT code AS "Code_specialite", function AS "Fonction", specialty AS "Specialite" FROM ref_specialty ORDER BY idx
