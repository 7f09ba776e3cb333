import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { QueryEngine } from '../../src/analytics/run-kpi.ts';
import { Engine } from '../../src/warehouse/engine.ts';

/**
 * A tiny star schema with the tables and columns of docs/marts.md, built as plain tables in a
 * schema `marts`, on DuckDB and on PostgreSQL from the same rows, so that the KPI .sql files run
 * unchanged on both ("two engines, one number", STYLE.md §8).
 */

type ColumnType = 'VARCHAR' | 'INTEGER' | 'BIGINT' | 'DATE' | 'DOUBLE PRECISION' | 'BOOLEAN';

export const MART_TABLES: Record<string, Record<string, ColumnType>> = {
  fact_consultation: {
    consultation_id: 'BIGINT', patient_key: 'INTEGER', patient_id: 'VARCHAR', professional_key: 'INTEGER', professional_id: 'VARCHAR', diagnosis_code: 'VARCHAR', chapter: 'VARCHAR',
    consultation_date: 'DATE', consultation_month: 'INTEGER', finess: 'VARCHAR', sex: 'VARCHAR', age: 'INTEGER', age_band: 'VARCHAR',
    age_band_key: 'INTEGER', consultation_year: 'INTEGER',
  },
  fact_hospitalisation: {
    stay_id: 'BIGINT', patient_key: 'INTEGER', patient_id: 'VARCHAR', finess: 'VARCHAR', diagnosis_code: 'VARCHAR', chapter: 'VARCHAR', admission_date: 'DATE',
    admission_month: 'INTEGER', length_of_stay: 'INTEGER', sex: 'VARCHAR', age: 'INTEGER', age_band: 'VARCHAR', age_band_key: 'INTEGER', admission_year: 'INTEGER',
  },
  fact_deces: {
    death_link_id: 'VARCHAR', sex: 'VARCHAR', age_at_death: 'INTEGER', death_date: 'DATE', death_month: 'INTEGER', death_place_code: 'VARCHAR',
    place_kind: 'VARCHAR', departement_code: 'VARCHAR', region_code: 'VARCHAR', patient_id: 'VARCHAR', death_year: 'INTEGER',
  },
  fact_satisfaction: {
    survey: 'VARCHAR', finess_geo: 'VARCHAR', finess_ej: 'VARCHAR', region_code: 'VARCHAR', score: 'DOUBLE PRECISION', respondents: 'INTEGER',
    class: 'VARCHAR', validated: 'BOOLEAN', year: 'INTEGER',
  },
  dim_age_band: { age_band_key: 'INTEGER', age_band: 'VARCHAR', age_from: 'INTEGER', age_to: 'INTEGER' },
  dim_region: { region_code: 'VARCHAR', region_name: 'VARCHAR', population: 'BIGINT', zone: 'VARCHAR' },
  dim_departement: { departement_code: 'VARCHAR', departement_name: 'VARCHAR', region_code: 'VARCHAR', population: 'BIGINT' },
  dim_etablissement: {
    finess: 'VARCHAR', finess_ej: 'VARCHAR', name: 'VARCHAR', category_code: 'VARCHAR', category_label: 'VARCHAR', commune_code: 'VARCHAR',
    departement_code: 'VARCHAR', region_code: 'VARCHAR',
  },
  dim_diagnostic: { diagnosis_code: 'VARCHAR', label: 'VARCHAR', block: 'VARCHAR', chapter: 'VARCHAR', chapter_label: 'VARCHAR' },
  dim_professionnel_key: { professional_key: 'INTEGER', professional_id: 'VARCHAR' },
  dim_professionnel: { professional_key: 'INTEGER', professional_id: 'VARCHAR', specialty_code: 'VARCHAR', specialty: 'VARCHAR', category: 'VARCHAR', profession: 'VARCHAR' },
  dim_patient: {
    patient_key: 'INTEGER', patient_id: 'VARCHAR', sex: 'VARCHAR', birth_year: 'INTEGER', birth_month: 'INTEGER', commune_code: 'VARCHAR', departement_code: 'VARCHAR',
    region_code: 'VARCHAR', death_date: 'DATE',
  },
};

export type MartRow = Record<string, string | number | boolean | null>;
export type MartRows = Partial<Record<keyof typeof MART_TABLES, MartRow[]>>;

export interface StarSchema {
  name: string;
  engine: QueryEngine;
  close(): Promise<void>;
}

/** Every column given (missing ones null), every value bound and cast: the same statements on both engines. */
function statements(rows: MartRows): { sql: string; params: (string | null)[] }[] {
  const out: { sql: string; params: (string | null)[] }[] = [{ sql: 'CREATE SCHEMA marts', params: [] }];
  for (const [table, columns] of Object.entries(MART_TABLES)) {
    const names = Object.keys(columns);
    out.push({ sql: `CREATE TABLE marts.${table} (${names.map((c) => `${c} ${columns[c]}`).join(', ')})`, params: [] });
    const insert = `INSERT INTO marts.${table} (${names.join(', ')}) VALUES (${names.map((c, i) => `CAST($${i + 1} AS ${columns[c]})`).join(', ')})`;
    for (const row of rows[table as keyof typeof MART_TABLES] ?? []) {
      for (const key of Object.keys(row)) if (!(key in columns)) throw new Error(`fixture: ${table} has no column ${key}`);
      out.push({ sql: insert, params: names.map((c) => (row[c] === null || row[c] === undefined ? null : String(row[c]))) });
    }
  }
  return out;
}

export async function duckdbStar(rows: MartRows): Promise<StarSchema> {
  const engine = await Engine.open();
  for (const { sql, params } of statements(rows)) await engine.run(sql, params);
  return { name: 'DuckDB', engine, close: async () => engine.close() };
}

export const POSTGRES_URL = process.env.ENTREPOT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A PostgreSQL client as a QueryEngine: bigint and numeric come back as text, run-kpi reads them as numbers. */
export function postgresEngine(client: pg.Client): QueryEngine {
  return {
    async all<T>(sql: string, params: string[] = []): Promise<T[]> {
      return (await client.query(sql, params)).rows as T[];
    },
  };
}

/** A throwaway database on the test server, dropped by `close()`. */
export async function throwawayDatabase(prefix: string): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client(POSTGRES_URL);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const client = new pg.Client(POSTGRES_URL);
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export async function postgresStar(rows: MartRows): Promise<StarSchema> {
  const database = await throwawayDatabase('entrepot_kpi_test');
  const client = new pg.Client(database.url);
  await client.connect();
  try {
    for (const { sql, params } of statements(rows)) await client.query(sql, params);
  } catch (error) {
    await client.end();
    await database.drop();
    throw error;
  }
  return {
    name: 'PostgreSQL',
    engine: postgresEngine(client),
    async close() {
      await client.end();
      await database.drop();
    },
  };
}

export const STAR_ENGINES = [
  { name: 'DuckDB', open: duckdbStar },
  { name: 'PostgreSQL', open: postgresStar },
];
