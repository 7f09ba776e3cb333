import type pg from 'pg';
import type { SourceTable } from './layout.ts';
import { UserError } from '../../cli/command.ts';

export interface TableShape {
  /** Columns whose type sorts by a collation (text, varchar…), so that the order is fixed with COLLATE "C". */
  collatable: Set<string>;
  /** The planner's row estimate, for progress only; null when the table was never analysed. */
  estimatedRows: number | null;
}

/**
 * What the schema holds, checked against the tables the reader needs before any row is read,
 * so that a copy lacking a table or a column fails at once with its name.
 */
export async function describeTables(client: pg.Client, schema: string, wanted: readonly SourceTable[]): Promise<Map<string, TableShape>> {
  const result = await client.query<{ table: string; column: string; collatable: boolean; reltuples: number }>(
    `SELECT c.relname AS table, a.attname AS column, t.typcollation <> 0 AS collatable, c.reltuples::float8 AS reltuples
       FROM pg_catalog.pg_class c
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f')`,
    [schema],
  );
  const columns = new Map<string, Map<string, boolean>>();
  const estimates = new Map<string, number>();
  for (const row of result.rows) {
    if (!columns.has(row.table)) columns.set(row.table, new Map());
    columns.get(row.table)!.set(row.column, row.collatable);
    estimates.set(row.table, row.reltuples);
  }
  const shapes = new Map<string, TableShape>();
  for (const table of wanted) {
    const found = columns.get(table.name);
    if (!found) {
      if (table.optional) continue;
      throw new UserError(`the care database has no table "${table.name}" in schema "${schema}"`);
    }
    const missing = table.columns.filter((c) => !found.has(c));
    if (missing.length > 0) {
      throw new UserError(`table "${table.name}" of the care database lacks column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}`);
    }
    const estimate = estimates.get(table.name)!;
    shapes.set(table.name, {
      collatable: new Set(table.columns.filter((c) => found.get(c))),
      estimatedRows: estimate >= 0 ? estimate : null,
    });
  }
  return shapes;
}
