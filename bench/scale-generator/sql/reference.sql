-- Pseudo-random helpers and reference tables shared by every generated source.
-- Every value is a function of (row number, salt, seed): the same seed writes the same bytes,
-- whatever the thread count, and a table of N rows is a prefix of the table of 10 N rows.
-- params: ${seed}, ${communes_json}, ${regions_json}, ${departements_json}, ${diagnoses}, ${establishments}, ${group_size}

-- u(i, salt): uniform in [0, 1); pick(i, salt, n): uniform integer in [0, n).
CREATE OR REPLACE MACRO u(i, salt) AS (hash(i, salt, ${seed}) % 1000000007)::DOUBLE / 1000000007;
CREATE OR REPLACE MACRO pick(i, salt, n) AS (hash(i, salt, ${seed}) % n)::BIGINT;
-- skewed(i, salt, n, p): integer in [0, n), small values more likely (p > 1): a few patients
-- come often, a few diagnoses are common.
CREATE OR REPLACE MACRO skewed(i, salt, n, p) AS least(n - 1, floor(n * pow(u(i, salt), p)))::BIGINT;

-- Names as plain ASCII (the INSEE registry writes upper-case ASCII; every generated file stays
-- single-byte safe): accents stripped, ligatures spelt out, anything else dropped.
CREATE OR REPLACE MACRO ascii(s) AS
  regexp_replace(replace(replace(replace(replace(strip_accents(s), 'Œ', 'OE'), 'œ', 'oe'), 'Æ', 'AE'), 'æ', 'ae'), '[^ -~]', '', 'g');

-- 'JEAN PIERRE' -> 'Jean Pierre' (DuckDB has no initcap).
CREATE OR REPLACE MACRO title_case(s) AS
  array_to_string(list_transform(string_split(lower(s), ' '), w -> upper(left(w, 1)) || substr(w, 2)), ' ');

CREATE OR REPLACE MACRO surname(k) AS ([
  'MARTIN','BERNARD','THOMAS','PETIT','ROBERT','RICHARD','DURAND','DUBOIS','MOREAU','LAURENT',
  'SIMON','MICHEL','LEFEBVRE','LEROY','ROUX','DAVID','BERTRAND','MOREL','FOURNIER','GIRARD',
  'BONNET','DUPONT','LAMBERT','FONTAINE','ROUSSEAU','VINCENT','MULLER','LEFEVRE','FAURE','ANDRE',
  'MERCIER','BLANC','GUERIN','BOYER','GARNIER','CHEVALIER','FRANCOIS','LEGRAND','GAUTHIER','GARCIA',
  'PERRIN','ROBIN','CLEMENT','MORIN','NICOLAS','HENRY','ROUSSEL','MATHIEU','GAUTIER','MASSON',
  'MARCHAND','DUVAL','DENIS','DUMONT','MARIE','LEMAIRE','NOEL','MEYER','DUFOUR','MEUNIER',
  'BRUN','BLANCHARD','GIRAUD','JOLY','RIVIERE','LUCAS','BRUNET','GAILLARD','BARBIER','ARNAUD',
  'MARTINEZ','GERARD','ROCHE','RENARD','SCHMITT','ROY','LEROUX','COLIN','VIDAL','CARON',
  'PICARD','ROGER','FABRE','AUBERT','LEMOINE','RENAUD','DUMAS','LACROIX','OLIVIER','PHILIPPE',
  'BOURGEOIS','PIERRE','BENOIT','REY','LECLERC','PAYET','ROLLAND','LECLERCQ','GUILLAUME','LECOMTE',
  'LOPEZ','JEAN','DUPUY','GUILLOT','HUBERT','BERGER','CARPENTIER','SANCHEZ','DUPUIS','MOULIN',
  'LOUIS','DESCHAMPS','HUET','VASSEUR','PEREZ','BOUCHER','FLEURY','ROYER','KLEIN','JACQUET',
  'ADAM','PARIS','POIRIER','MARTY','AUBRY','GUYOT','CARRE','CHARLES','RENAULT','CHARPENTIER',
  'MENARD','MAILLARD','BARON','BERTIN','BAILLY','HERVE','SCHNEIDER','FERNANDEZ','LE GALL','COLLET',
  'LEGER','BOUVIER','JULIEN','PREVOST','MILLET','PERROT','DANIEL','LE ROUX','COUSIN','GERMAIN',
  'BRETON','BESSON','LANGLOIS','REMY','LE GOFF','PELLETIER','LEVEQUE','PERRIER','LEBLANC','BARRE',
  'LEBRUN','MARCHAL','WEBER','MALLET','HAMON','BOULANGER','JACOB','MONNIER','MICHAUD','RODRIGUEZ',
  'GUICHARD','GILLET','ETIENNE','GRONDIN','POULAIN','TESSIER','CHEVALLIER','COLLIN','CHAUVIN','DA SILVA',
  'BOUCHET','GAY','LEMAITRE','BENARD','MARECHAL','HUMBERT','REYNAUD','ANTOINE','HOARAU','PERRET',
  'BARTHELEMY','CORDIER','PICHON','LEJEUNE','GILBERT','LAMY','DELAUNAY','PASQUIER','CARLIER','LAPORTE'
])[1 + (k % 200)];

