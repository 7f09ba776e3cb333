import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';

export type SqlParams = DuckDBValue[] | Record<string, DuckDBValue>;
export type Row = Record<string, unknown>;

/**
 * One DuckDB database and one connection to it. Every user value goes through `params`
 * (bound), identifiers through `quoteIdentifier`; nothing else is spliced into SQL.
 */
export class Engine {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  /** `path` is a DuckDB file, or `:memory:` for a scratch engine. */
  static async open(path = ':memory:', options: Record<string, string> = {}): Promise<Engine> {
    const instance = await DuckDBInstance.create(path, options);
    const connection = await instance.connect();
    return new Engine(instance, connection);
  }

  async run(sql: string, params?: SqlParams): Promise<void> {
    await this.connection.run(sql, params);
  }

  /** Rows as plain objects; BIGINT and HUGEINT become numbers when they are safe integers. */
  async all<T = Row>(sql: string, params?: SqlParams): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql, params);
    return reader.getRowObjectsJS().map(normaliseRow) as T[];
  }

  /** Rows as arrays of values in select-list order, a chunk (up to 2,048 rows) at a time: memory stays flat. */
  async *chunks(sql: string, params?: SqlParams): AsyncGenerator<DuckDBValue[][]> {
    const result = await this.connection.stream(sql, params);
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) return;
      yield chunk.getRows();
    }
  }

  async one<T = Row>(sql: string, params?: SqlParams): Promise<T | undefined> {
    const rows = await this.all<T>(sql, params);
    return rows[0];
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);

// Runs on every value of every row (K6 returns tens of thousands): no array per row, no BigInt per comparison.
function normaliseRow(row: Record<string, unknown>): Row {
  for (const key in row) {
    const value = row[key];
    if (typeof value === 'bigint' && value <= MAX_SAFE && value >= MIN_SAFE) row[key] = Number(value);
  }
  return row;
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A SQL string literal, for paths and other values DuckDB does not accept as parameters (e.g. in COPY). */
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A DuckDB list of string literals, e.g. the files of `read_parquet([…])`. */
export function quoteList(values: string[]): string {
  return `[${values.map(quoteLiteral).join(', ')}]`;
}
