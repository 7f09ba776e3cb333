-- params: ${salles}, ${consultations}
SELECT s AS "Id_salle", 1 + pick(s, 'room-consultation', ${consultations}) AS "Num_consultation",
  'B' || (1 + s % 6) AS "Code_bloc", s % 5 AS "Num_etage", 1 + s % 40 AS "Num_salle"
FROM range(1, ${salles} + 1) t(s)
