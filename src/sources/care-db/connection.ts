import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import { UserError } from '../../cli/command.ts';
import { redactUrl } from '../redact-url.ts';

/** An open connection to the care database, whichever engine holds it. */
export interface CareDbConnection {
  client: pg.Client;
  schema: string;
  /**
   * Rows per COPY, or null for one COPY per table. PGlite runs a query to its end before the
   * event loop turns, so its socket queues a whole COPY in memory: pages keep that bounded. A
   * real server waits for the client to read (TCP backpressure), so one COPY streams in constant memory.
   */
  pageRows: number | null;
  close(): Promise<void>;
}

const PGLITE_PAGE_ROWS = 100_000;

/**
 * Opens `postgres://user@host:port/db[?schema=name]` or `pglite:<data directory>[?schema=name]`.
 * PGlite is served on a loopback port for the time of the read, so both are read by the same
 * pg + COPY code.
 */
export async function openCareDb(url: string, options: { pageRows?: number | null } = {}): Promise<CareDbConnection> {
  const { base, schema } = splitSchema(url);
  if (base.startsWith('pglite:')) return openPglite(url, base.slice('pglite:'.length), schema, options.pageRows ?? PGLITE_PAGE_ROWS);
  if (!/^postgres(ql)?:\/\//.test(base)) {
    throw new UserError(`care-db input must be postgres://user@host:port/db or pglite:<directory>, not ${redactUrl(url)}`);
  }
  const client = await connect({ connectionString: base }, url);
  return { client, schema, pageRows: options.pageRows ?? null, close: () => client.end() };
}

function splitSchema(url: string): { base: string; schema: string } {
  const match = /[?&]schema=([^&]*)/.exec(url);
  if (!match) return { base: url, schema: 'public' };
  const base = url.replace(/([?&])schema=[^&]*&?/, '$1').replace(/[?&]$/, '');
  return { base, schema: decodeURIComponent(match[1]) };
}

async function openPglite(url: string, directory: string, schema: string, pageRows: number | null): Promise<CareDbConnection> {
  const dataDir = resolve(directory);
  // PGlite would silently create an empty database in a directory that holds none.
  if (!existsSync(join(dataDir, 'PG_VERSION'))) throw new UserError(`no PGlite database in ${dataDir} (${url})`);
  const db = new PGlite(dataDir);
  let server: PGLiteSocketServer | null = null;
  try {
    server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
    await server.start();
    const port = Number(server.getServerConn().split(':').pop());
    const client = await connect({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' }, url);
    const running = server;
    return {
      client,
      schema,
      pageRows,
      async close() {
        await client.end();
        await running.stop();
        await db.close();
      },
    };
  } catch (error) {
    await server?.stop();
    await db.close();
    throw error;
  }
}

async function connect(config: pg.ClientConfig, url: string): Promise<pg.Client> {
  const client = new pg.Client({ ...config, application_name: 'entrepot care-db reader', connectionTimeoutMillis: 15_000 });
  try {
    await client.connect();
    // Values are parsed from COPY text: fix the spellings that depend on server settings.
    await client.query("SET DateStyle = 'ISO, YMD'; SET client_encoding = 'UTF8'");
  } catch (error) {
    await client.end().catch(() => {});
    throw new UserError(`cannot connect to the care database ${redactUrl(url)}: ${(error as Error).message}`);
  }
  return client;
}

