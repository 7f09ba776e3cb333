import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { copyFileInto, databaseUrl, recreateDatabase, withClient, connect } from './pg.ts';
import type { KpiParams, KpiTiming, OpenedEngine } from '../measure/kpis.ts';
import { timeKpis } from '../measure/kpis.ts';
import { KPI_CATALOGUE } from '../../src/analytics/catalogue.ts';
import { kpiSql, type QueryEngine } from '../../src/analytics/run-kpi.ts';
import { currentBuild, openMarts, quoteIdentifier, quoteLiteral, WarehouseLayout } from '../../src/warehouse/index.ts';

export const STAR_INDEXES = join(import.meta.dirname, '../queries/postgres-star-indexes.sql');
export const STAR_SESSION = join(import.meta.dirname, '../queries/postgres-session.sql');
/** KPI .sql files written for PostgreSQL, by the name of the warehouse's file they stand for. */
export const POSTGRES_KPIS = join(import.meta.dirname, '../queries/postgres-kpis');

export interface StarLoadMeasure {
  database: string;
  /** COPY of every marts table (DuckDB writes CSV from the build's Parquet, PostgreSQL COPYs it). */
  loadSeconds: number;
  /** Indexes of bench/queries/postgres-star-indexes.sql, then VACUUM ANALYZE. */
  indexSeconds: number;
  rows: Record<string, number>;
  /** Table + index size on disk. */
  bytes: number;
  ddl: string;
}

/** PostgreSQL type of a DuckDB column type of the build manifest. */
export function postgresType(duckdbType: string): string {
  const type = duckdbType.toUpperCase();
  if (type === 'VARCHAR' || type.startsWith('VARCHAR(')) return 'text';
  if (type === 'BIGINT' || type === 'UBIGINT' || type === 'UINTEGER') return 'bigint';
  if (type === 'INTEGER' || type === 'USMALLINT') return 'integer';
  if (type === 'SMALLINT' || type === 'TINYINT' || type === 'UTINYINT') return 'smallint';
  if (type === 'HUGEINT') return 'numeric';
  if (type === 'DOUBLE' || type === 'FLOAT') return 'double precision';
  if (type.startsWith('DECIMAL')) return type.replace('DECIMAL', 'numeric');
  if (type === 'DATE' || type === 'TIME' || type === 'BOOLEAN' || type === 'TIMESTAMP') return type.toLowerCase();
  throw new Error(`no PostgreSQL type for DuckDB type ${duckdbType}`);
}

/**
 * Loads the SAME star schema as the current build into PostgreSQL: every `marts.*` table of the
 * build, its Parquet written as CSV by DuckDB (one partition at a time, so disk stays bounded)
 * and COPYed into a plain table of the same columns; then the DBA's indexes and VACUUM ANALYZE.
 */
