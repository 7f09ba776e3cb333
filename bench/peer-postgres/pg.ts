import { createReadStream } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** The URL of another database on the same server. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await connect(url);
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function databaseExists(serverUrl: string, database: string): Promise<boolean> {
  return withClient(serverUrl, async (client) => (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount === 1);
}

/** Drops (closing its sessions) and creates a database of the benchmark. */
export async function recreateDatabase(serverUrl: string, database: string): Promise<void> {
  if (!/^entrepot_bench\w*$/.test(database)) throw new Error(`refusing to drop ${database}: benchmark databases are named entrepot_bench*`);
  await withClient(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  });
}

export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  if (!/^entrepot_bench\w*$/.test(database)) throw new Error(`refusing to drop ${database}`);
  await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`));
}

/** `COPY <table> FROM STDIN (FORMAT csv)` fed from a CSV file. */
export async function copyFileInto(client: pg.Client, table: string, file: string, options = 'FORMAT csv'): Promise<void> {
  const sink = client.query(copyFrom(`COPY ${table} FROM STDIN (${options})`));
  await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), sink);
}

/**
 * Runs `COPY (<query>) TO STDOUT` and drains it in node, counting rows (newlines) and bytes: the
 * least any reader of the care database has to do, the peer of our reader.
 */
export async function drainCopy(client: pg.Client, query: string): Promise<{ rows: number; bytes: number }> {
  let rows = 0;
  let bytes = 0;
  const source = client.query(copyTo(`COPY (${query}) TO STDOUT`));
  await pipeline(
    source,
    new Writable({
      highWaterMark: 1 << 20,
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows += 1;
        done();
      },
    }),
  );
  return { rows, bytes };
}
