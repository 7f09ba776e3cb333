import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describeTables } from './catalog.ts';
import { openCareDb } from './connection.ts';
import { copyTable, copyTableToFile } from './copy-pages.ts';
import { patientIdentityTable, professionalIdentityTable } from './layout.ts';
import { MAPPERS, mapRow, type MapperOutput } from './mappers.ts';
import { PseudonymCache } from '../pseudonym-cache.ts';
import { SourceRow } from './source-row.ts';
import { TYPED_IN_SQL, typeCopiedTables, type CopiedTable } from './typed-in-sql.ts';
import type { BatchSink, ReaderContext, SourceReader } from '../types.ts';
import { UserError } from '../../cli/command.ts';

const PROGRESS_EVERY = 8192;

export const careDbReader: SourceReader = {
  source: 'care-db',
  describe: 'hospital care database (PostgreSQL server or PGlite directory), read with COPY',
  mode: 'snapshot',
  tables: [...MAPPERS.map((m) => m.table), patientIdentityTable, professionalIdentityTable],
  async read(input, sink, ctx) {
    if (input.kind !== 'postgres') throw new UserError('the care-db source reads a database (--url postgres://… or pglite:<directory>)');
    await readCareDb(input.url, sink, ctx);
  },
};

/**
 * Reads every table of the care database in one read-only snapshot, so that consultations and
 * the patients they name come from the same moment of a live database. `pageRows` overrides
 * the rows per COPY (tests use small pages to cross page boundaries).
 *
 * With a scratch directory and a server that streams (not PGlite, read in pages) whose text is
 * UTF-8, the big tables are copied to files within the snapshot and typed in DuckDB after it
 * (typed-in-sql.ts); every other table, and every row the SQL does not take, is mapped row by row.
 */
export async function readCareDb(url: string, sink: BatchSink, ctx: ReaderContext, options: { pageRows?: number | null } = {}): Promise<void> {
  const db = await openCareDb(url, options);
  const out: MapperOutput = {
    sink,
    pseudonymiser: ctx.pseudonymiser,
    patients: new PseudonymCache(ctx.pseudonymiser, 'patient'),
    professionals: new PseudonymCache(ctx.pseudonymiser, 'professional'),
  };
  const copied: CopiedTable[] = [];
  let done = 0;
  let total: number | undefined;
  try {
    await db.client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const shapes = await describeTables(db.client, db.schema, MAPPERS.map((m) => m.source));
    const copyToFiles = ctx.scratch !== undefined && db.pageRows === null &&
      (await db.client.query<{ server_encoding: string }>('SHOW server_encoding')).rows[0].server_encoding === 'UTF8';
    const typedLater = (name: string) => copyToFiles && TYPED_IN_SQL.has(name);
    // A table typed in SQL counts twice: once copied, once typed.
    const estimates = [...shapes].map(([name, s]) => (s.estimatedRows === null ? null : s.estimatedRows * (typedLater(name) ? 2 : 1)));
    total = estimates.includes(null) ? undefined : estimates.reduce<number>((sum, n) => sum + n!, 0);
    for (const mapper of MAPPERS) {
      const shape = shapes.get(mapper.source.name);
      if (!shape) continue;
      const target = { schema: db.schema, table: mapper.source, collatable: shape.collatable };
      if (typedLater(mapper.source.name)) {
        mkdirSync(ctx.scratch!.dir, { recursive: true });
        const file = join(ctx.scratch!.dir, `${mapper.table.name}.source.csv`);
        const { rows, sha256 } = await copyTableToFile(db.client, target, file);
        copied.push({ mapper, file, rows, sha256 });
        done += rows;
        sink.progress(done, total);
        continue;
      }
      const row = new SourceRow(mapper.source, mapper.table.name, sink);
      await copyTable(db.client, target, db.pageRows, (fields) => {
        mapRow(mapper, row, out, row.line + 1, fields);
        if (++done % PROGRESS_EVERY === 0) sink.progress(done, total);
      });
    }
    await db.client.query('COMMIT');
  } finally {
    await db.close();
  }
  if (copied.length > 0) {
    await typeCopiedTables(copied, out, ctx.scratch!, (rows) => {
      done += rows;
      sink.progress(done, total);
    });
  }
  sink.progress(done, done);
}
