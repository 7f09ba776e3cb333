import type { FastifyInstance } from 'fastify';
import type { Engine } from '../../warehouse/engine.ts';
import type { MartsAccess } from '../marts-access.ts';
import { paramsKey, ResultCache } from '../result-cache.ts';
import { querystringSchema, SEARCH_PARAMS } from '../query-params.ts';

export interface DimensionRoutesOptions {
  marts: MartsAccess;
}

const MAX_ROWS = 50;

/** Members of dim_etablissement that are not establishments (K1 attribution outcomes). */
const PSEUDO_ESTABLISHMENTS = ['PLUSIEURS', 'AUCUN'];

const row = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});
const str = { type: 'string' };
const strOrNull = { type: ['string', 'null'] };
const intOrNull = { type: ['integer', 'null'] };

const establishmentRow = row({ finess: str, name: strOrNull, category: strOrNull, departement: strOrNull, region: strOrNull });
const diagnosisRow = row({ code: str, label: strOrNull, chapter: strOrNull, chapterLabel: strOrNull });
const regionRow = row({ code: str, name: strOrNull, zone: strOrNull, population: intOrNull });
const departementRow = row({ code: str, name: strOrNull, region: strOrNull, population: intOrNull });
const specialtyRow = row({ code: str, label: strOrNull });
const surveyRow = row({ survey: str, years: { type: 'array', items: { type: 'integer' } } });

/** Lower case without accents, the form both sides of a search are compared in. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** A LIKE pattern fragment matching `text` literally (`%` and `_` typed by a user are not wildcards). */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const searchQuery = querystringSchema(SEARCH_PARAMS);

/**
 * Look-ups behind the filters: establishments, CIM-10 codes, regions, départements, specialties,
 * surveys and the years covered. Values are bound parameters, results capped (LIMIT), and rows
 * carry labels only, never a count of patients.
 */