export async function loadStarSchema(options: { warehouse: string; serverUrl: string; database: string; tempDir: string; log: (line: string) => void }): Promise<StarLoadMeasure> {
  const { warehouse, serverUrl, database, tempDir, log } = options;
  const layout = new WarehouseLayout(warehouse);
  const build = currentBuild(layout);
  if (!build) throw new Error(`${warehouse} has no build`);
  const marts = build.manifest.models.filter((m) => m.model.startsWith('marts.'));
  const ddl = marts
    .map((m) => `CREATE TABLE ${m.model} (${m.columns.map((c) => `${quoteIdentifier(c.name)} ${postgresType(c.type)}`).join(', ')});`)
    .join('\n');
  await recreateDatabase(serverUrl, database);
  const url = databaseUrl(serverUrl, database);
  mkdirSync(tempDir, { recursive: true });
  const duck = await openMarts(layout);
  const rows: Record<string, number> = {};
  const started = performance.now();
  try {
    await withClient(url, async (client) => {
      await client.query('CREATE SCHEMA marts');
      await client.query(ddl);
      for (const model of marts) {
        const columns = model.columns.map((c) => quoteIdentifier(c.name)).join(', ');
        const slices = model.partitionBy.length === 1 && model.rows > 0
          ? (await duck.all<{ v: unknown }>(`SELECT DISTINCT ${quoteIdentifier(model.partitionBy[0])} AS v FROM ${model.model} ORDER BY 1`))
              .map((r) => (r.v === null ? `${quoteIdentifier(model.partitionBy[0])} IS NULL` : `${quoteIdentifier(model.partitionBy[0])} = ${quoteLiteral(String(r.v))}`))
          : ['true'];
        rows[model.model] = 0;
        for (const where of slices) {
          const csv = join(tempDir, `${model.model}.csv`);
          const written = await duck.one<{ Count: number }>(`COPY (SELECT ${columns} FROM ${model.model} WHERE ${where}) TO ${quoteLiteral(csv)} (FORMAT csv, HEADER false)`);
          rows[model.model] += Number(written?.Count ?? 0);
          await copyFileInto(client, `${model.model} (${columns})`, csv);
          rmSync(csv, { force: true });
        }
      }
    });
  } finally {
    duck.close();
  }
  const loadSeconds = (performance.now() - started) / 1000;
  log(`postgres star: ${Object.values(rows).reduce((a, b) => a + b, 0).toLocaleString('en')} rows loaded in ${loadSeconds.toFixed(1)} s`);
  const indexed = performance.now();
  await withClient(url, async (client) => {
    // One statement at a time: VACUUM cannot run in the implicit transaction of a multi-statement query.
    for (const statement of sqlStatements(readFileSync(STAR_INDEXES, 'utf8'))) await client.query(statement);
  });
  const indexSeconds = (performance.now() - indexed) / 1000;
  const bytes = await withClient(url, async (client) =>
    Number((await client.query(`SELECT sum(pg_total_relation_size(c.oid)) AS b FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'marts' AND c.relkind = 'r'`)).rows[0].b));
  log(`postgres star: indexes and VACUUM ANALYZE in ${indexSeconds.toFixed(1)} s, ${(bytes / 2 ** 20).toFixed(0)} MiB on disk`);
  return { database, loadSeconds, indexSeconds, rows, bytes, ddl };
}

/** The statements of a SQL file without its comment lines (no `;` inside literals in our files). */
export function sqlStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The peer's own formulation of a KPI, where the warehouse's SQL leans on what DuckDB does well
 * and PostgreSQL runs it slower than an earlier text of the same KPI: the warehouse's SQL text →
 * the text PostgreSQL runs instead. Both return the same numbers (formulations.test.ts).
 */
export function postgresFormulations(): Map<string, string> {
  const formulations = new Map<string, string>();
  for (const def of Object.values(KPI_CATALOGUE)) {
    const file = join(POSTGRES_KPIS, def.sqlFile);
    if (existsSync(file)) formulations.set(kpiSql(def.id), readFileSync(file, 'utf8'));
  }
  return formulations;
}

/** `engine`, running PostgreSQL's own formulation wherever run-kpi sends a KPI's SQL that has one. */
export function withFormulations(engine: QueryEngine, formulations: Map<string, string>): QueryEngine {
  return { all: (sql, params) => engine.all(formulations.get(sql) ?? sql, params) };
}

/** A PostgreSQL client as run-kpi's QueryEngine (bigint and numeric come back as text; run-kpi reads numbers). */
export function postgresEngine(client: pg.Client): QueryEngine {
  return {
    async all<T>(sql: string, params: string[] = []): Promise<T[]> {
      return (await client.query(sql, params)).rows as T[];
    },
  };
}

/**
 * K1–K8 through the same runKpi and .sql files, but for PostgreSQL's own formulations (above),
 * each cold run on a new connection after DISCARD ALL.
 */
export async function timePostgresKpis(url: string, params: KpiParams, runs: number, log: (line: string) => void): Promise<KpiTiming[]> {
  const session = readFileSync(STAR_SESSION, 'utf8');
  const formulations = postgresFormulations();
  const open = async (): Promise<OpenedEngine> => {
    const client = await connect(url);
    await client.query('DISCARD ALL');
    await client.query(session);
    return { engine: withFormulations(postgresEngine(client), formulations), close: () => client.end() };
  };
  return timeKpis(open, params, runs, log);
}
