-- The values the row mapper (mappers.ts, values.ts) takes as they stand, without a warning, as
-- SQL predicates. A row whose every value passes is typed in SQL (typed-in-sql.ts); any other row
-- goes through the mapper, which repairs or reports what it can. Each predicate accepts a subset
-- of what the mapper accepts silently, never more: reader.test.ts compares both paths.

-- Digits only, at most 15: parseInteger's loop, whose value fits a BIGINT column.
CREATE OR REPLACE TEMP MACRO plain_bigint(v) AS regexp_full_match(v, '[0-9]{1,15}');

-- At most 9 digits: fits an INTEGER column.
CREATE OR REPLACE TEMP MACRO plain_integer(v) AS regexp_full_match(v, '[0-9]{1,9}');

-- Not empty, with nothing for JavaScript's trim() to remove: neither end is one of its white
-- space or line terminator characters (RE2's \s is only [\t\n\f\r ]).
CREATE OR REPLACE TEMP MACRO plain_text(v) AS v <> '' AND NOT regexp_matches(v,
  '^[\s\x{0B}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]|[\s\x{0B}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]$');

-- A CIM-10 code as stored (J450) or as the Diagnostic table spells it (J45.0): CIM10_AS_STORED
-- and CIM10_DOTTED of mappers.ts; cim10_stored drops the dot.
CREATE OR REPLACE TEMP MACRO plain_cim10(v) AS
  regexp_full_match(v, '[A-Z][0-9]{2}[0-9A-Z+]{0,4}') OR regexp_full_match(v, '[A-Z][0-9]{2}\.[0-9A-Z+]{1,4}');
CREATE OR REPLACE TEMP MACRO cim10_stored(v) AS CASE WHEN v[4] = '.' THEN v[1:3] || v[5:] ELSE v END;

-- An existing day written YYYY-MM-DD, years 1800 to 2200: parseFullDate's shortcut.
CREATE OR REPLACE TEMP MACRO plain_date(v) AS
  regexp_full_match(v, '(1[89][0-9]{2}|2[01][0-9]{2}|2200)-[0-9]{2}-[0-9]{2}') AND TRY_CAST(v AS DATE) IS NOT NULL;

-- HH:MM:SS as a time column writes it: COPY_TIME of values.ts.
CREATE OR REPLACE TEMP MACRO plain_time(v) AS regexp_full_match(v, '([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]');