export async function dimensionRoutes(app: FastifyInstance, { marts }: DimensionRoutesOptions): Promise<void> {
  // Look-ups change only with a build: answers are kept per build, like the KPIs'.
  const cache = new ResultCache<unknown>(500);
  const lookUp = async <T>(key: string, query: (engine: Engine) => Promise<T>): Promise<T> => {
    const { value } = await marts.with((engine, build) => cache.get(build, key, () => query(engine)));
    return value.value as T;
  };

  app.get<{ Querystring: { q?: string; limit: number } }>('/establishments', {
    schema: {
      summary: 'Establishments by name or FINESS number',
      tags: ['dimensions'],
      querystring: searchQuery,
      response: { 200: { type: 'array', items: establishmentRow, maxItems: MAX_ROWS }, 400: { $ref: 'ApiError#' }, 503: { $ref: 'ApiError#' } },
    },
  }, async (request) => {
    const q = (request.query.q ?? '').trim();
    const code = likeLiteral(q.toUpperCase().replace(/\s+/g, ''));
    const name = likeLiteral(foldText(q));
    const limit = Math.min(request.query.limit, MAX_ROWS);
    return lookUp(`establishments ${paramsKey({ q, limit })}`, (engine) => engine.all(
      `SELECT finess, name, category_label AS category, departement_code AS departement, region_code AS region
         FROM marts.dim_etablissement
        WHERE finess NOT IN (?, ?)
          AND (finess LIKE ? || '%' ESCAPE '\\' OR strip_accents(lower(name)) LIKE '%' || ? || '%' ESCAPE '\\')
        ORDER BY (finess = ?) DESC, (strip_accents(lower(name)) LIKE ? || '%' ESCAPE '\\') DESC, name, finess
        LIMIT ?`,
      [...PSEUDO_ESTABLISHMENTS, code, name, code, name, limit],
    ));
  });

  app.get<{ Querystring: { q?: string; limit: number } }>('/diagnoses', {
    schema: {
      summary: 'CIM-10 codes by code prefix or French label',
      tags: ['dimensions'],
      querystring: searchQuery,
      response: { 200: { type: 'array', items: diagnosisRow, maxItems: MAX_ROWS }, 400: { $ref: 'ApiError#' }, 503: { $ref: 'ApiError#' } },
    },
  }, async (request) => {
    const q = (request.query.q ?? '').trim();
    const code = likeLiteral(q.toUpperCase().replace(/[\s.]/g, ''));
    const label = likeLiteral(foldText(q));
    const limit = Math.min(request.query.limit, MAX_ROWS);
    return lookUp(`diagnoses ${paramsKey({ q, limit })}`, (engine) => engine.all(
      `SELECT diagnosis_code AS code, label, chapter, chapter_label AS "chapterLabel"
         FROM marts.dim_diagnostic
        WHERE diagnosis_code LIKE ? || '%' ESCAPE '\\' OR strip_accents(lower(label)) LIKE '%' || ? || '%' ESCAPE '\\'
        ORDER BY (diagnosis_code LIKE ? || '%' ESCAPE '\\') DESC, diagnosis_code
        LIMIT ?`,
      [code, label, code, limit],
    ));
  });

  app.get('/regions', {
    schema: {
      summary: 'Regions of the official geographic code (2016 reform, overseas included)',
      tags: ['dimensions'],
      response: { 200: { type: 'array', items: regionRow }, 503: { $ref: 'ApiError#' } },
    },
  }, async () => {
    return lookUp('regions', (engine) => engine.all(
      `SELECT region_code AS code, region_name AS name, zone, population FROM marts.dim_region ORDER BY region_code LIMIT 100`,
    ));
  });

  app.get<{ Querystring: { region?: string } }>('/departements', {
    schema: {
      summary: 'Départements, all or those of one region',
      tags: ['dimensions'],
      querystring: {
        type: 'object',
        properties: { region: { type: 'string', pattern: '^[0-9]{2,3}$', description: 'region code' } },
        additionalProperties: false,
      },
      response: { 200: { type: 'array', items: departementRow }, 400: { $ref: 'ApiError#' }, 503: { $ref: 'ApiError#' } },
    },
  }, async (request) => {
    const region = request.query.region ?? null;
    return lookUp(`departements ${region}`, (engine) => engine.all(
      `SELECT departement_code AS code, departement_name AS name, region_code AS region, population
         FROM marts.dim_departement
        WHERE ?::VARCHAR IS NULL OR region_code = ?
        ORDER BY departement_code LIMIT 200`,
      [region, region],
    ));
  });

  app.get('/specialties', {
    schema: {
      summary: 'Specialties of the professionals (K6 filter)',
      tags: ['dimensions'],
      response: { 200: { type: 'array', items: specialtyRow }, 503: { $ref: 'ApiError#' } },
    },
  }, async () => {
    return lookUp('specialties', (engine) => engine.all(
      `SELECT specialty_code AS code, min(specialty) AS label FROM marts.dim_professionnel
        WHERE specialty_code IS NOT NULL GROUP BY specialty_code ORDER BY label, code LIMIT 500`,
    ));
  });

  app.get('/surveys', {
    schema: {
      summary: 'e-Satis surveys and the years each covers (K8 filter)',
      tags: ['dimensions'],
      response: { 200: { type: 'array', items: surveyRow }, 503: { $ref: 'ApiError#' } },
    },
  }, async () => {
    return lookUp('surveys', (engine) => engine.all(
      `SELECT survey, list(DISTINCT year::INTEGER ORDER BY year::INTEGER) AS years FROM marts.fact_satisfaction
        WHERE survey IS NOT NULL GROUP BY survey ORDER BY survey LIMIT 50`,
    ));
  });

  app.get('/periods', {
    schema: {
      summary: 'First and last day with events, the years in between, and the years with consultations or stays',
      tags: ['dimensions'],
      response: {
        200: row({
          first: strOrNull,
          last: strOrNull,
          years: { type: 'array', items: { type: 'integer' } },
          activityYears: { type: 'array', items: { type: 'integer' }, description: 'years with consultations or hospital stays (K1–K6)' },
        }),
        503: { $ref: 'ApiError#' },
      },
    },
  }, async () => lookUp('periods', async (engine) => {
    const bounds = await engine.one<{ first: string | null; last: string | null; years: number[] | null }>(
      `SELECT min(date_key)::VARCHAR AS first, max(date_key)::VARCHAR AS last,
              list(DISTINCT year::INTEGER ORDER BY year::INTEGER) AS years
         FROM marts.dim_date`,
    );
    // The partition columns: DuckDB answers from the file paths.
    const activity = await engine.one<{ years: number[] | null }>(
      `SELECT list(DISTINCT y ORDER BY y) AS years FROM (
         SELECT DISTINCT consultation_year::INTEGER AS y FROM marts.fact_consultation
         UNION SELECT DISTINCT admission_year::INTEGER FROM marts.fact_hospitalisation) WHERE y IS NOT NULL`,
    );
    return { first: bounds?.first ?? null, last: bounds?.last ?? null, years: bounds?.years ?? [], activityYears: activity?.years ?? [] };
  }));
}
