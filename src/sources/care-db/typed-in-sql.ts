import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ADHER, CONSULTATION, PRESCRIPTION } from './layout.ts';
import { mapRow, type MapperOutput, type TableMapper } from './mappers.ts';
import { SourceRow } from './source-row.ts';
import type { PseudonymDomain } from '../../identity/pseudonymiser.ts';
import { Engine, quoteIdentifier, quoteLiteral } from '../../warehouse/engine.ts';
import type { ReaderContext } from '../types.ts';

/**
 * The big tables of a care database (consultations, prescriptions, memberships) are copied to a
 * file in one COPY and typed in DuckDB, with one HMAC per distinct patient or professional
 * instead of a pass of JavaScript per row. Rows the SQL cannot take as they stand (a value that
 * is not plain, see sql/plain-values.sql) go through the table's row mapper, as on the row path,
 * so that both paths load the same rows and report the same issues.
 */
export const TYPED_IN_SQL: ReadonlySet<string> = new Set([CONSULTATION.name, PRESCRIPTION.name, ADHER.name]);

/** A source table copied by `copyTableToFile`. */
export interface CopiedTable {
  mapper: TableMapper;
  file: string;
  rows: number;
  sha256: string;
}

const SQL_DIR = join(import.meta.dirname, 'sql');
// Both files read here are CSV as PostgreSQL and addPseudonyms write it, read strictly.
const CSV = `header = false, delim = ',', quote = '"', escape = '"', auto_detect = false, strict_mode = true`;
const sqlFile = (name: string) => readFileSync(join(SQL_DIR, `${name}.sql`), 'utf8');

export async function typeCopiedTables(
  copied: CopiedTable[],
  out: MapperOutput,
  scratch: NonNullable<ReaderContext['scratch']>,
  onRows: (rows: number) => void,
): Promise<void> {
  // The pseudonyms must be the build side of the joins: DuckDB estimates a filtered CSV at a few
  // dozen rows and would otherwise hash the 100M consultations (out of 1 GB). Rows carry their
  // line numbers, so their order in a file does not matter either.
  const engine = await Engine.open(':memory:', {
    temp_directory: join(scratch.dir, 'duckdb-tmp'), memory_limit: scratch.memoryLimit,
    disabled_optimizers: 'build_side_probe_side', preserve_insertion_order: 'false',
  });
  try {
    await engine.run(sqlFile('plain-values'));
    await engine.run('CREATE TEMP TABLE pseudonyms (domain VARCHAR, id VARCHAR, pseudonym VARCHAR)');
    for (const [index, table] of copied.entries()) {
      const { mapper } = table;
      const columns = ['_line: \'BIGINT\'', ...mapper.source.columns.map((c) => `${quoteLiteral(c)}: 'VARCHAR'`)].join(', ');
      await engine.run(
        `CREATE OR REPLACE TEMP VIEW source AS SELECT * FROM read_csv(${quoteLiteral(table.file)}, columns = {${columns}}, ${CSV}, ` +
          `nullstr = '', allow_quoted_nulls = false)`,
      );
      await engine.run(sqlFile(mapper.source.name));
      await addPseudonyms(engine, out, join(scratch.dir, `pseudonyms-${index}.csv`));

      const target = join(scratch.dir, `${mapper.table.name}.parquet`);
      const written = await engine.one<{ Count: number }>(`COPY (SELECT * FROM typed) TO ${quoteLiteral(target)} (FORMAT parquet)`);
      const typed = Number(written?.Count ?? 0);
      out.sink.typedRows(mapper.table.name, target, typed, `${table.sha256}:${out.pseudonymiser.fingerprint()}`);
      onRows(typed);

      // A table whose rows were all plain needs no second scan.
      if (typed === table.rows) continue;
      const row = new SourceRow(mapper.source, mapper.table.name, out.sink);
      const select = mapper.source.columns.map(quoteIdentifier).join(', ');
      let mapped = 0;
      for await (const rows of engine.chunks(`SELECT _line, ${select} FROM classified WHERE NOT plain ORDER BY _line`)) {
        for (const values of rows) mapRow(mapper, row, out, Number(values[0]), values.slice(1) as (string | null)[]);
        mapped += rows.length;
        onRows(rows.length);
      }
      if (typed + mapped !== table.rows) {
        throw new Error(`care-db: ${mapper.source.name} held ${table.rows} rows, typed ${typed} in SQL and mapped ${mapped}`);
      }
    }
  } finally {
    engine.close();
  }
}

/** Pseudonyms of the ids `refs` names and `pseudonyms` lacks, one HMAC each, added to `pseudonyms`. */
async function addPseudonyms(engine: Engine, out: MapperOutput, file: string): Promise<void> {
  const fd = openSync(file, 'w');
  let added = 0;
  try {
    const missing = 'SELECT r.domain, r.id FROM refs r ANTI JOIN pseudonyms p ON p.domain = r.domain AND p.id = r.id';
    for await (const rows of engine.chunks(missing)) {
      let text = '';
      for (const [domain, id] of rows as [PseudonymDomain, string][]) {
        text += `${domain},"${id.replaceAll('"', '""')}",${out.pseudonymiser.pseudonym(domain, id)}\n`;
      }
      writeSync(fd, text);
      added += rows.length;
    }
  } finally {
    closeSync(fd);
  }
  if (added === 0) return;
  await engine.run(
    `INSERT INTO pseudonyms SELECT * FROM read_csv(${quoteLiteral(file)}, columns = {'domain': 'VARCHAR', 'id': 'VARCHAR', 'pseudonym': 'VARCHAR'}, ${CSV})`,
  );
}
