-- Macros shared by the models, created before the first model runs.

-- Best known birth date: the vault's exact date when it could be read, else the 1st of the
-- birth month, else 1 July of the birth year (mid-year keeps the error of an unknown month
-- within six months either way).
CREATE OR REPLACE MACRO birth_date_estimate(exact, birth_year, birth_month) AS
  coalesce(exact, make_date(birth_year, coalesce(birth_month, 7), 1));

-- Whole years from birth to the event: date_sub counts complete years, so the day before a
-- birthday still gives the previous age.
CREATE OR REPLACE MACRO age_at(birth, event_date) AS
  CASE WHEN birth IS NOT NULL AND event_date IS NOT NULL THEN date_sub('year', birth, event_date) END;

-- Age bands of KPIS.md, numbered 0 (0-4), 1 (5-14) … 8 (75-84), 9 (85+): the number is what K5
-- sets as a bit of each patient's mask, the label what people read (marts.dim_age_band pairs them).
CREATE OR REPLACE MACRO age_band_key(age) AS
  CASE
    WHEN age IS NULL OR age < 0 THEN NULL
    WHEN age < 5 THEN 0
    WHEN age < 85 THEN (age + 5) // 10
    ELSE 9
  END;

CREATE OR REPLACE MACRO age_band_label(band_key) AS
  CASE band_key
    WHEN 0 THEN '0-4'
    WHEN 9 THEN '85+'
    ELSE (band_key * 10 - 5)::VARCHAR || '-' || (band_key * 10 + 4)::VARCHAR
  END;

CREATE OR REPLACE MACRO age_band(age) AS age_band_label(age_band_key(age));

-- Text folded for matching labels written by hand: no accents, no case, letters and digits only
-- ("Provence-Alpes-Côte d’Azur" and "PROVENCE ALPES COTE D'AZUR" fold alike).
CREATE OR REPLACE MACRO fold_label(label) AS
  regexp_replace(lower(strip_accents(label)), '[^a-z0-9]+', '', 'g');
