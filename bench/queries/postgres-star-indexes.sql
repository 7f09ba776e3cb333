-- What a competent DBA adds to the star schema loaded into PostgreSQL (schema marts) before the
-- KPIs run: keys of the dimensions (pseudonyms and integer surrogate keys), btree on the date
-- columns the KPIs filter (with the patient key that K3 and K5 count distinct, for index-only
-- scans), the FINESS and professional keys they group or filter by, diagnosis codes with
-- text_pattern_ops so that a CIM-10 prefix (LIKE 'J4%') uses the index, then VACUUM ANALYZE for
-- statistics and the visibility map.
-- Rerun by hand: psql postgres://postgres@127.0.0.1:5432/entrepot_bench_star -f bench/queries/postgres-star-indexes.sql
ALTER TABLE marts.dim_etablissement ADD PRIMARY KEY (finess);
ALTER TABLE marts.dim_professionnel ADD PRIMARY KEY (professional_id);
ALTER TABLE marts.dim_professionnel ADD UNIQUE (professional_key);
ALTER TABLE marts.dim_professionnel_key ADD PRIMARY KEY (professional_key);
ALTER TABLE marts.dim_professionnel_key ADD UNIQUE (professional_id);
ALTER TABLE marts.dim_region ADD PRIMARY KEY (region_code);
ALTER TABLE marts.dim_departement ADD PRIMARY KEY (departement_code);
ALTER TABLE marts.dim_diagnostic ADD PRIMARY KEY (diagnosis_code);
ALTER TABLE marts.dim_patient ADD PRIMARY KEY (patient_id);
ALTER TABLE marts.dim_patient ADD UNIQUE (patient_key);
CREATE INDEX fact_consultation_date_patient ON marts.fact_consultation (consultation_date, patient_key);
CREATE INDEX fact_consultation_finess_date ON marts.fact_consultation (finess, consultation_date);
CREATE INDEX fact_consultation_diagnosis ON marts.fact_consultation (diagnosis_code text_pattern_ops, consultation_date);
CREATE INDEX fact_consultation_professional_date ON marts.fact_consultation (professional_key, consultation_date);
CREATE INDEX fact_hospitalisation_date_patient ON marts.fact_hospitalisation (admission_date, patient_key);
CREATE INDEX fact_hospitalisation_diagnosis ON marts.fact_hospitalisation (diagnosis_code text_pattern_ops, admission_date);
CREATE INDEX fact_hospitalisation_finess_date ON marts.fact_hospitalisation (finess, admission_date);
CREATE INDEX fact_deces_year_region ON marts.fact_deces (death_year, region_code);
CREATE INDEX fact_satisfaction_year_survey ON marts.fact_satisfaction (year, survey, region_code);
VACUUM ANALYZE;