CREATE OR REPLACE MACRO first_name(k, sex) AS CASE WHEN sex = 1 THEN ([
  'JEAN','PIERRE','MICHEL','ANDRE','PHILIPPE','ALAIN','BERNARD','JACQUES','CHRISTIAN','DANIEL',
  'PATRICK','GERARD','CLAUDE','FRANCOIS','RENE','LOUIS','NICOLAS','ROGER','MARCEL','PAUL',
  'ERIC','DIDIER','THIERRY','OLIVIER','FREDERIC','LAURENT','STEPHANE','DAVID','JULIEN','SEBASTIEN',
  'THOMAS','ALEXANDRE','ANTOINE','MAXIME','LUCAS','HUGO','LOUIS','GABRIEL','ARTHUR','JULES',
  'GEORGES','HENRI','ROBERT','MAURICE','RAYMOND','LUCIEN','ALBERT','MARIUS','EMILE','FERNAND'
])[1 + (k % 50)] ELSE ([
  'MARIE','JEANNE','FRANCOISE','MONIQUE','CATHERINE','NATHALIE','ISABELLE','JACQUELINE','SYLVIE','ANNE',
  'MARTINE','NICOLE','CHRISTINE','SUZANNE','MADELEINE','HELENE','VALERIE','SANDRINE','CELINE','AURELIE',
  'JULIE','CAMILLE','LEA','MANON','CHLOE','EMMA','INES','SARAH','LAURA','PAULINE',
  'GERMAINE','YVONNE','DENISE','SIMONE','ODETTE','PAULETTE','RENEE','LUCIENNE','COLETTE','ANDREE',
  'ELISE','LOUISE','ALICE','JULIETTE','ZOE','ROSE','ANNA','CLARA','LINA','AGATHE'
])[1 + (k % 50)] END;

-- Communes of the official geographic code (metropolitan France and overseas départements):
-- patients live there, establishments stand there, people die there.
CREATE OR REPLACE TABLE ref_commune AS
SELECT (row_number() OVER (ORDER BY code) - 1)::BIGINT AS idx, code, departement, region,
       left(upper(ascii(nom)), 30) AS name, codesPostaux[1] AS postal_code,
       coalesce(population, 0) AS population
FROM read_json(${communes_json}, format = 'array',
  columns = {code: 'VARCHAR', nom: 'VARCHAR', type: 'VARCHAR', departement: 'VARCHAR', region: 'VARCHAR',
             zone: 'VARCHAR', codesPostaux: 'VARCHAR[]', population: 'BIGINT'})
WHERE type = 'commune-actuelle' AND zone IN ('metro', 'drom');

