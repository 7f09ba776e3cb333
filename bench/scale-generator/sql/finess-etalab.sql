-- FINESS etalab extract (source 3): one `structureet` line of 32 fields per establishment (the
-- last, numuai, empty: the line closes with `;`), then one `geolocalisation` line each.
-- Written under the header line `finess;etalab;100;<date>`. Column: line.
SELECT line FROM (
  SELECT 0 AS part, e.idx, concat_ws(';',
    'structureet', e.finess_et, e.finess_ej,
    left(CASE WHEN e.mco THEN 'CH ' ELSE upper(split_part(e.category_label, ' ', 1)) || ' ' END || e.commune_name, 38),
    CASE WHEN e.mco THEN 'CENTRE HOSPITALIER DE ' ELSE upper(e.category_label) || ' ' END || e.commune_name,
    '', '', (1 + pick(e.idx, 'est-street-number', 200))::VARCHAR, (['R','AV','BD','PL','CHE'])[1 + pick(e.idx, 'est-street-type', 5)],
    surname(pick(e.idx, 'est-street', 200)), '', '',
    e.finess_commune, e.finess_departement, d.name, e.postal_code || ' ' || e.commune_name,
    '04' || lpad(pick(e.idx, 'est-phone', 100000000)::VARCHAR, 8, '0'), '',
    e.category_code, e.category_label, e.group_code, e.group_label,
    lpad(pick(e.idx, 'est-siret', 100000000000000)::VARCHAR, 14, '0'),
    CASE WHEN e.mco THEN '8610Z' WHEN e.category_code = '620' THEN '4773Z' ELSE '8710A' END,
    '03', 'ARS etablissements de sante non factures', '99', 'Indetermine',
    strftime(DATE '1950-01-01' + pick(e.idx, 'est-opened', 25000)::INTEGER, '%Y-%m-%d'),
    strftime(DATE '1950-01-01' + pick(e.idx, 'est-opened', 25000)::INTEGER, '%Y-%m-%d'),
    strftime(DATE '2015-01-01' + pick(e.idx, 'est-updated', 3000)::INTEGER, '%Y-%m-%d'),
    '') AS line
  FROM ref_establishment e LEFT JOIN ref_departement d ON d.code = e.departement
  UNION ALL
  SELECT 1, e.idx, concat_ws(';',
    'geolocalisation', e.finess_et,
    printf('%.1f', CASE WHEN length(e.departement) = 3 THEN 500000 + 300000 * u(e.idx, 'est-x') ELSE 100000 + 1100000 * u(e.idx, 'est-x') END),
    printf('%.1f', CASE WHEN length(e.departement) = 3 THEN 1500000 + 1000000 * u(e.idx, 'est-y') ELSE 6050000 + 1050000 * u(e.idx, 'est-y') END),
    '1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,' || CASE e.departement WHEN '971' THEN 'UTM_N20' WHEN '972' THEN 'UTM_N20' WHEN '973' THEN 'UTM_N22'
      WHEN '974' THEN 'UTM_S40' WHEN '976' THEN 'UTM_S38' ELSE 'LAMBERT_93' END,
    strftime(DATE '2015-01-01' + pick(e.idx, 'est-updated', 3000)::INTEGER, '%Y-%m-%d'))
  FROM ref_establishment e
) ORDER BY part, idx
