import { createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { SourceTable } from './layout.ts';

/** One row of a COPY text stream: the fields as text, null for SQL NULL. */
export type CopyFields = (string | null)[];

export interface CopyTarget {
  schema: string;
  table: SourceTable;
  collatable: ReadonlySet<string>;
}

/**
 * Streams the rows of a table, ordered by `table.order`, through `COPY (SELECT …) TO STDOUT`.
 * With `pageRows`, the table is read in keyset pages on its first order column: the rows
 * whose key is null first, then `key >= last key seen`, skipping the rows of that key already
 * read. A key may repeat (tables without a primary key) without a row being lost or read twice,
 * because the whole order is total up to identical rows. Returns the number of rows read.
 */
export async function copyTable(
  client: pg.Client,
  target: CopyTarget,
  pageRows: number | null,
  onRow: (fields: CopyFields) => void,
): Promise<number> {
  const { table } = target;
  const { key, rest } = orderOf(target);
  const select = `SELECT ${table.columns.map(pg.escapeIdentifier).join(', ')} FROM ${tableName(target)}`;
  const copy = (where: string, order: string[], offset: number, limit: number | null) =>
    `COPY (${select}${where ? ` WHERE ${where}` : ''}${order.length ? ` ORDER BY ${order.join(', ')}` : ''}` +
    `${offset ? ` OFFSET ${offset}` : ''}${limit === null ? '' : ` LIMIT ${limit}`}) TO STDOUT`;

  if (pageRows === null) return copyRows(client, copy('', [`${key} NULLS FIRST`, ...rest], 0, null), onRow);

  let total = 0;
  for (let offset = 0; ;) {
    const n = await copyRows(client, copy(`${key} IS NULL`, rest, offset, pageRows), onRow);
    offset += n;
    total += n;
    if (n < pageRows) break;
  }
  const keyIndex = table.columns.indexOf(table.order[0]);
  let last: string | null = null;
  let seenOfLast = 0;
  const track = (fields: CopyFields) => {
    const value = fields[keyIndex]!;
    if (value === last) seenOfLast += 1;
    else {
      last = value;
      seenOfLast = 1;
    }
    onRow(fields);
  };
  for (;;) {
    const where: string = last === null ? `${key} IS NOT NULL` : `${key} >= ${pg.escapeLiteral(last)}`;
    const n = await copyRows(client, copy(where, [key, ...rest], last === null ? 0 : seenOfLast, pageRows), track);
    total += n;
    if (n < pageRows) return total;
  }
}

/**
 * Writes the whole table to `path` in one COPY, as PostgreSQL's CSV, each row preceded by its
 * number in the order `copyTable` reads (the line number the row would get there): a column
 * `_line`, then `table.columns`. Returns the rows written and the SHA-256 of the bytes.
 */
export async function copyTableToFile(client: pg.Client, target: CopyTarget, path: string): Promise<{ rows: number; sha256: string }> {
  const { key, rest } = orderOf(target);
  const sql = `COPY (SELECT row_number() OVER (ORDER BY ${[`${key} NULLS FIRST`, ...rest].join(', ')}) AS _line, ` +
    `${target.table.columns.map(pg.escapeIdentifier).join(', ')} FROM ${tableName(target)}) TO STDOUT (FORMAT csv)`;
  const stream = client.query(copyTo(sql));
  const hash = createHash('sha256');
  const fd = openSync(path, 'w');
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash.update(chunk);
      writeSync(fd, chunk);
    }
  } finally {
    closeSync(fd);
  }
  return { rows: stream.rowCount, sha256: hash.digest('hex') };
}

// Text columns sort by "C": a server's collation must not change the order, hence the line numbers.
function orderOf(target: CopyTarget): { key: string; rest: string[] } {
  const sorted = (column: string) => pg.escapeIdentifier(column) + (target.collatable.has(column) ? ' COLLATE "C"' : '');
  return { key: sorted(target.table.order[0]), rest: target.table.order.slice(1).map(sorted) };
}

function tableName(target: CopyTarget): string {
  return `${pg.escapeIdentifier(target.schema)}.${pg.escapeIdentifier(target.table.name)}`;
}

async function copyRows(client: pg.Client, sql: string, onRow: (fields: CopyFields) => void): Promise<number> {
  const stream = client.query(copyTo(sql));
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let count = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const text = carry + decoder.write(chunk);
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      onRow(parseCopyLine(text.slice(start, end)));
      count += 1;
      start = end + 1;
    }
    carry = text.slice(start);
  }
  if (carry + decoder.end() !== '') throw new Error(`COPY stream ended inside a row: ${sql}`);
  return count;
}

// COPY text format escapes these control characters and the backslash itself; nothing else.
const ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** Splits one line of PostgreSQL's COPY text format: tab-separated, `\N` for NULL, backslash escapes. */
export function parseCopyLine(line: string): CopyFields {
  const fields: CopyFields = line.split('\t');
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    if (field === '\\N') fields[i] = null;
    else if (field.includes('\\')) fields[i] = field.replace(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? c);
  }
  return fields;
}
