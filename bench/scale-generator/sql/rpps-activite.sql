-- RPPS "Annuaire Santé" places of activity (source 6): `|`-separated, every line closed by `|`,
-- one line per professional x place. The care database's professionals come first (0 to 3
-- places each: the group's establishments, other hospitals, or a liberal practice with no
-- FINESS), then the rest of the nation's professionals up to ${lines} lines. Column: line.
-- params: ${professionals}, ${lines}, ${group_size}, ${hospitals}, ${home_communes}
WITH ours AS (
  SELECT r, k FROM range(${professionals}) t(r), range(3) p(k)
  WHERE k < CASE WHEN u(r, 'rpps-places') < 0.08 THEN 0 WHEN u(r, 'rpps-places') < 0.70 THEN 1
                 WHEN u(r, 'rpps-places') < 0.90 THEN 2 ELSE 3 END
), place AS (
  SELECT r, k, hash(r, k) AS i,
    CASE WHEN k = 0 AND u(r, 'rpps-first-place') < 0.9 THEN pick(r, 'rpps-group-est', ${group_size})
         WHEN k > 0 AND u(hash(r, k), 'rpps-place-kind') < 0.5 THEN pick(hash(r, k), 'rpps-group-est', ${group_size})
         WHEN u(hash(r, k), 'rpps-place-kind') < 0.8 THEN ${group_size} + pick(hash(r, k), 'rpps-other-est', ${hospitals} - ${group_size})
    END AS h
  FROM ours
  UNION ALL
  SELECT r, 0, hash(r, 0),
    CASE WHEN u(r, 'rpps-national-kind') < 0.4 THEN pick(r, 'rpps-national-est', ${hospitals}) END
  FROM range(${professionals} + 1000000, ${professionals} + 1000000 + greatest(0, ${lines} - (SELECT count(*) FROM ours))) t(r)
), dated AS (
  SELECT p.*, DATE '2000-01-01' + pick(i, 'rpps-start', 7300)::INTEGER AS started,
    CASE WHEN u(i, 'rpps-ended') < 0.2 THEN DATE '2000-01-01' + pick(i, 'rpps-start', 7300)::INTEGER + (30 + pick(i, 'rpps-length', 4000))::INTEGER END AS ended,
    1 + pick(r, 'prof-sex', 2) AS sex
  FROM place p
)
SELECT concat_ws('|',
  CASE WHEN length(professional_id(r)) = 11 THEN '8' ELSE '0' END, professional_id(r),
  CASE WHEN length(professional_id(r)) = 11 THEN '8' ELSE '0' END || professional_id(r),
  CASE WHEN sex = 1 THEN 'M' ELSE 'MME' END, CASE WHEN sex = 1 THEN 'Monsieur' ELSE 'Madame' END,
  surname(pick(r, 'prof-surname', 200)), first_name(pick(r, 'prof-first', 50), sex),
  '10', 'Médecin',
  CASE WHEN d.h IS NULL THEN 'L' ELSE 'S' END, CASE WHEN d.h IS NULL THEN 'Libéral' ELSE 'Salarié' END,
  coalesce(e.finess_et, ''), coalesce(e.finess_ej, ''), coalesce('CENTRE HOSPITALIER DE ' || e.commune_name, ''),
  coalesce(e.commune_code, c.code),
  strftime(started, '%d/%m/%Y'), coalesce(strftime(ended, '%d/%m/%Y'), ''), '') AS line
FROM dated d
LEFT JOIN ref_hospital e ON e.h = d.h
LEFT JOIN ref_home c ON c.idx = pick(d.i, 'rpps-cabinet', ${home_communes})
ORDER BY r, k
