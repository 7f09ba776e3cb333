import { mkdirSync, rmSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * Where the care database is written: an embedded PGlite data directory or a real PostgreSQL
 * server. Both take the same DDL and the same COPY text, so the rows are produced once.
 */
export interface CareDbTarget {
  /** The schema the tables go in. */
  readonly schema: string;
  exec(sql: string): Promise<void>;
  /** Loads rows in COPY text format (tab-separated, `\N` for null, one row per line). */
  copy(table: string, columns: readonly string[], text: string): Promise<void>;
  close(): Promise<void>;
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function copySql(schema: string, table: string, columns: readonly string[], source: string): string {
  return `COPY ${quoteIdent(schema)}.${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM ${source}`;
}

/** A fresh PGlite database in `dataDir` (any previous one is removed, so a re-run starts clean). */
export async function openPglite(dataDir: string): Promise<CareDbTarget> {
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const db = new PGlite(dataDir);
  await db.waitReady;
  return {
    schema: 'public',
    async exec(sql) {
      await db.exec(sql);
    },
    async copy(table, columns, text) {
      // PGlite reads COPY input from a blob: one blob per chunk keeps memory bounded.
      await db.query(copySql('public', table, columns, "'/dev/blob'"), [], { blob: new Blob([text]) });
    },
    async close() {
      await db.close();
    },
  };
}

export async function openPostgres(url: string, schema: string): Promise<CareDbTarget> {
  const client = new pg.Client({ connectionString: url, application_name: 'entrepot generate' });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  } catch (error) {
    await client.end();
    throw error;
  }
  return {
    schema,
    async exec(sql) {
      await client.query(sql);
    },
    async copy(table, columns, text) {
      const stream = client.query(copyFrom(copySql(schema, table, columns, 'STDIN')));
      stream.end(text);
      await finished(stream);
    },
    async close() {
      await client.end();
    },
  };
}