-- Where the hospital group's patients live: Auvergne-Rhône-Alpes, weighted toward large communes.
CREATE OR REPLACE TABLE ref_home AS
SELECT (row_number() OVER (ORDER BY code) - 1)::BIGINT AS idx, code, name, postal_code
FROM ref_commune, range(1 + population // 20000) t(copy)
WHERE region = '84';

-- Death places: current communes plus the municipal arrondissements (the registry writes 75112).
CREATE OR REPLACE TABLE ref_death_place AS
SELECT (row_number() OVER (ORDER BY code) - 1)::BIGINT AS idx, code FROM (
  SELECT code FROM ref_commune, range(1 + population // 5000) t(copy)
  UNION ALL
  SELECT code FROM read_json(${communes_json}, format = 'array',
    columns = {code: 'VARCHAR', type: 'VARCHAR', population: 'BIGINT'}), range(1 + coalesce(population, 0) // 5000) t(copy)
  WHERE type = 'arrondissement-municipal'
);

-- CIM-10 codes: a letter, two digits, then nothing, one digit or a French extension (S02800).
-- diagnosis_code(k) is a function so that fact rows need no join to name their diagnosis.
CREATE OR REPLACE MACRO diagnosis_code(k) AS
  chr(65 + (k % 26)::INTEGER) || lpad(((k // 26) % 100)::VARCHAR, 2, '0') ||
  CASE (k // 2600) WHEN 0 THEN '' WHEN 1 THEN '0' WHEN 2 THEN '1' WHEN 3 THEN '8' WHEN 4 THEN '00' ELSE ((k // 2600) % 10)::VARCHAR || '0' END;
CREATE OR REPLACE MACRO diagnosis_label(k) AS
  'Affection ' || (['aigue','chronique','non precisee','de la region pelvienne et cuisse','sans complication','avec complication, fermees'])[1 + k % 6] || ' ' || k;
CREATE OR REPLACE TABLE ref_diagnosis AS
SELECT k AS idx, diagnosis_code(k) AS code, diagnosis_label(k) AS label FROM range(${diagnoses}) t(k);

-- A patient (Id_patient = p) is a function of p, so that the death registry can hold the same
-- person (same folded name, sex and birth date) and the linkage has something to find.
CREATE OR REPLACE MACRO patient_sex(p) AS 1 + pick(p, 'patient-sex', 2);
CREATE OR REPLACE MACRO patient_surname(p) AS surname(pick(p, 'patient-surname', 200));
CREATE OR REPLACE MACRO patient_first_names(p) AS first_name(pick(p, 'patient-first', 50), patient_sex(p)) ||
  CASE WHEN pick(p, 'patient-second', 3) = 0 THEN ' ' || first_name(pick(p, 'patient-first2', 50), patient_sex(p)) ELSE '' END;
CREATE OR REPLACE MACRO patient_birth(p) AS DATE '1925-01-01' + pick(p, 'patient-birth', 36500)::INTEGER;

-- Professionals: RPPS numbers (11 digits) for most, ADELI (9) for some paramedical ones.
CREATE OR REPLACE MACRO professional_id(r) AS
  CASE WHEN pick(r, 'prof-adeli', 10) = 0 THEN '69' || lpad(r::VARCHAR, 7, '0') ELSE '10' || lpad(r::VARCHAR, 9, '0') END;

CREATE OR REPLACE TABLE ref_region AS
SELECT code, left(ascii(nom), 40) AS name
FROM read_json(${regions_json}, format = 'array', columns = {code: 'VARCHAR', nom: 'VARCHAR'});
CREATE OR REPLACE TABLE ref_departement AS
SELECT code, upper(ascii(nom)) AS name
FROM read_json(${departements_json}, format = 'array', columns = {code: 'VARCHAR', nom: 'VARCHAR'});

CREATE OR REPLACE TABLE ref_specialty AS
SELECT k AS idx, lpad((k + 1)::VARCHAR, 2, '0') AS code,
       (['Medecin','Chirurgien','Sage-femme','Infirmier','Kinesitherapeute'])[1 + k % 5] AS function,
       (['Medecine generale','Cardiologie','Pneumologie','Pediatrie','Gynecologie','Dermatologie','Psychiatrie',
         'Neurologie','Rhumatologie','Gastro-enterologie','Ophtalmologie','ORL','Endocrinologie','Nephrologie',
         'Urologie','Orthopedie','Chirurgie viscerale','Anesthesie','Radiologie','Oncologie','Geriatrie',
         'Medecine interne','Infectiologie','Hematologie','Medecine d''urgence','Allergologie','Chirurgie vasculaire',
         'Neurochirurgie','Chirurgie plastique','Stomatologie','Medecine physique','Addictologie','Medecine du sport',
         'Sante publique','Genetique','Biologie medicale','Pharmacie','Medecine nucleaire','Radiotherapie','Soins palliatifs'])[1 + k] AS specialty
FROM range(40) t(k);

-- FINESS categories (code, label, aggregate code, aggregate label, weight in the directory, MCO
-- hospital: surveyed by e-Satis +48h MCO).
CREATE OR REPLACE TABLE ref_category AS
SELECT *, sum(weight) OVER (ORDER BY code ROWS UNBOUNDED PRECEDING) - weight AS lo,
       sum(weight) OVER (ORDER BY code ROWS UNBOUNDED PRECEDING) AS hi
FROM (VALUES
  ('101', 'Centre Hospitalier Regional (C.H.R.)', '1101', 'Centres Hospitaliers Regionaux', 0.001, true),
  ('106', 'Centre hospitalier, ex Hopital local', '1102', 'Centres Hospitaliers', 0.003, true),
  ('355', 'Centre Hospitalier (C.H.)', '1102', 'Centres Hospitaliers', 0.006, true),
  ('365', 'Etablissement de Soins Chirurgicaux', '1106', 'Etablissements de Soins Pluridisciplinaires', 0.006, true),
  ('128', 'Etablissement de Soins Pluridisciplinaire', '1106', 'Etablissements de Soins Pluridisciplinaires', 0.008, true),
  ('109', 'Etablissement de sante prive autorise en SSR', '1107', 'Etablissements de Soins de Suite et de Readaptation', 0.02, false),
  ('124', 'Centre de Sante', '2202', 'Centres de Sante', 0.05, false),
  ('500', 'Etablissement d''hebergement pour personnes agees dependantes', '4401', 'Etablissements pour Personnes Agees', 0.10, false),
  ('603', 'Maison de sante (L.6223-3)', '2204', 'Maisons de sante', 0.03, false),
  ('611', 'Laboratoire de biologie medicale', '3101', 'Laboratoires d''Analyses', 0.05, false),
  ('620', 'Pharmacie d''Officine', '3103', 'Pharmacies', 0.22, false),
  ('182', 'Service d''Education Speciale et de Soins a Domicile', '4301', 'Etablissements et Services pour Handicapes', 0.08, false),
  ('460', 'Service Prestataire d''Aide a Domicile', '4602', 'Services d''aide a domicile', 0.10, false),
  ('254', 'Service de Soins Infirmiers A Domicile', '4401', 'Etablissements pour Personnes Agees', 0.05, false),
  ('696', 'Centre de Planification ou d''Education Familiale', '2205', 'Autres Etablissements de Soins', 0.264, false)
) c(code, label, group_code, group_label, weight, mco);

-- Establishments of the FINESS directory. The first ${group_size} are the hospital group's own
-- (the first of them is the main hospital, in Lyon), where its professionals work.
CREATE OR REPLACE TABLE ref_establishment AS
WITH raw AS (
  SELECT e AS idx,
         CASE WHEN e = 0 THEN '101' WHEN e < ${group_size} THEN '355' END AS forced_category,
         u(e, 'est-category') AS category_draw,
         pick(e, 'est-commune', (SELECT count(*) FROM ref_commune)) AS any_commune,
         pick(e, 'est-home', (SELECT count(*) FROM ref_home)) AS home_commune
  FROM range(${establishments}) t(e)
), placed AS (
  SELECT r.idx, r.forced_category, d.code AS drawn_category,
         CASE WHEN r.idx = 0 THEN '69123' WHEN r.idx < ${group_size} THEN h.code ELSE a.code END AS commune_code
  FROM raw r
  JOIN ref_commune a ON a.idx = r.any_commune
  JOIN ref_home h ON h.idx = r.home_commune
  ASOF JOIN ref_category d ON r.category_draw >= d.lo
)
SELECT r.idx, c.code AS commune_code, c.departement, c.region, c.name AS commune_name, c.postal_code,
       -- FINESS numbers start with the département (97 overseas, 2A/2B in Corsica); unique by idx.
       left(c.code, 2) || lpad(r.idx::VARCHAR, 7, '0') AS finess_et,
       left(c.code, 2) || lpad((5000000 + r.idx // 2)::VARCHAR, 7, '0') AS finess_ej,
       CASE c.departement WHEN '971' THEN '9A' WHEN '972' THEN '9B' WHEN '973' THEN '9C' WHEN '974' THEN '9D'
                          WHEN '975' THEN '9E' WHEN '976' THEN '9F' ELSE c.departement END AS finess_departement,
       right(c.code, 3) AS finess_commune,
       k.code AS category_code, k.label AS category_label, k.group_code, k.group_label, k.mco,
       r.idx < ${group_size} AS in_group
FROM placed r
JOIN ref_commune c ON c.code = r.commune_code
JOIN ref_category k ON k.code = coalesce(r.forced_category, r.drawn_category);

-- MCO hospitals of the directory, numbered: professionals outside the group work there, e-Satis surveys them.
CREATE OR REPLACE TABLE ref_hospital AS
SELECT (row_number() OVER (ORDER BY idx) - 1)::BIGINT AS h, * FROM ref_establishment WHERE mco;
