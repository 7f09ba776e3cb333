-- INSEE death registry (source 5), fixed-width 200-character lines:
--   1-80 NOM*PRENOMS/, 81 sex, 82-89 birth AAAAMMJJ, 90-94 birth place, 95-124 birth commune,
--   125-154 birth country, 155-162 death date, 163-167 death place, 168-176 record number, filler.
-- One record in 40 is a patient of the care database (same name, sex and birth date) who died
-- in 2015-2024; one in 500 is written twice (the registry repeats records across files); 1 % of
-- birth dates have an unknown day (00). Column: line (200 ASCII characters).
-- params: ${deaths}, ${patients}, ${death_places}, ${communes}
WITH record AS (
  SELECT d, d % 40 = 0 AND d // 40 < ${patients} AS linked, 1 + d // 40 AS p
  FROM (SELECT d FROM range(${deaths}) t(d) UNION ALL SELECT d FROM range(7, ${deaths}, 500) t(d))
), person AS (
  SELECT d,
    CASE WHEN linked THEN patient_sex(p) ELSE 1 + pick(d, 'death-sex', 2) END AS sex,
    CASE WHEN linked THEN patient_surname(p) ELSE surname(pick(d, 'death-surname', 200)) END AS surname,
    CASE WHEN linked THEN patient_first_names(p)
         ELSE first_name(pick(d, 'death-first', 50), 1 + pick(d, 'death-sex', 2)) ||
              CASE WHEN pick(d, 'death-second', 2) = 0 THEN ' ' || first_name(pick(d, 'death-first2', 50), 1 + pick(d, 'death-sex', 2)) ELSE '' END
    END AS first_names,
    CASE WHEN linked THEN DATE '2015-01-01' + pick(d, 'death-linked-date', 3653)::INTEGER
         ELSE DATE '1970-01-01' + pick(d, 'death-date', 20089)::INTEGER END AS died,
    linked, p
  FROM record
), dated AS (
  SELECT *,
    CASE WHEN linked THEN least(patient_birth(p), died - 1)
         ELSE died - (365.25 * (100 * (1 - pow(u(d, 'death-age'), 2.5))))::INTEGER END AS born
  FROM person
), placed AS (
  SELECT x.*,
    CASE WHEN pick(d, 'death-born-abroad', 20) = 0 THEN '99' || (['100','109','134','139','350','351','352','212','127','331'])[1 + pick(d, 'death-country', 10)] END AS born_abroad,
    c.code AS birth_code, c.name AS birth_name,
    CASE WHEN pick(d, 'death-abroad', 200) = 0 THEN '99' || (['100','109','134','139','350'])[1 + pick(d, 'death-country2', 5)] ELSE dp.code END AS death_place
  FROM dated x
  JOIN ref_commune c ON c.idx = pick(x.d, 'death-birth-commune', ${communes})
  JOIN ref_death_place dp ON dp.idx = pick(x.d, 'death-place', ${death_places})
)
SELECT
  rpad(surname || '*' || first_names || '/', 80, ' ') ||
  sex::VARCHAR ||
  CASE WHEN NOT linked AND pick(d, 'death-birth-day-unknown', 100) = 0 THEN strftime(born, '%Y%m') || '00' ELSE strftime(born, '%Y%m%d') END ||
  rpad(coalesce(born_abroad, birth_code), 5, ' ') ||
  rpad(CASE WHEN born_abroad IS NULL THEN birth_name ELSE 'ALGER' END, 30, ' ') ||
  rpad(CASE WHEN born_abroad IS NULL THEN '' ELSE (['ALGERIE','MAROC','ITALIE','PORTUGAL','ESPAGNE'])[1 + pick(d, 'death-country', 5)] END, 30, ' ') ||
  strftime(died, '%Y%m%d') ||
  rpad(death_place, 5, ' ') ||
  rpad((1 + pick(d, 'death-record', 9999))::VARCHAR, 9, ' ') ||
  repeat(' ', 24) AS line
FROM placed
